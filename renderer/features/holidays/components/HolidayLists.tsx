import { NATION_NAMES, publicHolidays, type HolidayEdits, type Nation } from '../../../../shared/domain/calendar';
import { ukDate } from '../../../kit/ui';
import { isNotKept } from '../holiday-edits';

/** The built-in bank holidays of one nation and year, each marked kept or not, with a button to change that. */
export function BuiltInHolidaysTable({
  nation,
  year,
  saved,
  readOnly,
  onToggle,
}: {
  nation: Nation;
  year: number;
  /** The saved list; until it is read, nothing can be changed. */
  saved: HolidayEdits | undefined;
  readOnly: boolean;
  onToggle: (date: string, name: string) => void;
}) {
  const holidays = [...publicHolidays(nation, year).entries()].sort(([a], [b]) => a.localeCompare(b));
  const notKept = (date: string) => isNotKept(saved, date, nation);
  return (
    <table className="table" aria-label={`Bank holidays in ${NATION_NAMES[nation]}, ${year}`}>
      <caption className="table-caption">
        Built-in bank holidays in {NATION_NAMES[nation]}, {year}
      </caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Holiday</th>
          <th scope="col">Kept</th>
          {!readOnly && <th scope="col">Change</th>}
        </tr>
      </thead>
      <tbody>
        {holidays.map(([date, name]) => (
          <tr key={date}>
            <td>{ukDate(date)}</td>
            <td>{name}</td>
            <td>{notKept(date) ? 'Not kept' : 'Kept'}</td>
            {!readOnly && (
              <td>
                <button type="button" className="secondary" onClick={() => onToggle(date, name)} disabled={!saved}>
                  {notKept(date) ? 'Keep it' : 'Mark not kept'}
                  <span className="visually-hidden">: {name}</span>
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The one-off holidays the Member has added, each with a button to remove it. */
export function AddedHolidaysList({
  added,
  readOnly,
  onRemove,
}: {
  added: HolidayEdits['added'];
  readOnly: boolean;
  onRemove: (date: string, name: string) => void;
}) {
  if (added.length === 0) return <p>None added.</p>;
  return (
    <ul>
      {added.map((a) => (
        <li key={`a${a.date}`}>
          {ukDate(a.date)}, {a.name} ({a.nations.map((n) => NATION_NAMES[n]).join(', ')}){' '}
          {!readOnly && (
            <button type="button" className="secondary" onClick={() => onRemove(a.date, a.name)}>
              Remove<span className="visually-hidden"> {a.name}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

import { NATION_NAMES, type HolidayEdits, type Nation } from '../../../../shared/domain/calendar';
import { ukDate } from '../../../app/ui';

/** The built-in bank holidays of one nation and year, each marked kept or not, with a button to change that. */
export function BuiltInHolidaysTable({
  nation,
  year,
  holidays,
  notKept,
  readOnly,
  canChange,
  onToggle,
}: {
  nation: Nation;
  year: number;
  holidays: Array<[date: string, name: string]>;
  notKept: (date: string) => boolean;
  readOnly: boolean;
  canChange: boolean;
  onToggle: (date: string, name: string) => void;
}) {
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
                <button type="button" className="secondary" onClick={() => onToggle(date, name)} disabled={!canChange}>
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

import { useState, type FormEvent } from 'react';
import { NATIONS, NATION_NAMES, publicHolidays, type HolidayEdits, type Nation } from '../../../../shared/domain/calendar';
import { formatUkLong, isWeekend } from '../../../../shared/domain/dates';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { DateInput, Field, Form, Problems, emptyDate, ukToday, useForm, type DateParts, type FieldMap } from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';

type Affected = { id: string; reference: string; subject: string; before: { respondBy: string }; after: { respondBy: string } };

export const HOLIDAY_FIELDS: FieldMap = {
  fields: {
    date: { label: 'Holiday date', missing: 'Enter the date of the holiday' },
    name: { label: 'Holiday name', missing: 'Name the holiday' },
    nations: { label: 'Applies in', missing: 'Choose at least one nation' },
  },
  aliases: { added: 'date', removed: 'date', edits: 'date' },
};

/**
 * Bank holidays: the built-in list for the council's nation, each of which can be marked not kept;
 * one-off holidays the Member adds (and can remove). R-DUE-3: existing due dates move only if accepted.
 */
export function HolidaysPanel({ readOnly = false }: { readOnly?: boolean }) {
  const { data: saved, reload } = useRead('holidays:get', undefined, { refreshOn: ['council-settings'] });
  const { data: council } = useRead('council:get', undefined, { refreshOn: ['council-settings'] });
  const nation: Nation = council?.settings.nation ?? 'england-and-wales';
  const [year, setYear] = useState(() => Number(ukToday().slice(0, 4)));
  const [pending, setPending] = useState<{ edits: HolidayEdits; what: string } | null>(null);
  const [affected, setAffected] = useState<Affected[]>([]);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [weekendQuestions, setWeekendQuestions] = useState<Array<{ date: string; name: string; question: string }>>([]);

  // R-DUE-2, R-DUE-3: gov.uk's bank-holidays.json, picked in main; what it changes and the affected requests are listed before saving.
  async function importGovUk() {
    setNotice('');
    const r = await api().holidays.importGovUk();
    if (!r.ok) return setError(r.error.message);
    setError(null);
    const v = r.value;
    if (!v.file) return;
    const changes = [
      ...v.added.map((a) => `${a.name} (${ukDate(a.date)}) added`),
      ...v.removed.map((a) => `${a.name} (${ukDate(a.date)}) no longer listed`),
    ];
    const years = v.years ? (v.years.from === v.years.to ? `${v.years.from}` : `${v.years.from} to ${v.years.to}`) : '';
    setPending({
      edits: v.edits,
      what: `From gov.uk for ${years}: ${changes.length ? changes.join('; ') : 'no changes to the built-in list'}`,
    });
    setWeekendQuestions(v.weekend);
    setAffected(v.affected);
    setAccepted(new Set(v.affected.map((a) => a.id)));
  }

  async function preview(edits: HolidayEdits, what: string) {
    setNotice('');
    const r = await api().holidays.preview(edits);
    if (!r.ok) {
      setError(r.error.message);
      return r;
    }
    setError(null);
    setPending({ edits, what });
    setWeekendQuestions([]);
    setAffected(r.value);
    setAccepted(new Set(r.value.map((a) => a.id)));
    return r;
  }

  async function save() {
    if (!pending) return;
    const r = await api().holidays.save({ edits: pending.edits, recompute: [...accepted] });
    if (!r.ok) return setError(r.error.message);
    await reload();
    setPending(null);
    setAffected([]);
    setNotice(
      `Holiday list saved. ${r.value.recomputed} request${r.value.recomputed === 1 ? '' : 's'} recomputed; other due dates were left as they were.`,
    );
  }

  const builtIn = [...publicHolidays(nation, year).entries()].sort(([a], [b]) => a.localeCompare(b));
  const notKept = (date: string) => !!saved?.removed.some((r) => r.date === date && r.nations.includes(nation));

  function toggleKept(date: string, name: string) {
    if (!saved) return;
    const edits: HolidayEdits = notKept(date)
      ? {
          ...saved,
          removed: saved.removed
            .map((r) => (r.date === date ? { ...r, nations: r.nations.filter((n) => n !== nation) } : r))
            .filter((r) => r.nations.length > 0),
        }
      : {
          ...saved,
          removed: [
            ...saved.removed.filter((r) => r.date !== date),
            { date, nations: [...new Set([...(saved.removed.find((r) => r.date === date)?.nations ?? []), nation])] },
          ],
        };
    void preview(edits, notKept(date) ? `${name} (${ukDate(date)}) kept again` : `${name} (${ukDate(date)}) marked not kept`);
  }

  function removeAdded(date: string, name: string) {
    if (!saved) return;
    void preview({ ...saved, added: saved.added.filter((a) => a.date !== date) }, `${name} (${ukDate(date)}) removed`);
  }

  return (
    <section aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">Bank holidays</h2>
      <p className="hint">
        Bank holidays are not working days, so they move due dates. <Glossary term="working-days" />{' '}
        {readOnly
          ? 'The Member can add a one-off holiday announced at short notice, or mark one that is not kept.'
          : 'Due dates already set do not move unless you say so.'}
      </p>
      <ErrorMessage message={error} />
      {readOnly && saved && saved.added.length === 0 && saved.removed.length === 0 && (
        <p>No holidays have been added or marked as not kept.</p>
      )}
      <div className="inline-form">
        <Field label="Year">
          {(p) => (
            <select {...p} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {[year - 1, year, year + 1].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
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
          {builtIn.map(([date, name]) => (
            <tr key={date}>
              <td>{ukDate(date)}</td>
              <td>{name}</td>
              <td>{notKept(date) ? 'Not kept' : 'Kept'}</td>
              {!readOnly && (
                <td>
                  <button type="button" className="secondary" onClick={() => toggleKept(date, name)} disabled={!saved}>
                    {notKept(date) ? 'Keep it' : 'Mark not kept'}
                    <span className="visually-hidden">: {name}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>One-off holidays added</h3>
      {saved && saved.added.length === 0 && <p>None added.</p>}
      {saved && saved.added.length > 0 && (
        <ul>
          {saved.added.map((a) => (
            <li key={`a${a.date}`}>
              {ukDate(a.date)}, {a.name} ({a.nations.map((n) => NATION_NAMES[n]).join(', ')}){' '}
              {!readOnly && (
                <button type="button" className="secondary" onClick={() => removeAdded(a.date, a.name)}>
                  Remove<span className="visually-hidden"> {a.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* The main process refuses a PA's holidays:save anyway; a PA is shown the list only. */}
      {!readOnly && saved && <AddHolidayForm saved={saved} defaultNation={nation} onPreview={preview} />}
      {!readOnly && saved && (
        <p>
          <button type="button" className="secondary" onClick={() => void importGovUk()}>
            Import the gov.uk bank-holidays.json file…
          </button>{' '}
          <span className="hint">
            Save it from www.gov.uk/bank-holidays.json when a one-off holiday is announced. Nothing changes until you save.
          </span>
        </p>
      )}
      {pending && (
        <div className="notice" aria-live="polite" data-testid="holiday-preview">
          <p>
            <strong>{pending.what}.</strong>
          </p>
          {weekendQuestions.length > 0 && (
            <ul data-testid="weekend-questions">
              {weekendQuestions.map((w) => (
                <li key={w.date}>
                  {w.name}: {w.question} It was not added.
                </li>
              ))}
            </ul>
          )}
          {affected.length === 0 ? (
            <p>No open request’s due dates would change.</p>
          ) : (
            <>
              <p>These open requests would get new due dates. Untick any that should keep their current date:</p>
              <ul>
                {affected.map((a) => (
                  <li key={a.id}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={accepted.has(a.id)}
                        onChange={(e) =>
                          setAccepted((s) => {
                            const next = new Set(s);
                            if (e.target.checked) next.add(a.id);
                            else next.delete(a.id);
                            return next;
                          })
                        }
                      />{' '}
                      {a.reference} {a.subject}: answer due {ukDate(a.before.respondBy)} → {ukDate(a.after.respondBy)}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" onClick={save}>
            Save the holiday list
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      <p role="status" className="success">
        {notice}
      </p>
    </section>
  );
}

function AddHolidayForm({
  saved,
  defaultNation,
  onPreview,
}: {
  saved: HolidayEdits;
  defaultNation: Nation;
  onPreview: (edits: HolidayEdits, what: string) => Promise<{ ok: boolean; error?: { message: string } }>;
}) {
  const [date, setDate] = useState<DateParts>(emptyDate);
  const [name, setName] = useState('');
  const [nations, setNations] = useState<Set<Nation> | null>(null);
  const [weekend, setWeekend] = useState<string | null>(null);
  const form = useForm(HOLIDAY_FIELDS);
  const chosen = nations ?? new Set([defaultNation]);

  async function go(iso: string) {
    const r = await onPreview(
      { ...saved, added: [...saved.added, { date: iso, name: name.trim(), nations: [...chosen] }] },
      `${name.trim()} (${ukDate(iso)}) added`,
    );
    if (!r.ok && r.error) form.failWith(r.error);
    else {
      form.clear();
      setDate(emptyDate());
      setName('');
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setWeekend(null);
    const p = new Problems();
    const iso = p.date(date, 'date', 'Holiday date');
    p.require(name, 'name', 'Name the holiday').limit(name, 120, 'name', 'Holiday name');
    if (chosen.size === 0) p.add('nations', 'Choose at least one nation');
    if (iso && saved.added.some((a) => a.date === iso)) p.add('date', `${ukDate(iso)} has already been added`);
    if (p.any || !iso) return form.fail(p.list);
    form.clear();
    // A one-off holiday on a weekend changes nothing; it is usually a slip, so ask first.
    if (isWeekend(iso)) return setWeekend(iso);
    void go(iso);
  }

  return (
    <Form form={form} onSubmit={submit} aria-labelledby="add-holiday-heading">
      <h3 id="add-holiday-heading">Add a one-off holiday</h3>
      <p className="hint">For a holiday announced at short notice (a state funeral, a coronation).</p>
      <DateInput label="Holiday date" name="date" value={date} onChange={setDate} />
      <Field label="Holiday name" name="name">
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <fieldset className={form.errorFor('nations') ? 'field-error' : undefined}>
        <legend>Applies in</legend>
        {form.errorFor('nations') && <p className="error">{form.errorFor('nations')}</p>}
        {NATIONS.map((n, i) => (
          <label key={n} className="checkbox">
            <input
              type="checkbox"
              id={i === 0 ? form.idFor('nations') : undefined}
              checked={chosen.has(n)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(n);
                else next.delete(n);
                setNations(next);
              }}
            />{' '}
            {NATION_NAMES[n]}
          </label>
        ))}
      </fieldset>
      {weekend && (
        <div className="notice" role="alertdialog" aria-labelledby="weekend-question" data-testid="weekend-question">
          <p id="weekend-question">
            That is a {formatUkLong(weekend).split(' ')[0]}. Weekends are never working days, so adding it changes no due date. Add it
            anyway?
          </p>
          <button
            type="button"
            onClick={() => {
              setWeekend(null);
              void go(weekend);
            }}
          >
            Yes, add it
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setWeekend(null)}>
            No, change the date
          </button>
        </div>
      )}
      <div>
        <button type="submit">Show which requests this affects</button>
      </div>
    </Form>
  );
}

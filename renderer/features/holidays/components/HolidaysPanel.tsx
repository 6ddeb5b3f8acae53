import { useState, type FormEvent } from 'react';
import { NATIONS, NATION_NAMES, type HolidayEdits, type Nation } from '../../../../shared/domain/calendar';
import { formatUkLong, isWeekend } from '../../../../shared/domain/dates';
import { useRead } from '../../../db/useRead';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { DateInput, Field, Form, Problems, emptyDate, ukToday, useForm, type DateParts, type FieldMap } from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';
import { isNotKept, withKeptToggled, withToggled } from '../holiday-edits';
import { useHolidayChanges } from '../hooks/useHolidayChanges';
import { AddedHolidaysList, BuiltInHolidaysTable } from './HolidayLists';
import { HolidayPreview } from './HolidayPreview';

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
  const changes = useHolidayChanges(reload);

  function toggleKept(date: string, name: string) {
    if (!saved) return;
    const what = isNotKept(saved, date, nation) ? `${name} (${ukDate(date)}) kept again` : `${name} (${ukDate(date)}) marked not kept`;
    void changes.preview(withKeptToggled(saved, date, nation), what);
  }

  function removeAdded(date: string, name: string) {
    if (!saved) return;
    void changes.preview({ ...saved, added: saved.added.filter((a) => a.date !== date) }, `${name} (${ukDate(date)}) removed`);
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
      <ErrorMessage message={changes.error} />
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
      <BuiltInHolidaysTable nation={nation} year={year} saved={saved} readOnly={readOnly} onToggle={toggleKept} />
      <h3>One-off holidays added</h3>
      {saved && <AddedHolidaysList added={saved.added} readOnly={readOnly} onRemove={removeAdded} />}
      {/* The main process refuses a PA's holidays:save anyway; a PA is shown the list only. */}
      {!readOnly && saved && <AddHolidayForm saved={saved} defaultNation={nation} onPreview={changes.preview} />}
      {!readOnly && saved && (
        <p>
          <button type="button" className="secondary" onClick={() => void changes.importGovUk()}>
            Import the gov.uk bank-holidays.json file…
          </button>{' '}
          <span className="hint">
            Save it from www.gov.uk/bank-holidays.json when a one-off holiday is announced. Nothing changes until you save.
          </span>
        </p>
      )}
      {changes.pending && (
        <HolidayPreview
          what={changes.pending.what}
          weekendQuestions={changes.weekendQuestions}
          affected={changes.affected}
          accepted={changes.accepted}
          setAccepted={changes.setAccepted}
          onSave={changes.save}
          onCancel={changes.cancel}
        />
      )}
      <p role="status" className="success">
        {changes.notice}
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
              onChange={(e) => setNations(withToggled(chosen, n, e.target.checked))}
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

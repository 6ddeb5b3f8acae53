import { useState, type FormEvent } from 'react';
import { NATIONS, NATION_NAMES, type HolidayEdits, type Nation } from '../../../../shared/domain/calendar';
import { api } from '../../../app/api';
import { useRead } from '../../../db/useRead';
import { ErrorMessage, Field, ukDate } from '../../../app/ui';

type Affected = { id: string; reference: string; subject: string; before: { respondBy: string }; after: { respondBy: string } };

/** Bank holidays the user adds (one-off) or marks as not kept; R-DUE-3: existing due dates move only if accepted. */
export function HolidaysPanel({ readOnly = false }: { readOnly?: boolean }) {
  const { data: saved, reload } = useRead('holidays:get', undefined, { refreshOn: ['council-settings'] });
  const [pending, setPending] = useState<HolidayEdits | null>(null);
  const [affected, setAffected] = useState<Affected[]>([]);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'added' | 'removed'>('added');
  const [nations, setNations] = useState<Set<Nation>>(new Set(['england-and-wales']));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  async function preview(edits: HolidayEdits) {
    const r = await api().holidays.preview(edits);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setPending(edits);
    setAffected(r.value);
    setAccepted(new Set(r.value.map((a) => a.id)));
  }

  function add(e: FormEvent) {
    e.preventDefault();
    if (!saved) return;
    const chosen = [...nations];
    const edits: HolidayEdits =
      kind === 'added' ? { ...saved, added: [...saved.added, { date, name, nations: chosen }] } : { ...saved, removed: [...saved.removed, { date, nations: chosen }] };
    void preview(edits);
  }

  async function save() {
    if (!pending) return;
    const r = await api().holidays.save({ edits: pending, recompute: [...accepted] });
    if (!r.ok) return setError(r.error.message);
    await reload();
    setPending(null);
    setAffected([]);
    setNotice(`Holiday list saved. ${r.value.recomputed} request${r.value.recomputed === 1 ? '' : 's'} recomputed; other due dates were left as they were.`);
  }

  return (
    <section aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">Bank holidays</h2>
      <p className="hint">
        Bank holidays for each nation come built in.{' '}
        {readOnly
          ? 'The Member can add a one-off holiday announced at short notice, or mark one that is not kept.'
          : 'Add a one-off holiday announced at short notice, or mark one that is not kept. Due dates already set do not move unless you say so.'}
      </p>
      {readOnly && saved && saved.added.length === 0 && saved.removed.length === 0 && <p>No holidays have been added or marked as not kept.</p>}
      {saved && (saved.added.length > 0 || saved.removed.length > 0) && (
        <ul>
          {saved.added.map((a) => (
            <li key={`a${a.date}`}>
              Added: {ukDate(a.date)}, {a.name} ({a.nations.map((n) => NATION_NAMES[n]).join(', ')})
            </li>
          ))}
          {saved.removed.map((r) => (
            <li key={`r${r.date}`}>
              Not kept: {ukDate(r.date)} ({r.nations.map((n) => NATION_NAMES[n]).join(', ')})
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage message={error} />
      {/* The main process refuses a PA's holidays:save anyway; a PA is shown the list only. */}
      {!readOnly && <form className="stack wide" onSubmit={add} noValidate aria-label="Change the holiday list">
        <fieldset>
          <legend>Change</legend>
          <label className="checkbox">
            <input type="radio" name="holiday-kind" checked={kind === 'added'} onChange={() => setKind('added')} /> Add a one-off holiday
          </label>
          <label className="checkbox">
            <input type="radio" name="holiday-kind" checked={kind === 'removed'} onChange={() => setKind('removed')} /> Mark a bank holiday as not kept
          </label>
        </fieldset>
        <Field label="Holiday date">{(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        {kind === 'added' && <Field label="Holiday name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>}
        <fieldset>
          <legend>Applies in</legend>
          {NATIONS.map((n) => (
            <label key={n} className="checkbox">
              <input
                type="checkbox"
                checked={nations.has(n)}
                onChange={(e) => setNations((s) => { const next = new Set(s); if (e.target.checked) next.add(n); else next.delete(n); return next; })}
              />{' '}
              {NATION_NAMES[n]}
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit">Show which requests this affects</button>
        </div>
      </form>}
      {pending && (
        <div className="notice" aria-live="polite">
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
                        onChange={(e) => setAccepted((s) => { const next = new Set(s); if (e.target.checked) next.add(a.id); else next.delete(a.id); return next; })}
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

import type { Dispatch, SetStateAction } from 'react';
import { ukDate } from '../../../kit/ui';
import { withToggled } from '../holiday-edits';
import type { Affected, WeekendQuestion } from '../hooks/useHolidayChanges';

/** R-DUE-3: a holiday change before it is saved: what it is, and the requests it would move, each to be accepted or not. */
export function HolidayPreview({
  what,
  weekendQuestions,
  affected,
  accepted,
  setAccepted,
  onSave,
  onCancel,
}: {
  what: string;
  weekendQuestions: WeekendQuestion[];
  affected: Affected[];
  accepted: ReadonlySet<string>;
  setAccepted: Dispatch<SetStateAction<Set<string>>>;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="notice" aria-live="polite" data-testid="holiday-preview">
      <p>
        <strong>{what}.</strong>
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
                    onChange={(e) => setAccepted((s) => withToggled(s, a.id, e.target.checked))}
                  />{' '}
                  {a.reference} {a.subject}: answer due {ukDate(a.before.respondBy)} → {ukDate(a.after.respondBy)}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onSave}>
        Save the holiday list
      </button>{' '}
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

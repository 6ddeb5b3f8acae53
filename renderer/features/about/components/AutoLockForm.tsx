import { useId, useState, type FormEvent } from 'react';
import { AUTO_LOCK_MAX_MINUTES, AUTO_LOCK_MIN_MINUTES } from '../../../../shared/domain/app-settings';
import type { AppSettings } from '../../../../shared/domain/app-settings';
import type { Result } from '../../../../shared/ipc/errors';

interface Props {
  current: number;
  save: (minutes: number) => Promise<Result<AppSettings>>;
  onSaved: (message: string) => void;
}

/** Remounted (by key) whenever the saved value changes, so the box always starts from it. */
export function AutoLockForm({ current, save, onSaved }: Props) {
  const [draft, setDraft] = useState(String(current));
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The main process validates; an empty box is sent as not-a-number so its message explains it.
    const result = await save(draft.trim() === '' ? Number.NaN : Number(draft));
    if (result.ok) {
      setError(null);
      onSaved(`Saved. The app locks after ${result.value.autoLockMinutes} minutes without use.`);
    } else {
      setError(result.error.message);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <label htmlFor={inputId}>Lock the app after this many minutes without use</label>
      <p id={hintId} className="hint">
        A whole number from {AUTO_LOCK_MIN_MINUTES} to {AUTO_LOCK_MAX_MINUTES}. Locking forgets the keys until you
        unlock with your passphrase.
      </p>
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
      <input
        id={inputId}
        name="autoLockMinutes"
        inputMode="numeric"
        className="narrow"
        value={draft}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
      />
      <div>
        <button type="submit">Save auto-lock</button>
      </div>
    </form>
  );
}

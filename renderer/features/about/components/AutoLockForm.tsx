import { useState, type FormEvent } from 'react';
import { Field, Form, useForm } from '../../../kit/forms';
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
  const form = useForm({
    fields: { minutes: { label: 'Minutes before locking', missing: 'Enter the number of minutes' } },
    aliases: { autoLockMinutes: 'minutes' },
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The main process validates; an empty box is sent as not-a-number so its message explains it.
    const result = await save(draft.trim() === '' ? Number.NaN : Number(draft));
    if (result.ok) {
      form.clear();
      onSaved(`Saved. The app locks after ${result.value.autoLockMinutes} minutes without use.`);
    } else {
      form.failWith(result.error);
    }
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="stack" aria-label="Auto-lock">
      <Field
        label="Lock the app after this many minutes without use"
        name="minutes"
        hint={`A whole number from ${AUTO_LOCK_MIN_MINUTES} to ${AUTO_LOCK_MAX_MINUTES}. Locking forgets the keys until you unlock with your passphrase.`}
      >
        {(p) => (
          <input
            {...p}
            name="autoLockMinutes"
            inputMode="numeric"
            className="narrow"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        )}
      </Field>
      <div>
        <button type="submit">Save auto-lock</button>
      </div>
    </Form>
  );
}

import { useState, type FormEvent } from 'react';
import { assessPassphrase } from '../../../../shared/domain/passphrase-strength';
import type { SessionState } from '../../../../shared/domain/session';
import { api } from '../../../kit/api';
import { Field, Form, Problems, useForm } from '../../../kit/forms';
import { NewPassphraseField, PassphraseField } from './PassphraseField';
import { RestorePanel } from './RestorePanel';

/** First run: the Member creates the vault. Nothing is written until the main process accepts. */
export function SetupScreen({ onDone }: { onDone: (state: SessionState) => void }) {
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useForm({
    fields: {
      memberName: { label: 'Your name', missing: 'Enter your name as it should appear to your PA' },
      passphrase: 'Passphrase',
      confirm: 'Type the passphrase again',
    },
  });
  const [busy, setBusy] = useState(false);
  const strength = passphrase ? assessPassphrase(passphrase, [name]) : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const p = new Problems();
    p.require(name, 'memberName', 'Enter your name as it should appear to your PA').limit(name, 120, 'memberName', 'Your name');
    if (!strength?.acceptable) p.add('passphrase', strength?.reasons[0] ?? 'Choose a passphrase');
    if (confirm !== passphrase) p.add('confirm', 'The two passphrases are different');
    if (p.any) return form.fail(p.list);
    setBusy(true);
    const result = await api().session.setUp({ memberName: name, passphrase });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else form.failWith(result.error);
  }

  return (
    <section className="screen narrow-screen" aria-labelledby="setup-heading">
      <h1 id="setup-heading">Set up Need to Know</h1>
      <p>
        Everything you keep here is encrypted on this laptop with a key that only your passphrase unlocks. Nobody, including the
        council&apos;s IT team, can recover it if the passphrase is lost, so choose one you will remember and keep a backup.
      </p>
      <Form form={form} onSubmit={onSubmit} className="stack">
        <Field label="Your name (the Member)" name="memberName" limit={{ max: 120, value: name }}>
          {(p) => <input {...p} value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />}
        </Field>
        <NewPassphraseField
          label="Passphrase"
          hint="At least 12 characters. Three or four unrelated words are strong and easy to remember."
          value={passphrase}
          onChange={setPassphrase}
          name="passphrase"
          strength={strength}
        />
        <PassphraseField
          label="Type the passphrase again"
          value={confirm}
          onChange={setConfirm}
          autoComplete="new-password"
          name="confirm"
        />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Creating the vault…' : 'Create the vault'}
          </button>
        </div>
      </Form>
      <p className="hint">Moving to a new laptop? Restore your backup instead of creating a new vault.</p>
      <RestorePanel vaultExists={false} onRestored={onDone} />
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { assessPassphrase } from '../../../../shared/domain/passphrase-strength';
import type { SessionState } from '../../../../shared/domain/session';
import { api } from '../../../app/api';
import { PassphraseField } from './PassphraseField';
import { RestorePanel } from './RestorePanel';
import { StrengthMeter } from './StrengthMeter';

/** First run: the Member creates the vault. Nothing is written until the main process accepts. */
export function SetupScreen({ onDone }: { onDone: (state: SessionState) => void }) {
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ name?: string; passphrase?: string; confirm?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const meterId = useId();
  const strength = passphrase ? assessPassphrase(passphrase, [name]) : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = 'Enter your name as it should appear to your PA.';
    if (!strength?.acceptable) found.passphrase = strength?.reasons[0] ?? 'Choose a passphrase.';
    if (confirm !== passphrase) found.confirm = 'The two passphrases are different.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const result = await api().session.setUp({ memberName: name, passphrase });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setErrors({ form: result.error.message });
  }

  const errorList = Object.values(errors).filter(Boolean);
  return (
    <section className="screen narrow-screen" aria-labelledby="setup-heading">
      <h1 id="setup-heading">Set up Need to Know</h1>
      <p>
        Everything you keep here is encrypted on this laptop with a key that only your passphrase unlocks. Nobody,
        including the council&apos;s IT team, can recover it if the passphrase is lost, so choose one you will remember
        and keep a backup.
      </p>
      {errorList.length > 0 && (
        <div role="alert" className="error-summary">
          <h2>There is a problem</h2>
          <ul>
            {errorList.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={onSubmit} className="stack" noValidate>
        <div className="field">
          <label htmlFor={nameId}>Your name (the Member)</label>
          {errors.name && <p className="error">{errors.name}</p>}
          <input
            id={nameId}
            value={name}
            autoComplete="name"
            aria-invalid={errors.name ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <PassphraseField
          label="Passphrase"
          hint="At least 12 characters. Three or four unrelated words are strong and easy to remember."
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          error={errors.passphrase}
          describedBy={meterId}
        />
        <StrengthMeter strength={strength} id={meterId} />
        <PassphraseField
          label="Type the passphrase again"
          value={confirm}
          onChange={setConfirm}
          autoComplete="new-password"
          error={errors.confirm}
        />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Creating the vault…' : 'Create the vault'}
          </button>
        </div>
      </form>
      <p className="hint">Moving to a new laptop? Restore your backup instead of creating a new vault.</p>
      <RestorePanel vaultExists={false} onRestored={onDone} />
    </section>
  );
}

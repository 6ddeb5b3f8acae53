import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../../../shared/domain/session';
import { api } from '../../../kit/api';
import { Form, useForm } from '../../../kit/forms';
import { PassphraseField } from './PassphraseField';

type Step = { kind: 'closed' } | { kind: 'passphrase' } | { kind: 'confirm-replace' } | { kind: 'confirm-older'; message: string };

/**
 * Restore a backup. The passphrase of a user in the backup must open it before anything is
 * replaced; replacing a vault that is already here needs a confirmation, and a backup older than
 * the vault a second one that says what will be lost. The vault that was here is kept, not deleted.
 */
export function RestorePanel({ vaultExists, onRestored }: { vaultExists: boolean; onRestored: (state: SessionState) => void }) {
  const form = useForm({
    fields: { passphrase: { label: 'Passphrase for the backup', missing: 'Enter the passphrase of a user in the backup' } },
  });
  const [passphrase, setPassphrase] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function restore(confirmOlder: boolean) {
    setBusy(true);
    const result = await api().vault.restore({ passphrase, confirmReplace: vaultExists, confirmOlder });
    setBusy(false);
    setStep({ kind: 'passphrase' });
    if (!result.ok) return form.failWith(result.error);
    form.clear();
    if (!result.value.file) return setMessage('No backup was chosen.');
    setStep({ kind: 'closed' });
    if (result.value.confirmOlder) return setStep({ kind: 'confirm-older', message: result.value.confirmOlder });
    setPassphrase('');
    setMessage(
      result.value.replacedFolder
        ? `Restored from ${result.value.file}. The vault that was here is kept at ${result.value.replacedFolder}.`
        : `Restored from ${result.value.file}. Unlock with your passphrase.`,
    );
    onRestored(result.value.state);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    if (!passphrase) return form.fail([{ field: 'passphrase', message: 'Enter the passphrase of a user in the backup' }]);
    form.clear();
    if (vaultExists) return setStep({ kind: 'confirm-replace' });
    void restore(false);
  }

  return (
    <section aria-labelledby="restore-heading" className="restore">
      <h2 id="restore-heading">Restore from a backup</h2>
      {step.kind === 'closed' && (
        <button type="button" className="secondary" onClick={() => setStep({ kind: 'passphrase' })}>
          Restore a backup…
        </button>
      )}
      {step.kind === 'passphrase' && (
        <Form form={form} onSubmit={onSubmit} className="stack" aria-labelledby="restore-heading">
          <PassphraseField
            label="Passphrase for the backup"
            name="passphrase"
            hint="The passphrase of the Member or a PA as it was when the backup was made. The backup must open with it before anything is replaced."
            value={passphrase}
            onChange={setPassphrase}
            autoFocus
            autoComplete="current-password"
            error={form.errorFor('passphrase')}
          />
          <div>
            <button type="submit" className="secondary" disabled={busy}>
              Choose a backup and restore it…
            </button>{' '}
            <button type="button" className="secondary" onClick={() => (form.clear(), setStep({ kind: 'closed' }))}>
              Cancel
            </button>
          </div>
        </Form>
      )}
      {step.kind === 'confirm-replace' && (
        <ConfirmReplace busy={busy} onReplace={() => void restore(false)} onCancel={() => setStep({ kind: 'passphrase' })} />
      )}
      {step.kind === 'confirm-older' && (
        <ConfirmOlder
          message={step.message}
          busy={busy}
          onRestore={() => void restore(true)}
          onKeep={() => setStep({ kind: 'passphrase' })}
        />
      )}
      <p role="status" className="success">
        {message}
      </p>
    </section>
  );
}

/** Restoring over a vault that is already here needs a yes; the vault that was here is kept. */
function ConfirmReplace({ busy, onReplace, onCancel }: { busy: boolean; onReplace: () => void; onCancel: () => void }) {
  return (
    <div className="notice" role="group" aria-labelledby="replace-warning">
      <p id="replace-warning">
        There is already a vault on this laptop. Restoring replaces it with the backup; the current vault is kept in a folder beside it, not
        deleted.
      </p>
      <button type="button" disabled={busy} onClick={onReplace}>
        Replace it with the backup
      </button>{' '}
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** A backup older than the vault needs a second yes, after saying what would be lost. */
function ConfirmOlder({ message, busy, onRestore, onKeep }: { message: string; busy: boolean; onRestore: () => void; onKeep: () => void }) {
  return (
    <div className="notice warning" role="alertdialog" aria-labelledby="older-heading" aria-describedby="older-warning">
      <h3 id="older-heading">This backup is older than the vault on this laptop</h3>
      <p id="older-warning">
        {message} Nothing has been changed yet. If you restore it, the current vault is kept in a folder beside it, not deleted.
      </p>
      <button type="button" className="warning" disabled={busy} autoFocus onClick={onRestore}>
        Restore the older backup
      </button>{' '}
      <button type="button" className="secondary" onClick={onKeep}>
        Keep the current vault
      </button>
    </div>
  );
}

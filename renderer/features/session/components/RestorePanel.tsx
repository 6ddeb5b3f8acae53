import { useState } from 'react';
import type { SessionState } from '../../../../shared/domain/session';
import { api } from '../../../app/api';
import { ErrorMessage } from '../../../app/forms';

/** Restore a backup. Replacing a vault that is already here needs a second, explicit confirmation. */
export function RestorePanel({ vaultExists, onRestored }: { vaultExists: boolean; onRestored: (state: SessionState) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  async function restore(confirmReplace: boolean) {
    const result = await api().vault.restore({ confirmReplace });
    setConfirming(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    if (!result.value.file) return setMessage('No backup was chosen.');
    setMessage(
      result.value.replacedFolder
        ? `Restored from ${result.value.file}. The vault that was here is kept at ${result.value.replacedFolder}.`
        : `Restored from ${result.value.file}. Unlock with your passphrase.`,
    );
    onRestored(result.value.state);
  }

  return (
    <section aria-labelledby="restore-heading" className="restore">
      <h2 id="restore-heading">Restore from a backup</h2>
      <ErrorMessage message={error} />
      {!confirming ? (
        <button type="button" className="secondary" onClick={() => (vaultExists ? setConfirming(true) : void restore(false))}>
          Restore a backup…
        </button>
      ) : (
        <div className="notice" role="group" aria-labelledby="replace-warning">
          <p id="replace-warning">
            There is already a vault on this laptop. Restoring replaces it with the backup; the current vault is kept in
            a folder beside it, not deleted.
          </p>
          <button type="button" onClick={() => void restore(true)}>
            Replace it with the backup
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <p role="status" className="success">
        {message}
      </p>
    </section>
  );
}

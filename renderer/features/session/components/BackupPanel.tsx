import { useState } from 'react';
import { api } from '../../../kit/api';
import { ErrorMessage } from '../../../kit/forms';

/** Backup for anyone signed in; the file is encrypted and opens with the same passphrases. */
export function BackupPanel() {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function backUp() {
    setBusy(true);
    const result = await api().vault.backup();
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage(
      result.value.file ? `Backup saved to ${result.value.file} (${(result.value.bytes / 1024).toFixed(0)} KB).` : 'No backup was made.',
    );
  }

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="hint">
        The backup file is encrypted like the vault itself and opens with the same passphrases. Keep it somewhere safe, such as a
        council-approved drive; restore it on a new laptop from the unlock screen.
      </p>
      <ErrorMessage message={error} />
      <button type="button" onClick={backUp} disabled={busy}>
        {busy ? 'Backing up…' : 'Make a backup'}
      </button>
      <p role="status" className="success">
        {message}
      </p>
    </section>
  );
}

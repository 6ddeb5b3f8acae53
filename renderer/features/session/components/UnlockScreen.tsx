import { useId, useState, type FormEvent } from 'react';
import type { SessionState, UserSummary } from '../../../../shared/domain/session';
import { api } from '../../../app/api';
import { PassphraseField } from './PassphraseField';
import { RestorePanel } from './RestorePanel';

const roleName = (user: UserSummary) => (user.role === 'member' ? 'Member' : 'PA');

interface Props {
  users: UserSummary[];
  reason?: string;
  quickUnlockUserId?: string;
  onUnlocked: (state: SessionState) => void;
}

export function UnlockScreen({ users, reason, quickUnlockUserId, onUnlocked }: Props) {
  const [userId, setUserId] = useState(users[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userFieldId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await api().session.unlock({ userId, passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onUnlocked(result.value);
    } else {
      // Clear the box: a wrong passphrase should be retyped, not edited.
      setPassphrase('');
      setError(result.error.message);
    }
  }

  async function onQuickUnlock() {
    const result = await api().session.quickUnlock();
    if (result.ok) onUnlocked(result.value);
    else setError(result.error.message);
  }
  const quickUser = users.find((u) => u.id === quickUnlockUserId);

  return (
    <section className="screen narrow-screen" aria-labelledby="unlock-heading">
      <h1 id="unlock-heading">Unlock Need to Know</h1>
      {reason && <p className="notice">{reason}</p>}
      <form onSubmit={onSubmit} className="stack" noValidate>
        {users.length > 1 ? (
          <div className="field">
            <label htmlFor={userFieldId}>Who is signing in</label>
            <select id={userFieldId} value={userId} onChange={(e) => setUserId(e.target.value)}>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} ({roleName(user)})
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p>
            Signing in as <strong>{users[0]?.name}</strong> ({users[0] ? roleName(users[0]) : ''}).
          </p>
        )}
        <PassphraseField
          label="Passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          error={error}
          autoFocus
        />
        {error && (
          <p role="alert" className="visually-hidden">
            {error}
          </p>
        )}
        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
      {quickUser && (
        <p>
          <button type="button" className="secondary" onClick={onQuickUnlock}>
            Unlock as {quickUser.name} with this computer&apos;s key store
          </button>
        </p>
      )}
      <RestorePanel vaultExists onRestored={onUnlocked} />
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import type { SessionState, UserSummary } from '../../../../shared/domain/session';
import { api } from '../../../kit/api';
import { Form, useForm } from '../../../kit/forms';
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
  const form = useForm({ fields: { passphrase: { label: 'Passphrase', missing: 'Enter your passphrase' }, userId: 'Who is signing in' } });
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) return form.fail([{ field: 'passphrase', message: 'Enter your passphrase' }]);
    setBusy(true);
    const result = await api().session.unlock({ userId, passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onUnlocked(result.value);
    } else {
      // Clear the box: a wrong passphrase should be retyped, not edited.
      setPassphrase('');
      form.failWith(result.error);
    }
  }

  async function onQuickUnlock() {
    const result = await api().session.quickUnlock();
    if (result.ok) onUnlocked(result.value);
    else form.failWith(result.error);
  }
  const quickUser = users.find((u) => u.id === quickUnlockUserId);

  return (
    <section className="screen narrow-screen" aria-labelledby="unlock-heading">
      <h1 id="unlock-heading">Unlock Need to Know</h1>
      {reason && <p className="notice">{reason}</p>}
      <Form form={form} onSubmit={onSubmit} className="stack" aria-labelledby="unlock-heading">
        {users.length > 1 ? (
          <div className="field">
            <label htmlFor={form.idFor('userId')}>Who is signing in</label>
            <select id={form.idFor('userId')} value={userId} onChange={(e) => setUserId(e.target.value)}>
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
          name="passphrase"
          autoFocus
        />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </Form>
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

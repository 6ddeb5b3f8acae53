import { useState, type FormEvent } from 'react';
import { assessPassphrase } from '../../../../shared/domain/passphrase-strength';
import type { UserSummary } from '../../../../shared/domain/session';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import { ErrorMessage, Field, Form, Problems, useForm } from '../../../kit/forms';
import { DataTable } from '../../../kit/ui';
import { BackupPanel } from './BackupPanel';
import { NewPassphraseField, PassphraseField } from './PassphraseField';

/** Who can unlock this vault; the Member adds PAs; everyone can change their own passphrase. */
export function UsersScreen({ user }: { user: UserSummary }) {
  const { data, reload } = useRead('users:list', undefined);
  const users: UserSummary[] = data ?? [];
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<UserSummary | null>(null);
  const [removeError, setRemoveError] = useState('');
  const isMember = user.role === 'member';

  const remove = async (pa: UserSummary) => {
    const result = await api().users.removePa({ userId: pa.id });
    if (!result.ok) {
      setRemoveError(result.error.message);
      return;
    }
    setRemoving(null);
    setRemoveError('');
    const again = result.value.mustBeAddedAgain;
    setNotice(
      `${pa.name} was removed. They cannot open anything saved from now on.` +
        (again.length ? ` ${again.join(' and ')} must be added again before they can open the vault.` : ''),
    );
    void reload();
  };

  return (
    <section className="screen" aria-labelledby="users-heading">
      <h1 id="users-heading">People and passphrases</h1>
      <p role="status" className="success">
        {notice}
      </p>
      <h2>Who can unlock this vault</h2>
      <DataTable
        rows={users}
        columns={[
          { key: 'name', header: 'Name', cell: (u) => u.name },
          { key: 'role', header: 'Role', cell: (u) => (u.role === 'member' ? 'Member' : 'PA') },
          {
            key: 'can',
            header: 'Can open',
            cell: (u) => (u.role === 'member' ? 'Everything' : 'Casework only, never Member-only material'),
          },
          // Only the Member removes a PA, so only the Member sees the column.
          ...(isMember
            ? [
                {
                  key: 'action',
                  header: <span className="visually-hidden">Action</span>,
                  cell: (u: UserSummary) =>
                    u.role === 'pa' && (
                      <button type="button" className="secondary" onClick={() => (setRemoving(u), setRemoveError(''))}>
                        Remove<span className="visually-hidden"> {u.name}</span>
                      </button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {removing && (
        <div className="notice" role="alertdialog" aria-labelledby="remove-heading" aria-describedby="remove-text">
          <h2 id="remove-heading">Remove {removing.name}?</h2>
          <p id="remove-text">
            {removing.name} will no longer be able to unlock this vault, and the casework key is changed so they cannot read anything saved
            from now on. What they could already see before stays as it was.
          </p>
          {removeError && <p className="error">{removeError}</p>}
          <button type="button" onClick={() => void remove(removing)}>
            Yes, remove {removing.name}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setRemoving(null)}>
            Cancel
          </button>
        </div>
      )}
      {user.role === 'member' && (
        <AddPaForm
          onAdded={(pa) => {
            setNotice(`${pa.name} was added as a PA. They unlock with their own passphrase.`);
            void reload();
          }}
        />
      )}
      <ChangePassphraseForm user={user} onChanged={() => setNotice('Your passphrase was changed.')} />
      <QuickUnlockToggle />
      <BackupPanel />
    </section>
  );
}

function AddPaForm({ onAdded }: { onAdded: (pa: UserSummary) => void }) {
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const form = useForm({
    fields: {
      name: { label: 'PA’s name', missing: 'Enter the PA’s name' },
      passphrase: { label: 'PA’s passphrase', missing: 'Enter a passphrase for the PA' },
    },
  });
  const strength = passphrase ? assessPassphrase(passphrase, [name]) : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const p = new Problems();
    p.require(name, 'name', 'Enter the PA’s name').limit(name, 120, 'name', 'PA’s name');
    if (!strength?.acceptable) p.add('passphrase', strength?.reasons[0] ?? 'Enter a passphrase for the PA');
    if (p.any) return form.fail(p.list);
    const result = await api().users.addPa({ name, passphrase });
    if (result.ok) {
      setName('');
      setPassphrase('');
      form.clear();
      onAdded(result.value);
    } else form.failWith(result.error);
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="stack" aria-labelledby="add-pa-heading">
      <h2 id="add-pa-heading">Add a PA</h2>
      <p className="hint">
        A PA works your casework. Their passphrase opens the casework key only, so they can never read confidential, exempt or pink-paper
        material, or your briefings.
      </p>
      <Field label="PA's name" name="name">
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
      </Field>
      <NewPassphraseField
        label="PA's passphrase"
        name="passphrase"
        hint="The PA types this themselves; at least 12 characters."
        value={passphrase}
        onChange={setPassphrase}
        strength={strength}
      />
      <div>
        <button type="submit">Add PA</button>
      </div>
    </Form>
  );
}

function ChangePassphraseForm({ user, onChanged }: { user: UserSummary; onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useForm({
    fields: {
      current: { label: 'Current passphrase', missing: 'Enter your current passphrase' },
      next: { label: 'New passphrase', missing: 'Enter a new passphrase' },
      confirm: 'Type the new passphrase again',
    },
  });
  const strength = next ? assessPassphrase(next, [user.name]) : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const p = new Problems();
    if (!current) p.add('current', 'Enter your current passphrase');
    if (!strength?.acceptable) p.add('next', strength?.reasons[0] ?? 'Enter a new passphrase');
    if (next !== confirm) p.add('confirm', 'The two new passphrases are different');
    if (p.any) return form.fail(p.list);
    const result = await api().users.changePassphrase({ current, next });
    if (result.ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
      form.clear();
      onChanged();
    } else {
      // A wrong current passphrase is the usual reason: put the problem against that box.
      if (result.error.code === 'wrong-passphrase') form.fail([{ field: 'current', message: 'Your current passphrase is not right' }]);
      else form.failWith(result.error);
    }
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="stack" aria-labelledby="change-heading">
      <h2 id="change-heading">Change your passphrase</h2>
      <PassphraseField label="Current passphrase" name="current" value={current} onChange={setCurrent} autoComplete="current-password" />
      <NewPassphraseField label="New passphrase" name="next" value={next} onChange={setNext} strength={strength} />
      <PassphraseField
        label="Type the new passphrase again"
        name="confirm"
        value={confirm}
        onChange={setConfirm}
        autoComplete="new-password"
      />
      <div>
        <button type="submit">Change passphrase</button>
      </div>
    </Form>
  );
}

function QuickUnlockToggle() {
  const { data: status, reload } = useRead('users:getQuickUnlock', undefined);
  const [error, setError] = useState<string | null>(null);
  if (!status) return null;
  async function toggle(enabled: boolean) {
    const result = await api().users.setQuickUnlock({ enabled });
    if (result.ok) {
      await reload();
      setError(null);
    } else setError(result.error.message);
  }
  return (
    <section aria-labelledby="quick-heading">
      <h2 id="quick-heading">Quick unlock on this computer</h2>
      <p className="hint">
        Lets you unlock with this computer&apos;s own protected key store instead of typing your passphrase. Your passphrase keeps working;
        turn this off on a shared computer.
      </p>
      <ErrorMessage message={error} />
      {status.available ? (
        <label className="checkbox">
          <input type="checkbox" checked={status.enabled} onChange={(e) => void toggle(e.target.checked)} /> Use quick unlock on this
          computer
        </label>
      ) : (
        <p>Not available here: {status.reason}</p>
      )}
    </section>
  );
}

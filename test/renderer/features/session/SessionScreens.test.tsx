import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SetupScreen } from '../../../../renderer/features/session/components/SetupScreen';
import { UnlockScreen } from '../../../../renderer/features/session/components/UnlockScreen';
import { installFakeApi } from '../../fake-api';

describe('first-run set-up', () => {
  it('shows the strength live and refuses a weak passphrase without calling the main process', async () => {
    const fake = installFakeApi({});
    render(<SetupScreen onDone={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Your name (the Member)'), 'Jane Smith');
    await userEvent.type(screen.getByLabelText('Passphrase'), 'password');
    expect(screen.getByText('too weak')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    expect(screen.getByRole('alert').textContent).toMatch(/at least 12 characters/);
    expect(fake.calls).toEqual([]);
  });

  it('creates the vault through the contract when the passphrase is strong and confirmed', async () => {
    const fake = installFakeApi({
      'session:setUp': () => ({ ok: true, value: { state: 'unlocked', user: { id: 'u1', name: 'Jane Smith', role: 'member' } } }),
    });
    const onDone = vi.fn();
    render(<SetupScreen onDone={onDone} />);
    await userEvent.type(screen.getByLabelText('Your name (the Member)'), 'Jane Smith');
    await userEvent.type(screen.getByLabelText('Passphrase'), 'violet kettle harbour ninety');
    await userEvent.type(screen.getByLabelText('Type the passphrase again'), 'violet kettle harbour ninety');
    await userEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    expect(fake.calls).toEqual([
      { channel: 'session:setUp', input: { memberName: 'Jane Smith', passphrase: 'violet kettle harbour ninety' } },
    ]);
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ state: 'unlocked' }));
  });

  it('refuses mismatched passphrases', async () => {
    installFakeApi({});
    render(<SetupScreen onDone={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Your name (the Member)'), 'Jane');
    await userEvent.type(screen.getByLabelText('Passphrase'), 'violet kettle harbour ninety');
    await userEvent.type(screen.getByLabelText('Type the passphrase again'), 'violet kettle harbour');
    await userEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    expect(screen.getByRole('alert').textContent).toMatch(/different/);
  });
});

describe('unlock', () => {
  const users = [
    { id: 'u1', name: 'Jane Smith', role: 'member' as const },
    { id: 'u2', name: 'Pat Jones', role: 'pa' as const },
  ];

  it('shows the main process error for a wrong passphrase and clears the box', async () => {
    installFakeApi({
      'session:unlock': () => ({ ok: false, error: { code: 'wrong-passphrase', message: 'That passphrase is not right for Pat Jones.' } }),
    });
    const onUnlocked = vi.fn();
    render(<UnlockScreen users={users} onUnlocked={onUnlocked} />);
    await userEvent.selectOptions(screen.getByLabelText('Who is signing in'), 'u2');
    await userEvent.type(screen.getByLabelText('Passphrase'), 'wrong one{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/not right for Pat Jones/);
    expect(screen.getByLabelText('Passphrase')).toHaveProperty('value', '');
    expect(onUnlocked).not.toHaveBeenCalled();
  });

  it('says why the app locked itself', () => {
    installFakeApi({});
    render(<UnlockScreen users={users} reason="Locked after 5 minutes without use." onUnlocked={vi.fn()} />);
    expect(screen.getByText('Locked after 5 minutes without use.')).toBeTruthy();
  });
});

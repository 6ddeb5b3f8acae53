import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AutoLockPanel } from '../../../../renderer/features/about/components/AutoLockPanel';
import { installFakeApi } from '../../fake-api';

const status = {
  appName: 'Need to Know',
  appVersion: '0.1.0',
  dataFolder: '/home/cllr/.config/Need to Know',
  settingsFile: '/home/cllr/.config/Need to Know/settings.json',
  platform: 'linux x64',
  runtime: 'Electron 45',
  settings: { autoLockMinutes: 5 },
};

describe('Auto-lock on the Settings screen', () => {
  it('saves a new auto-lock value and says so', async () => {
    const fake = installFakeApi({
      'app:getStatus': () => ({ ok: true, value: status }),
      'settings:setAutoLockMinutes': (input) => ({
        ok: true,
        value: { autoLockMinutes: (input as { minutes: number }).minutes },
      }),
    });
    render(<AutoLockPanel />);
    const box = await screen.findByLabelText(/minutes without use/);
    await userEvent.clear(box);
    await userEvent.type(box, '15{Enter}');
    expect(fake.calls.at(-1)).toEqual({ channel: 'settings:setAutoLockMinutes', input: { minutes: 15 } });
    expect(await screen.findByText(/locks after 15 minutes/)).toHaveProperty('className', 'success');
  });

  it('shows the main process refusal for a bad value and marks the field invalid', async () => {
    installFakeApi({
      'app:getStatus': () => ({ ok: true, value: status }),
      'settings:setAutoLockMinutes': () => ({
        ok: false,
        error: { code: 'invalid-input', message: 'minutes: Auto-lock can be at most 60 minutes' },
      }),
    });
    render(<AutoLockPanel />);
    const box = await screen.findByLabelText(/minutes without use/);
    await userEvent.clear(box);
    await userEvent.type(box, '600');
    await userEvent.click(screen.getByRole('button', { name: 'Save auto-lock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at most 60 minutes/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('follows a settings change pushed from the main process', async () => {
    const fake = installFakeApi({ 'app:getStatus': () => ({ ok: true, value: status }) });
    render(<AutoLockPanel />);
    const box = await screen.findByLabelText(/minutes without use/);
    expect(box).toHaveProperty('value', '5');
    act(() => fake.emit('settings:changed', { autoLockMinutes: 20 }));
    expect(screen.getByLabelText(/minutes without use/)).toHaveProperty('value', '20');
  });
});

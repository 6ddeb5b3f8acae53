import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AboutScreen } from '../../../../renderer/features/about/components/AboutScreen';
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

describe('About and status screen', () => {
  it('shows the version, data folder and auto-lock minutes read through the contract', async () => {
    installFakeApi({ 'app:getStatus': () => ({ ok: true, value: status }) });
    render(<AboutScreen />);
    expect(await screen.findByTestId('app-version')).toHaveProperty('textContent', '0.1.0');
    expect(screen.getByTestId('data-folder').textContent).toBe(status.dataFolder);
    expect(screen.getByText(/After 5 minutes without use/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull(); // the setting is changed on the Settings screen
  });

  it('follows a settings change pushed from the main process', async () => {
    const fake = installFakeApi({ 'app:getStatus': () => ({ ok: true, value: status }) });
    render(<AboutScreen />);
    await screen.findByText(/After 5 minutes without use/);
    act(() => fake.emit('settings:changed', { autoLockMinutes: 20 }));
    expect(screen.getByText(/After 20 minutes without use/)).toBeTruthy();
  });
});

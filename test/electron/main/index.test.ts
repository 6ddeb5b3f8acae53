import { rmSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app, ipcMain, protocol, resetElectronMock, session } from '../../mocks/electron';
import { invokeChannels } from '../../../shared/ipc/contract';
import { IN_MEMORY_PARTITION } from '../../../electron/main/windows/security';

describe('main process start-up (electron/main/index.ts)', () => {
  it('registers app:// as a privileged scheme, enables the sandbox, every handler and a hardened window', async () => {
    resetElectronMock();
    rmSync(app.getPath('userData'), { recursive: true, force: true });
    await import('../../../electron/main/index');
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));

    expect(protocol.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(app.enableSandbox).toHaveBeenCalled();
    // UK date format in date fields whatever the laptop's language.
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-GB');
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
    const ses = session.fromPartition(IN_MEMORY_PARTITION);
    expect(ses.protocolHandlers.has('app')).toBe(true);
    expect(ses.permissionRequestHandler).not.toBeNull();

    const result = await ipcMain.invokeFrom({ url: 'app://need-to-know/index.html', parent: null }, 'settings:setAutoLockMinutes', {
      minutes: 12,
    });
    expect(result).toEqual({ ok: true, value: { autoLockMinutes: 12 } });
    // The change is pushed to the window as a contract event.
    expect(BrowserWindow.instances[0]!.webContents.sent).toContainEqual({
      channel: 'settings:changed',
      payload: { autoLockMinutes: 12 },
    });
  });
});

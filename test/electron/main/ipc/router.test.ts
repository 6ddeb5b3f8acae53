import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, resetElectronMock } from '../../../mocks/electron';
import { contract, invokeChannels } from '../../../../shared/ipc/contract';
import { AppError } from '../../../../shared/ipc/errors';
import { createCore } from '../../../../electron/main/core';
import { handle, isAppFrame } from '../../../../electron/main/ipc/handle';
import { createDispatcher, type Handlers } from '../../../../electron/main/ipc/router';
import { MemorySettingsStore } from '../../support/memory-settings-store';

const appFrame = { url: 'app://need-to-know/index.html', parent: null };

function makeCore() {
  return createCore({
    identity: { appName: 'Need to Know', appVersion: '1.2.3', dataFolder: '/data', platform: 'test', runtime: 'test' },
    settingsStore: new MemorySettingsStore(),
    dialogs: { chooseBackupTarget: async () => null, chooseBackupSource: async () => null },
    logger: { error: () => {} },
  });
}

describe('main-process handlers', () => {
  it('cover every invoke entry of the contract, and no channel outside it', () => {
    const core = makeCore();
    expect(Object.keys(core.handlers).sort()).toEqual([...invokeChannels].sort());
  });
});

describe('handle() and the dispatcher', () => {
  beforeEach(() => resetElectronMock());
  afterEach(() => resetElectronMock());

  it('registers exactly the contract invoke channels on ipcMain', () => {
    handle(ipcMain, makeCore().dispatch);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
  });

  it('answers a valid call from the app page', async () => {
    handle(ipcMain, makeCore().dispatch);
    const result = await ipcMain.invokeFrom(appFrame, 'app:getStatus');
    expect(result).toMatchObject({ ok: true, value: { appVersion: '1.2.3', settings: { autoLockMinutes: 5 } } });
  });

  it('refuses an invalid payload with a clear error, and the handler never runs', async () => {
    const core = makeCore();
    const spy = vi.fn();
    const dispatch = createDispatcher({ ...core.handlers, 'settings:setAutoLockMinutes': spy } as Handlers, {
      error: () => {},
    });
    handle(ipcMain, dispatch);
    for (const bad of [undefined, {}, { minutes: 'ten' }, { minutes: 0 }, { minutes: 2.5 }, { minutes: 999 }, 'x']) {
      const result = await ipcMain.invokeFrom(appFrame, 'settings:setAutoLockMinutes', bad);
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message.length).toBeGreaterThan(5);
    }
    expect(spy).not.toHaveBeenCalled();
    const tooBig = await ipcMain.invokeFrom(appFrame, 'settings:setAutoLockMinutes', { minutes: 999 });
    expect(tooBig.error.message).toContain('at most 60 minutes');
  });

  it('refuses a foreign sender frame before any handler code runs', async () => {
    const core = makeCore();
    const spy = vi.fn(() => core.handlers['app:getStatus'](undefined));
    handle(ipcMain, createDispatcher({ ...core.handlers, 'app:getStatus': spy } as Handlers));
    const foreign = [
      { url: 'https://evil.example/index.html', parent: null },
      { url: 'file:///C:/index.html', parent: null },
      { url: 'app://need-to-know.evil/index.html', parent: null },
      { url: 'app://need-to-know/index.html', parent: {} }, // a subframe of our page
      null,
    ];
    for (const frame of foreign) {
      const result = await ipcMain.invokeFrom(frame, 'app:getStatus');
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('turns exceptions into typed results without stack traces', async () => {
    const core = makeCore();
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      {
        ...core.handlers,
        'app:getStatus': () => {
          throw new Error('secret internal detail at /home/x.ts:12');
        },
        'settings:get': () => {
          throw new AppError('locked', 'The vault is locked.');
        },
      } as Handlers,
      { error: (m, e) => logged.push([m, e]) },
    );
    const crashed = await dispatch('app:getStatus', undefined);
    expect(crashed).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(crashed)).not.toContain('secret');
    expect(logged).toHaveLength(1);
    expect(await dispatch('settings:get', undefined)).toEqual({
      ok: false,
      error: { code: 'locked', message: 'The vault is locked.' },
    });
  });

  it('refuses a channel that is not in the contract', async () => {
    const result = await makeCore().dispatch('fs:readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('checks handler output against the contract', async () => {
    const core = makeCore();
    const dispatch = createDispatcher({ ...core.handlers, 'settings:get': () => ({ autoLockMinutes: 'x' }) } as never, {
      error: () => {},
    });
    expect(await dispatch('settings:get', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('recognises only the top frame of the app origin', () => {
    expect(isAppFrame(appFrame)).toBe(true);
    expect(isAppFrame({ url: 'app://need-to-know', parent: null })).toBe(false);
  });

  it('has a schema for every contract entry it validates', () => {
    for (const channel of invokeChannels) expect(contract[channel].input).toBeDefined();
  });
});

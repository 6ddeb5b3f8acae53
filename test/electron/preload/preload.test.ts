import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contextBridge, ipcRenderer, resetElectronMock } from '../../mocks/electron';
import { methodPath } from '../../../shared/ipc/api';
import { contract, type Channel } from '../../../shared/ipc/contract';

type Exposed = Record<string, Record<string, Record<string, (...a: unknown[]) => unknown>>>;
let exposedByPreload: Exposed;
// The preload runs once, as in a real window; what it exposed is kept before mocks are reset.
beforeAll(async () => {
  resetElectronMock();
  await import('../../../electron/preload/index');
  exposedByPreload = { ...(contextBridge.exposed as Exposed) };
});
const loadPreload = async () => exposedByPreload;

describe('preload', () => {
  beforeEach(() => resetElectronMock());

  it('exposes only window.api, with one method for every contract entry', async () => {
    const exposed = await loadPreload();
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api!;
    for (const channel of Object.keys(contract) as Channel[]) {
      const { domain, method } = methodPath(channel);
      expect(typeof api[domain]?.[method], `${channel} has no preload method`).toBe('function');
    }
    const count = Object.values(api).reduce((n, group) => n + Object.keys(group).length, 0);
    expect(count).toBe(Object.keys(contract).length);
  });

  it('sends calls through ipcRenderer.invoke on the contract channel', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { autoLockMinutes: 9 } });
    const { api } = await loadPreload();
    const result = await api!.settings!.setAutoLockMinutes!({ minutes: 9 });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('settings:setAutoLockMinutes', { minutes: 9 });
    expect(result).toEqual({ ok: true, value: { autoLockMinutes: 9 } });
  });

  it('delivers events to a subscriber, without the IPC event object, until it unsubscribes', async () => {
    const { api } = await loadPreload();
    const received: unknown[] = [];
    const unsubscribe = api!.settings!.onChanged!((payload: unknown) => received.push(payload)) as () => void;
    ipcRenderer.emit('settings:changed', { sender: 'ipc internals' }, { autoLockMinutes: 3 });
    expect(received).toEqual([{ autoLockMinutes: 3 }]);
    unsubscribe();
    ipcRenderer.emit('settings:changed', {}, { autoLockMinutes: 4 });
    expect(received).toEqual([{ autoLockMinutes: 3 }]);
    expect(ipcRenderer.listenerCount('settings:changed')).toBe(0);
  });
});

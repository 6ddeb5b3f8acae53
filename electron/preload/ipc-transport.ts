import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Transport } from '../../shared/ipc/api';

/** The preload's transport: invoke for calls, on/removeListener for events. Nothing else is exposed. */
export function ipcTransport(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  return {
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (channel, listener) => {
      // The event object is dropped: it would hand the page a reference to ipcRenderer's sender.
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => {
        ipcRenderer.removeListener(channel, wrapped);
      };
    },
  };
}

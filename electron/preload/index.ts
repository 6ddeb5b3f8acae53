import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/ipc/api';
import { ipcTransport } from './ipc-transport';

// window.api: one method per contract entry and nothing else; no raw Electron API reaches the page.
contextBridge.exposeInMainWorld('api', buildApi(ipcTransport(ipcRenderer)));

import { BrowserWindow, shell } from 'electron';
import { APP_ENTRY_URL, IN_MEMORY_PARTITION, hardenWebContents, isSafeExternalUrl } from './security';

export function openExternalIfSafe(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

export function createMainWindow(preloadPath: string, options: { devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Need to Know',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
      partition: IN_MEMORY_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  hardenWebContents(win.webContents, openExternalIfSafe);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

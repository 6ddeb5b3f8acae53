import { BrowserWindow, dialog, shell } from 'electron';
import { APP_ENTRY_URL, IN_MEMORY_PARTITION, confirmWithDialog, createExternalLinkHandler, hardenWebContents } from './security';

/** Links from any web contents: each opens only after a native confirmation showing where it goes. */
export const openExternalIfSafe = createExternalLinkHandler({
  confirm: confirmWithDialog((options) => dialog.showMessageBox(options)),
  open: (url) => shell.openExternal(url),
});

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

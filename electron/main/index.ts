import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import path from 'node:path';
import { createCore } from './core';
import { handle } from './ipc/handle';
import { openSettingsStore } from './settings/open-settings-store';
import { createMainWindow, openExternalIfSafe, setCouncilDomainSource } from './windows/main-window';
import { REPORT_PARTITION, createReportWindowPrinter } from './windows/report-window';
import { REPORT_CSP } from './reports/report-html';
import { IN_MEMORY_PARTITION, hardenSession, hardenWebContents } from './windows/security';

// Must run before `ready`: app:// behaves like https (standard, secure origin, fetch allowed).
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// Dates in the page's date fields read dd/mm/yyyy whatever language the laptop is set to: every
// user is at a UK council. Chromium's locale is fixed before `ready`.
app.commandLine.appendSwitch('lang', 'en-GB');

// One instance: two writers to the same vault would race.
if (!app.requestSingleInstanceLock()) app.quit();

const distDir = path.join(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(distDir, 'preload', 'index.cjs');

// Any web contents, whatever created it, gets the same navigation and window-open rules.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternalIfSafe));

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

void app.whenReady().then(() => {
  hardenSession(session.fromPartition(IN_MEMORY_PARTITION), rendererDir);
  const dataFolder = app.getPath('userData');
  const { store, warning } = openSettingsStore(dataFolder);
  if (warning) console.warn(warning);
  const core = createCore({
    identity: {
      appName: app.getName(),
      appVersion: app.getVersion(),
      dataFolder,
      platform: `${process.platform} ${process.arch}`,
      runtime: `Electron ${process.versions.electron ?? '?'}`,
    },
    settingsStore: store,
    safeStorage,
    // The daily reminder: counts and references only (the core never passes a subject).
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
    },
    chooseBankHolidaysFile: async () => {
      const result = await dialog.showOpenDialog({
        title: 'Import the gov.uk bank holidays file (bank-holidays.json)',
        properties: ['openFile'],
        filters: [{ name: 'gov.uk bank holidays', extensions: ['json'] }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    setContentProtection: (on) => {
      for (const win of BrowserWindow.getAllWindows()) win.setContentProtection(on);
    },
    dialogs: {
      chooseBackupTarget: async (suggestedName) => {
        const result = await dialog.showSaveDialog({
          title: 'Save an encrypted backup of Need to Know',
          defaultPath: path.join(app.getPath('documents'), suggestedName),
          filters: [{ name: 'Need to Know backup', extensions: ['ntkbackup'] }],
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      chooseBackupSource: async () => {
        const result = await dialog.showOpenDialog({
          title: 'Choose a Need to Know backup to restore',
          properties: ['openFile'],
          filters: [{ name: 'Need to Know backup', extensions: ['ntkbackup'] }],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    },
    // Drafts open in the default mail program; email files are picked in main, so the page never names a path.
    mailDesk: {
      openPath: (file) => shell.openPath(file),
      copyText: (text) => clipboard.writeText(text),
      chooseMessages: async () => {
        const result = await dialog.showOpenDialog({
          title: 'Choose saved emails',
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Emails', extensions: ['eml', 'msg'] }],
        });
        return result.canceled ? [] : result.filePaths;
      },
      chooseExportTarget: async (suggestedName) => {
        const result = await dialog.showSaveDialog({
          title: 'Save a copy of the email',
          defaultPath: path.join(app.getPath('documents'), suggestedName),
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    attachmentDialogs: {
      chooseAttachments: async () => {
        const result = await dialog.showOpenDialog({ title: 'Attach the officer’s files', properties: ['openFile', 'multiSelections'] });
        return result.canceled ? [] : result.filePaths;
      },
      chooseExportTarget: async (suggestedName) => {
        const result = await dialog.showSaveDialog({
          title: 'Save a copy',
          defaultPath: path.join(app.getPath('documents'), suggestedName),
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    meetingImport: {
      chooseFile: async (kind) => {
        const result = await dialog.showOpenDialog({
          title: kind === 'ics' ? 'Import meetings from a calendar file' : 'Import meetings from a democracy-site export',
          properties: ['openFile'],
          filters: kind === 'ics' ? [{ name: 'Calendar file', extensions: ['ics'] }] : [{ name: 'ModernGov export', extensions: ['xml'] }],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      // The app's one network call (docs/IT-GUIDE.md): Electron's net.fetch, so the council's proxy settings apply.
      fetch: (url, init) => net.fetch(url, init),
    },
    reportPrinter: {
      // Main's own HTML of the report it built, printed in a hidden window of its own, never the user's window.
      printToPdf: createReportWindowPrinter({
        session: () => session.fromPartition(REPORT_PARTITION),
        openWindow: (options) => new BrowserWindow(options),
        csp: REPORT_CSP,
      }),
      chooseTarget: async (suggestedName) => {
        const result = await dialog.showSaveDialog({
          title: 'Save the report as PDF',
          defaultPath: path.join(app.getPath('documents'), suggestedName),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
  });
  // Links to the council's own web site (its email domain, from the vault) open without asking, like gov.uk.
  setCouncilDomainSource(() => core.councilDomain());
  // The OS lock screen and sleep lock the vault too (docs/ARCHITECTURE.md, "Locking").
  powerMonitor.on('lock-screen', () => void core.session.lock('os-lock'));
  powerMonitor.on('suspend', () => void core.session.lock('suspend'));
  app.on('before-quit', () => core.dispose());
  handle(ipcMain, core.dispatch);
  core.events.subscribe((channel, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channel, payload);
  });
  createMainWindow(preloadPath, { devTools: !app.isPackaged });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadPath, { devTools: !app.isPackaged });
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

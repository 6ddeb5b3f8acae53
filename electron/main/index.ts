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
import { createCore, type Core, type CoreDeps } from './core';
import type { FileDialogs } from './services/backup-service';
import type { MailDesk } from './services/correspondence-ports';
import type { AttachmentDialogs } from './services/attachment-service';
import type { MeetingImportSources } from './calendar/meeting-import-service';
import type { ReportPrinter } from './reports/report-service';
import { handle } from './ipc/handle';
import { openSettingsStore } from './settings/open-settings-store';
import { checkpointFolder, openCheckpointFile } from './settings/checkpoint-file';
import { createMainWindow, openExternalIfSafe } from './windows/main-window';
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

/** A save dialog starting in Documents with `suggestedName`; null when cancelled. */
async function chooseSaveTarget(title: string, suggestedName: string, filters?: Electron.FileFilter[]): Promise<string | null> {
  const result = await dialog.showSaveDialog({ title, defaultPath: path.join(app.getPath('documents'), suggestedName), filters });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** An open dialog; the chosen files (none when cancelled). */
async function chooseFiles(options: Electron.OpenDialogOptions): Promise<string[]> {
  const result = await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

const chooseFile = async (options: Electron.OpenDialogOptions) => (await chooseFiles(options))[0] ?? null;

const backupDialogs = (): FileDialogs => ({
  chooseBackupTarget: (suggestedName) =>
    chooseSaveTarget('Save an encrypted backup of Need to Know', suggestedName, [
      { name: 'Need to Know backup', extensions: ['ntkbackup'] },
    ]),
  chooseBackupSource: () =>
    chooseFile({
      title: 'Choose a Need to Know backup to restore',
      properties: ['openFile'],
      filters: [{ name: 'Need to Know backup', extensions: ['ntkbackup'] }],
    }),
});

// Drafts open in the default mail program; email files are picked in main, so the page never names a path.
const mailDesk = (): MailDesk => ({
  openPath: (file) => shell.openPath(file),
  copyText: (text) => clipboard.writeText(text),
  chooseMessages: () =>
    chooseFiles({
      title: 'Choose saved emails',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Emails', extensions: ['eml', 'msg'] }],
    }),
  chooseExportTarget: (suggestedName) => chooseSaveTarget('Save a copy of the email', suggestedName),
});

const attachmentDialogs = (): AttachmentDialogs => ({
  chooseAttachments: () => chooseFiles({ title: 'Attach the officer’s files', properties: ['openFile', 'multiSelections'] }),
  chooseExportTarget: (suggestedName) => chooseSaveTarget('Save a copy', suggestedName),
});

const meetingImport = (): MeetingImportSources => ({
  chooseFile: (kind) =>
    chooseFile({
      title: kind === 'ics' ? 'Import meetings from a calendar file' : 'Import meetings from a democracy-site export',
      properties: ['openFile'],
      filters: kind === 'ics' ? [{ name: 'Calendar file', extensions: ['ics'] }] : [{ name: 'ModernGov export', extensions: ['xml'] }],
    }),
  // The app's one network call (docs/IT-GUIDE.md): Electron's net.fetch, so the council's proxy settings apply.
  fetch: (url, init) => net.fetch(url, init),
});

const reportPrinter = (): ReportPrinter => ({
  // Main's own HTML of the report it built, printed in a hidden window of its own, never the user's window.
  printToPdf: createReportWindowPrinter({
    session: () => session.fromPartition(REPORT_PARTITION),
    openWindow: (options) => new BrowserWindow(options),
    csp: REPORT_CSP,
  }),
  chooseTarget: (suggestedName) => chooseSaveTarget('Save the report as PDF', suggestedName, [{ name: 'PDF', extensions: ['pdf'] }]),
});

/** What the core needs from Electron: the app's identity, the OS key store, notifications and dialogs. */
function electronDeps(dataFolder: string, settingsStore: CoreDeps['settingsStore']): CoreDeps {
  return {
    identity: {
      appName: app.getName(),
      appVersion: app.getVersion(),
      dataFolder,
      platform: `${process.platform} ${process.arch}`,
      runtime: `Electron ${process.versions.electron ?? '?'}`,
    },
    settingsStore,
    // Outside the data folder, in this OS user's own folder, where a PA with their own login cannot write.
    checkpointFile: openCheckpointFile(checkpointFolder(process.platform, process.env, app.getPath('home'))),
    safeStorage,
    // The daily reminder: counts and references only (the core never passes a subject).
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
    },
    chooseBankHolidaysFile: () =>
      chooseFile({
        title: 'Import the gov.uk bank holidays file (bank-holidays.json)',
        properties: ['openFile'],
        filters: [{ name: 'gov.uk bank holidays', extensions: ['json'] }],
      }),
    setContentProtection: (on) => {
      for (const win of BrowserWindow.getAllWindows()) win.setContentProtection(on);
    },
    dialogs: backupDialogs(),
    mailDesk: mailDesk(),
    attachmentDialogs: attachmentDialogs(),
    meetingImport: meetingImport(),
    reportPrinter: reportPrinter(),
  };
}

/** Connects the core to the OS (lock screen, sleep, quit), to IPC and to the windows. */
function wire(core: Core): void {
  // The OS lock screen and sleep lock the vault too.
  powerMonitor.on('lock-screen', () => void core.session.lock('os-lock'));
  powerMonitor.on('suspend', () => void core.session.lock('suspend'));
  app.on('before-quit', () => core.dispose());
  handle(ipcMain, core.dispatch);
  core.events.subscribe((channel, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channel, payload);
  });
}

void app.whenReady().then(() => {
  hardenSession(session.fromPartition(IN_MEMORY_PARTITION), rendererDir);
  const dataFolder = app.getPath('userData');
  const { store, warning } = openSettingsStore(dataFolder);
  if (warning) console.warn(warning);
  wire(createCore(electronDeps(dataFolder, store)));
  createMainWindow(preloadPath, { devTools: !app.isPackaged });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadPath, { devTools: !app.isPackaged });
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

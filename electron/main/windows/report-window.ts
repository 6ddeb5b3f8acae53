// "Save as PDF" prints a report in a window of its own: hidden, sandboxed, no preload, no script,
// in a session of its own (in memory) that loads nothing but the one document main made for it.
// The user's window is never printed, so what a page shows cannot reach the PDF.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { randomBytes } from 'node:crypto';
import { contentTypes, securityHeaders } from './security';

/** No `persist:` prefix: the report session keeps nothing on disk. */
export const REPORT_PARTITION = 'need-to-know-report';
/** The report document's address: the app's scheme, but not the app's origin, so it is never taken for the app's page. */
const REPORT_HOST = 'report';
const REPORT_ORIGIN = `app://${REPORT_HOST}`;
/** A report that has not printed in this time is given up, and its window destroyed. */
const PRINT_TIMEOUT_MS = 60_000;

export const REPORT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  // A4 at 96 dpi: the layout the PDF is made from.
  width: 794,
  height: 1123,
  webPreferences: {
    partition: REPORT_PARTITION,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    javascript: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: false,
    devTools: false,
  },
};

/** What the printer uses of a BrowserWindow (a fake one in tests). */
export interface ReportWindow {
  webContents: Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'printToPDF'>;
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export type ReportSession = Pick<Session, 'protocol' | 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'on'>;

export interface ReportWindowDeps {
  /** session.fromPartition(REPORT_PARTITION) */
  session: () => ReportSession;
  /** new BrowserWindow(options) */
  openWindow: (options: BrowserWindowConstructorOptions) => ReportWindow;
  /** The report document's Content Security Policy (reports/report-html.ts), sent as its header too. */
  csp: string;
  timeoutMs?: number;
}

/** The session's rules, set once: nothing but a waiting report document is served, nothing else loads. */
function prepareSession(ses: ReportSession, documents: Map<string, string>, csp: string): void {
  ses.protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const html =
      url.protocol === 'app:' && url.host === REPORT_HOST && request.method === 'GET' ? documents.get(url.pathname.slice(1)) : undefined;
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, { status: 200, headers: { 'Content-Type': contentTypes['.html']!, ...securityHeaders(csp) } });
  });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith(`${REPORT_ORIGIN}/`) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
}

/** Prints one HTML document to PDF in a fresh hidden window, then destroys the window whatever happens. */
export function createReportWindowPrinter(deps: ReportWindowDeps): (html: string) => Promise<Uint8Array> {
  const documents = new Map<string, string>();
  let prepared = false;
  return async (html) => {
    if (!prepared) {
      prepareSession(deps.session(), documents, deps.csp);
      prepared = true;
    }
    const token = randomBytes(16).toString('hex');
    documents.set(token, html);
    const win = deps.openWindow(REPORT_WINDOW_OPTIONS);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      win.webContents.on('will-redirect', (event) => event.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      const print = (async () => {
        await win.loadURL(`${REPORT_ORIGIN}/${token}`);
        return win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('The report took too long to print')), deps.timeoutMs ?? PRINT_TIMEOUT_MS);
      });
      return new Uint8Array(await Promise.race([print, timeout]));
    } finally {
      clearTimeout(timer);
      documents.delete(token);
      if (!win.isDestroyed()) win.destroy();
    }
  };
}

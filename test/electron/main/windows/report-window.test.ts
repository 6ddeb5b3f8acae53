import { describe, expect, it } from 'vitest';
import {
  REPORT_PARTITION,
  REPORT_WINDOW_OPTIONS,
  createReportWindowPrinter,
  type ReportSession,
  type ReportWindow,
} from '../../../../electron/main/windows/report-window';

type Listener = (event: { preventDefault(): void }, ...rest: unknown[]) => void;

/** A stand-in for Electron's session and BrowserWindow, recording what the printer asks of them. */
function fakes(options: { failPrint?: boolean; hang?: boolean } = {}) {
  let serve: ((request: Request) => Promise<Response>) | null = null;
  let filter: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null;
  const windows: Array<{
    options: unknown;
    urls: string[];
    served: string[];
    listeners: Map<string, Listener>;
    destroyed: boolean;
    opener?: () => unknown;
  }> = [];
  const session = {
    protocol: { handle: (_scheme: string, handler: typeof serve) => (serve = handler) },
    webRequest: { onBeforeRequest: (f: typeof filter) => (filter = f) },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    on: () => undefined,
  } as unknown as ReportSession;
  const openWindow = (opts: unknown): ReportWindow => {
    const w = {
      options: opts,
      urls: [] as string[],
      served: [] as string[],
      listeners: new Map<string, Listener>(),
      destroyed: false,
    } as (typeof windows)[number];
    windows.push(w);
    return {
      webContents: {
        on: ((name: string, l: Listener) => w.listeners.set(name, l)) as never,
        setWindowOpenHandler: ((h: () => unknown) => (w.opener = h)) as never,
        printToPDF: async () => {
          if (options.failPrint) throw new Error('print failed');
          return Buffer.from(`%PDF-1.7 ${w.served.join('')}`);
        },
      },
      loadURL: async (url) => {
        w.urls.push(url);
        if (options.hang) return new Promise<void>(() => undefined);
        w.served.push(await (await serve!(new Request(url))).text());
      },
      destroy: () => (w.destroyed = true),
      isDestroyed: () => w.destroyed,
    };
  };
  return {
    session,
    openWindow,
    windows,
    serve: (url: string) => serve!(new Request(url)),
    filter: (url: string) => {
      let cancel: boolean | undefined;
      filter!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    },
  };
}

describe('the hidden report window', () => {
  it('is hidden, sandboxed, isolated, with no preload and no script, in an in-memory session of its own', () => {
    expect(REPORT_WINDOW_OPTIONS.show).toBe(false);
    expect(REPORT_WINDOW_OPTIONS.webPreferences).toMatchObject({
      partition: REPORT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webviewTag: false,
      devTools: false,
    });
    expect(REPORT_WINDOW_OPTIONS.webPreferences).not.toHaveProperty('preload');
    expect(REPORT_PARTITION).not.toMatch(/^persist:/);
  });

  it('prints exactly the HTML it is given, served once under the report policy, then destroys the window', async () => {
    const f = fakes();
    const print = createReportWindowPrinter({ session: () => f.session, openWindow: f.openWindow, csp: "default-src 'none'" });
    const pdf = await print('<h1>Outstanding requests</h1>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 <h1>Outstanding requests</h1>');
    expect(f.windows).toHaveLength(1);
    const [w] = f.windows;
    expect(w!.options).toBe(REPORT_WINDOW_OPTIONS);
    expect(w!.urls).toEqual([expect.stringMatching(/^app:\/\/report\/[0-9a-f]{32}$/)]);
    expect(w!.destroyed).toBe(true);
    // The document is gone once printed; the report host serves nothing else, the app's host nothing at all.
    expect((await f.serve(w!.urls[0]!)).status).toBe(404);
    expect((await f.serve('app://need-to-know/index.html')).status).toBe(404);
    // Navigation, redirects and new windows are refused.
    for (const name of ['will-navigate', 'will-redirect']) {
      let prevented = false;
      w!.listeners.get(name)!({ preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
    }
    expect(w!.opener!()).toEqual({ action: 'deny' });
    // Nothing but the report document loads in that session.
    expect(f.filter('https://example.com/x.png')).toBe(true);
    expect(f.filter('app://need-to-know/index.html')).toBe(true);
    expect(f.filter(w!.urls[0]!)).toBe(false);
  });

  it('sends the report policy with the document, and destroys the window when printing fails or hangs', async () => {
    const csp = "default-src 'none'; style-src 'sha256-abc'";
    let seen: Headers | null = null;
    const f = fakes({ failPrint: true });
    const print = createReportWindowPrinter({
      session: () => f.session,
      openWindow: (o) => {
        const w = f.openWindow(o);
        const load = w.loadURL.bind(w);
        w.loadURL = async (url) => {
          seen = (await f.serve(url)).headers;
          return load(url);
        };
        return w;
      },
      csp,
    });
    await expect(print('<p>x</p>')).rejects.toThrow('print failed');
    expect(seen!.get('content-security-policy')).toBe(csp);
    expect(f.windows[0]!.destroyed).toBe(true);

    const hung = fakes({ hang: true });
    const slow = createReportWindowPrinter({ session: () => hung.session, openWindow: hung.openWindow, csp, timeoutMs: 20 });
    await expect(slow('<p>x</p>')).rejects.toThrow(/too long/);
    expect(hung.windows[0]!.destroyed).toBe(true);
  });
});

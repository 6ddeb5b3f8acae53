// Dev-only browser harness (docs/TESTING.md). Serves the built renderer to Chromium and gives it a
// `window.api` whose calls reach the real main-process core (same contract, same validation,
// same handlers) running here in Node. Never packaged: tools/check-package.ts proves it.
import Conf from 'conf';
import { build } from 'esbuild';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../electron/main/core';
import { AppError } from '../../shared/ipc/errors';
import { APP_CSP, contentTypes, resolveRendererFile, securityHeaders } from '../../electron/main/windows/security';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

export const TOKEN_COOKIE = 'ntk_harness';
export const TOKEN_HEADER = 'x-harness-token';
// The app's CSP, except that the page may talk to this server (the stand-in for IPC).
const HARNESS_CSP = APP_CSP.replace("connect-src 'none'", "connect-src 'self'");

export interface HarnessOptions {
  rendererDir?: string;
  dataFolder?: string;
  port?: number;
  /** Argon2id cost; tests use the header's floor (m = 19 MiB, t = 2) to stay quick. */
  kdf?: { m: number; t: number; p: number };
  /**
   * "Save as PDF" of a report: prints main's own HTML of the report (never the app's page). A browser
   * test passes a fresh Playwright page, script off, given this HTML and printed with page.pdf()
   * (Chromium's PDF printing, as Electron's printToPDF is); without it saving a PDF says it is unavailable.
   */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** The democracy-site fetch; none by default, so the harness never touches the network. */
  fetch?: import('../../electron/main/calendar/democracy-site').FetchLike;
}

export interface Harness {
  /** Open this in the browser: it carries the per-run token. */
  url: string;
  origin: string;
  token: string;
  dataFolder: string;
  core: Core;
  close(): Promise<void>;
}

async function buildClient(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(here, 'client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

async function readBody(req: http.IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The client sends a Uint8Array as `{ $bytes: base64 }`; Electron's IPC would carry it as it is. */
function reviveBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveBytes);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Object.keys(o).length === 1 && typeof o.$bytes === 'string') return new Uint8Array(Buffer.from(o.$bytes, 'base64'));
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, reviveBytes(v)]));
  }
  return value;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(repoRoot, 'dist/renderer'));
  const indexHtml = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const clientJs = await buildClient();
  const ownsDataFolder = !options.dataFolder;
  const dataFolder = options.dataFolder ?? mkdtempSync(path.join(os.tmpdir(), 'ntk-harness-'));
  const token = randomBytes(24).toString('base64url');
  const backupFolder = path.join(dataFolder, 'backups');
  const settingsStore = new Conf({ cwd: dataFolder, configName: 'settings', projectName: 'need-to-know' });
  const core = createCore({
    identity: {
      appName: 'Need to Know',
      appVersion: (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version,
      dataFolder,
      platform: `${process.platform} ${process.arch}`,
      runtime: `Browser harness on Node ${process.versions.node}`,
    },
    settingsStore,
    kdf: options.kdf,
    // No OS dialogs in a browser: backups go to, and are restored from, the data folder's backups/.
    dialogs: {
      chooseBackupTarget: async (name) => {
        mkdirSync(backupFolder, { recursive: true });
        return path.join(backupFolder, name);
      },
      chooseBackupSource: async () => {
        const files = existsSync(backupFolder)
          ? readdirSync(backupFolder)
              .filter((f) => f.endsWith('.ntkbackup'))
              .sort()
          : [];
        return files.length ? path.join(backupFolder, files.at(-1)!) : null;
      },
    },
    // Attaching picks every file in the data folder's inbox/ (none = cancel); copies are saved to exports/.
    // Drafts "open" by being written to exports/ (nothing is launched); emails are picked from mail-inbox/.
    mailDesk: {
      openPath: async (file) => {
        const exports = path.join(dataFolder, 'exports');
        mkdirSync(exports, { recursive: true });
        copyFileSync(file, path.join(exports, path.basename(file)));
        return '';
      },
      copyText: (text) => {
        const exports = path.join(dataFolder, 'exports');
        mkdirSync(exports, { recursive: true });
        writeFileSync(path.join(exports, 'clipboard.txt'), text);
      },
      chooseMessages: async () => {
        const inbox = path.join(dataFolder, 'mail-inbox');
        return existsSync(inbox)
          ? readdirSync(inbox)
              .sort()
              .map((f) => path.join(inbox, f))
          : [];
      },
      chooseExportTarget: async (name) => {
        const exports = path.join(dataFolder, 'exports');
        mkdirSync(exports, { recursive: true });
        return path.join(exports, path.basename(name));
      },
    },
    attachmentDialogs: {
      chooseAttachments: async () => {
        const inbox = path.join(dataFolder, 'inbox');
        return existsSync(inbox)
          ? readdirSync(inbox)
              .sort()
              .map((f) => path.join(inbox, f))
          : [];
      },
      chooseExportTarget: async (name) => {
        const exports = path.join(dataFolder, 'exports');
        mkdirSync(exports, { recursive: true });
        return path.join(exports, path.basename(name));
      },
    },
    // Notifications are recorded, one JSON line each, in the data folder's notifications.log.
    notify: (title, body) => appendFileSync(path.join(dataFolder, 'notifications.log'), `${JSON.stringify({ title, body })}\n`),
    // The gov.uk bank holidays file is picked from the data folder's import/ (bank-holidays.json).
    chooseBankHolidaysFile: async () => {
      const file = path.join(dataFolder, 'import', 'bank-holidays.json');
      return existsSync(file) ? file : null;
    },
    // Importing meetings picks the newest matching file in the data folder's import/; reports go to reports/.
    meetingImport: {
      chooseFile: async (kind) => {
        const folder = path.join(dataFolder, 'import');
        const ext = kind === 'ics' ? '.ics' : '.xml';
        const files = existsSync(folder)
          ? readdirSync(folder)
              .filter((f) => f.toLowerCase().endsWith(ext))
              .sort()
          : [];
        return files.length ? path.join(folder, files.at(-1)!) : null;
      },
      fetch: options.fetch,
    },
    reportPrinter: {
      printToPdf: async (html) => {
        if (!options.printToPdf) throw new AppError('unavailable', 'Saving as PDF is not available in this harness run.');
        return options.printToPdf(html);
      },
      chooseTarget: async (name) => {
        const reports = path.join(dataFolder, 'reports');
        mkdirSync(reports, { recursive: true });
        return path.join(reports, path.basename(name));
      },
    },
  });

  const eventStreams = new Set<http.ServerResponse>();
  const unsubscribe = core.events.subscribe((channel, payload) => {
    const frame = `data: ${JSON.stringify({ channel, payload })}\n\n`;
    for (const res of eventStreams) res.write(frame);
  });

  let origin = '';
  let host = '';
  const server = http.createServer((req, res) => {
    void route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Harness error');
    });
  });

  const refuse = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(message);
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding and cross-site guard: only our exact host, and no foreign Origin.
    if (req.headers.host !== host) return refuse(res, 421, 'Wrong host');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return refuse(res, 403, 'Wrong origin');
    const url = new URL(req.url ?? '/', origin);
    const fromQuery = url.searchParams.get('token') ?? undefined;
    const fromCookie = cookieToken(req.headers.cookie);
    const fromHeader = req.headers[TOKEN_HEADER] as string | undefined;
    const isEntry = url.pathname === '/' || url.pathname === '/index.html';

    if (url.pathname.startsWith('/__api/')) {
      // Calls need the header token (not just the cookie) and must be same-origin POSTs.
      if (req.method !== 'POST' || !sameSecret(fromHeader, token) || req.headers.origin !== origin) {
        return refuse(res, 403, 'Refused');
      }
      let input: unknown;
      try {
        // Dropped emails travel as base64 (JSON has no bytes): up to 20 files of 50 MB, so a larger cap for that one channel.
        const big = url.pathname === `/__api/${encodeURIComponent('correspondence:import')}`;
        input = reviveBytes((JSON.parse(await readBody(req, big ? 1400 * 1024 * 1024 : undefined)) as { input?: unknown }).input);
      } catch {
        return refuse(res, 400, 'Bad request body');
      }
      const channel = decodeURIComponent(url.pathname.slice('/__api/'.length));
      const result = await core.dispatch(channel, input);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(result));
      return;
    }

    if (req.method !== 'GET') return refuse(res, 405, 'Method not allowed');
    const authorised = sameSecret(fromCookie, token) || (isEntry && sameSecret(fromQuery, token));
    if (!authorised) return refuse(res, 403, 'Refused: this page needs the harness token');

    if (url.pathname === '/__events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      eventStreams.add(res);
      req.on('close', () => eventStreams.delete(res));
      return;
    }
    if (url.pathname === '/__harness/client.js') {
      res.writeHead(200, { 'Content-Type': contentTypes['.js']!, ...securityHeaders(HARNESS_CSP) });
      res.end(clientJs);
      return;
    }
    if (isEntry) {
      // The client script defines window.api before the app's module script runs.
      const html = indexHtml.replace(
        '<head>',
        `<head>\n    <meta name="harness-token" content="${token}" />\n    <script src="/__harness/client.js"></script>`,
      );
      res.writeHead(200, {
        'Content-Type': contentTypes['.html']!,
        'Cache-Control': 'no-store',
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        ...securityHeaders(HARNESS_CSP),
      });
      res.end(html);
      return;
    }
    const file = resolveRendererFile(rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'Not found');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
        ...securityHeaders(HARNESS_CSP),
      });
      res.end(body);
    } catch {
      refuse(res, 404, 'Not found');
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    dataFolder,
    core,
    close: async () => {
      unsubscribe();
      for (const res of eventStreams) res.end();
      core.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A throwaway folder made for this run goes; a folder the caller named is left alone.
      if (ownsDataFolder) rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

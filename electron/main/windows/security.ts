import type { Session, WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ORIGIN } from '../ipc/handle';

export const APP_HOST = 'need-to-know';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** In-memory session: no `persist:` prefix, so the Dexie working set never reaches the disk (DESIGN §1). */
export const IN_MEMORY_PARTITION = 'need-to-know';

/** DESIGN §4 policy, unchanged: nothing but the app's own scripts and styles, no network at all. */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; " +
  "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const securityHeaders = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** Resolves a request path inside the built renderer, or null when it would escape it. */
export function resolveRendererFile(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}

/** Serves the built renderer for `app://need-to-know/...`, with the CSP on every response. */
export function createAppProtocolHandler(rendererDir: string, csp = APP_CSP) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.protocol !== 'app:' || url.host !== APP_HOST || request.method !== 'GET') {
      return new Response('Not found', { status: 404 });
    }
    const file = resolveRendererFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
      return new Response(body, { status: 200, headers: { 'Content-Type': type, ...securityHeaders(csp) } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}

/** Only vetted `mailto:` and `https:` links may leave the app, and only to the OS handler. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === 'mailto:') return url.pathname.length > 0;
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Every permission (camera, notifications, geolocation, ...) is denied: the app needs none. */
export function hardenSession(ses: Session, rendererDir: string): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.protocol.handle('app', createAppProtocolHandler(rendererDir));
}

/** No navigation away from the app, no new windows; safe links go to the OS instead. */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

import type { Session, WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ORIGIN } from '../ipc/handle';

export const APP_HOST = 'need-to-know';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** In-memory session: no `persist:` prefix, so the Dexie working set never reaches the disk. */
export const IN_MEMORY_PARTITION = 'need-to-know';

/** Electron's security checklist policy: nothing but the app's own scripts and styles, no network at all. */
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

/** Only `mailto:` and `https:` links may leave the app at all, and only to the OS handler once the user agrees. */
export function isSafeExternalUrl(raw: string): boolean {
  return externalLink(raw) !== null;
}

/**
 * The address a link really goes to, written out in full as the browser or mail program will get
 * it (the host in its ASCII form, so a look-alike letter shows as xn--...), or null when it may not
 * leave the app at all: anything but https: and mailto: (file:, smb:, javascript:, http:, custom
 * schemes), an address with credentials in it, or an empty mailto:. Nothing opens without the
 * user's say: no site is trusted by name, not gov.uk and not the council's own domain, since the
 * page that asks could be showing an email or a file that chose the link.
 */
export function externalLink(raw: string): { href: string; site: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') {
    if (!url.pathname) return null;
    try {
      decodeURIComponent(url.pathname);
    } catch {
      return null;
    }
    return { href: url.href, site: 'your email program' };
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
  return { href: url.href, site: url.port ? `${url.hostname}:${url.port}` : url.hostname };
}

export interface ExternalLinkDeps {
  /** Asks the user, showing the full address and its site; resolves true only when they choose to open it. */
  confirm: (link: { href: string; site: string }) => Promise<boolean>;
  /** Hands the address to the OS (shell.openExternal). */
  open: (url: string) => unknown;
}

/** The one way a link leaves the app: only after the user has seen where it goes and confirmed it; what they saw is what opens. */
export function createExternalLinkHandler(deps: ExternalLinkDeps): (url: string) => Promise<boolean> {
  return async (url) => {
    let link: { href: string; site: string } | null;
    try {
      link = externalLink(url);
    } catch {
      link = null;
    }
    if (!link) return false;
    if (!(await deps.confirm(link).catch(() => false))) return false;
    await deps.open(link.href);
    return true;
  };
}

export interface MessageBoxLike {
  (options: {
    type: 'warning';
    buttons: string[];
    defaultId: number;
    cancelId: number;
    noLink: true;
    title: string;
    message: string;
    detail: string;
  }): Promise<{ response: number }>;
}

/** The confirmation as a native dialog: the site named, the whole address shown, and Cancel the default. */
export function confirmWithDialog(showMessageBox: MessageBoxLike): (link: { href: string; site: string }) => Promise<boolean> {
  return async ({ href, site }) => {
    const { response } = await showMessageBox({
      type: 'warning',
      buttons: ['Cancel', 'Open'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      title: 'Open outside Need to Know?',
      message: href.startsWith('mailto:')
        ? 'This opens your email program with the address below. Check all of it before you go on.'
        : `This opens ${site} in your browser. Check the whole address below before you go on: a link can show one site and go to another.`,
      detail: href,
    });
    return response === 1;
  };
}

/**
 * Every permission (camera, notifications, geolocation, ...) is denied: the app needs none. No
 * download is ever written: the app saves copies only through main's own save dialog.
 */
export function hardenSession(ses: Session, rendererDir: string): void {
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.protocol.handle('app', createAppProtocolHandler(rendererDir));
}

/** No navigation away from the app, no new windows; links go to `openExternal` to be vetted. */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => unknown): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

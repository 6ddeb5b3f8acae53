import type { Session, WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ORIGIN } from '../ipc/handle';
import { isEmailAddress } from '../../../shared/domain/email';

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

/** Only `mailto:` and `https:` links may leave the app at all, and only to the OS handler. */
export function isSafeExternalUrl(raw: string): boolean {
  return externalLinkDecision(raw, null) !== 'refuse';
}

/** What happens to a link the page asks to open outside the app. */
export type LinkDecision = 'open' | 'confirm' | 'refuse';

/** Sites a Member's work links to every day, opened without asking; any other address is confirmed first. */
export const ALLOWED_LINK_DOMAINS = ['gov.uk', 'legislation.gov.uk'];

const hostIsWithin = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Decides a link the page asks the OS to open. `open`: https on gov.uk (and its subdomains, which
 * include legislation.gov.uk) or on the council's own domain, or a mailto: to one plain address.
 * `confirm`: any other https or mailto: address, which the user must see in full and accept.
 * `refuse`: everything else (file:, smb:, javascript:, http:, credentials in the address...).
 */
export function externalLinkDecision(raw: string, councilDomain: string | null | undefined): LinkDecision {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'refuse';
  }
  if (url.protocol === 'mailto:') {
    if (!url.pathname) return 'refuse';
    let address: string;
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      return 'refuse';
    }
    // A single plain address (the app's one email rule), nothing else: no second recipient, no
    // `?subject=&body=&cc=` that would carry content (or a copy) into the mail program unseen.
    return !url.search && !url.hash && isEmailAddress(address) ? 'open' : 'confirm';
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return 'refuse';
  const council = councilDomain?.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  const allowed = [...ALLOWED_LINK_DOMAINS, ...(council && council.includes('.') ? [council] : [])];
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return !url.port && allowed.some((domain) => hostIsWithin(host, domain)) ? 'open' : 'confirm';
}

export interface ExternalLinkDeps {
  /** The council's email domain (council settings), whose web site is allowed too; null when not set. */
  councilDomain: () => string | null | undefined;
  /** Asks the user, showing the full address; resolves true only when they choose to open it. */
  confirm: (url: string) => Promise<boolean>;
  /** Hands the address to the OS (shell.openExternal). */
  open: (url: string) => unknown;
}

/** The one way a link leaves the app: allow-listed at once, others only after the user confirms. */
export function createExternalLinkHandler(deps: ExternalLinkDeps): (url: string) => Promise<boolean> {
  return async (url) => {
    let decision: LinkDecision;
    try {
      decision = externalLinkDecision(url, deps.councilDomain());
    } catch {
      decision = 'refuse';
    }
    if (decision === 'refuse') return false;
    if (decision === 'confirm' && !(await deps.confirm(url).catch(() => false))) return false;
    await deps.open(url);
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

/** The confirmation as a native dialog: the whole address is shown, and Cancel is the default. */
export function confirmWithDialog(showMessageBox: MessageBoxLike): (url: string) => Promise<boolean> {
  return async (url) => {
    const { response } = await showMessageBox({
      type: 'warning',
      buttons: ['Cancel', 'Open'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      title: 'Open outside Need to Know?',
      message: url.startsWith('mailto:')
        ? 'This opens your email program with the address below. Check all of it before you go on.'
        : 'This opens the web address below in your browser. It is not a site Need to Know knows. Check all of it before you go on.',
      detail: url,
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

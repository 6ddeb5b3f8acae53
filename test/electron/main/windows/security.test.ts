import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, FakeWebContents, dialog, resetElectronMock, session, shell } from '../../../mocks/electron';
import { createMainWindow } from '../../../../electron/main/windows/main-window';
import {
  APP_CSP,
  IN_MEMORY_PARTITION,
  createAppProtocolHandler,
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
  resolveRendererFile,
} from '../../../../electron/main/windows/security';

describe('the main window', () => {
  beforeEach(() => resetElectronMock());

  it('is created with every web preference of the security checklist', () => {
    createMainWindow('/app/preload.cjs', { devTools: false });
    const prefs = BrowserWindow.instances[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
  });

  it('keeps its session in memory: a partition without persist:', () => {
    createMainWindow('/p.cjs', { devTools: false });
    const { partition } = BrowserWindow.instances[0]!.options.webPreferences;
    expect(partition).toBe(IN_MEMORY_PARTITION);
    expect(partition.startsWith('persist:')).toBe(false);
  });

  it('loads the app from the app:// protocol, never file://', () => {
    createMainWindow('/p.cjs', { devTools: false });
    expect(BrowserWindow.instances[0]!.webContents.loadedURL).toBe('app://need-to-know/index.html');
  });
});

describe('web contents hardening', () => {
  beforeEach(() => resetElectronMock());

  it('blocks navigation, redirects and webviews', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, () => {});
    expect(contents.emitPreventable('will-navigate', 'https://evil.example')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://evil.example')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies window.open, handing only safe links to the OS, each once the user has confirmed it', async () => {
    const showMessageBox = vi.fn(async (_options: any) => ({ response: 1 }));
    (dialog as any).showMessageBox = showMessageBox;
    createMainWindow('/p.cjs', { devTools: false });
    const open = BrowserWindow.instances[0]!.webContents.windowOpenHandler!;
    expect(open({ url: 'https://www.legislation.gov.uk/ukpga/2000/36' })).toEqual({ action: 'deny' });
    expect(open({ url: 'mailto:monitoring.officer@council.gov.uk' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(2));
    expect(showMessageBox).toHaveBeenCalledTimes(2);
    expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://www.legislation.gov.uk/ukpga/2000/36',
      'mailto:monitoring.officer@council.gov.uk',
    ]);
  });

  it('allows shell.openExternal only for mailto: and https:', () => {
    expect(isSafeExternalUrl('https://example.gov.uk/')).toBe(true);
    expect(isSafeExternalUrl('mailto:someone@council.gov.uk')).toBe(true);
    for (const bad of [
      'http://example.com',
      'file:///C:/x',
      'smb://server/share',
      'javascript:x',
      'https://user:pw@x.com',
      'not a url',
      'ms-settings:',
    ])
      expect(isSafeExternalUrl(bad), bad).toBe(false);
  });
});

describe('the session', () => {
  beforeEach(() => resetElectronMock());

  it('denies every permission request and check', () => {
    const ses = session.fromPartition(IN_MEMORY_PARTITION);
    hardenSession(ses as never, '/nowhere');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      ses.permissionRequestHandler!({}, permission, (answer: boolean) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(ses.permissionCheckHandler!({}, permission)).toBe(false);
    }
    expect(ses.devicePermissionHandler!({})).toBe(false);
    expect(ses.protocolHandlers.has('app')).toBe(true);
  });
});

describe('the app:// protocol', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ntk-renderer-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(os.tmpdir(), 'ntk-secret.txt'), 'secret');
  const serve = createAppProtocolHandler(root);

  it('serves the built renderer with the strict CSP on every response', async () => {
    const response = await serve(new Request('app://need-to-know/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).not.toContain('unsafe');
    const script = await serve(new Request('app://need-to-know/assets/app.js'));
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('content-security-policy')).toBe(APP_CSP);
  });

  it('refuses paths that escape the renderer folder and other hosts', async () => {
    for (const url of [
      'app://need-to-know/../ntk-secret.txt',
      'app://need-to-know/%2e%2e/ntk-secret.txt',
      'app://need-to-know/assets/%2e%2e%2f%2e%2e%2fntk-secret.txt',
      'app://other-host/index.html',
      'app://need-to-know/missing.js',
    ]) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(404);
    }
    expect(resolveRendererFile(root, '/%00')).toBeNull();
  });
});

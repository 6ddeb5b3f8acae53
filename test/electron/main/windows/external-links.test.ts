import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, session, resetElectronMock, shell } from '../../../mocks/electron';
import { createMainWindow, openExternalIfSafe } from '../../../../electron/main/windows/main-window';
import { confirmWithDialog, createExternalLinkHandler, externalLink, hardenSession } from '../../../../electron/main/windows/security';

describe('which links may leave the app, and where they really go', () => {
  it('no site opens unasked: gov.uk, legislation.gov.uk and the council’s own domain are confirmed like any other', () => {
    for (const url of [
      'https://www.gov.uk/guidance/local-government-transparency-code',
      'https://gov.uk/',
      'https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A',
      'https://attacker.gov.uk/',
      'https://www.example-council.gov.uk/council-meetings',
      'https://evil.example/',
      'https://www.gov.uk:8443/',
      'mailto:monitoring.officer@example-council.gov.uk',
      'mailto:journalist@echo.example?subject=Pink%20paper&body=The%20valuation%20is%20%C2%A34m',
    ])
      expect(externalLink(url), url).not.toBeNull();
  });

  it('shows the real destination: the host in ASCII (a look-alike letter shows as xn--), the port, the full address', () => {
    expect(externalLink('https://www.gоv.uk/login')).toEqual({ href: 'https://www.xn--gv-fmc.uk/login', site: 'www.xn--gv-fmc.uk' });
    expect(externalLink('https://WWW.Example-Council.GOV.UK./a b')).toEqual({
      href: 'https://www.example-council.gov.uk./a%20b',
      site: 'www.example-council.gov.uk.',
    });
    expect(externalLink('https://www.gov.uk:8443/x')!.site).toBe('www.gov.uk:8443');
    expect(externalLink('https://example.com/\u202Efdp.exe')!.href).toBe('https://example.com/%E2%80%AEfdp.exe');
    expect(externalLink('mailto:a@example.com?cc=b@example.com')).toEqual({
      href: 'mailto:a@example.com?cc=b@example.com',
      site: 'your email program',
    });
  });

  it('refuses every other kind of address outright', () => {
    for (const url of [
      'http://www.gov.uk/',
      'file:///C:/Users/x/vault.json',
      'smb://server/share',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'ms-settings:',
      'vbscript:x',
      'https://user:pw@www.gov.uk/',
      'https://:pw@www.gov.uk/',
      'not a url',
      'mailto:',
      'mailto:%E0%A4%A',
    ])
      expect(externalLink(url), url).toBeNull();
  });
});

describe('the link handler', () => {
  it('opens nothing without asking, and opens exactly the address the user was shown', async () => {
    const deps = { confirm: vi.fn(async (_l: { href: string; site: string }) => true), open: vi.fn() };
    const handle = createExternalLinkHandler(deps);
    expect(await handle('https://www.legislation.gov.uk/ukpga/2000/36')).toBe(true);
    expect(deps.confirm).toHaveBeenCalledWith({ href: 'https://www.legislation.gov.uk/ukpga/2000/36', site: 'www.legislation.gov.uk' });
    expect(await handle('https://www.gоv.uk/')).toBe(true);
    expect(deps.open.mock.calls.map((c) => c[0])).toEqual(['https://www.legislation.gov.uk/ukpga/2000/36', 'https://www.xn--gv-fmc.uk/']);
  });

  it('opens nothing the user declines, and passes the full address to confirm', async () => {
    const long = 'https://files.example/share?token=abc123&note=' + 'x'.repeat(300);
    const declined = { confirm: vi.fn(async (_l: { href: string; site: string }) => false), open: vi.fn() };
    expect(await createExternalLinkHandler(declined)(long)).toBe(false);
    expect(declined.confirm.mock.calls[0]![0].href).toBe(long);
    expect(declined.open).not.toHaveBeenCalled();
  });

  it('treats a failing confirmation as no, and never asks about refused addresses', async () => {
    const deps = { confirm: vi.fn(async () => Promise.reject(new Error('dialog gone'))), open: vi.fn() };
    expect(await createExternalLinkHandler(deps)('https://evil.example/')).toBe(false);
    expect(await createExternalLinkHandler(deps)('file:///etc/passwd')).toBe(false);
    expect(deps.confirm).toHaveBeenCalledTimes(1);
    expect(deps.open).not.toHaveBeenCalled();
  });

  it('shows the site and the whole address in a native dialog where Cancel is the default', async () => {
    const show = vi.fn(async (_options: any) => ({ response: 0 }));
    const link = externalLink('https://www.gоv.uk/pay?to=' + 'x'.repeat(50))!;
    expect(await confirmWithDialog(show)(link)).toBe(false);
    const options = show.mock.calls[0]![0];
    expect(options.detail).toBe(link.href);
    expect(options.message).toContain('www.xn--gv-fmc.uk');
    expect(options.buttons[options.defaultId]).toBe('Cancel');
    expect(options.buttons[options.cancelId]).toBe('Cancel');
    expect(options.message).not.toMatch(/undefined|Error/);
    show.mockResolvedValueOnce({ response: 1 });
    expect(await confirmWithDialog(show)(link)).toBe(true);
  });
});

describe('the main window’s links (hostile page calling window.open)', () => {
  beforeEach(() => resetElectronMock());

  it('asks about every link, gov.uk and the council’s site included, with the full address; opens none declined', async () => {
    const showMessageBox = vi.fn(async (_options: any) => ({ response: 0 }));
    (dialog as any).showMessageBox = showMessageBox;
    createMainWindow('/p.cjs', { devTools: false });
    const open = BrowserWindow.instances[0]!.webContents.windowOpenHandler!;
    for (const url of [
      'https://www.example-council.gov.uk/meetings',
      'https://phish.gov.uk/',
      'https://leak.example/?data=pink-paper-text',
    ])
      expect(open({ url })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(showMessageBox).toHaveBeenCalledTimes(3));
    expect(showMessageBox.mock.calls.map((c) => c[0].detail)).toEqual([
      'https://www.example-council.gov.uk/meetings',
      'https://phish.gov.uk/',
      'https://leak.example/?data=pink-paper-text',
    ]);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens a confirmed address, and the same handler serves every web contents', async () => {
    (dialog as any).showMessageBox = vi.fn(async () => ({ response: 1 }));
    expect(await openExternalIfSafe('https://www.ico.org.uk/')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.ico.org.uk/');
  });
});

describe('downloads', () => {
  it('are cancelled by the session: nothing the page starts is written to disk', () => {
    const ses = session.fromPartition('downloads');
    hardenSession(ses as never, '/nowhere');
    const item = { cancel: vi.fn(), getFilename: () => 'pink-paper.pdf' };
    let prevented = false;
    ses.emit('will-download', { preventDefault: () => (prevented = true) }, item, {});
    expect(prevented).toBe(true);
    expect(item.cancel).toHaveBeenCalled();
    expect(ses.listenerCount('will-download')).toBe(1);
  });
});

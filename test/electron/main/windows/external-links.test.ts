import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, session, resetElectronMock, shell } from '../../../mocks/electron';
import { createMainWindow, openExternalIfSafe, setCouncilDomainSource } from '../../../../electron/main/windows/main-window';
import {
  confirmWithDialog,
  createExternalLinkHandler,
  externalLinkDecision,
  hardenSession,
} from '../../../../electron/main/windows/security';

const COUNCIL = 'example-council.gov.uk';

describe('which links leave the app (allow-list or confirm)', () => {
  it('opens gov.uk, its subdomains, legislation.gov.uk and the council’s own domain without asking', () => {
    for (const url of [
      'https://www.gov.uk/guidance/local-government-transparency-code',
      'https://gov.uk/',
      'https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A',
      'https://ico.org.uk.gov.uk/',
      'https://www.example-council.gov.uk/council-meetings',
      'https://example-council.gov.uk/',
    ])
      expect(externalLinkDecision(url, COUNCIL), url).toBe('open');
  });

  it('asks first for any other https address, including look-alikes of allowed ones', () => {
    for (const url of [
      'https://evil.example/',
      'https://gov.uk.evil.example/',
      'https://notgov.uk/',
      'https://www.legislation.gov.uk.attacker.net/ukpga',
      'https://example-council.gov.uk.attacker.net/',
      'https://www.gov.uk:8443/', // an unusual port is not the site the user knows
    ])
      expect(externalLinkDecision(url, COUNCIL), url).toBe('confirm');
    // Without a council domain set, the council's site is not allowed by default unless under gov.uk.
    expect(externalLinkDecision('https://www.example-council.org/', null)).toBe('confirm');
    expect(externalLinkDecision('https://www.example-council.org/', 'example-council.org')).toBe('open');
  });

  it('opens a mailto: to one plain address; asks when it carries a subject, body, copies or several addresses', () => {
    expect(externalLinkDecision('mailto:monitoring.officer@example-council.gov.uk', COUNCIL)).toBe('open');
    for (const url of [
      'mailto:journalist@echo.example?subject=Pink%20paper&body=The%20valuation%20is%20%C2%A34m',
      'mailto:a@example.com?cc=b@example.com',
      'mailto:a@example.com?bcc=press@echo.example',
      'mailto:a@example.com,b@example.com',
      'mailto:a@example.com%2Cb@example.com',
      'mailto:a@example.com#x',
      // Not an address by the app's one email rule (shared/domain/email): shown in full first.
      'mailto:a..b@example-council.gov.uk',
      'mailto:a%3Cb%3E@example-council.gov.uk',
    ])
      expect(externalLinkDecision(url, COUNCIL), url).toBe('confirm');
  });

  it('refuses every other kind of address outright', () => {
    for (const url of [
      'http://www.gov.uk/',
      'file:///C:/Users/x/vault.json',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-settings:',
      'https://user:pw@www.gov.uk/',
      'not a url',
      'mailto:',
    ])
      expect(externalLinkDecision(url, COUNCIL), url).toBe('refuse');
  });
});

describe('the link handler', () => {
  it('opens allow-listed links at once, never asking', async () => {
    const deps = { councilDomain: () => COUNCIL, confirm: vi.fn(async () => true), open: vi.fn() };
    const handle = createExternalLinkHandler(deps);
    expect(await handle('https://www.legislation.gov.uk/ukpga/2000/36')).toBe(true);
    expect(deps.confirm).not.toHaveBeenCalled();
    expect(deps.open).toHaveBeenCalledWith('https://www.legislation.gov.uk/ukpga/2000/36');
  });

  it('opens another address only when the user confirms it, and passes the full address to confirm', async () => {
    const long = 'https://files.example/share?token=abc123&note=' + 'x'.repeat(300);
    const declined = { councilDomain: () => COUNCIL, confirm: vi.fn(async () => false), open: vi.fn() };
    expect(await createExternalLinkHandler(declined)(long)).toBe(false);
    expect(declined.confirm).toHaveBeenCalledWith(long);
    expect(declined.open).not.toHaveBeenCalled();
    const accepted = { councilDomain: () => COUNCIL, confirm: vi.fn(async () => true), open: vi.fn() };
    expect(await createExternalLinkHandler(accepted)(long)).toBe(true);
    expect(accepted.open).toHaveBeenCalledWith(long);
  });

  it('treats a failing confirmation as no, and never asks about refused addresses', async () => {
    const deps = { councilDomain: () => COUNCIL, confirm: vi.fn(async () => Promise.reject(new Error('dialog gone'))), open: vi.fn() };
    expect(await createExternalLinkHandler(deps)('https://evil.example/')).toBe(false);
    expect(await createExternalLinkHandler(deps)('file:///etc/passwd')).toBe(false);
    expect(deps.confirm).toHaveBeenCalledTimes(1);
    expect(deps.open).not.toHaveBeenCalled();
  });

  it('shows the whole address in a native dialog where Cancel is the default', async () => {
    const show = vi.fn(async (_options: any) => ({ response: 0 }));
    const url = 'mailto:someone@elsewhere.example?subject=Confidential&body=' + encodeURIComponent('The figures are…');
    expect(await confirmWithDialog(show)(url)).toBe(false);
    const options = show.mock.calls[0]![0];
    expect(options.detail).toBe(url);
    expect(options.buttons[options.defaultId]).toBe('Cancel');
    expect(options.buttons[options.cancelId]).toBe('Cancel');
    expect(options.message).not.toMatch(/undefined|Error/);
    show.mockResolvedValueOnce({ response: 1 });
    expect(await confirmWithDialog(show)(url)).toBe(true);
  });
});

describe('the main window’s links (hostile page calling window.open)', () => {
  beforeEach(() => {
    resetElectronMock();
    setCouncilDomainSource(() => COUNCIL);
  });

  it('hands allow-listed links to the OS and asks about others with the full address', async () => {
    const showMessageBox = vi.fn(async (_options: any) => ({ response: 0 }));
    (dialog as any).showMessageBox = showMessageBox;
    createMainWindow('/p.cjs', { devTools: false });
    const open = BrowserWindow.instances[0]!.webContents.windowOpenHandler!;
    expect(open({ url: 'https://www.example-council.gov.uk/meetings' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://leak.example/?data=pink-paper-text' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(showMessageBox).toHaveBeenCalledTimes(1));
    expect(showMessageBox.mock.calls[0]![0].detail).toBe('https://leak.example/?data=pink-paper-text');
    expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual(['https://www.example-council.gov.uk/meetings']);
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

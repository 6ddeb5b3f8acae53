// Attack: moving the council's email domain (which decides what counts as council mail, and whose
// sender checks are believed) to the attacker's own, by a PA through the contract, by a hostile
// page with or without the Member's session, and by a PA at file level with its own keys; then
// opening links to it, or to any *.gov.uk, without asking.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { seededCase, withPa } from '../../support/core';
import { createExternalLinkHandler } from '../../../../electron/main/windows/security';
import { paAppend } from '../vault/support';

const COUNCIL = 'example-council.gov.uk';
const settings = (emailDomain: unknown, extra: Record<string, unknown> = {}) => ({
  profileId: '000',
  nation: 'england-and-wales',
  emailDomain,
  ...extra,
});

type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };
function expectPlainRefusal(result: Result, label: string) {
  expect(result.ok, label).toBe(false);
  if (result.ok) return;
  expect(result.error.message, label).not.toMatch(/Error\b|zod|\bat \S+ \(|undefined|\bnull\b|\.ts\b/);
}

async function withPaCase() {
  const t = await withPa(await seededCase());
  const domain = async () => (await t.ok('council:get')).settings.emailDomain;
  return { ...t, domain };
}

const ATTACKER_DOMAINS = ['evil.example', 'attacker.gov.uk', 'example-council.gov.uk.evil.example', 'EVIL.EXAMPLE', 'gov.uk'];

describe('attack: the council domain', () => {
  it('a PA cannot change it through the contract, whatever it sends; nothing changes', async () => {
    const t = await withPaCase();
    await t.as('pa');
    let refused = 0;
    const shapes = [
      ...ATTACKER_DOMAINS.map((d) => settings(d)),
      settings('evil.example', { __proto__: { admin: true } }),
      settings('evil.example', { role: 'member' }),
    ];
    for (const input of shapes) {
      const r = await t.call('council:set', input);
      expectPlainRefusal(r, JSON.stringify(input));
      if (!r.ok) refused++;
    }
    expect(refused).toBe(shapes.length);
    // Shapes the contract itself refuses (its message is worded by the page, renderer/app/errors).
    for (const malformed of [{ emailDomain: 'evil.example' }, null, 'evil.example', settings({ toString: 'evil.example' })])
      expect((await t.call('council:set', malformed)).ok).toBe(false);
    expect(await t.domain()).toBe(COUNCIL);
  }, 60_000);

  it('a hostile page without a session is refused; with the Member’s session only a real council domain passes the form’s own rule', async () => {
    const t = await withPaCase();
    await t.ok('session:lock');
    for (const d of ATTACKER_DOMAINS) expectPlainRefusal(await t.call('council:set', settings(d)), `locked: ${d}`);
    await t.as('member');
    for (const bad of [
      'gov.uk',
      'co.uk',
      'org.uk',
      'gmail.com',
      'outlook.com',
      'evil.example/phish',
      'x@evil.example',
      'evil .example',
      'évil.example',
      'a'.repeat(121),
      ['evil.example'],
      42,
    ]) {
      expectPlainRefusal(await t.call('council:set', settings(bad)), `member: ${String(bad)}`);
      expect(await t.domain()).toBe(COUNCIL);
    }
    expectPlainRefusal(await t.call('council:set', settings('evil.example', { extra: 'x' })), 'unknown key');
    expect(await t.domain()).toBe(COUNCIL);
  }, 60_000);

  it('a PA writing the settings record at file level with its own key (claiming itself or the Member) does not move the domain', async () => {
    let variants = 0;
    for (const claim of ['pa', 'member'] as const) {
      for (const tier of ['shared', 'member'] as const) {
        const t = await withPaCase();
        await t.as('pa');
        const shared = Buffer.from(t.core.session.requireVault().records.exportKeysForQuickUnlock().shared, 'base64');
        await t.ok('session:lock');
        const data = { id: 'council-settings', settings: settings('evil.example'), holidayEdits: { added: [], removed: [] } };
        paAppend(
          path.join(t.dataFolder, 'vault'),
          shared,
          { kind: 'put', id: 'council-settings', type: 'council-settings', tier },
          data,
          claim,
          t.files,
        );
        const unlocked: Result = await t.call('session:unlock', {
          userId: t.id('member'),
          passphrase: 'correct horse battery staple',
        });
        variants++;
        if (!unlocked.ok) {
          expectPlainRefusal(unlocked, `${claim}/${tier}: unlock`);
          continue;
        }
        const r: Result = await t.call('council:get');
        // Refused as damaged, or read as the Member's own value: never the PA's domain.
        if (r.ok) expect(r.value.settings.emailDomain, `${claim}/${tier}`).not.toBe('evil.example');
        else expectPlainRefusal(r, `${claim}/${tier}: council:get`);
        let used: string | null = null;
        try {
          used = t.core.councilDomain();
        } catch {
          used = null;
        }
        expect(used, `${claim}/${tier}`).not.toBe('evil.example');
      }
    }
    expect(variants).toBe(4);
  }, 120_000);

  it('even a domain the Member set opens no link unasked, and neither does any *.gov.uk', async () => {
    const t = await withPaCase();
    await t.as('member');
    await t.ok('council:set', settings('evil-council.gov.uk'));
    const confirm = vi.fn(async () => false);
    const open = vi.fn();
    const handle = createExternalLinkHandler({ confirm, open });
    const links = [
      'https://evil-council.gov.uk/login',
      'https://www.example-council.gov.uk/',
      'https://anything.gov.uk/',
      'https://www.legislation.gov.uk/ukpga/1972/70',
      'mailto:someone@evil-council.gov.uk',
    ];
    for (const link of links) expect(await handle(link), link).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(links.length);
    expect(open).not.toHaveBeenCalled();
    for (const never of ['http://evil-council.gov.uk/', 'file:///C:/vault', 'javascript:alert(1)', 'ms-msdt:/id', 'smb://evil/share'])
      expect(await handle(never), never).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(links.length);
  }, 60_000);
});

// Attacks on the audit trail's authorship (R-USE-3, docs/ARCHITECTURE.md "Trust model"): who did a
// thing and when come from the authenticated frame, never from the event's detail; an event about a
// Member-only record is the Member's alone to record. The PA tries it through the app (refused) and at
// file level with their real shared key (set aside at the Member's unlock, or refusing to open).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MEMBER_PASS, PA_PASS, seededCase } from '../../support/core';
import { paAppend } from '../vault/support';
import { attackTable } from './epochs-table';

const table = attackTable();
afterAll(() => console.info(table.print()));

const MEMBER_ONLY = 'mat-member-only';
const CLOCK = '2026-11-24T12:00:00.000Z';

async function withPa() {
  const ctx = await seededCase('2026-11-24');
  // The Member's own Member-only material (written straight to the vault: the attack is on the audit, not on materials).
  ctx.core.session.requireVault().records.put({ id: MEMBER_ONLY, tier: 'member', type: 'material', data: { title: 'Pink paper' } });
  const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  const memberId = ctx.core.session.requireVault().user.id;
  const as = async (who: 'member' | 'pa') => {
    await ctx.ok('session:lock');
    return ctx.core.session.unlock(who === 'pa' ? pa.id : memberId, who === 'pa' ? PA_PASS : MEMBER_PASS);
  };
  const dir = path.join(ctx.dataFolder, 'vault');
  const journalBytes = () => ctx.files.readFileSync(path.join(dir, 'journal-000000.log')).length;
  const trail = async (recordId: string) =>
    (await ctx.ok('audit:trail', { recordId })) as Array<{
      action: string;
      author: string;
      by: string;
      detail: Record<string, unknown> | null;
    }>;
  return { ...ctx, as, dir, journalBytes, trail };
}

describe('audit events about Member-only records are the Member’s alone', () => {
  it('a PA’s app refuses to record one, whatever the tier or action asked, and writes nothing', async () => {
    const { as, core, journalBytes } = await withPa();
    await as('pa');
    const repo = core.session.requireVault().records;
    for (const action of ['viewed', 'exported', 'disclosed', 'printed']) {
      for (const tier of ['shared', 'member'] as const) {
        const before = journalBytes();
        let refused = false;
        try {
          repo.appendAudit({ recordId: MEMBER_ONLY, action, tier, detail: { by: 'Cllr Jane Smith' } });
        } catch (error) {
          refused = (error as { code?: string }).code === 'not-permitted';
        }
        table.add('PA app records an event on a Member-only id', { caught: refused && journalBytes() === before });
        expect(refused).toBe(true);
        expect(journalBytes()).toBe(before);
      }
    }
  });

  it('a PA at file level with their real key: the event is set aside at the Member’s unlock, or the vault refuses to open', async () => {
    const variants: Array<{ name: string; tier: 'shared' | 'member'; claim: 'pa' | 'member'; data: Record<string, unknown> }> = [
      { name: 'disclosed, as a PA', tier: 'shared', claim: 'pa', data: { to: 'The Echo' } },
      { name: 'disclosed, naming the Member', tier: 'shared', claim: 'pa', data: { to: 'The Echo', by: 'Cllr Jane Smith' } },
      { name: 'disclosed, with a vault time', tier: 'shared', claim: 'pa', data: { to: 'The Echo', '@at': CLOCK } },
      { name: 'claims the Member as author', tier: 'shared', claim: 'member', data: { to: 'The Echo' } },
      { name: 'labelled Member tier', tier: 'member', claim: 'pa', data: { to: 'The Echo' } },
    ];
    for (const v of variants) {
      const { as, core, dir, files, trail } = await withPa();
      await as('pa');
      const shared = Buffer.from(core.session.requireVault().records.exportKeysForQuickUnlock().shared, 'base64');
      await as('member');
      await core.session.lock('manual');
      paAppend(dir, shared, { kind: 'audit', id: MEMBER_ONLY, type: 'disclosed', tier: v.tier }, v.data, v.claim, files);
      let caught = false;
      try {
        const state = await as('member');
        const warned = state.state === 'unlocked' && (state.warnings ?? []).some((w) => /set aside/.test(w));
        const shown = (await trail(MEMBER_ONLY)).some((e) => e.detail?.to === 'The Echo');
        caught = warned && !shown;
      } catch (error) {
        caught = /cannot open/.test((error as Error).message);
      }
      table.add(`PA file-level event on a Member-only id: ${v.name}`, { caught });
      expect(caught).toBe(true);
    }
  }, 120_000);
});

describe('“at” comes from the authenticated frame', () => {
  it('a time in the detail is never shown; the vault’s own is, with the frame’s author', async () => {
    const { as, core, request, trail, dir, files } = await withPa();
    await as('pa');
    const vault = core.session.requireVault().records;
    // Through the app: the repository's clock, whatever the caller put in the detail.
    vault.appendAudit({
      recordId: request.row.id,
      action: 'printed',
      tier: 'shared',
      detail: { at: '2020-01-01T00:00:00.000Z' },
      at: CLOCK,
    });
    const shared = Buffer.from(vault.exportKeysForQuickUnlock().shared, 'base64');
    await core.session.lock('manual');
    // At file level: a frame with only a detail "at" (as events were before the vault kept its own).
    paAppend(
      dir,
      shared,
      { kind: 'audit', id: request.row.id, type: 'disclosed' },
      { to: 'The Echo', at: '2020-01-01T00:00:00.000Z' },
      'pa',
      files,
    );
    await as('member');
    const events = (await trail(request.row.id)).filter((e) => e.action === 'printed' || e.action === 'disclosed');
    const byAction = Object.fromEntries(events.map((e) => [e.action, e]));
    const printedAt = byAction.printed?.detail?.at;
    const disclosedAt = byAction.disclosed?.detail?.at;
    table.add('event time claimed in the detail (app)', { caught: printedAt === CLOCK });
    table.add('event time claimed in the detail (file level)', {
      caught: disclosedAt === undefined && byAction.disclosed?.author === 'pa',
    });
    expect(printedAt).toBe(CLOCK);
    expect(byAction.printed?.author).toBe('pa');
    expect(disclosedAt).toBeUndefined();
    expect(byAction.disclosed?.by).toBe('a PA');
  });
});

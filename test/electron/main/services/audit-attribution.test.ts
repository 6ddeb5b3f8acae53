import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEMBER_PASS, PA_PASS, seededCase } from '../../support/core';

/** The Member's case, a PA called Pat Jones, and a way to sign in as either. */
async function withPa() {
  const folder = path.join(os.tmpdir(), `ntk-audit-by-${randomUUID()}`);
  const ctx = await seededCase('2026-11-24', {
    dialogs: { chooseBackupTarget: async () => path.join(folder, `${randomUUID()}.ntkbackup`), chooseBackupSource: async () => null },
  });
  // Backups are written on the file layer the test's vault lives on (ctx.files, in memory).
  ctx.files.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  const member = ctx.core.session.requireVault().user;
  const as = async (who: 'member' | 'pa') => {
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', who === 'pa' ? { userId: pa.id, passphrase: PA_PASS } : { userId: member.id, passphrase: MEMBER_PASS });
  };
  // What a PA with the data folder can do: append to the vault directly with the PA's own keys.
  const forge = (recordId: string, tier: 'shared' | 'member', detail: Record<string, unknown>) =>
    ctx.core.session.requireVault().records.appendAudit({ recordId, action: 'disclosed', tier, detail });
  const trail = async (recordId: string) =>
    (await ctx.ok('audit:trail', { recordId })) as Array<{
      action: string;
      author: string;
      by: string;
      detail: Record<string, unknown> | null;
    }>;
  return { ...ctx, as, forge, trail };
}

describe('who did it, in the audit trail, is the vault’s authenticated author', () => {
  it('the Member’s own events name the Member; a PA’s app-stamped event names that PA', async () => {
    const { ok, as, trail } = await withPa();
    await ok('vault:backup');
    await as('pa');
    await ok('vault:backup');
    // A PA's app cannot check the Member's seal: it says so in `author`, and names the Member as before.
    expect((await trail('vault')).map((e) => [e.action, e.author, e.by])).toEqual([
      ['backup', 'unknown', 'Cllr Jane Smith'],
      ['backup', 'pa', 'Pat Jones'],
    ]);
    await as('member');
    expect((await trail('vault')).map((e) => [e.action, e.author, e.by])).toEqual([
      ['backup', 'member', 'Cllr Jane Smith'],
      ['backup', 'pa', 'Pat Jones'],
    ]);
  });

  it('a PA’s event claiming the Member, or any name that is not a PA’s, is shown as “a PA”, also on a Member-tier id', async () => {
    const { as, forge, trail, request } = await withPa();
    await as('pa');
    forge(request.row.id, 'shared', { by: 'Cllr Jane Smith', to: 'The Echo' });
    forge(request.row.id, 'member', { by: 'Cllr Jane Smith (via her PA)', to: 'The Echo' });
    forge(request.row.id, 'shared', { to: 'The Echo' });
    forge(request.row.id, 'shared', { by: 'Pat Jones', to: 'The Echo' });
    await as('member');
    const forged = (await trail(request.row.id)).filter((e) => e.detail?.to === 'The Echo');
    expect(forged.map((e) => [e.author, e.by])).toEqual([
      ['pa', 'a PA'],
      ['pa', 'a PA'],
      ['pa', 'a PA'],
      ['pa', 'Pat Jones'],
    ]);
  });
});

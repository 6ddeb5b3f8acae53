// Attack: with two PAs, one PA writes an audit event naming the other PA as "by". The vault's frame
// says only that a PA wrote it, not which, so the trail must not show the claimed name: it shows
// "a PA". With one PA the name is that PA's. (The event's time is the one the PA's own clock stamped.)
import { describe, expect, it } from 'vitest';
import { paAuditAuthor } from '../../../../shared/domain/protection';
import { MEMBER_PASS, PA_PASS, seededCase } from '../../support/core';

type Entry = { action: string; author: string; by: string; detail: Record<string, unknown> | null };

describe('attack: audit authorship between PAs', () => {
  it('a PA naming another PA as "by" is shown as "a PA"; with one PA its own name is shown', async () => {
    const ctx = await seededCase('2026-11-24');
    const member = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
    const pa1 = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    const requestId = ctx.request.row.id;
    const asPa = async (write: () => void) => {
      await ctx.ok('session:lock');
      await ctx.ok('session:unlock', { userId: pa1.id, passphrase: PA_PASS });
      write();
      await ctx.ok('session:lock');
      await ctx.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS });
    };
    const trail = async (): Promise<Entry[]> => ctx.ok('audit:trail', { recordId: requestId });
    const append = (by: string, file: string) =>
      ctx.core.session.requireVault().records.appendAudit({
        recordId: requestId,
        action: 'exported',
        tier: 'shared',
        detail: { by, file },
        at: '2026-01-01T09:00:00.000Z',
      });

    // One PA: its own name is shown.
    await asPa(() => append('Pat Jones', 'one-pa.pdf'));
    expect((await trail()).find((e) => e.detail?.file === 'one-pa.pdf')).toMatchObject({ author: 'pa', by: 'Pat Jones' });

    // Two PAs: PA1 claims to be PA2. Neither name is shown, for this event or the earlier one.
    await ctx.ok('users:addPa', { name: 'Sam Staying', passphrase: 'marble lantern copper seventeen' });
    await asPa(() => append('Sam Staying', 'to-the-echo.pdf'));
    const forged = (await trail()).find((e) => e.detail?.file === 'to-the-echo.pdf')!;
    expect(forged).toMatchObject({ author: 'pa', by: 'a PA' });
    expect((await trail()).filter((e) => e.author === 'pa').map((e) => e.by)).not.toContain('Sam Staying');
  }, 120_000);

  it('the rule: a name only when there is exactly one PA and the event names that PA', () => {
    expect(paAuditAuthor('Pat Jones', ['Pat Jones'])).toBe('Pat Jones');
    expect(paAuditAuthor('Sam Staying', ['Pat Jones'])).toBe('a PA');
    expect(paAuditAuthor(null, ['Pat Jones'])).toBe('a PA');
    expect(paAuditAuthor('Sam Staying', ['Pat Jones', 'Sam Staying'])).toBe('a PA');
    expect(paAuditAuthor('Pat Jones', [])).toBe('a PA');
  });
});

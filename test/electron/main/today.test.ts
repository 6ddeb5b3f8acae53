import { afterEach, describe, expect, it } from 'vitest';
import { coreBehindIpc, MEMBER_PASS } from '../support/core';

describe('"today" in main is the UK date of the injected clock', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it.each([
    ['00:30 BST on 1 June 2026', '2026-05-31T23:30:00Z', '2026-06-01'],
    ['23:30 GMT on 31 December 2026', '2026-12-31T23:30:00Z', '2026-12-31'],
  ])('at %s (%s) the dashboard says today is %s', async (_label, instant, expected) => {
    const ctx = coreBehindIpc('2026-01-01', { now: () => new Date(instant) });
    dispose = () => ctx.core.dispose();
    await ctx.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
    const dashboard = await ctx.ok<{ today: string }>('dashboard:get');
    expect(dashboard.today).toBe(expected);
    // The date itself crosses the boundary strictly: 30 February never reaches a service.
    const refused = await ctx.call('meetings:save', { committee: 'Planning', date: '2026-02-30', agendaItems: [] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('is not a real date');
  });
});

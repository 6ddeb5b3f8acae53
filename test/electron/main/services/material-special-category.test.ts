// R-CLS-1 and R-CLS-6 through the contract: special-category personal data is flagged on material,
// implies personal data and an erase-by date, round-trips (recorded, classified from an arrival, due
// for erasure), and a PA sees nothing of it on Member-only material.
import { describe, expect, it } from 'vitest';
import { MEMBER_PASS, PA_PASS, seededCase } from '../../support/core';

const exempt = { level: 'exempt', paragraph: 1 } as const;
const HEALTH = 'Occupational health report on a tenant';

async function withPa() {
  const ctx = await seededCase('2026-11-28');
  const member = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
  const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  const as = async (user: { id: string }, passphrase: string) => {
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: user.id, passphrase });
  };
  return { ...ctx, member, pa, as };
}

/** The Member records exempt material about a tenant's health with these personal-data flags. */
function addHealthNote(ctx: Awaited<ReturnType<typeof seededCase>>, personalData: Record<string, unknown>) {
  return ctx.call('materials:add', {
    requestId: ctx.request.row.id,
    title: HEALTH,
    summary: 'Medical details',
    receivedOn: '2026-11-20',
    classification: exempt,
    personalData,
    isBriefing: false,
  });
}

describe('special-category personal data (R-CLS-1)', () => {
  it('is recorded as personal data with its erase-by date, comes back on the request and is listed when due', async () => {
    const ctx = await seededCase('2026-11-28');
    // Only the special-category box ticked: main records it as personal data too.
    const added = await addHealthNote(ctx, { personal: false, specialCategory: true, retainUntil: '2026-11-27' });
    if (!added.ok) throw new Error(added.error.message);
    const material = added.value;
    expect(material.personalData).toEqual({ personal: true, specialCategory: true, retainUntil: '2026-11-27' });
    const detail = await ctx.ok('requests:get', { id: ctx.request.row.id });
    expect(detail.materials.find((m: { id: string }) => m.id === material.id).personalData).toEqual(material.personalData);
    const due = await ctx.ok('materials:retentionDue');
    expect(due).toEqual([expect.objectContaining({ id: material.id, retainUntil: '2026-11-27', specialCategory: true })]);
  }, 60_000);

  it('without an erase-by date it is refused in plain words and nothing is saved', async () => {
    const ctx = await seededCase('2026-11-28');
    const result = await addHealthNote(ctx, { personal: false, specialCategory: true, retainUntil: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^Special-category personal data .* needs a retention date/);
    expect((await ctx.ok('requests:get', { id: ctx.request.row.id })).materials).toHaveLength(0);
  }, 60_000);

  it('the Member classifying an arrival records special-category data, its date and a briefing; the PA sees none of it', async () => {
    const ctx = await withPa();
    await ctx.as(ctx.pa, PA_PASS);
    const arrival = await ctx.ok('arrivals:record', {
      requestId: ctx.request.row.id,
      title: 'Letter',
      summary: '',
      files: [],
      pick: false,
    });
    await ctx.as(ctx.member, MEMBER_PASS);
    const { material } = await ctx.ok('arrivals:classify', {
      id: arrival.id,
      title: HEALTH,
      summary: 'Medical details',
      classification: exempt,
      personalData: { personal: true, specialCategory: true, retainUntil: '2027-05-01' },
      isBriefing: true,
      briefingRequestedBy: 'Cllr Ann Lee',
    });
    expect(material).toMatchObject({
      personalData: { personal: true, specialCategory: true, retainUntil: '2027-05-01' },
      isBriefing: true,
      briefing: { requestedBy: 'Cllr Ann Lee' },
    });

    // The PA: one Member-only item on the request, and nothing of what it is or holds on any channel.
    await ctx.as(ctx.pa, PA_PASS);
    const detail = await ctx.ok('requests:get', { id: ctx.request.row.id });
    expect(detail.lockedMaterials).toBe(1);
    expect(detail.materials).toEqual([]);
    const reachable = JSON.stringify([
      detail,
      await ctx.ok('requests:list', { offset: 0, limit: 100 }),
      await ctx.ok('arrivals:list', {}),
      await ctx.call('materials:retentionDue'),
      await ctx.call('materials:view', { id: material.id }),
    ]);
    expect(reachable).not.toMatch(/Occupational|Medical|specialCategory":true|2027-05-01/);
  }, 60_000);
});

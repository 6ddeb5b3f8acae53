// A compromised page calls the new retire/reinstate channels (and the save that can now
// update) with junk and with other records' ids. Each call is refused in plain words and the vault's
// officers, meetings, requests and material are exactly as they were.
import { describe, expect, it } from 'vitest';
import { PA_PASS, seededCase } from '../../support/core';

type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

/** Refused, in words a user could read: no stack, exception name, zod text, field path or camelCase name. */
function expectPlainRefusal(result: Result) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).not.toMatch(/Error\b|zod|\bat \S+ \(|undefined|\bnull\b|[a-z][A-Z][a-z]|\.ts\b|retiredOn|"id"/);
}

async function withMaterial() {
  const ctx = await seededCase();
  const material = await ctx.ok('materials:add', {
    requestId: ctx.request.row.id,
    title: 'Depot valuation',
    receivedOn: '2026-11-20',
    summary: 'Valuation £2.1m',
    classification: { level: 'open' },
    personalData: { personal: false, specialCategory: false, retainUntil: null },
    isBriefing: false,
  });
  /** Everything the attack could have changed, as the vault holds it now. */
  const snapshot = async () => ({
    officers: await ctx.ok('officers:list'),
    meetings: await ctx.ok('meetings:list'),
    request: (await ctx.ok('requests:get', { id: ctx.request.row.id })).draft,
    material: await ctx.ok('materials:view', { id: material.id }),
  });
  return { ...ctx, material, snapshot };
}

const JUNK: unknown[] = [
  undefined,
  null,
  'id',
  42,
  [],
  {},
  { id: '' },
  { id: 7 },
  { id: null },
  { id: ['a'] },
  { id: 'x'.repeat(5000) },
  { id: { $ne: null } },
  JSON.parse('{"__proto__": {"retiredOn": "2020-01-01"}, "id": "x"}'),
];

const CHANNELS = ['officers:retire', 'officers:reinstate', 'meetings:retire', 'meetings:reinstate'];

describe('a hostile page calling officers:/meetings: retire and reinstate', () => {
  it('junk input is refused before any handler runs; nothing changes', async () => {
    const ctx = await withMaterial();
    const before = await ctx.snapshot();
    // The router refuses a malformed call before any handler runs (its wording is the router's: the real page never sends one).
    for (const channel of CHANNELS)
      for (const input of JUNK)
        expect(await ctx.call(channel, input)).toMatchObject({
          ok: false,
          error: { code: expect.stringMatching(/^(invalid-input|not-found)$/) },
        });
    expect(await ctx.snapshot()).toEqual(before);
    expect(({} as { retiredOn?: string }).retiredOn).toBeUndefined();
  });

  it('the ids of a request, material, the council settings, the request index, a user or each other are refused by type', async () => {
    const ctx = await withMaterial();
    const before = await ctx.snapshot();
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    const foreign = [ctx.request.row.id, ctx.material.id, 'council-settings', 'request-index:shared', 'request-index:member', pa.id];
    for (const id of [...foreign, ctx.meeting.id]) {
      expectPlainRefusal(await ctx.call('officers:retire', { id }));
      expectPlainRefusal(await ctx.call('officers:reinstate', { id }));
    }
    for (const id of [...foreign, ctx.officer.id]) {
      expectPlainRefusal(await ctx.call('meetings:retire', { id }));
      expectPlainRefusal(await ctx.call('meetings:reinstate', { id }));
    }
    expect(await ctx.snapshot()).toEqual(before);
  });

  it('save cannot retire, un-retire or re-source a record, nor drop the agenda item a request names, even for a PA', async () => {
    const ctx = await withMaterial();
    await ctx.ok('officers:retire', { id: ctx.officer.id });
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    const before = await ctx.snapshot();
    const { retiredOn: _r, ...officer } = before.officers[0]!;
    const saved = await ctx.ok('officers:save', { ...officer, retiredOn: null } as never);
    expect(saved.retiredOn).toBe('2026-11-24');
    expectPlainRefusal(
      await ctx.call('meetings:save', {
        ...before.meetings[0]!,
        agendaItems: [],
        retiredOn: '2026-01-01',
        source: { kind: 'ics', uid: 'x' },
      }),
    );
    expect(await ctx.snapshot()).toEqual(before);
  });

  it('the request counts name only officers and meetings, by id, and take no input', async () => {
    const ctx = await withMaterial();
    expect(await ctx.ok('officers:requestCounts')).toEqual({ [ctx.officer.id]: 1 });
    expect(await ctx.ok('meetings:requestCounts')).toEqual({ [ctx.meeting.id]: 1 });
    expect(await ctx.call('officers:requestCounts', { id: ctx.officer.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

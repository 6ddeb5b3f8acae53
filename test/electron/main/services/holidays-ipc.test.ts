import { describe, expect, it } from 'vitest';
import { seededCase } from '../../support/core';

const oneOff = { added: [{ date: '2026-11-20', name: 'One-off holiday', nations: ['england-and-wales'] }], removed: [] };

describe('holiday edits and existing due dates', () => {
  it('R-DUE-3 a holiday change lists the affected requests and moves none of them until the user accepts', async () => {
    const { ok, request } = await seededCase();
    const affected = await ok('holidays:preview', oneOff);
    expect(affected).toEqual([
      {
        id: request.row.id,
        reference: request.row.reference,
        subject: 'Depot disposal valuation',
        before: { acknowledgeBy: '2026-11-23', respondBy: '2026-11-23' },
        after: { acknowledgeBy: '2026-11-24', respondBy: '2026-11-24' },
      },
    ]);
    // Saved without accepting: the list changes, the request's dates do not.
    expect(await ok('holidays:save', { edits: oneOff, recompute: [] })).toMatchObject({ recomputed: 0 });
    expect((await ok('requests:get', { id: request.row.id })).row.target).toBe('2026-11-23');
    expect(await ok('holidays:get')).toEqual(oneOff);
    // Accepted: only then is it recomputed, and the explanation says so.
    expect(await ok('holidays:save', { edits: oneOff, recompute: [request.row.id] })).toMatchObject({ recomputed: 1 });
    const after = await ok('requests:get', { id: request.row.id });
    expect(after.row.target).toBe('2026-11-24');
    expect(after.explanation.at(-1)).toMatch(/Recomputed on .* after the holiday list changed \(was: answer by 2026-11-23\)/);
  });

  it('R-DUE-2 a malformed holiday edit is refused by the contract and nothing is saved', async () => {
    const { call, ok } = await seededCase();
    expect(
      await call('holidays:save', { edits: { added: [{ date: '2026-02-30x', name: '', nations: [] }], removed: [] }, recompute: [] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await ok('holidays:get')).toEqual({ added: [], removed: [] });
  });

  it('R-DUE-3 new requests use the edited list', async () => {
    const { ok, officer } = await seededCase();
    await ok('holidays:save', { edits: oneOff, recompute: [] });
    const { draft } = await import('../../support/core');
    const created = await ok('requests:create', draft({ officerId: officer.id, sentOn: '2026-11-16' }));
    expect(created.row.target).toBe('2026-11-24');
  });
});

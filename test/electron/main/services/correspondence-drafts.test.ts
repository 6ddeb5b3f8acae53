import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUp } from '../../support/mail';

describe('drafts out', () => {
  it('copies to the clipboard; "I have sent it" logs the chaser on the timeline', async () => {
    const t = await setUp();
    await t.ok('drafts:copy', { requestId: t.requestId, kind: 'chaser' });
    expect(t.d.copied[0]).toContain(`Subject: Chaser: Depot disposal valuation [${t.ref}]`);
    await t.ok('drafts:markSent', { requestId: t.requestId, kind: 'chaser', on: '2026-11-24' });
    const detail = await t.ok('requests:get', { id: t.requestId });
    expect(detail.events.at(-1)).toMatchObject({ type: 'chased', on: '2026-11-24' });
  });

  it('"I have sent it" for the chair notice asks whom it went to and records it as the request page does (R-ASK-8)', async () => {
    const t = await setUp();
    // No person: refused in words, nothing recorded.
    const none = await t.call('drafts:markSent', { requestId: t.requestId, kind: 'chair-notice', on: '2026-11-24' });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/who the notice was sent to/) },
    });
    const early = await t.call('drafts:markSent', { requestId: t.requestId, kind: 'chair-notice', on: '2026-11-01', to: 'Cllr Ann Chair' });
    expect(early.ok).toBe(false);
    expect((await t.ok('requests:get', { id: t.requestId })).events).toEqual([]);
    await t.ok('drafts:markSent', { requestId: t.requestId, kind: 'chair-notice', on: '2026-11-24', to: ' Cllr Ann Chair ' });
    const followUp = await t.ok('requests:followUp', { id: t.requestId });
    expect(followUp.chairNotice).toMatchObject({ sentOn: '2026-11-24', sentTo: 'Cllr Ann Chair' });
    const entry = (await t.ok('requests:get', { id: t.requestId })).events.at(-1);
    // Stamped like every timeline entry: its own id (so it can be corrected) and the injected clock's time.
    expect(entry).toMatchObject({
      kind: 'chair-notice',
      on: '2026-11-24',
      note: 'Notice sent to Cllr Ann Chair.',
      recordedAt: '2026-11-24T12:00:00.000Z',
    });
    expect(entry?.id).toEqual(expect.any(String));
    // Once only.
    expect(
      await t.call('drafts:markSent', { requestId: t.requestId, kind: 'chair-notice', on: '2026-11-24', to: 'Someone else' }),
    ).toMatchObject({ ok: false });
  });

  it('"I have sent it" for an escalation records whom it went to, as "Escalate to…" does (R-DUE-4); the notice has no back door', async () => {
    const t = await setUp();
    expect(await t.call('drafts:markSent', { requestId: t.requestId, kind: 'escalation', on: '2026-11-24' })).toMatchObject({ ok: false });
    expect((await t.ok('requests:followUp', { id: t.requestId })).escalation.history).toEqual([]);
    await t.ok('drafts:markSent', { requestId: t.requestId, kind: 'escalation', on: '2026-11-24', to: 'Pat Director' });
    expect((await t.ok('requests:followUp', { id: t.requestId })).escalation.history).toMatchObject([
      { on: '2026-11-24', to: 'Pat Director' },
    ]);
    // Logging an emailed chair notice by hand would skip whom it went to: refused, nothing recorded.
    const backDoor = await t.call('requests:logEvent', {
      id: t.requestId,
      event: { type: 'emailed', kind: 'chair-notice', on: '2026-11-24', note: '' },
    });
    expect(backDoor).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await t.ok('requests:followUp', { id: t.requestId })).chairNotice).toMatchObject({ sentOn: null });
    // An impossible date is refused as impossible, not as "before the request".
    const impossible = await t.call('drafts:markSent', { requestId: t.requestId, kind: 'chaser', on: '2026-02-30' });
    expect(impossible.ok).toBe(false);
    expect(impossible.error.message).not.toMatch(/before the request/);
  });

  it('refuses a draft that does not apply, and one whose From is not on the council domain (R-ASK-9)', async () => {
    const t = await setUp();
    const options = await t.ok('drafts:options', { requestId: t.requestId });
    expect(options.find((o: { kind: string }) => o.kind === 'foi')).toMatchObject({ applies: false });
    const foi = await t.call('drafts:open', { requestId: t.requestId, kind: 'foi' });
    expect(foi).toMatchObject({ ok: false, error: { code: 'refused' } });
    await t.ok('council:set', { profileId: '000', nation: 'england-and-wales', emailDomain: 'other-council.gov.uk' });
    const r = await t.call('drafts:preview', { requestId: t.requestId, kind: 'request' });
    expect(r.ok).toBe(false);
    expect(r.error.message).toMatch(/council email address/);
    expect(t.d.opened).toHaveLength(0);
  });
});

describe('draft files', () => {
  it('folders left by an earlier run are removed at the next start; live and other folders are left', async () => {
    const { mkdirSync, mkdtempSync, utimesSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const { removeLeftoverDrafts } = await import('../../../../electron/main/services/correspondence-drafts');
    const root = mkdtempSync(path.join(os.tmpdir(), 'ntk-root-'));
    mkdirSync(path.join(root, 'ntk-drafts-abc123'));
    writeFileSync(path.join(root, 'ntk-drafts-abc123', 'x.eml'), 'X-Unsent: 1');
    const old = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(path.join(root, 'ntk-drafts-abc123'), old, old);
    mkdirSync(path.join(root, 'ntk-drafts-live'));
    mkdirSync(path.join(root, 'something-else'));
    removeLeftoverDrafts(root);
    // A folder in use by another running copy (touched just now) stays.
    expect(readdirSync(root).sort()).toEqual(['ntk-drafts-live', 'something-else']);
  });
});

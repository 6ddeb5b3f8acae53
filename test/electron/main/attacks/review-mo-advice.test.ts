import { describe, expect, it } from 'vitest';
import { seeded } from './modes-support';
import { draft } from '../../support/core';

// R-USE-1: the Monitoring Officer's advice (the referral's reason, the decision's note, who decided) is
// withheld by main in every meeting mode, on the request page and its follow-up panel alike.
describe('review: the Monitoring Officer’s advice in a meeting mode', () => {
  const referred = async () => {
    const s = await seeded();
    await s.ok('council:set', { profileId: '004', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' });
    const r = await s.ok(
      'requests:create',
      draft({
        officerId: s.officer.id,
        meetingId: s.meeting.id,
        subject: 'Open subject',
        monitoringOfficerReason: 'koalareason the MO should see',
      }),
    );
    await s.ok('requests:recordMoDecision', {
      id: r.row.id,
      accepted: false,
      decidedBy: 'Ian koaladecider',
      on: '2026-11-20',
      note: 'koalaadvice withheld papers',
    });
    return { s, id: r.row.id as string };
  };

  it('shows the advice in normal use', async () => {
    const { s, id } = await referred();
    const text = JSON.stringify([await s.ok('requests:get', { id }), await s.ok('requests:followUp', { id })]);
    expect(text).toContain('koalaadvice');
    expect(text).toContain('koaladecider');
    expect(text).toContain('koalareason');
    expect(JSON.stringify(await s.ok('drafts:preview', { requestId: id, kind: 'mo-referral' }))).toContain('koalareason');
  }, 120_000);

  it('leaves it out of a report without protected content, in normal use too; a report with protected content includes it', async () => {
    const { s, id } = await referred();
    const plain = await s.ok('reports:get', { kind: 'request', requestId: id, includeProtected: false });
    expect(JSON.stringify(plain)).not.toMatch(/koala/);
    expect(JSON.stringify(plain)).toContain('[withheld]');
    const full = await s.ok('reports:get', { kind: 'request', requestId: id, includeProtected: true });
    expect(JSON.stringify(full)).toContain('koalaadvice');
  }, 120_000);

  for (const kind of ['public-meeting', 'private-session'] as const)
    it(`withholds it in ${kind} mode, and says so`, async () => {
      const { s, id } = await referred();
      await s.ok('meetingMode:set', kind === 'private-session' ? { kind, meetingId: s.meeting.id } : { kind });
      const detail = await s.ok('requests:get', { id });
      const followUp = await s.ok('requests:followUp', { id });
      expect(JSON.stringify([detail, followUp])).not.toMatch(/koala/);
      expect(detail.row.subject).toBe('Open subject');
      expect(followUp.moReferral?.withheld).toMatch(/Monitoring Officer’s advice .* is hidden/);
      expect(followUp.moReferral?.decision?.accepted).toBe(false);
      // The referral's email quotes the reason: not shown either, and the refusal says why.
      for (const channel of ['drafts:preview', 'drafts:copy'] as const) {
        const draftEmail = await s.call(channel, { requestId: id, kind: 'mo-referral' });
        expect(JSON.stringify(draftEmail)).not.toMatch(/koala/);
        expect(draftEmail).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/advice/) } });
      }
    }, 120_000);
});

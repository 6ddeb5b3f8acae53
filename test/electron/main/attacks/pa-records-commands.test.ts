// The other side of the PA-write rule (shared/domain/pa-record-changes.ts): every command a PA runs
// through the contract writes only what the rule accepts, so nothing a PA saves is set aside at the
// Member's next unlock, and each timeline entry a PA records is shown to the Member as the PA's. A
// hostile page calling the same commands cannot make a PA's entry pass as the Member's.
import { describe, expect, it } from 'vitest';
import { MEMBER_PASS, PA_PASS, draft, seededCase } from '../../support/core';
import type { TimelineItem } from '../../../../shared/ipc/views';
import { attackTable } from './epochs-table';

const BY_PA = 'Recorded by a PA';

async function paAtWork() {
  const ctx = await seededCase('2026-11-24');
  const { ok } = ctx;
  await ok('council:set', { profileId: '004', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' });
  const referred = await ok(
    'requests:create',
    draft({
      officerId: ctx.officer.id,
      meetingId: ctx.meeting.id,
      monitoringOfficerReason: 'The valuation is exempt; I need it to scrutinise the disposal at Cabinet.',
    }),
  );
  const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  await ok('session:lock');
  const { users } = await ok<{ users: Array<{ id: string; role: string }> }>('session:getState');
  const memberId = users.find((u) => u.role === 'member')!.id;
  await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
  const asMember = async () => {
    await ok('session:lock');
    await ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
  };
  return { ...ctx, referred, asMember };
}

describe("a PA's own commands over the Member's records", () => {
  it("R-USE-3 R-DUE-5 every request command a PA runs is kept at the Member's unlock and shown as the PA's", async () => {
    const { ok, referred, request, officer, meeting, asMember } = await paAtWork();
    const id = referred.row.id;
    const ack = await ok('requests:logEvent', { id, event: { type: 'acknowledged', on: '2026-11-18', note: 'Logged' } });
    await ok('requests:logEvent', { id, event: { type: 'holding', on: '2026-11-20', note: 'Working on it', promisedBy: '2026-12-20' } });
    await ok('requests:logEvent', { id, event: { type: 'chased', on: '2026-11-21', note: 'Chased' } });
    await ok('requests:escalate', { id, on: '2026-11-22', informationWithheld: false, officerId: null, name: 'Pat Director', note: '' });
    // The first request (the 000 profile, on an agenda item) has a chair notice.
    await ok('requests:markChairNoticeSent', { id: request.row.id, on: '2026-11-23', to: 'Cllr Ann Chair' });
    await ok('requests:recordMoDecision', { id, accepted: true, decidedBy: 'Ian Gibbons', on: '2026-11-23', note: '' });
    await ok('requests:correctEvent', { id, entryId: ack.timeline[0]!.id, changes: { on: '2026-11-17' }, reason: 'Typed wrongly' });
    await ok('requests:edit', { id, changes: { subject: 'Depot disposal (corrected by the PA)' } });
    await ok('requests:close', { id, on: '2026-11-24', outcome: 'answered' });
    await ok('requests:reopen', { id, on: '2026-11-24', reason: 'More to ask' });
    // Directory and meetings: details edited, retired, an item added.
    await ok('officers:save', { ...officer, role: 'Director of Estates' });
    await ok('officers:retire', { id: officer.id });
    await ok('meetings:save', { ...meeting, agendaItems: [...meeting.agendaItems, 'Item 10: any other business'] });
    const paView = await ok('requests:get', { id });

    await asMember();
    const seen = await ok('requests:get', { id });
    // Nothing the PA saved was set aside: the Member sees every entry, the edit and the follow-up.
    expect(seen.events).toHaveLength(paView.events.length);
    expect(seen.row.subject).toBe('Depot disposal (corrected by the PA)');
    const followUp = await ok('requests:followUp', { id });
    expect(followUp.moReferral?.decision).toEqual({ accepted: true, decidedBy: 'Ian Gibbons', on: '2026-11-23' });
    expect((await ok('requests:followUp', { id: request.row.id })).chairNotice).toMatchObject({
      sentOn: '2026-11-23',
      sentTo: 'Cllr Ann Chair',
    });
    expect(followUp.escalation.history).toHaveLength(1);
    expect((await ok('officers:list')).find((o: { id: string }) => o.id === officer.id)).toMatchObject({ role: 'Director of Estates' });
    expect((await ok('meetings:list')).find((m: { id: string }) => m.id === meeting.id)?.agendaItems).toHaveLength(2);
    // Each entry the PA recorded says so, the holding reply that moved the target among them.
    const timeline = seen.timeline as TimelineItem[];
    // Eight entries shown; the correction is shown on the entry it corrects.
    expect(timeline).toHaveLength(8);
    expect(seen.events).toHaveLength(9);
    expect(timeline.filter((t) => !t.details.includes(BY_PA)).map((t) => t.type)).toEqual([]);
    expect(timeline.find((t) => t.type === 'holding')?.details).toContain(BY_PA);
    // A correction the PA made (here, moving the acknowledgement's date) is shown as the PA's too.
    expect(timeline.find((t) => t.type === 'acknowledged')).toMatchObject({ on: '2026-11-17' });
    expect(timeline.find((t) => t.type === 'acknowledged')?.details).toContain('Corrected by a PA');
    // The Member's own entry carries no such mark.
    const mine = await ok('requests:logEvent', { id, event: { type: 'chased', on: '2026-11-24', note: 'Chased again' } });
    expect((mine.timeline as TimelineItem[]).find((t) => t.note === 'Chased again')?.details).not.toContain(BY_PA);
  }, 60_000);

  it("R-USE-3 a hostile page cannot make a PA's entry pass as the Member's, nor mark the Member's as a PA's", async () => {
    const table = attackTable();
    const { ok, call, referred, asMember } = await paAtWork();
    const id = referred.row.id;
    const claims = [{ by: 'member' }, { by: null }, { by: '' }, { by: 'pa ' }, { recordedAt: '2026-01-01T00:00:00Z', id: 'mine' }];
    let kept = 0;
    for (const claim of claims) {
      const r = await call('requests:logEvent', { id, event: { type: 'chased', on: '2026-11-21', note: 'Chased', ...claim } });
      if (r.ok) kept++;
      table.add('hostile page (PA) claims authorship of an entry', { caught: true, crashed: !('ok' in r) });
    }
    await asMember();
    for (const claim of [{ by: 'pa' }, { by: 'member' }]) {
      await call('requests:logEvent', { id, event: { type: 'chased', on: '2026-11-22', note: 'Member chased', ...claim } });
    }
    const seen = await ok('requests:get', { id });
    const timeline = seen.timeline as TimelineItem[];
    const pas = timeline.filter((t) => t.note === 'Chased');
    const members = timeline.filter((t) => t.note === 'Member chased');
    // Whatever the page claimed, each entry the PA's app kept is shown as the PA's.
    expect(kept).toBeGreaterThan(0);
    expect(pas).toHaveLength(kept);
    for (const t of pas) expect(t.details).toContain(BY_PA);
    for (const t of members) expect(t.details).not.toContain(BY_PA);
    expect(seen.events.filter((e: { id?: string }) => e.id === 'mine')).toEqual([]);
    expect(table.rows.get('hostile page (PA) claims authorship of an entry')).toMatchObject({ silent: 0, crashed: 0 });
  }, 60_000);
});

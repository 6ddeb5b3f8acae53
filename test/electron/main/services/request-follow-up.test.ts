import { describe, expect, it } from 'vitest';
import { draft, seededCase } from '../../support/core';

/** A request on the Wiltshire profile (004), where the Monitoring Officer must accept the need to know for protected material. */
async function referredCase() {
  const ctx = await seededCase();
  await ctx.ok('council:set', { profileId: '004', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' });
  const referred = await ctx.ok(
    'requests:create',
    draft({
      officerId: ctx.officer.id,
      meetingId: ctx.meeting.id,
      monitoringOfficerReason: 'The valuation is exempt; I need it to scrutinise the disposal at Cabinet.',
    }),
  );
  return { ...ctx, referred };
}

describe('R-ASK-4: the Monitoring Officer’s decision through the contract', () => {
  it('records a refusal, by whom and when, and offers FOI (with its own route), closing or re-routing', async () => {
    const { ok, referred } = await referredCase();
    const before = await ok('requests:followUp', { id: referred.row.id });
    expect(before.moReferral).toMatchObject({ referredOn: '2026-11-16', decision: null, steps: [] });
    const after = await ok('requests:recordMoDecision', {
      id: referred.row.id,
      accepted: false,
      decidedBy: 'Ian Gibbons',
      on: '2026-11-20',
      note: '',
    });
    expect(after.moReferral?.decision).toEqual({ accepted: false, decidedBy: 'Ian Gibbons', on: '2026-11-20' });
    expect(after.moReferral?.steps.map((s: { step: string }) => s.step)).toEqual(['use-foi', 'close-request', 'change-route']);
    expect(after.moReferral?.steps[0]?.foiProfileId).toBe('foi');
    const detail = await ok('requests:get', { id: referred.row.id });
    expect(detail.events.at(-1)).toMatchObject({ type: 'mo-decision', accepted: false, decidedBy: 'Ian Gibbons', on: '2026-11-20' });
  });

  it('refuses a decision dated before the referral or after today, and changes nothing', async () => {
    const { ok, call, referred } = await referredCase();
    const early = await call('requests:recordMoDecision', {
      id: referred.row.id,
      accepted: true,
      decidedBy: 'Ian Gibbons',
      on: '2026-11-10',
      note: '',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(early.ok ? '' : early.error.message).toMatch(/cannot be before the Monitoring Officer was asked on 16\/11\/2026/);
    const late = await call('requests:recordMoDecision', {
      id: referred.row.id,
      accepted: true,
      decidedBy: 'Ian Gibbons',
      on: '2026-12-01',
      note: '',
    });
    expect(late.ok ? '' : late.error.message).toMatch(/after today/);
    // The general log form cannot slip a decision past the same checks.
    const logged = await call('requests:logEvent', {
      id: referred.row.id,
      event: { type: 'mo-decision', on: '2026-11-10', note: '', accepted: true, decidedBy: 'X' },
    });
    expect(logged.ok).toBe(false);
    expect((await ok('requests:followUp', { id: referred.row.id })).moReferral?.decision).toBeNull();
    expect((await ok('requests:get', { id: referred.row.id })).events).toEqual([]);
  });

  it('refuses a decision on a request never referred, a second decision, and extra keys from a hostile page', async () => {
    const { ok, call, request, referred } = await referredCase();
    expect(
      await call('requests:recordMoDecision', { id: request.row.id, accepted: true, decidedBy: 'Ian', on: '2026-11-20', note: '' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await ok('requests:recordMoDecision', { id: referred.row.id, accepted: true, decidedBy: 'Ian Gibbons', on: '2026-11-20', note: '' });
    expect(
      await call('requests:recordMoDecision', {
        id: referred.row.id,
        accepted: false,
        decidedBy: 'Someone else',
        on: '2026-11-21',
        note: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/note saying why/) } });
    expect(
      await call('requests:recordMoDecision', {
        id: referred.row.id,
        accepted: false,
        decidedBy: 'X',
        on: '2026-11-21',
        note: '',
        __proto__: { accepted: true },
      }),
    ).toMatchObject({ ok: false });
    expect((await ok('requests:followUp', { id: referred.row.id })).moReferral?.steps.map((s: { step: string }) => s.step)).toEqual([
      'proceed',
    ]);
  });
});

describe('correcting what the follow-up panel shows', () => {
  const entryOf = (events: Array<{ type: string; kind?: string; id?: string }>, type: string, kind?: string) =>
    events.find((e) => e.type === type && (kind === undefined || e.kind === kind))!.id!;

  it('a decision recorded wrongly is changed with the reason; both stay on the timeline and the panel shows the new one', async () => {
    const { ok, referred } = await referredCase();
    await ok('requests:recordMoDecision', { id: referred.row.id, accepted: false, decidedBy: 'Ian Gibons', on: '2026-11-20', note: '' });
    const changed = await ok('requests:recordMoDecision', {
      id: referred.row.id,
      accepted: true,
      decidedBy: 'Ian Gibbons',
      on: '2026-11-21',
      note: 'Entered as refused by mistake.',
    });
    expect(changed.moReferral?.decision).toEqual({ accepted: true, decidedBy: 'Ian Gibbons', on: '2026-11-21' });
    expect(changed.moReferral?.steps.map((s: { step: string }) => s.step)).toEqual(['proceed']);
    const events = (await ok('requests:get', { id: referred.row.id })).events;
    expect(events.filter((e: { type: string }) => e.type === 'mo-decision')).toHaveLength(2);
  });

  it('correcting the decision’s date and who decided, an escalation’s date and person, and the chair notice’s date and person reaches the panel', async () => {
    const { ok, referred, request } = await referredCase();
    // The decision on the referred request; the escalation and chair notice on the first (sent under profile 000, which needs a notice).
    await ok('requests:recordMoDecision', { id: referred.row.id, accepted: false, decidedBy: 'Ian Gibons', on: '2026-11-20', note: '' });
    const id = request.row.id;
    await ok('requests:escalate', { id, on: '2026-11-23', informationWithheld: false, officerId: null, name: 'Pat Directer', note: '' });
    await ok('requests:markChairNoticeSent', { id, on: '2026-11-23', to: 'Cllr Ann Chiar' });
    const events = (await ok('requests:get', { id })).events;
    expect(events.find((e: { kind?: string }) => e.kind === 'chair-notice')).toMatchObject({ to: 'Cllr Ann Chiar' });
    expect(events.find((e: { type: string }) => e.type === 'escalated')).toMatchObject({ to: 'Pat Directer' });
    const fix = (entryId: string, changes: Record<string, string>) =>
      ok('requests:correctEvent', { id, entryId, changes, reason: 'Typed wrongly' });
    const decisionEntry = entryOf((await ok('requests:get', { id: referred.row.id })).events, 'mo-decision');
    await ok('requests:correctEvent', {
      id: referred.row.id,
      entryId: decisionEntry,
      changes: { on: '2026-11-19', decidedBy: 'Ian Gibbons' },
      reason: 'Typed wrongly',
    });
    await fix(entryOf(events, 'escalated'), { on: '2026-11-22', to: 'Pat Director' });
    await fix(entryOf(events, 'emailed', 'chair-notice'), { on: '2026-11-21', to: 'Cllr Ann Chair' });
    expect((await ok('requests:followUp', { id: referred.row.id })).moReferral?.decision).toEqual({
      accepted: false,
      decidedBy: 'Ian Gibbons',
      on: '2026-11-19',
    });
    const panel = await ok('requests:followUp', { id });
    expect(panel.escalation.history).toMatchObject([{ on: '2026-11-22', to: 'Pat Director' }]);
    expect(panel.chairNotice).toMatchObject({ sentOn: '2026-11-21', sentTo: 'Cllr Ann Chair' });
  });
});

describe('R-DUE-4: escalation names the person, one step up', () => {
  it('offers the Head of Service from the directory when overdue, then the Chief Executive, and records to whom', async () => {
    const { ok, request } = await seededCase();
    const hos = await ok('officers:save', {
      name: 'Pat Reid',
      service: 'Estates',
      role: 'Director of Place',
      seniority: 'director',
      email: 'pat.reid@example-council.gov.uk',
    });
    const ceo = await ok('officers:save', {
      name: 'Alex Chief',
      service: 'Corporate',
      role: 'Chief Executive',
      seniority: 'chief-officer',
      email: 'alex.chief@example-council.gov.uk',
    });
    const mo = await ok('officers:save', {
      name: 'Ian Gibbons',
      service: 'Legal',
      role: 'Monitoring Officer',
      seniority: 'director',
      email: 'ian.gibbons@example-council.gov.uk',
    });
    const first = await ok('requests:followUp', { id: request.row.id });
    // Sent 16/11 on the 000 profile: the answer was due 23/11, so on 24/11 it is overdue.
    expect(first.escalation.overdue).toBe(true);
    // The seeded officer (asked first) is the Head of Service: the next step is someone else senior in the same service.
    expect(first.escalation.next).toMatchObject({
      level: 'head-of-service',
      role: 'Head of Service or Director',
      officerId: hos.id,
      name: 'Pat Reid',
    });
    expect(first.escalation.withheld).toMatchObject({ level: 'monitoring-officer', officerId: mo.id, name: 'Ian Gibbons' });
    const second = await ok('requests:escalate', {
      id: request.row.id,
      on: '2026-11-24',
      informationWithheld: false,
      officerId: hos.id,
      name: '',
      note: '',
    });
    expect(second.escalation.history).toEqual([
      { on: '2026-11-24', level: 'head-of-service', to: 'Pat Reid', role: 'Head of Service or Director' },
    ]);
    expect(second.escalation.next).toMatchObject({ level: 'chief-executive', officerId: ceo.id, name: 'Alex Chief' });
    const detail = await ok('requests:get', { id: request.row.id });
    expect(detail.row.status).toBe('escalated');
    expect(detail.events.at(-1)).toMatchObject({ type: 'escalated', note: 'Escalated to Pat Reid (Head of Service or Director).' });
    const third = await ok('requests:escalate', {
      id: request.row.id,
      on: '2026-11-24',
      informationWithheld: false,
      officerId: null,
      name: 'A. Person',
      note: 'No answer yet',
    });
    expect(third.escalation.history.at(-1)).toMatchObject({ level: 'chief-executive', to: 'A. Person', role: 'Chief Executive' });
  });

  it('refuses an escalation to an officer not in the directory, without a name, or dated impossibly; nothing changes', async () => {
    const { ok, call, request } = await seededCase();
    const ghost = await call('requests:escalate', {
      id: request.row.id,
      on: '2026-11-24',
      informationWithheld: false,
      officerId: 'no-such-officer',
      name: '',
      note: '',
    });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Another record's id is not an officer either.
    expect(
      await call('requests:escalate', {
        id: request.row.id,
        on: '2026-11-24',
        informationWithheld: false,
        officerId: request.row.id,
        name: '',
        note: '',
      }),
    ).toMatchObject({ ok: false });
    expect(
      await call('requests:escalate', {
        id: request.row.id,
        on: '2026-11-24',
        informationWithheld: false,
        officerId: null,
        name: '  ',
        note: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const future = await call('requests:escalate', {
      id: request.row.id,
      on: '2026-11-30',
      informationWithheld: false,
      officerId: null,
      name: 'Pat',
      note: '',
    });
    expect(future.ok ? '' : future.error.message).toMatch(/after today/);
    const before = await call('requests:escalate', {
      id: request.row.id,
      on: '2026-11-01',
      informationWithheld: false,
      officerId: null,
      name: 'Pat',
      note: '',
    });
    expect(before.ok ? '' : before.error.message).toMatch(/before the request was sent/);
    // The level is main's to decide: a page cannot name one.
    expect(
      await call('requests:escalate', {
        id: request.row.id,
        on: '2026-11-24',
        informationWithheld: false,
        officerId: null,
        name: 'Pat',
        note: '',
        level: 'monitoring-officer',
      }),
    ).toMatchObject({ ok: false });
    // The log form cannot record an escalation without a person.
    expect(
      await call('requests:logEvent', {
        id: request.row.id,
        event: { type: 'escalated', on: '2026-11-24', note: '', informationWithheld: false },
      }),
    ).toMatchObject({ ok: false });
    expect((await ok('requests:followUp', { id: request.row.id })).escalation.history).toEqual([]);
    expect((await ok('requests:get', { id: request.row.id })).events).toEqual([]);
  });
});

describe('R-ASK-8: the chair notice records to whom and when', () => {
  it('records the person and date once and shows it on the timeline', async () => {
    const { ok, call, request } = await seededCase();
    expect((await ok('requests:followUp', { id: request.row.id })).chairNotice).toMatchObject({ sentOn: null, sentTo: null });
    const detail = await ok('requests:markChairNoticeSent', { id: request.row.id, on: '2026-11-23', to: 'Cllr Ann Chair' });
    expect(detail.row.chairNoticePending).toBe(false);
    expect(detail.events.at(-1)).toMatchObject({
      type: 'emailed',
      kind: 'chair-notice',
      on: '2026-11-23',
      note: 'Notice sent to Cllr Ann Chair.',
    });
    expect((await ok('requests:followUp', { id: request.row.id })).chairNotice).toMatchObject({
      sentOn: '2026-11-23',
      sentTo: 'Cllr Ann Chair',
    });
    expect(await call('requests:markChairNoticeSent', { id: request.row.id, on: '2026-11-24', to: 'Someone' })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
  });

  it('refuses a notice without a person, in the future or before the request', async () => {
    const { call, request } = await seededCase();
    expect(await call('requests:markChairNoticeSent', { id: request.row.id, on: '2026-11-23', to: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('requests:markChairNoticeSent', { id: request.row.id, on: '2026-11-23' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('requests:markChairNoticeSent', { id: request.row.id, on: '2027-01-01', to: 'Cllr Chair' })).toMatchObject({
      ok: false,
    });
    expect(await call('requests:markChairNoticeSent', { id: request.row.id, on: '2026-11-01', to: 'Cllr Chair' })).toMatchObject({
      ok: false,
    });
  });
});

describe('R-ASK-9: the council email domain and officers’ addresses, enforced in main', () => {
  it('refuses gmail.com, a shared ending and a non-domain as the council domain, keeping the one in force', async () => {
    const { ok, call } = await seededCase();
    for (const emailDomain of ['gmail.com', 'hotmail.co.uk', 'gov.uk', 'not a domain', 'council', 'jane@wiltshire.gov.uk']) {
      const r = await call('council:set', { profileId: '000', nation: 'england-and-wales', emailDomain });
      expect(r, emailDomain).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(r.ok ? '' : r.error.message).not.toMatch(/emailDomain|zod|R-ASK/);
    }
    expect((await ok('council:get')).settings.emailDomain).toBe('example-council.gov.uk');
    const tidied = await ok('council:set', { profileId: '000', nation: 'england-and-wales', emailDomain: '@Wiltshire.GOV.uk' });
    expect(tidied.settings.emailDomain).toBe('wiltshire.gov.uk');
  });

  it('refuses an officer with a personal address and accepts one at a partner council (warned on the form only)', async () => {
    const { ok, call } = await seededCase();
    const personal = await call('officers:save', {
      name: 'Kim Lee',
      service: 'Estates',
      role: 'Manager',
      seniority: 'manager',
      email: 'kim.lee@gmail.com',
    });
    expect(personal).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(personal.ok ? '' : personal.error.message).toMatch(/personal email provider/);
    expect((await ok('officers:list')).some((o) => o.name === 'Kim Lee')).toBe(false);
    const partner = await ok('officers:save', {
      name: 'Ravi Shah',
      service: 'Shared Legal',
      role: 'Head of Legal',
      seniority: 'head-of-service',
      email: 'ravi.shah@partner.gov.uk',
    });
    expect(partner.email).toBe('ravi.shah@partner.gov.uk');
  });
});

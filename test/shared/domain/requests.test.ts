import { describe, expect, it } from 'vitest';
import { builtInProfile } from '../../../shared/domain/profiles';
import {
  chairNoticeFor,
  checkCopies,
  checkCouncilDomain,
  checkCouncilEmail,
  isPersonalEmailDomain,
  lifecycleFromEvents,
  nextEscalation,
  officerEmailWarning,
  officerSeniorityWarning,
  recordChairNoticeSent,
  recordEscalation,
  requestStatus,
  requestVolume,
  thirdPartyConsentStatus,
} from '../../../shared/domain/requests';
import type { Officer } from '../../../shared/domain/directory';
import { DomainError } from '../../../shared/domain/errors';
import { correctTimelineEntry, effectiveTimeline, type TimelineEntry } from '../../../shared/domain/timeline';

const directory: Officer[] = [
  {
    id: 'o1',
    name: 'Sam Green',
    service: 'Highways',
    role: 'Head of Highways',
    seniority: 'head-of-service',
    email: 'sam.green@example-council.gov.uk',
  },
  { id: 'o2', name: 'Lee Brown', service: 'Highways', role: 'Inspector', seniority: 'officer', email: 'lee.brown@example-council.gov.uk' },
  {
    id: 'o3',
    name: 'Ann White',
    service: 'Highways',
    role: 'Director of Place',
    seniority: 'director',
    email: 'ann.white@example-council.gov.uk',
  },
];

describe('asking the right officer, the right way', () => {
  it('R-ASK-6 a junior officer warns and suggests the senior officer for that service', () => {
    const w = officerSeniorityWarning(directory[1]!, directory, builtInProfile('003'));
    expect(w?.suggested?.name).toBe('Sam Green'); // the Head of Service for Highways: the nearest senior officer
    expect(w?.warning).toMatch(/Chief Officers, Directors or Heads of Service, never junior officers/);
    expect(officerSeniorityWarning(directory[0]!, directory, builtInProfile('003'))).toBeNull();
  });

  it('R-ASK-7 nudges when requests to a service are unusually high', () => {
    const requests = [
      ...Array.from({ length: 8 }, (_, i) => ({ service: 'Highways', sentOn: `2026-11-${String(10 + i).padStart(2, '0')}` })),
      ...Array.from({ length: 6 }, (_, i) => ({ service: 'Highways', sentOn: `2026-${String(5 + i).padStart(2, '0')}-15` })),
      { service: 'Planning', sentOn: '2026-11-20' },
    ];
    const volume = requestVolume(requests, '2026-11-24');
    expect(volume[0]).toMatchObject({ service: 'Highways', recent: 8, typical: 1 });
    expect(volume[0]!.nudge).toMatch(/8 requests to Highways/);
    expect(volume.find((v) => v.service === 'Planning')!.nudge).toBeNull();
  });

  it('R-ASK-8 an agenda-related request creates a chair notice where the profile says so', () => {
    const notice = chairNoticeFor(
      { id: 'r1', subject: 'Depot sale valuation', meetingId: 'm1', agendaItem: 'Item 7', mayBeRaisedAtMeeting: true },
      builtInProfile('000'),
    );
    expect(notice).toMatchObject({ requestId: 'r1', meetingId: 'm1', agendaItem: 'Item 7', sentOn: null });
    expect(chairNoticeFor({ id: 'r1', subject: 'x', meetingId: 'm1', mayBeRaisedAtMeeting: true }, builtInProfile('004'))).toBeNull();
    expect(chairNoticeFor({ id: 'r1', subject: 'x', meetingId: null, mayBeRaisedAtMeeting: true }, builtInProfile('000'))).toBeNull();
  });

  it('R-ASK-9 only the council email address is accepted for sending', () => {
    expect(checkCouncilEmail('cllr.smith@example-council.gov.uk', ['example-council.gov.uk'])).toEqual({ ok: true });
    expect(checkCouncilEmail('jane.smith@gmail.com', ['example-council.gov.uk'])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/council email address/),
    });
    expect(checkCouncilEmail('cllr@other-council.gov.uk', ['example-council.gov.uk']).ok).toBe(false);
    expect(checkCouncilEmail('not an address', ['example-council.gov.uk']).ok).toBe(false);
  });

  it('R-ASK-10 copies are recorded and blind copies refused', () => {
    expect(checkCopies({ cc: ['pa@example-council.gov.uk'] })).toEqual({ ok: true, recorded: ['pa@example-council.gov.uk'] });
    expect(checkCopies({ cc: [], bcc: ['someone@example.com'] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Blind copies/),
    });
  });

  it('R-ASK-11 third-party information is held until that person consents', () => {
    expect(thirdPartyConsentStatus({ thirdParty: { name: 'the neighbour', consent: 'asked' } }).releasable).toBe(false);
    expect(thirdPartyConsentStatus({ thirdParty: { name: 'the neighbour', consent: 'given' } }).releasable).toBe(true);
    expect(thirdPartyConsentStatus({}).releasable).toBe(true);
  });
});

describe('request lifecycle', () => {
  const profile = builtInProfile('004');
  const facts = { sentOn: '2026-11-02', acknowledgeBy: '2026-11-04', respondBy: '2026-11-16' };

  it('R-DUE-4 awaiting acknowledgement, then overdue when the acknowledgement is late', () => {
    expect(requestStatus(facts, '2026-11-03', profile, 'england-and-wales').status).toBe('awaiting-acknowledgement');
    expect(requestStatus(facts, '2026-11-05', profile, 'england-and-wales')).toMatchObject({ status: 'overdue', workingDaysLate: 1 });
  });

  it('R-DUE-4 acknowledged, overdue after the due date, very overdue past the profile’s margin, answered', () => {
    const acked = { ...facts, acknowledgedOn: '2026-11-03' };
    expect(requestStatus(acked, '2026-11-16', profile, 'england-and-wales').status).toBe('acknowledged');
    expect(requestStatus(acked, '2026-11-17', profile, 'england-and-wales').status).toBe('overdue');
    expect(requestStatus(acked, '2026-11-24', profile, 'england-and-wales')).toMatchObject({ status: 'very-overdue', workingDaysLate: 6 });
    expect(requestStatus({ ...acked, answeredOn: '2026-11-20' }, '2026-11-24', profile, 'england-and-wales').status).toBe('answered');
    expect(requestStatus({ ...acked, escalatedTo: 'head-of-service' }, '2026-11-24', profile, 'england-and-wales').status).toBe(
      'escalated',
    );
  });

  it('R-DUE-5 a holding reply’s promised date is the target for lateness', () => {
    const holding = { ...facts, holdingReply: { receivedOn: '2026-11-03', promisedBy: '2026-11-30' } };
    expect(requestStatus(holding, '2026-11-24', profile, 'england-and-wales')).toMatchObject({ status: 'holding', target: '2026-11-30' });
    expect(requestStatus(holding, '2026-12-01', profile, 'england-and-wales').status).toBe('overdue');
  });

  it('R-DUE-4 escalation goes officer, head of service, chief executive, then the Monitoring Officer', () => {
    expect(nextEscalation(null, false).level).toBe('head-of-service');
    expect(nextEscalation('head-of-service', false).level).toBe('chief-executive');
    expect(nextEscalation('chief-executive', false).level).toBe('monitoring-officer');
    expect(nextEscalation('officer', true)).toMatchObject({
      level: 'monitoring-officer',
      explanation: expect.stringMatching(/004 §11.10/),
    });
  });

  it('R-DUE-4 bad dates are refused', () => {
    expect(() => requestStatus(facts, '2026-13-01', profile, 'england-and-wales')).toThrow(/not a date|real date/);
  });
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('the holding reply sets the target (R-DUE-5)', () => {
  const p000 = builtInProfile('000');
  const sent = { sentOn: '2026-11-02', acknowledgeBy: '2026-11-09', respondBy: '2026-11-09', escalatedTo: null };
  const holding = (on: string, promisedBy: string): TimelineEntry =>
    ({ type: 'holding', on, note: 'Waiting for the survey', promisedBy }) as TimelineEntry;

  it('R-DUE-5 status, overdue and very overdue follow the promised date, not the computed one', () => {
    const events = [holding('2026-11-06', '2026-11-30')];
    const facts = lifecycleFromEvents({ ...sent, events });
    expect(facts.holdingReply).toEqual({ receivedOn: '2026-11-06', promisedBy: '2026-11-30' });
    expect(requestStatus(facts, '2026-11-24', p000, 'england-and-wales')).toEqual({
      status: 'holding',
      target: '2026-11-30',
      workingDaysLate: 0,
    });
    expect(requestStatus(facts, '2026-12-01', p000, 'england-and-wales')).toMatchObject({
      status: 'overdue',
      target: '2026-11-30',
      workingDaysLate: 1,
    });
    expect(requestStatus(facts, '2026-12-08', p000, 'england-and-wales')).toMatchObject({ status: 'very-overdue', workingDaysLate: 6 });
    // Without the holding reply the same day is long overdue.
    expect(requestStatus(lifecycleFromEvents({ ...sent, events: [] }), '2026-11-24', p000, 'england-and-wales').status).toBe(
      'very-overdue',
    );
  });

  it('R-DUE-5 a second holding reply replaces the first promise, even when it is earlier', () => {
    const facts = lifecycleFromEvents({ ...sent, events: [holding('2026-11-06', '2026-12-10'), holding('2026-11-20', '2026-12-01')] });
    expect(requestStatus(facts, '2026-11-24', p000, 'england-and-wales').target).toBe('2026-12-01');
  });

  it('R-DUE-5 a corrected promised date is the one used for the deadline', () => {
    const events = [holding('2026-11-06', '2026-11-13')];
    const fix = correctTimelineEntry(
      events,
      { corrects: 'entry-1', changes: { promisedBy: '2026-12-13' }, reason: 'Misread the month' },
      sent,
      '2026-11-24',
    );
    const facts = lifecycleFromEvents({ ...sent, events: [...events, fix] });
    expect(requestStatus(facts, '2026-11-24', p000, 'england-and-wales')).toMatchObject({ status: 'holding', target: '2026-12-13' });
  });

  it('R-DUE-5 a stored promise before its holding reply, or not a real date, is refused in words', () => {
    expect(refusal(() => lifecycleFromEvents({ ...sent, events: [holding('2026-11-06', '2026-11-05')] }))).toBe(
      'The promised date cannot be before the holding reply.',
    );
    expect(refusal(() => lifecycleFromEvents({ ...sent, events: [holding('2026-11-06', '2026-02-30')] }))).toMatch(
      /The promised date "2026-02-30" is not a real date/,
    );
  });

  it('R-DUE-4 the latest escalation in the timeline sets the escalated state', () => {
    const e = recordEscalation(
      { sentOn: sent.sentOn, escalatedTo: null },
      { on: '2026-11-20', level: 'head-of-service', to: 'Sam Green' },
      '2026-11-24',
    );
    expect(lifecycleFromEvents({ ...sent, events: [e] }).escalatedTo).toBe('head-of-service');
    expect(requestStatus(lifecycleFromEvents({ ...sent, events: [e] }), '2026-11-24', p000, 'england-and-wales').status).toBe('escalated');
  });
});

describe('escalation names the person (R-DUE-4)', () => {
  it('R-DUE-4 the ladder: officer -> Head of Service or Director -> Chief Executive -> Monitoring Officer, with the role and a suggested person', () => {
    const first = nextEscalation(null, false, { directory, service: 'Highways' });
    expect(first).toMatchObject({ level: 'head-of-service', role: 'Head of Service or Director', suggested: { name: 'Sam Green' } });
    expect(nextEscalation('head-of-service', false)).toMatchObject({ level: 'chief-executive', role: 'Chief Executive', suggested: null });
    expect(nextEscalation('chief-executive', false)).toMatchObject({ level: 'monitoring-officer', role: 'Monitoring Officer' });
    expect(nextEscalation(null, true).level).toBe('monitoring-officer');
  });

  it('R-DUE-4 an escalation event names who it went to, and only moves up', () => {
    const req = { sentOn: '2026-11-02', escalatedTo: null };
    const e = recordEscalation(
      req,
      { on: '2026-11-20', level: 'head-of-service', to: ' Sam Green ' },
      '2026-11-24',
      '2026-11-24T10:00:00Z',
    );
    expect(e).toEqual({
      type: 'escalated',
      on: '2026-11-20',
      level: 'head-of-service',
      to: 'Sam Green',
      role: 'Head of Service or Director',
      informationWithheld: false,
      note: 'Escalated to Sam Green (Head of Service or Director).',
      recordedAt: '2026-11-24T10:00:00Z',
    });
    expect(refusal(() => recordEscalation(req, { on: '2026-11-20', level: 'head-of-service', to: '' }, '2026-11-24'))).toBe(
      'Name the Head of Service or Director you escalated to.',
    );
    expect(
      refusal(() =>
        recordEscalation(
          { ...req, escalatedTo: 'chief-executive' },
          { on: '2026-11-20', level: 'head-of-service', to: 'Sam Green' },
          '2026-11-24',
        ),
      ),
    ).toMatch(/already gone to the Chief Executive/);
    expect(refusal(() => recordEscalation(req, { on: '2026-11-20', level: 'officer', to: 'Lee Brown' }, '2026-11-24'))).toMatch(/chase/);
    expect(refusal(() => recordEscalation(req, { on: '2026-11-20', level: 'mayor' as never, to: 'X' }, '2026-11-24'))).toMatch(
      /Choose who/,
    );
    expect(refusal(() => recordEscalation(req, { on: '2026-11-25', level: 'chief-executive', to: 'Pat Chief' }, '2026-11-24'))).toMatch(
      /after today/,
    );
  });
});

describe('the chair notice (R-ASK-8)', () => {
  const req = { sentOn: '2026-11-02' };
  it('R-ASK-8 sending the notice records to whom and when, and makes a timeline entry', () => {
    const r = recordChairNoticeSent({ sentOn: null }, { to: 'Cllr Patel (Chair, Planning)', on: '2026-11-05' }, req, '2026-11-24');
    expect(r).toMatchObject({
      sentOn: '2026-11-05',
      sentTo: 'Cllr Patel (Chair, Planning)',
      entry: { type: 'chair-notice-sent', on: '2026-11-05', to: 'Cllr Patel (Chair, Planning)' },
    });
    expect(effectiveTimeline([r.entry])[0]!.type).toBe('chair-notice-sent');
  });
  it('R-ASK-8 refuses a second sending, no recipient, no notice or an impossible date', () => {
    expect(refusal(() => recordChairNoticeSent({ sentOn: '2026-11-05' }, { to: 'Cllr Patel', on: '2026-11-06' }, req, '2026-11-24'))).toBe(
      'The notice was already sent on 05/11/2026.',
    );
    expect(refusal(() => recordChairNoticeSent({ sentOn: null }, { to: '  ', on: '2026-11-06' }, req, '2026-11-24'))).toMatch(
      /who the notice was sent to/,
    );
    expect(refusal(() => recordChairNoticeSent(null, { to: 'Cllr Patel', on: '2026-11-06' }, req, '2026-11-24'))).toMatch(/no notice/);
    expect(refusal(() => recordChairNoticeSent({ sentOn: null }, { to: 'Cllr Patel', on: '2026-10-06' }, req, '2026-11-24'))).toMatch(
      /before the request was sent/,
    );
  });
});

describe('the council email domain (R-ASK-9)', () => {
  it.each(['wiltshire.gov.uk', '@Oxford.gov.uk', 'council.example.org', 'xn--mnchen-3ya.de', 'cyngor.llyw.cymru', 'edinburgh.gov.uk.'])(
    'R-ASK-9 accepts a real council domain: %s',
    (d) => {
      expect(checkCouncilDomain(d).ok).toBe(true);
    },
  );
  it('R-ASK-9 tidies the domain to lower case, without the @ or a final dot', () => {
    expect(checkCouncilDomain(' @Oxford.GOV.uk. ')).toEqual({ ok: true, domain: 'oxford.gov.uk' });
  });
  it.each([
    'gmail.com',
    'googlemail.com',
    'outlook.com',
    'hotmail.com',
    'hotmail.co.uk',
    'live.com',
    'live.co.uk',
    'msn.com',
    'yahoo.com',
    'yahoo.co.uk',
    'icloud.com',
    'me.com',
    'mac.com',
    'aol.com',
    'protonmail.com',
    'proton.me',
    'gmx.com',
    'gmx.co.uk',
    'gmx.de',
    'btinternet.com',
    'sky.com',
    'virginmedia.com',
    'talktalk.net',
  ])('R-ASK-9 refuses a personal provider: %s', (d) => {
    const r = checkCouncilDomain(d);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/personal email provider/) });
    expect(isPersonalEmailDomain(d)).toBe(true);
  });
  it.each([
    ['', /Enter your council’s email domain/],
    ['wiltshire gov.uk', /spaces/],
    ['cllr@wiltshire.gov.uk', /only the part after the @/],
    ['localhost', /not a domain name/],
    ['wiltshire.gov.u2', /not a domain name/],
    ['-bad.gov.uk', /not a domain name/],
    ['a..gov.uk', /not a domain name/],
    ['gov.uk', /shared by many organisations/],
    ['münchen.de', /plain letters/],
  ])('R-ASK-9 refuses "%s" in words', (d, message) => {
    const r = checkCouncilDomain(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(message);
  });
  it('R-ASK-9 a live-gov.uk-like domain is not mistaken for a personal provider', () => {
    expect(isPersonalEmailDomain('live.gov.uk')).toBe(false);
    expect(isPersonalEmailDomain('outlookcouncil.gov.uk')).toBe(false);
  });
  it('R-ASK-9 officers’ addresses are checked against the council domain as they are typed', () => {
    expect(officerEmailWarning('sam.green@wiltshire.gov.uk', 'wiltshire.gov.uk')).toBeNull();
    expect(officerEmailWarning('sam.green@highways.wiltshire.gov.uk', 'wiltshire.gov.uk')).toBeNull();
    expect(officerEmailWarning('', 'wiltshire.gov.uk')).toBeNull();
    expect(officerEmailWarning('sam.green@gmail.com', 'wiltshire.gov.uk')).toMatch(/gmail.com is a personal email provider/);
    expect(officerEmailWarning('sam.green@swindon.gov.uk', 'wiltshire.gov.uk')).toMatch(
      /not at your council’s domain \(wiltshire.gov.uk\)/,
    );
    expect(officerEmailWarning('sam.green@', 'wiltshire.gov.uk')).toMatch(/Enter the officer’s email address/);
    // Without a usable council domain only personal providers can be flagged.
    expect(officerEmailWarning('sam.green@swindon.gov.uk', '')).toBeNull();
    expect(officerEmailWarning('sam.green@swindon.gov.uk', 'gmail.com')).toBeNull();
  });
  it('R-ASK-9 sending from a personal address says so; a configured personal domain is never accepted', () => {
    expect(checkCouncilEmail('cllr@gmail.com', ['wiltshire.gov.uk'])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/That is a personal address/),
    });
    expect(checkCouncilEmail('cllr@gmail.com', ['gmail.com'])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Set your council’s email domain/),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { builtInProfile } from '../../../shared/domain/profiles';
import { chairNoticeFor, checkCopies, checkCouncilEmail, nextEscalation, officerSeniorityWarning, requestStatus, requestVolume, thirdPartyConsentStatus } from '../../../shared/domain/requests';
import type { Officer } from '../../../shared/domain/directory';

const directory: Officer[] = [
  { id: 'o1', name: 'Sam Green', service: 'Highways', role: 'Head of Highways', seniority: 'head-of-service', email: 'sam.green@example-council.gov.uk' },
  { id: 'o2', name: 'Lee Brown', service: 'Highways', role: 'Inspector', seniority: 'officer', email: 'lee.brown@example-council.gov.uk' },
  { id: 'o3', name: 'Ann White', service: 'Highways', role: 'Director of Place', seniority: 'director', email: 'ann.white@example-council.gov.uk' },
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
    const notice = chairNoticeFor({ id: 'r1', subject: 'Depot sale valuation', meetingId: 'm1', agendaItem: 'Item 7', mayBeRaisedAtMeeting: true }, builtInProfile('000'));
    expect(notice).toMatchObject({ requestId: 'r1', meetingId: 'm1', agendaItem: 'Item 7', sentOn: null });
    expect(chairNoticeFor({ id: 'r1', subject: 'x', meetingId: 'm1', mayBeRaisedAtMeeting: true }, builtInProfile('004'))).toBeNull();
    expect(chairNoticeFor({ id: 'r1', subject: 'x', meetingId: null, mayBeRaisedAtMeeting: true }, builtInProfile('000'))).toBeNull();
  });

  it('R-ASK-9 only the council email address is accepted for sending', () => {
    expect(checkCouncilEmail('cllr.smith@example-council.gov.uk', ['example-council.gov.uk'])).toEqual({ ok: true });
    expect(checkCouncilEmail('jane.smith@gmail.com', ['example-council.gov.uk'])).toMatchObject({ ok: false, reason: expect.stringMatching(/council email address/) });
    expect(checkCouncilEmail('cllr@other-council.gov.uk', ['example-council.gov.uk']).ok).toBe(false);
    expect(checkCouncilEmail('not an address', ['example-council.gov.uk']).ok).toBe(false);
  });

  it('R-ASK-10 copies are recorded and blind copies refused', () => {
    expect(checkCopies({ cc: ['pa@example-council.gov.uk'] })).toEqual({ ok: true, recorded: ['pa@example-council.gov.uk'] });
    expect(checkCopies({ cc: [], bcc: ['someone@example.com'] })).toMatchObject({ ok: false, reason: expect.stringMatching(/Blind copies/) });
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
    expect(requestStatus({ ...acked, escalatedTo: 'head-of-service' }, '2026-11-24', profile, 'england-and-wales').status).toBe('escalated');
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
    expect(nextEscalation('officer', true)).toMatchObject({ level: 'monitoring-officer', explanation: expect.stringMatching(/004 §11.10/) });
  });

  it('R-DUE-4 bad dates are refused', () => {
    expect(() => requestStatus(facts, '2026-13-01', profile, 'england-and-wales')).toThrow(/not a date|real date/);
  });
});

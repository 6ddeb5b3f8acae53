import { describe, expect, it } from 'vitest';
import {
  assessNeedToKnow,
  foiAlternative,
  monitoringOfficerReferral,
  recordMonitoringOfficerDecision,
  stepsAfterMonitoringOfficerDecision,
  type NeedToKnowInput,
} from '../../../shared/domain/need-to-know';
import { builtInProfile } from '../../../shared/domain/profiles';

const good: NeedToKnowInput = {
  capacity: 'ward-member',
  purpose: 'To answer a constituent complaint about flooding',
  route: 'need-to-know',
  justification:
    'As ward member I am handling a constituent complaint about repeated flooding at 4 Mill Lane and need the drainage survey to respond.',
  informationSought: 'The 2025 drainage survey report for Mill Lane',
  seeksProtectedMaterial: false,
};

describe('need-to-know check', () => {
  it('R-ASK-3 a justification naming a duty and specific information is sufficient', () => {
    const a = assessNeedToKnow(good, builtInProfile('000'));
    expect(a.verdict).toBe('sufficient');
    expect(a.checks.every((c) => c.passed)).toBe(true);
    expect(a.nextSteps).toEqual(['send']);
  });

  it.each([
    ['just interested', 'I am just interested in what the council is doing.', 'not-curiosity'],
    ['out of curiosity', 'Out of curiosity, as a ward councillor, I would like to see it.', 'not-curiosity'],
    ['all documents', 'As ward member I need all documents about the depot sale for my ward casework.', 'not-roving'],
    ['everything on file', 'For my committee work please send everything on file about the contract.', 'not-roving'],
  ])('R-ASK-3 refuses "%s" and says which test failed', (_label, justification, failed) => {
    const a = assessNeedToKnow({ ...good, justification }, builtInProfile('000'));
    expect(a.verdict).toBe('refused');
    expect(a.checks.find((c) => c.id === failed)).toMatchObject({ passed: false });
    expect(a.summary).toMatch(/Monitoring Officer|FOI/);
  });

  it('R-ASK-3 an empty justification on the need-to-know route is refused', () => {
    expect(assessNeedToKnow({ ...good, justification: '' }, builtInProfile('000')).verdict).toBe('refused');
  });

  it('R-ASK-3 vague information without a named duty is weak, with the failing tests explained', () => {
    const a = assessNeedToKnow(
      { ...good, justification: 'Please can I have it soon thanks', informationSought: 'report' },
      builtInProfile('000'),
    );
    expect(a.verdict).toBe('weak');
    expect(
      a.checks
        .filter((c) => !c.passed)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['duty', 'specific']);
  });

  it('R-ASK-3 applies to protected material on any route', () => {
    const a = assessNeedToKnow(
      { ...good, route: 'general', justification: 'just curious', seeksProtectedMaterial: true },
      builtInProfile('000'),
    );
    expect(a.verdict).toBe('refused');
  });

  it('R-ASK-1 capacity and purpose are required; a committee capacity names the committee', () => {
    const a = assessNeedToKnow({ ...good, capacity: 'committee-member', purpose: '' }, builtInProfile('000'));
    expect(a.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(['capacity', 'purpose']);
    expect(assessNeedToKnow({ ...good, capacity: null }, builtInProfile('000')).verdict).toBe('weak');
  });

  it('R-ASK-2 a statutory inspection must name the meeting and agenda item', () => {
    const base = { ...good, route: 'statutory-inspection' as const };
    expect(assessNeedToKnow(base, builtInProfile('000')).checks.find((c) => c.id === 'meeting-item')).toMatchObject({ passed: false });
    expect(
      assessNeedToKnow({ ...base, meeting: { meetingId: 'm1', agendaItem: 'Item 7: depot disposal' } }, builtInProfile('000')).verdict,
    ).toBe('sufficient');
  });

  it('R-ASK-4 under profile 004 protected material needs the Monitoring Officer to accept the need to know', () => {
    const a = assessNeedToKnow({ ...good, seeksProtectedMaterial: true }, builtInProfile('004'));
    expect(a.needsMonitoringOfficerAcceptance).toBe(true);
    expect(a.summary).toBe(
      'The need to know is shown. This council also needs the Monitoring Officer to accept it before confidential or exempt information is released (004 §11.9).',
    );
    expect(assessNeedToKnow({ ...good, seeksProtectedMaterial: true }, builtInProfile('000')).needsMonitoringOfficerAcceptance).toBe(false);
  });

  it('R-ASK-4 a refused case goes forward only as a referral with the reason recorded', () => {
    const refused = assessNeedToKnow({ ...good, justification: 'just interested' }, builtInProfile('000'));
    expect(() => monitoringOfficerReferral(refused, 'x')).toThrow(/Record why/);
    expect(monitoringOfficerReferral(refused, 'I believe the depot sale affects my ward directly.')).toMatchObject({
      kind: 'monitoring-officer-decision',
      failedChecks: ['duty', 'not-curiosity'],
    });
    expect(() => monitoringOfficerReferral(assessNeedToKnow(good, builtInProfile('000')), 'no need to refer this one')).toThrow(
      /does not need/,
    );
    expect(
      recordMonitoringOfficerDecision({ accepted: true, decidedBy: 'A. Khan, Monitoring Officer', decidedOn: '2026-11-24' }).accepted,
    ).toBe(true);
    expect(() => recordMonitoringOfficerDecision({ accepted: true, decidedBy: '', decidedOn: '2026-11-24' })).toThrow(/who made/);
  });

  it('R-ASK-5 offers FOI with its own clock when the case is weak or refused', () => {
    const refused = assessNeedToKnow({ ...good, justification: 'just interested' }, builtInProfile('000'));
    expect(foiAlternative(refused, 'england-and-wales')).toMatchObject({ offered: true, profileId: 'foi' });
    expect(foiAlternative(refused, 'scotland').profileId).toBe('foi-scotland');
    expect(foiAlternative(assessNeedToKnow(good, builtInProfile('000')), 'scotland').offered).toBe(false);
  });

  it('R-ASK-3 bad input is a typed error, not a verdict', () => {
    expect(() => assessNeedToKnow(null as never, builtInProfile('000'))).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

describe('need-to-know check: what it says', () => {
  it('R-ASK-3 the summary names the failed tests: every failure when weak, the fatal ones when refused', () => {
    const p000 = builtInProfile('000');
    const weak = assessNeedToKnow({ ...good, justification: 'Please can I have it soon thanks', informationSought: 'report' }, p000);
    expect(weak.summary).toBe(
      'The case is not yet made: Say which of your duties needs this (for example the ward casework, committee or decision it is for). ' +
        'Name the specific documents or facts you need.',
    );
    const curious = assessNeedToKnow({ ...good, justification: 'I am just interested in what the council is doing.' }, p000);
    expect(curious.summary).toBe(
      'This cannot go as a need-to-know request: Curiosity or general interest is not a need to know. ' +
        'You can ask the Monitoring Officer to decide, or make an FOI request.',
    );
    expect(curious.nextSteps).toEqual(['ask-monitoring-officer', 'use-foi']);
    const blank = assessNeedToKnow({ ...good, justification: '' }, p000);
    expect(blank.summary).toBe(
      'This cannot go as a need-to-know request: there is no justification. You can ask the Monitoring Officer to decide, or make an FOI request.',
    );
    expect(assessNeedToKnow(good, p000).summary).toBe('The need to know is shown.');
  });

  it('R-ASK-1 a committee or outside-body capacity needs the body named; the check says what was recorded', () => {
    const p000 = builtInProfile('000');
    const capacity = (input: NeedToKnowInput) => assessNeedToKnow(input, p000).checks.find((c) => c.id === 'capacity');
    expect(capacity({ ...good, capacity: null })).toMatchObject({ passed: false, detail: 'Choose the capacity you are asking in.' });
    expect(capacity({ ...good, capacity: 'outside-body', capacityDetail: ' ' })).toMatchObject({
      passed: false,
      detail: 'Name the committee, board or body.',
    });
    expect(capacity({ ...good, capacity: 'committee-member', capacityDetail: 'Planning' })).toMatchObject({
      passed: true,
      detail: 'Asking as: Member of a named committee or board (Planning).',
    });
    expect(capacity(good)).toMatchObject({ passed: true, detail: 'Asking as: Ward or division member.' });
  });
});

describe('the Monitoring Officer’s decision and what follows (R-ASK-4)', () => {
  const referral = { referredOn: '2026-11-10' };
  const TODAY = '2026-11-24';
  it('R-ASK-4 records accepted or refused, by whom and when, tidied', () => {
    expect(
      recordMonitoringOfficerDecision(
        { accepted: false, decidedBy: '  A. Khan ', decidedOn: '2026-11-12', note: ' Not needed for the ward ' },
        referral,
        TODAY,
      ),
    ).toEqual({ accepted: false, decidedBy: 'A. Khan', decidedOn: '2026-11-12', note: 'Not needed for the ward' });
    expect(
      recordMonitoringOfficerDecision({ accepted: true, decidedBy: 'A. Khan', decidedOn: '2026-11-10' }, referral, TODAY).accepted,
    ).toBe(true);
  });
  it('R-ASK-4 a decision before the referral, after today, or on no real date is refused in words', () => {
    expect(() =>
      recordMonitoringOfficerDecision({ accepted: true, decidedBy: 'A. Khan', decidedOn: '2026-11-09' }, referral, TODAY),
    ).toThrow('The decision (09/11/2026) cannot be before the Monitoring Officer was asked on 10/11/2026.');
    expect(() =>
      recordMonitoringOfficerDecision({ accepted: true, decidedBy: 'A. Khan', decidedOn: '2026-11-25' }, referral, TODAY),
    ).toThrow('The date of the decision (25/11/2026) is after today.');
    expect(() =>
      recordMonitoringOfficerDecision({ accepted: true, decidedBy: 'A. Khan', decidedOn: '2026-02-30' }, referral, TODAY),
    ).toThrow(/not a real date/);
    expect(() =>
      recordMonitoringOfficerDecision({ accepted: 'yes' as never, decidedBy: 'A. Khan', decidedOn: '2026-11-12' }, referral, TODAY),
    ).toThrow(/accepted or refused/);
    expect(() =>
      recordMonitoringOfficerDecision({ accepted: true, decidedBy: 7 as never, decidedOn: '2026-11-12' }, referral, TODAY),
    ).toThrow(/who made/);
  });
  it('R-ASK-4 R-ASK-5 accepted goes ahead; refused offers FOI (its own clock and profile), closing or changing the route', () => {
    expect(stepsAfterMonitoringOfficerDecision({ accepted: true }, 'england-and-wales').map((s) => s.step)).toEqual(['proceed']);
    const refused = stepsAfterMonitoringOfficerDecision({ accepted: false }, 'scotland');
    expect(refused.map((s) => s.step)).toEqual(['use-foi', 'close-request', 'change-route']);
    expect(refused[0]).toMatchObject({ foiProfileId: 'foi-scotland', explanation: expect.stringMatching(/20 working days/) });
    expect(stepsAfterMonitoringOfficerDecision({ accepted: false }, 'england-and-wales')[0]!.foiProfileId).toBe('foi');
  });
});

import { describe, expect, it } from 'vitest';
import { assessNeedToKnow, foiAlternative, monitoringOfficerReferral, recordMonitoringOfficerDecision, type NeedToKnowInput } from '../../../shared/domain/need-to-know';
import { builtInProfile } from '../../../shared/domain/profiles';

const good: NeedToKnowInput = {
  capacity: 'ward-member',
  purpose: 'To answer a constituent complaint about flooding',
  route: 'need-to-know',
  justification: 'As ward member I am handling a constituent complaint about repeated flooding at 4 Mill Lane and need the drainage survey to respond.',
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
    const a = assessNeedToKnow({ ...good, justification: 'Please can I have it soon thanks', informationSought: 'report' }, builtInProfile('000'));
    expect(a.verdict).toBe('weak');
    expect(a.checks.filter((c) => !c.passed).map((c) => c.id).sort()).toEqual(['duty', 'specific']);
  });

  it('R-ASK-3 applies to protected material on any route', () => {
    const a = assessNeedToKnow({ ...good, route: 'general', justification: 'just curious', seeksProtectedMaterial: true }, builtInProfile('000'));
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
    expect(assessNeedToKnow({ ...base, meeting: { meetingId: 'm1', agendaItem: 'Item 7: depot disposal' } }, builtInProfile('000')).verdict).toBe('sufficient');
  });

  it('R-ASK-4 under profile 004 protected material needs the Monitoring Officer to accept the need to know', () => {
    const a = assessNeedToKnow({ ...good, seeksProtectedMaterial: true }, builtInProfile('004'));
    expect(a.needsMonitoringOfficerAcceptance).toBe(true);
    expect(assessNeedToKnow({ ...good, seeksProtectedMaterial: true }, builtInProfile('000')).needsMonitoringOfficerAcceptance).toBe(false);
  });

  it('R-ASK-4 a refused case goes forward only as a referral with the reason recorded', () => {
    const refused = assessNeedToKnow({ ...good, justification: 'just interested' }, builtInProfile('000'));
    expect(() => monitoringOfficerReferral(refused, 'x')).toThrow(/Record why/);
    expect(monitoringOfficerReferral(refused, 'I believe the depot sale affects my ward directly.')).toMatchObject({ kind: 'monitoring-officer-decision', failedChecks: ['duty', 'not-curiosity'] });
    expect(() => monitoringOfficerReferral(assessNeedToKnow(good, builtInProfile('000')), 'no need to refer this one')).toThrow(/does not need/);
    expect(recordMonitoringOfficerDecision({ accepted: true, decidedBy: 'A. Khan, Monitoring Officer', decidedOn: '2026-11-24' }).accepted).toBe(true);
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

import { z } from 'zod';
import { compareIso, formatUk, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
import type { CouncilProfile } from './profiles';

// R-ASK-1 (000 §17.8.1; 003 §4.1, §4.8): the capacities a Member can ask in.
export const CAPACITIES = {
  'ward-member': 'Ward or division member',
  'committee-member': 'Member of a named committee or board',
  'executive-portfolio': 'Executive or cabinet portfolio holder',
  scrutiny: 'Scrutiny',
  'outside-body': 'Representative on an outside body',
  'group-leader': 'Group leader',
  casework: 'Casework for a constituent',
  general: 'General',
} as const;
export type Capacity = keyof typeof CAPACITIES;
export const capacitySchema = z.enum(Object.keys(CAPACITIES) as [Capacity, ...Capacity[]]);

// R-ASK-2 (000 §17.8.3–17.8.6; 002; 004 §11.8–11.9): the routes a request can take.
export const ROUTES = {
  general: 'General information or advice',
  'statutory-inspection': 'Statutory inspection (s.100F LGA 1972)',
  'need-to-know': 'Common-law need to know',
  'casework-personal-data': 'Constituent casework involving personal data',
  foi: 'Freedom of Information / EIR (anyone’s right)',
} as const;
export type Route = keyof typeof ROUTES;
export const routeSchema = z.enum(Object.keys(ROUTES) as [Route, ...Route[]]);

export interface NeedToKnowInput {
  capacity: Capacity | null;
  /** Named committee, board or body for capacities that need one. */
  capacityDetail?: string;
  purpose: string;
  route: Route | null;
  justification: string;
  /** The specific information asked for. */
  informationSought: string;
  /** s.100F: the meeting and agenda item the document relates to. */
  meeting?: { meetingId?: string; agendaItem?: string } | null;
  /** The request concerns confidential, exempt or unclassified material (R-ASK-3 applies whatever the route). */
  seeksProtectedMaterial: boolean;
}

export type CheckId = 'capacity' | 'purpose' | 'route' | 'duty' | 'specific' | 'not-curiosity' | 'not-roving' | 'meeting-item';

export interface CheckResult {
  id: CheckId;
  passed: boolean;
  /** What the test is, in plain words. */
  test: string;
  /** Why it passed or failed, in plain words. */
  detail: string;
}

export type Verdict = 'sufficient' | 'weak' | 'refused';

export interface NeedToKnowAssessment {
  verdict: Verdict;
  checks: CheckResult[];
  /** R-ASK-4/R-ASK-5: what the Member can do next when the case is not sufficient. */
  nextSteps: Array<'send' | 'ask-monitoring-officer' | 'use-foi'>;
  /** R-ASK-4: this request needs the Monitoring Officer to accept the need to know before access. */
  needsMonitoringOfficerAcceptance: boolean;
  summary: string;
}

// Phrases that mark curiosity rather than a duty (000 §17.8.5: "curiosity is not enough").
const CURIOSITY = [
  /\bjust (interested|curious|wondering)\b/i,
  /\bout of (interest|curiosity)\b/i,
  /\bcurious\b/i,
  /\bfor (my )?(own )?interest\b/i,
  /\bnosey\b|\bnosy\b/i,
  /\bwould like to know\b(?!.*\b(because|so that|in order to|to respond|to answer)\b)/i,
];
// "Roving commission" phrasings (000 §17.8.5; 004 §11.9).
const ROVING = [
  /\ball (the )?(documents|papers|files|information|records|emails|correspondence)\b/i,
  /\beverything (on file|you have|held|about|relating)\b/i,
  /\bany and all\b/i,
  /\bevery (document|file|record|email)\b/i,
  /\bwhatever (you have|is held)\b/i,
  /\bcomplete file\b/i,
  /\bentire file\b/i,
];
// Words that name a duty the information serves.
const DUTY =
  /\b(ward|constituent|resident|casework|committee|board|scrutiny|portfolio|cabinet|executive|meeting|agenda|decision|report|represent|respond|complaint|outside body|group|council(lor)? duties|my role|duty|vote)\b/i;

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

const check = (id: CheckId, passed: boolean, test: string, detail: string): CheckResult => ({ id, passed, test, detail });
// A refused case fails one of these; any other failed check only makes it weak.
const FATAL: CheckId[] = ['not-curiosity', 'not-roving'];

// R-ASK-3 (000 §17.8.5; 004 §11.9): the need-to-know test, transparent: each check says which test passed or failed.
export function assessNeedToKnow(input: NeedToKnowInput, profile: CouncilProfile): NeedToKnowAssessment {
  if (!input || typeof input !== 'object') throw new DomainError('invalid-input', 'The request details are missing');
  const justification = (input.justification ?? '').trim();
  const needsJustification = input.route === 'need-to-know' || input.seeksProtectedMaterial;
  const checks: CheckResult[] = [
    ...askingChecks(input),
    ...(needsJustification ? justificationChecks(justification, (input.informationSought ?? '').trim()) : []),
    ...(input.route === 'statutory-inspection' ? [meetingItemCheck(input.meeting)] : []),
  ];
  const failed = checks.filter((c) => !c.passed).map((c) => c.id);
  const verdict: Verdict =
    failed.some((f) => FATAL.includes(f)) || (needsJustification && !justification) ? 'refused' : failed.length ? 'weak' : 'sufficient';
  const needsMonitoringOfficerAcceptance = profile.monitoringOfficerAcceptsNeedToKnow && input.seeksProtectedMaterial;
  const nextSteps: NeedToKnowAssessment['nextSteps'] = verdict === 'sufficient' ? ['send'] : ['ask-monitoring-officer', 'use-foi'];
  const summary = assessmentSummary(verdict, checks, needsMonitoringOfficerAcceptance);
  return { verdict, checks, nextSteps, needsMonitoringOfficerAcceptance, summary };
}

// R-ASK-1, R-ASK-2 (000 §17.8.1, §17.8.3–17.8.6; 003 §4.1, §4.8): every request names its capacity, purpose and route.
function askingChecks(input: NeedToKnowInput): CheckResult[] {
  const needsDetail = !!input.capacity && ['committee-member', 'outside-body'].includes(input.capacity) && !input.capacityDetail?.trim();
  const purposeStated = words(input.purpose ?? '') >= 3;
  return [
    check(
      'capacity',
      !!input.capacity && !needsDetail,
      'Names the capacity you are asking in (R-ASK-1)',
      !input.capacity
        ? 'Choose the capacity you are asking in.'
        : needsDetail
          ? 'Name the committee, board or body.'
          : `Asking as: ${CAPACITIES[input.capacity]}${input.capacityDetail ? ` (${input.capacityDetail})` : ''}.`,
    ),
    check(
      'purpose',
      purposeStated,
      'States the purpose (R-ASK-1)',
      purposeStated ? 'Purpose recorded.' : 'Say in a few words what the information is for.',
    ),
    check(
      'route',
      !!input.route,
      'Chooses a route (R-ASK-2)',
      input.route ? `Route: ${ROUTES[input.route]}.` : 'Choose the route for this request.',
    ),
  ];
}

// R-ASK-3 (000 §17.8.5; 004 §11.9): a duty named, specific information, no mere curiosity and no roving commission.
function justificationChecks(justification: string, sought: string): CheckResult[] {
  const text = `${justification} ${sought}`;
  const curious = CURIOSITY.some((re) => re.test(text));
  const roving = ROVING.some((re) => re.test(text));
  const namesDuty = DUTY.test(justification) && words(justification) >= 6;
  const specific = words(sought) >= 3 && !roving;
  return [
    check(
      'duty',
      namesDuty,
      'Names the duty the information serves',
      namesDuty
        ? 'The justification names a duty.'
        : justification
          ? 'Say which of your duties needs this (for example the ward casework, committee or decision it is for).'
          : 'A justification is needed for this route.',
    ),
    check(
      'specific',
      specific,
      'Asks for specific information',
      specific ? 'The information asked for is specific.' : 'Name the specific documents or facts you need.',
    ),
    check(
      'not-curiosity',
      !curious,
      'Is more than curiosity (000 §17.8.5)',
      curious ? 'Curiosity or general interest is not a need to know.' : 'No sign of mere curiosity.',
    ),
    check(
      'not-roving',
      !roving,
      'Is not a "roving commission" (000 §17.8.5; 004 §11.9)',
      roving
        ? 'Asking for "all documents" or "everything on file" is a roving commission: narrow it to what your duty needs.'
        : 'The request is bounded.',
    ),
  ];
}

// R-ASK-2 (000 §17.8.3–17.8.6; 002; 004 §11.8–11.9): a s.100F inspection names the meeting and the agenda item.
function meetingItemCheck(meeting: NeedToKnowInput['meeting']): CheckResult {
  const linked = !!meeting?.meetingId && !!meeting?.agendaItem?.trim();
  return check(
    'meeting-item',
    linked,
    'Names the meeting and agenda item (s.100F)',
    linked ? 'Linked to a meeting item.' : 'A s.100F inspection must name the meeting and the agenda item the document relates to.',
  );
}

// R-ASK-3, R-ASK-4 (000 §17.8.5; 004 §11.9): the verdict in words, naming the failed tests and what the Member can do next.
function assessmentSummary(verdict: Verdict, checks: CheckResult[], needsMonitoringOfficerAcceptance: boolean): string {
  const failedDetails = (fatalOnly: boolean) =>
    checks
      .filter((c) => !c.passed && (!fatalOnly || FATAL.includes(c.id)))
      .map((c) => c.detail)
      .join(' ');
  if (verdict === 'sufficient')
    return needsMonitoringOfficerAcceptance
      ? 'The need to know is shown. This council also needs the Monitoring Officer to accept it before confidential or exempt information is released (004 §11.9).'
      : 'The need to know is shown.';
  if (verdict === 'weak') return `The case is not yet made: ${failedDetails(false)}`;
  return `This cannot go as a need-to-know request: ${
    failedDetails(true) || 'there is no justification.'
  } You can ask the Monitoring Officer to decide, or make an FOI request.`;
}

// R-ASK-4 (004 §11.9; 002): a refused or weak case goes forward only as a request for the Monitoring Officer's decision, with the reason recorded.
export function monitoringOfficerReferral(
  assessment: NeedToKnowAssessment,
  reason: string,
): { kind: 'monitoring-officer-decision'; reason: string; failedChecks: CheckId[] } {
  if (assessment.verdict === 'sufficient' && !assessment.needsMonitoringOfficerAcceptance) {
    throw new DomainError('invalid-input', 'This request does not need the Monitoring Officer’s decision.');
  }
  if (reason.trim().length < 10)
    throw new DomainError('invalid-input', 'Record why you are asking the Monitoring Officer to decide (at least a sentence).');
  return {
    kind: 'monitoring-officer-decision',
    reason: reason.trim(),
    failedChecks: assessment.checks.filter((c) => !c.passed).map((c) => c.id),
  };
}

// R-ASK-4 (004 §11.9): the Monitoring Officer's decision, who made it and when.
export interface MonitoringOfficerDecision {
  accepted: boolean;
  decidedBy: string;
  decidedOn: string;
  note?: string;
}

// R-ASK-4 (004 §11.9; 002): records accepted or refused, by whom and when: not before the referral was made, and not after today.
export function recordMonitoringOfficerDecision(
  decision: MonitoringOfficerDecision,
  referral?: { referredOn: IsoDate } | null,
  today?: IsoDate,
): MonitoringOfficerDecision {
  if (!decision || typeof decision.accepted !== 'boolean')
    throw new DomainError('invalid-input', 'Record whether the Monitoring Officer accepted or refused the need to know.');
  const decidedBy = typeof decision.decidedBy === 'string' ? decision.decidedBy.trim() : '';
  if (!decidedBy) throw new DomainError('invalid-input', 'Record who made the decision.');
  if (typeof decision.decidedOn !== 'string' || !decision.decidedOn.trim())
    throw new DomainError('invalid-input', 'Record when the decision was made.');
  parseIsoDate(decision.decidedOn, 'The date of the decision');
  if (today && compareIso(decision.decidedOn, today) > 0)
    throw new DomainError('invalid-input', `The date of the decision (${formatUk(decision.decidedOn)}) is after today.`);
  if (referral && compareIso(decision.decidedOn, referral.referredOn) < 0) {
    throw new DomainError(
      'invalid-input',
      `The decision (${formatUk(decision.decidedOn)}) cannot be before the Monitoring Officer was asked on ${formatUk(referral.referredOn)}.`,
    );
  }
  const note = decision.note?.trim();
  return { accepted: decision.accepted, decidedBy, decidedOn: decision.decidedOn, ...(note ? { note } : {}) };
}

export const AFTER_DECISION_STEPS = {
  proceed: 'Go ahead: the officer can release the information',
  'use-foi': 'Make a Freedom of Information request instead',
  'close-request': 'Close the request',
  'change-route': 'Change the route, for example to general information, and send a new request',
} as const;
export type AfterDecisionStep = keyof typeof AFTER_DECISION_STEPS;

// R-ASK-4 (004 §11.9) and R-ASK-5 (000 §17.8.6): what can follow the decision: accepted, go ahead; refused, FOI (with its own 20-working-day clock), close or change the route.
export function stepsAfterMonitoringOfficerDecision(
  decision: Pick<MonitoringOfficerDecision, 'accepted'>,
  nation: 'england-and-wales' | 'scotland' | 'northern-ireland',
): Array<{ step: AfterDecisionStep; label: string; foiProfileId?: 'foi' | 'foi-scotland'; explanation?: string }> {
  if (decision.accepted) return [{ step: 'proceed', label: AFTER_DECISION_STEPS.proceed }];
  return [
    {
      step: 'use-foi',
      label: AFTER_DECISION_STEPS['use-foi'],
      foiProfileId: nation === 'scotland' ? 'foi-scotland' : 'foi',
      explanation:
        'Anyone can ask under Freedom of Information; the council must answer within 20 working days. FOI answers are public, so exempt material is not released this way.',
    },
    { step: 'close-request', label: AFTER_DECISION_STEPS['close-request'] },
    { step: 'change-route', label: AFTER_DECISION_STEPS['change-route'] },
  ];
}

// R-ASK-5 (000 §17.8.6): when need to know is weak or refused, offer FOI with its own 20-working-day clock.
export function foiAlternative(
  assessment: NeedToKnowAssessment,
  nation: 'england-and-wales' | 'scotland' | 'northern-ireland',
): { offered: boolean; profileId: 'foi' | 'foi-scotland'; explanation: string } {
  const offered = assessment.verdict !== 'sufficient';
  return {
    offered,
    profileId: nation === 'scotland' ? 'foi-scotland' : 'foi',
    explanation: offered
      ? 'Anyone can ask under Freedom of Information; the council must answer within 20 working days. FOI answers are public, so exempt material is not released this way.'
      : 'FOI is not needed: the need to know is shown.',
  };
}

// R-ASK-4 (004 §11.9; 002) and R-ASK-5 (000 §17.8.6): a weak or refused case, or one this council's Monitoring Officer must accept, goes forward only as a referral; FOI is anyone's right and is never tested.
export function needsMonitoringOfficerDecision(
  route: Route | null,
  assessment: Pick<NeedToKnowAssessment, 'verdict' | 'needsMonitoringOfficerAcceptance'>,
): boolean {
  return route !== 'foi' && (assessment.verdict !== 'sufficient' || assessment.needsMonitoringOfficerAcceptance);
}

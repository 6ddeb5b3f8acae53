import { z } from 'zod';
import { addDays, compareIso, isoDateSchema, parseIsoDate, type IsoDate } from './dates';
import { seniorityNames, type Officer, type Seniority } from './directory';
import { capacitySchema, routeSchema } from './need-to-know';
import { countWorkingDays, type HolidayEdits, type Nation } from './calendar';
import { DomainError } from './errors';
import type { CouncilProfile } from './profiles';
import { scopeFor } from './deadlines';

const SENIOR: Seniority[] = ['chief-officer', 'director', 'head-of-service'];

// R-ASK-6 (003 §3.6, §4.6–4.7; 001 §24.4, §24.8(a)): requests go to senior officers; a junior officer warns and suggests the senior one for the service.
export function officerSeniorityWarning(officer: Officer, directory: Officer[], profile: CouncilProfile): { warning: string; suggested: Officer | null } | null {
  if (SENIOR.includes(officer.seniority)) return null;
  const suggested =
    directory
      .filter((o) => o.service === officer.service && SENIOR.includes(o.seniority))
      .sort((a, b) => SENIOR.indexOf(b.seniority) - SENIOR.indexOf(a.seniority))[0] ?? null;
  const rule = profile.seniorOfficersOnly
    ? 'This council’s protocol says requests go through Chief Officers, Directors or Heads of Service, never junior officers.'
    : 'Requests should normally go to a Director or Head of Service.';
  return {
    warning: `${officer.name} is a ${seniorityNames[officer.seniority]}. ${rule}${suggested ? ` For ${officer.service}, ask ${suggested.name} (${suggested.role}).` : ''}`,
    suggested,
  };
}

// R-ASK-7 (000 §17.8.7; 001 §24.8(a)): the Member's own request volume per service and period, nudged when unusually high.
export function requestVolume(
  requests: Array<{ service: string; sentOn: IsoDate }>,
  today: IsoDate,
  periodDays = 30,
): Array<{ service: string; recent: number; typical: number; nudge: string | null }> {
  parseIsoDate(today, 'Today');
  const start = addDays(today, -periodDays);
  const historyStart = addDays(today, -periodDays * 7);
  const byService = new Map<string, { recent: number; history: number }>();
  for (const r of requests) {
    const entry = byService.get(r.service) ?? { recent: 0, history: 0 };
    if (compareIso(r.sentOn, start) > 0 && compareIso(r.sentOn, today) <= 0) entry.recent++;
    else if (compareIso(r.sentOn, historyStart) > 0 && compareIso(r.sentOn, start) <= 0) entry.history++;
    byService.set(r.service, entry);
  }
  // "Unusual" = more than twice the average of the six previous periods, and at least 5 requests.
  return [...byService.entries()]
    .map(([service, { recent, history }]) => {
      const typical = Math.round((history / 6) * 10) / 10;
      const unusual = recent >= 5 && recent > 2 * Math.max(typical, 1);
      return {
        service,
        recent,
        typical,
        nudge: unusual ? `You have sent ${recent} requests to ${service} in the last ${periodDays} days, ${typical === 0 ? 'where you usually send none' : `more than twice your usual ${typical}`}. Officers’ time is limited (000 §17.8.7): could some be combined?` : null,
      };
    })
    .sort((a, b) => b.recent - a.recent);
}

// R-ASK-8 (000 §17.8.9; 001 §24.8(a)–(b)): an agenda-related request creates a notice to the chair / executive member, tracked until sent.
export function chairNoticeFor(request: { id: string; subject: string; meetingId?: string | null; agendaItem?: string | null; mayBeRaisedAtMeeting: boolean }, profile: CouncilProfile): { requestId: string; meetingId: string; agendaItem: string; text: string; sentOn: null } | null {
  if (!profile.chairNoticeForAgendaItems || !request.meetingId || !request.mayBeRaisedAtMeeting) return null;
  const agendaItem = request.agendaItem?.trim() || 'an item on the agenda';
  return {
    requestId: request.id,
    meetingId: request.meetingId,
    agendaItem,
    text: `For information: I have asked officers about "${request.subject}", which relates to ${agendaItem}. I will share what I was given before the meeting.`,
    sentOn: null,
  };
}

// R-ASK-9 (000 §17.13.2): official correspondence uses the Member's council email address.
export function checkCouncilEmail(address: string, councilDomains: string[]): { ok: true } | { ok: false; reason: string } {
  const match = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(address.trim().toLowerCase());
  if (!match) return { ok: false, reason: `"${address}" is not an email address.` };
  const domain = match[1]!;
  const domains = councilDomains.map((d) => d.toLowerCase().replace(/^@/, ''));
  if (domains.length === 0) return { ok: false, reason: 'Set your council’s email domain in Settings first.' };
  if (!domains.some((d) => domain === d || domain.endsWith(`.${d}`))) {
    return { ok: false, reason: `Official requests must come from your council email address (${domains.join(' or ')}), not ${domain} (000 §17.13.2).` };
  }
  return { ok: true };
}

// R-ASK-10 (001 §24.11(a)): everyone copied is recorded; blind copies are refused.
export function checkCopies(copies: { to?: string[]; cc?: string[]; bcc?: string[] }): { ok: true; recorded: string[] } | { ok: false; reason: string } {
  if (copies.bcc && copies.bcc.length > 0) return { ok: false, reason: 'Blind copies are not allowed: everyone copied must be visible to the officer (001 §24.11(a)).' };
  return { ok: true, recorded: [...(copies.cc ?? [])] };
}

// R-ASK-11 (002): information belonging to a third party needs that person's consent before release.
export function thirdPartyConsentStatus(material: { thirdParty?: { name: string; consent: 'not-asked' | 'asked' | 'given' | 'refused' } | null }): { releasable: boolean; reason: string } {
  if (!material.thirdParty) return { releasable: true, reason: 'No third-party information.' };
  const { name, consent } = material.thirdParty;
  return consent === 'given'
    ? { releasable: true, reason: `${name} has consented.` }
    : { releasable: false, reason: `This includes information about ${name}; it needs their consent before release (002). Consent: ${consent.replace('-', ' ')}.` };
}

export const REQUEST_STATUSES = ['awaiting-acknowledgement', 'acknowledged', 'holding', 'answered', 'overdue', 'very-overdue', 'escalated', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const statusNames: Record<RequestStatus, string> = {
  'awaiting-acknowledgement': 'Awaiting acknowledgement',
  acknowledged: 'Acknowledged',
  holding: 'Holding reply',
  answered: 'Answered',
  overdue: 'Overdue',
  'very-overdue': 'Very overdue',
  escalated: 'Escalated',
  closed: 'Closed',
};

export interface LifecycleFacts {
  sentOn: IsoDate;
  acknowledgeBy: IsoDate | null;
  respondBy: IsoDate;
  acknowledgedOn?: IsoDate | null;
  holdingReply?: { receivedOn: IsoDate; promisedBy: IsoDate } | null;
  answeredOn?: IsoDate | null;
  escalatedTo?: EscalationLevel | null;
  closedOn?: IsoDate | null;
}

// R-DUE-5 (000 §17.8.2; 004 §6.5.8): a holding reply's promised date becomes the new target.
export function currentTarget(facts: Pick<LifecycleFacts, 'respondBy' | 'holdingReply'>): IsoDate {
  return facts.holdingReply?.promisedBy ?? facts.respondBy;
}

// R-DUE-4 (000 §17.8.2; 004 §11.10): the request's state, computed from the facts and an injected "today".
export function requestStatus(facts: LifecycleFacts, today: IsoDate, profile: CouncilProfile, nation: Nation, edits?: HolidayEdits): { status: RequestStatus; target: IsoDate; workingDaysLate: number } {
  parseIsoDate(today, 'Today');
  parseIsoDate(facts.sentOn, 'The sent date');
  const target = currentTarget(facts);
  if (facts.closedOn) return { status: 'closed', target, workingDaysLate: 0 };
  if (facts.answeredOn) return { status: 'answered', target, workingDaysLate: 0 };
  const scope = scopeFor(profile, nation);
  const late = compareIso(today, target) > 0 ? countWorkingDays(target, today, scope, edits) : 0;
  const ackLate = !facts.acknowledgedOn && !facts.holdingReply && facts.acknowledgeBy && compareIso(today, facts.acknowledgeBy) > 0 ? countWorkingDays(facts.acknowledgeBy, today, scope, edits) : 0;
  const lateness = Math.max(late, ackLate);
  if (lateness > 0) {
    if (facts.escalatedTo) return { status: 'escalated', target, workingDaysLate: lateness };
    return { status: lateness > profile.veryOverdueAfterWorkingDays ? 'very-overdue' : 'overdue', target, workingDaysLate: lateness };
  }
  if (facts.escalatedTo) return { status: 'escalated', target, workingDaysLate: 0 };
  if (facts.holdingReply) return { status: 'holding', target, workingDaysLate: 0 };
  if (facts.acknowledgedOn) return { status: 'acknowledged', target, workingDaysLate: 0 };
  return { status: 'awaiting-acknowledgement', target, workingDaysLate: 0 };
}

export const ESCALATION_LEVELS = ['officer', 'head-of-service', 'chief-executive', 'monitoring-officer'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const escalationNames: Record<EscalationLevel, string> = {
  officer: 'the officer',
  'head-of-service': 'the Head of Service or Director',
  'chief-executive': 'the Chief Executive',
  'monitoring-officer': 'the Monitoring Officer',
};

// R-DUE-4 (000 §17.8.2; 004 §11.10): escalation goes officer -> head of service/director -> chief executive, and to the Monitoring Officer when needed information is not forthcoming.
export function nextEscalation(current: EscalationLevel | null, informationWithheld: boolean): { level: EscalationLevel; explanation: string } {
  if (informationWithheld) {
    return { level: 'monitoring-officer', explanation: 'Information you need for your duties is not forthcoming: ask the Monitoring Officer to intervene (004 §11.10).' };
  }
  const order: EscalationLevel[] = ['officer', 'head-of-service', 'chief-executive'];
  const index = current ? order.indexOf(current) : 0;
  if (current === 'monitoring-officer' || index >= order.length - 1) {
    return { level: 'monitoring-officer', explanation: 'The Chief Executive has been asked; the Monitoring Officer is the last step (004 §11.10).' };
  }
  const level = order[index + 1]!;
  return { level, explanation: `Chase the request with ${escalationNames[level]} (000 §17.8.2).` };
}

export function assertHoldingReplyDate(promisedBy: IsoDate, sentOn: IsoDate): void {
  if (compareIso(promisedBy, sentOn) < 0) throw new DomainError('invalid-input', 'The promised date is before the request was sent.');
}

const text = (max: number) => z.string().max(max, { error: `You can enter up to ${max.toLocaleString('en-GB')} characters` });

/** A request as the Member writes it (R-ASK-1 capacity and purpose, R-ASK-2 route, R-ASK-3 justification). */
export const requestDraftSchema = z.object({
  subject: z.string().trim().min(3, { error: 'Give the request a short subject' }).max(200, { error: 'The subject can be at most 200 characters' }),
  informationSought: text(4000),
  capacity: capacitySchema.nullable(),
  capacityDetail: text(200).optional(),
  purpose: text(1000),
  route: routeSchema.nullable(),
  justification: text(4000),
  officerId: z.string().min(1, { error: 'Choose the officer' }),
  ward: text(120),
  meetingId: z.string().nullable(),
  agendaItem: text(200).nullable(),
  mayBeRaisedAtMeeting: z.boolean(),
  seeksProtectedMaterial: z.boolean(),
  fromEmail: z.string().trim().max(200, { error: 'The address can be at most 200 characters' }),
  copies: z.array(z.string().trim().email({ error: 'Each copied address must be an email address' })).max(20, { error: 'At most 20 people can be copied' }),
  blindCopies: z.array(z.string()).max(20),
  sentOn: isoDateSchema,
  memberOnly: z.boolean(),
  /** R-ASK-4: a refused or weak case goes to the Monitoring Officer with this reason. */
  monitoringOfficerReason: text(2000).optional(),
});
export type RequestDraft = z.infer<typeof requestDraftSchema>;

/** What happened to a request after it was sent, each on the day it happened. */
export const requestEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledged'), on: isoDateSchema, note: text(2000) }),
  z.object({ type: z.literal('holding'), on: isoDateSchema, note: text(2000), promisedBy: isoDateSchema }),
  z.object({ type: z.literal('answered'), on: isoDateSchema, note: text(4000) }),
  z.object({ type: z.literal('chased'), on: isoDateSchema, note: text(2000) }),
  z.object({ type: z.literal('escalated'), on: isoDateSchema, note: text(2000), informationWithheld: z.boolean() }),
  z.object({ type: z.literal('mo-decision'), on: isoDateSchema, note: text(2000), accepted: z.boolean(), decidedBy: z.string().trim().min(1, { error: 'Say who decided' }) }),
]);
export type RequestEvent = z.infer<typeof requestEventSchema>;

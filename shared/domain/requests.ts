import { addDays, assertIsoDate, compareIso, formatUk, parseIsoDate, type IsoDate } from './dates';
import { seniorityNames, type Officer, type Seniority } from './directory';
import { countWorkingDays, type HolidayEdits, type Nation } from './calendar';
import { DomainError } from './errors';
import type { CouncilProfile } from './profiles';
import { effectiveTargets, scopeFor } from './deadlines';
import { checkEventDate, effectiveTimeline, entryId, type TimelineEntry } from './timeline';
import { requestLifecycleState } from './request-lifecycle';
import { valuesOf } from './named-values';
import { emailDomainOf } from './email';
import { ESCALATION_LEVELS, type EscalationLevel, type StoredRequest, type StoredTimelineEntry } from './request-records';

const SENIOR: Seniority[] = ['chief-officer', 'director', 'head-of-service'];

// R-ASK-6 (003 §3.6, §4.6–4.7; 001 §24.4, §24.8(a)): requests go to senior officers; a junior officer warns and suggests the senior one for the service.
export function officerSeniorityWarning(
  officer: Officer,
  directory: Officer[],
  profile: CouncilProfile,
): { warning: string; suggested: Officer | null } | null {
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
        nudge: unusual
          ? `You have sent ${recent} requests to ${service} in the last ${periodDays} days, ${typical === 0 ? 'where you usually send none' : `more than twice your usual ${typical}`}. Officers’ time is limited (000 §17.8.7): could some be combined?`
          : null,
      };
    })
    .sort((a, b) => b.recent - a.recent);
}

// R-ASK-8 (000 §17.8.9; 001 §24.8(a)–(b)): an agenda-related request creates a notice to the chair / executive member, tracked until sent.
export function chairNoticeFor(
  request: { id: string; subject: string; meetingId?: string | null; agendaItem?: string | null; mayBeRaisedAtMeeting: boolean },
  profile: CouncilProfile,
): { requestId: string; meetingId: string; agendaItem: string; text: string; sentOn: null } | null {
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

// Free and ISP mail providers: never a council's domain (000 §17.13.2). Families such as gmx.* match any ending below.
export const PERSONAL_EMAIL_PROVIDERS = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.co.uk',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'live.co.uk',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aol.co.uk',
  'protonmail.com',
  'protonmail.ch',
  'proton.me',
  'pm.me',
  'btinternet.com',
  'btopenworld.com',
  'sky.com',
  'virginmedia.com',
  'blueyonder.co.uk',
  'ntlworld.com',
  'talktalk.net',
  'tiscali.co.uk',
  'zoho.com',
  'mail.com',
  'fastmail.com',
  'hushmail.com',
  'tutanota.com',
] as const;
const PERSONAL_FAMILIES = /^(gmx|yahoo|hotmail|outlook|live|aol|web|freenet)\.(com|net|org|co\.uk|org\.uk|[a-z]{2})$/;
// Shared endings under which anyone can register: a council's domain is below one of these, never one of them.
const PUBLIC_SUFFIXES = new Set([
  'gov.uk',
  'co.uk',
  'org.uk',
  'ac.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
  'sch.uk',
  'nhs.uk',
  'police.uk',
  'mod.uk',
  'gov.scot',
  'gov.wales',
  'llyw.cymru',
]);

// R-ASK-9 (000 §17.13.2): whether a domain belongs to a personal email provider.
export function isPersonalEmailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  return PERSONAL_EMAIL_PROVIDERS.some((p) => d === p || d.endsWith(`.${p}`)) || PERSONAL_FAMILIES.test(d);
}

// R-ASK-9 (000 §17.13.2): the council's email domain must be a real domain name and not a personal provider; returns it tidied (lower case, no "@").
export function checkCouncilDomain(input: unknown): { ok: true; domain: string } | { ok: false; reason: string } {
  if (typeof input !== 'string' || !input.trim())
    return { ok: false, reason: 'Enter your council’s email domain, for example wiltshire.gov.uk.' };
  const domain = input.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  if (/\s/.test(domain)) return { ok: false, reason: 'The email domain cannot contain spaces.' };
  if (domain.includes('@')) return { ok: false, reason: 'Enter only the part after the @, for example wiltshire.gov.uk.' };
  // Mail servers use the ASCII form of accented names (punycode, starting xn--); shared code has no converter.
  if (/[^\x00-\x7f]/.test(domain))
    return {
      ok: false,
      reason: 'Write the domain in plain letters. For a domain with accents, use the form your IT team gives, which starts “xn--”.',
    };
  const labels = domain.split('.');
  const tld = labels.at(-1)!;
  const labelOk = (l: string) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l);
  if (
    labels.length < 2 ||
    domain.length > 253 ||
    !labels.every(labelOk) ||
    !(/^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]{2,59}$/.test(tld))
  ) {
    return {
      ok: false,
      reason: `"${input.trim()}" is not a domain name. It should look like wiltshire.gov.uk: words separated by dots, ending in letters.`,
    };
  }
  if (isPersonalEmailDomain(domain)) {
    return {
      ok: false,
      reason: `${domain} is a personal email provider, not your council’s. Use the domain of your council email address (000 §17.13.2).`,
    };
  }
  if (PUBLIC_SUFFIXES.has(domain))
    return {
      ok: false,
      reason: `${domain} is shared by many organisations. Enter your council’s own domain, for example wiltshire.gov.uk.`,
    };
  return { ok: true, domain };
}

const underDomain = (domain: string, council: string) => domain === council || domain.endsWith(`.${council}`);

// R-ASK-9 (000 §17.13.2): official correspondence uses the Member's council email address.
export function checkCouncilEmail(address: string, councilDomains: string[]): { ok: true } | { ok: false; reason: string } {
  if (!address.trim()) return { ok: false, reason: 'Enter your council email address.' };
  const domain = emailDomainOf(address);
  if (!domain) return { ok: false, reason: `"${address.trim()}" is not an email address.` };
  const domains = councilDomains.map((d) => checkCouncilDomain(d)).flatMap((c) => (c.ok ? [c.domain] : []));
  if (domains.length === 0) return { ok: false, reason: 'Set your council’s email domain in Settings first.' };
  if (!domains.some((d) => underDomain(domain, d))) {
    const personal = isPersonalEmailDomain(domain) ? ' That is a personal address.' : '';
    return {
      ok: false,
      reason: `Official requests must come from your council email address (${domains.join(' or ')}), not ${domain}.${personal} (000 §17.13.2)`,
    };
  }
  return { ok: true };
}

// R-ASK-9 (000 §17.13.2): an officer's address checked against the council's domain, for the form to show as it is typed; null when fine or not yet checkable.
export function officerEmailWarning(address: string, councilDomain: string | null | undefined): string | null {
  const trimmed = (address ?? '').trim();
  if (!trimmed) return null;
  const domain = emailDomainOf(trimmed);
  if (!domain) return 'Enter the officer’s email address, like name@council.gov.uk.';
  if (isPersonalEmailDomain(domain))
    return `${domain} is a personal email provider. Use the officer’s council email address (000 §17.13.2).`;
  const council = councilDomain ? checkCouncilDomain(councilDomain) : null;
  if (!council?.ok) return null;
  if (!underDomain(domain, council.domain))
    return `This address is not at your council’s domain (${council.domain}). Check it is the officer’s council email address.`;
  return null;
}

// R-ASK-10 (001 §24.11(a)): everyone copied is recorded; blind copies are refused.
export function checkCopies(copies: {
  to?: string[];
  cc?: string[];
  bcc?: string[];
}): { ok: true; recorded: string[] } | { ok: false; reason: string } {
  if (copies.bcc && copies.bcc.length > 0)
    return { ok: false, reason: 'Blind copies are not allowed: everyone copied must be visible to the officer (001 §24.11(a)).' };
  return { ok: true, recorded: [...(copies.cc ?? [])] };
}

// R-ASK-11 (002): information belonging to a third party needs that person's consent before release.
export function thirdPartyConsentStatus(material: {
  thirdParty?: { name: string; consent: 'not-asked' | 'asked' | 'given' | 'refused' } | null;
}): { releasable: boolean; reason: string } {
  if (!material.thirdParty) return { releasable: true, reason: 'No third-party information.' };
  const { name, consent } = material.thirdParty;
  return consent === 'given'
    ? { releasable: true, reason: `${name} has consented.` }
    : {
        releasable: false,
        reason: `This includes information about ${name}; it needs their consent before release (002). Consent: ${consent.replace('-', ' ')}.`,
      };
}

export const statusNames = {
  'awaiting-acknowledgement': 'Awaiting acknowledgement',
  acknowledged: 'Acknowledged',
  holding: 'Holding reply',
  answered: 'Answered',
  overdue: 'Overdue',
  'very-overdue': 'Very overdue',
  escalated: 'Escalated',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
} as const satisfies Record<string, string>;
export const REQUEST_STATUSES = valuesOf(statusNames);
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface LifecycleFacts {
  sentOn: IsoDate;
  acknowledgeBy: IsoDate | null;
  respondBy: IsoDate;
  acknowledgedOn?: IsoDate | null;
  holdingReply?: { receivedOn: IsoDate; promisedBy: IsoDate } | null;
  answeredOn?: IsoDate | null;
  escalatedTo?: EscalationLevel | null;
  closedOn?: IsoDate | null;
  withdrawnOn?: IsoDate | null;
}

// R-DUE-5 (000 §17.8.2; 004 §6.5.8): a holding reply's promised date becomes the new target.
export function currentTarget(facts: Pick<LifecycleFacts, 'respondBy' | 'holdingReply'>): IsoDate {
  return facts.holdingReply?.promisedBy ?? facts.respondBy;
}

// R-DUE-4 (000 §17.8.2; 004 §11.10): the request's state, computed from the facts and an injected "today".
export function requestStatus(
  facts: LifecycleFacts,
  today: IsoDate,
  profile: CouncilProfile,
  nation: Nation,
  edits?: HolidayEdits,
): { status: RequestStatus; target: IsoDate; workingDaysLate: number } {
  assertIsoDate(today, 'Today');
  assertIsoDate(facts.sentOn, 'The sent date');
  const target = currentTarget(facts);
  if (facts.withdrawnOn) return { status: 'withdrawn', target, workingDaysLate: 0 };
  if (facts.closedOn) return { status: 'closed', target, workingDaysLate: 0 };
  if (facts.answeredOn) return { status: 'answered', target, workingDaysLate: 0 };
  const scope = scopeFor(profile, nation);
  const late = compareIso(today, target) > 0 ? countWorkingDays(target, today, scope, edits) : 0;
  const ackLate =
    !facts.acknowledgedOn && !facts.holdingReply && facts.acknowledgeBy && compareIso(today, facts.acknowledgeBy) > 0
      ? countWorkingDays(facts.acknowledgeBy, today, scope, edits)
      : 0;
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

export const escalationNames: Record<EscalationLevel, string> = {
  officer: 'the officer',
  'head-of-service': 'the Head of Service or Director',
  'chief-executive': 'the Chief Executive',
  'monitoring-officer': 'the Monitoring Officer',
};

/** Who is asked at each level, as a role the Member recognises. */
export const escalationRoles: Record<EscalationLevel, string> = {
  officer: 'Officer',
  'head-of-service': 'Head of Service or Director',
  'chief-executive': 'Chief Executive',
  'monitoring-officer': 'Monitoring Officer',
};

/** Who holds each role above the service, by the words of their role in the directory. */
const HOLDER_ROLES: Partial<Record<EscalationLevel, RegExp>> = {
  'chief-executive': /chief\s+exec/i,
  'monitoring-officer': /monitoring\s+officer/i,
};

// R-DUE-4 (000 §17.8.2; 004 §11.10): escalation goes officer -> head of service/director -> chief executive, and to the Monitoring Officer when needed information is not forthcoming; suggests the person from the directory where it can.
export function nextEscalation(
  current: EscalationLevel | null,
  informationWithheld: boolean,
  context: { directory?: readonly Officer[]; service?: string } = {},
): { level: EscalationLevel; role: string; explanation: string; suggested: Officer | null } {
  const suggest = (level: EscalationLevel): Officer | null => {
    if (!context.directory) return null;
    if (level !== 'head-of-service') {
      // Above the service, the holder is found by what their role says (the directory has no "chief executive" seniority).
      const role = HOLDER_ROLES[level];
      return role ? (context.directory.find((o) => role.test(o.role)) ?? null) : null;
    }
    if (!context.service) return null;
    const senior = context.directory.filter(
      (o) => o.service === context.service && (o.seniority === 'head-of-service' || o.seniority === 'director'),
    );
    return senior.find((o) => o.seniority === 'head-of-service') ?? senior[0] ?? null;
  };
  const result = (level: EscalationLevel, explanation: string) => ({
    level,
    role: escalationRoles[level],
    explanation,
    suggested: suggest(level),
  });
  if (informationWithheld) {
    return result(
      'monitoring-officer',
      'Information you need for your duties is not forthcoming: ask the Monitoring Officer to intervene (004 §11.10).',
    );
  }
  const order: EscalationLevel[] = ['officer', 'head-of-service', 'chief-executive'];
  const index = current ? order.indexOf(current) : 0;
  if (current === 'monitoring-officer' || index >= order.length - 1) {
    return result('monitoring-officer', 'The Chief Executive has been asked; the Monitoring Officer is the last step (004 §11.10).');
  }
  const level = order[index + 1]!;
  return result(level, `Chase the request with ${escalationNames[level]} (000 §17.8.2).`);
}

export interface EscalationEntry extends TimelineEntry {
  type: 'escalated';
  level: EscalationLevel;
  /** The person escalated to, and their role. */
  to: string;
  role: string;
  informationWithheld: boolean;
}

// R-DUE-4 (000 §17.8.2; 004 §11.10): an escalation names the person it went to and moves up the ladder, never down or sideways.
export function recordEscalation(
  request: { sentOn: IsoDate; escalatedTo: EscalationLevel | null },
  input: { on: IsoDate; level: EscalationLevel; to: string; informationWithheld?: boolean; note?: string },
  today: IsoDate,
  recordedAt?: string,
): EscalationEntry {
  const on = checkEventDate(input?.on, request, today, 'The escalation date');
  if (!(ESCALATION_LEVELS as readonly string[]).includes(input.level))
    throw new DomainError(
      'invalid-input',
      'Choose who the request was escalated to: Head of Service or Director, Chief Executive or Monitoring Officer.',
    );
  if (input.level === 'officer') throw new DomainError('invalid-input', 'Chasing the officer is recorded as a chase, not an escalation.');
  const to = (input.to ?? '').trim();
  if (!to) throw new DomainError('invalid-input', `Name the ${escalationRoles[input.level]} you escalated to.`);
  const current = request.escalatedTo ? ESCALATION_LEVELS.indexOf(request.escalatedTo) : 0;
  if (ESCALATION_LEVELS.indexOf(input.level) <= current) {
    throw new DomainError(
      'refused',
      `This request has already gone to ${escalationNames[request.escalatedTo!]}. Escalate to someone further up.`,
    );
  }
  const role = escalationRoles[input.level];
  return {
    type: 'escalated',
    on,
    level: input.level,
    to,
    role,
    informationWithheld: !!input.informationWithheld,
    note: input.note?.trim() || `Escalated to ${to} (${role}).`,
    ...(recordedAt ? { recordedAt } : {}),
  };
}

// R-ASK-8 (000 §17.8.9; 001 §24.8(a)–(b)): sending the chair notice records to whom and when, once, and puts it on the timeline.
export function recordChairNoticeSent(
  notice: { sentOn: IsoDate | null } | null,
  sent: { to: string; on: IsoDate },
  request: { sentOn: IsoDate },
  today: IsoDate,
  recordedAt?: string,
): { sentOn: IsoDate; sentTo: string; entry: TimelineEntry & { type: 'chair-notice-sent'; to: string } } {
  if (!notice) throw new DomainError('invalid-input', 'This request has no notice for the chair.');
  if (notice.sentOn) throw new DomainError('refused', `The notice was already sent on ${formatUk(notice.sentOn)}.`);
  const to = (sent?.to ?? '').trim();
  if (!to) throw new DomainError('invalid-input', 'Say who the notice was sent to (the chair or executive member).');
  const on = checkEventDate(sent.on, request, today, 'The date the notice was sent');
  return {
    sentOn: on,
    sentTo: to,
    entry: { type: 'chair-notice-sent', on, to, note: `Notice sent to ${to}.`, ...(recordedAt ? { recordedAt } : {}) },
  };
}

/** The notes written on a request's timeline, in order, as one text (shown and searched with the list). */
export const requestNotes = (r: { events: readonly TimelineEntry[] }): string =>
  r.events.flatMap((e) => (e.note ? [e.note] : [])).join(' ');

/** What a request is stored with, as far as its status needs. */
export interface RequestForStatus {
  sentOn: IsoDate;
  acknowledgeBy: IsoDate | null;
  respondBy: IsoDate;
  events: readonly TimelineEntry[];
  escalatedTo?: EscalationLevel | null;
}

// R-DUE-4, R-DUE-5 (000 §17.8.2; 004 §6.5.8, §11.10): the facts a status is worked out from, taken from the corrected timeline: the holding reply's promise is the target; withdrawn and closed come from the lifecycle entries.
export function lifecycleFromEvents(request: RequestForStatus): LifecycleFacts {
  const timeline = effectiveTimeline(request.events);
  const first = (type: string) => timeline.find((e) => e.type === type)?.on ?? null;
  const targets = effectiveTargets(
    { acknowledgeBy: request.acknowledgeBy, respondBy: request.respondBy },
    timeline as Array<TimelineEntry & { promisedBy?: IsoDate }>,
  );
  const ending = requestLifecycleState(request.events);
  const escalations = timeline.filter(
    (e): e is typeof e & { level: EscalationLevel } => e.type === 'escalated' && typeof (e as { level?: unknown }).level === 'string',
  );
  const escalatedTo = escalations.length
    ? escalations.map((e) => e.level).sort((a, b) => ESCALATION_LEVELS.indexOf(b) - ESCALATION_LEVELS.indexOf(a))[0]!
    : (request.escalatedTo ?? null);
  // A reopened request is open again, so only an answer entered after the reopening ends it.
  const reopenedAt = request.events.map((e) => e.type).lastIndexOf('reopened');
  const afterReopening = new Set(request.events.flatMap((e, i) => (i > reopenedAt ? [entryId(e, i)] : [])));
  const answered = timeline.find((e) => e.type === 'answered' && afterReopening.has(e.id))?.on ?? null;
  return {
    sentOn: request.sentOn,
    acknowledgeBy: request.acknowledgeBy,
    respondBy: request.respondBy,
    acknowledgedOn: first('acknowledged'),
    holdingReply: targets.holdingReply,
    answeredOn: answered,
    escalatedTo,
    closedOn: ending.state === 'closed' ? ending.since : null,
    withdrawnOn: ending.state === 'withdrawn' ? ending.since : null,
  };
}

// R-DUE-5 (000 §17.8.2; 004 §6.5.8): a promised date before the holding reply, or before the request was sent, is refused.
export function assertHoldingReplyDate(promisedBy: IsoDate, sentOn: IsoDate, receivedOn?: IsoDate): void {
  parseIsoDate(promisedBy, 'The promised date');
  if (receivedOn && compareIso(promisedBy, receivedOn) < 0)
    throw new DomainError('invalid-input', 'The promised date cannot be before the holding reply.');
  if (compareIso(promisedBy, sentOn) < 0) throw new DomainError('invalid-input', 'The promised date is before the request was sent.');
}

// The request's stored shapes live in request-records.ts (and the draft in request-draft.ts); they are
// named here too, where callers have always found them.
export { requestDraftSchema, type RequestDraft } from './request-draft';
export {
  DRAFT_KINDS,
  ESCALATION_LEVELS,
  draftKindSchema,
  requestEventSchema,
  storedRequestSchema,
  timelineEntrySchema,
  type DraftKind,
  type EscalationLevel,
  type RequestEvent,
  type StoredRequest,
  type StoredTimelineEntry,
} from './request-records';

// R-ASK-4, R-ASK-8, R-DUE-4 (004 §11.9; 000 §17.8.9; 000 §17.8.2): the Monitoring Officer's decision, the
// escalations and the chair notice kept beside the timeline follow its corrections, so the follow-up
// panel and Today never show a value the timeline has corrected.
export function followUpAfterCorrections(
  request: Pick<StoredRequest, 'events' | 'moReferral' | 'escalations' | 'chairNotice'>,
): Pick<StoredRequest, 'moReferral' | 'escalations' | 'chairNotice'> {
  const effective = new Map(effectiveTimeline(request.events as TimelineEntry[]).map((e) => [e.id, e as unknown as StoredTimelineEntry]));
  const stored = request.events.map((e, index) => effective.get(entryId(e as TimelineEntry, index))).filter((e) => e !== undefined);
  const decision = stored.filter((e) => e.type === 'mo-decision').at(-1);
  const escalated = stored.filter((e) => e.type === 'escalated');
  const notice = stored.filter((e) => e.type === 'emailed').find((e) => e.kind === 'chair-notice');
  return {
    moReferral:
      request.moReferral && decision
        ? { ...request.moReferral, decision: { accepted: decision.accepted, decidedBy: decision.decidedBy, on: decision.on } }
        : request.moReferral,
    escalations: request.escalations?.map((e, i) => {
      const entry = escalated[i];
      return entry ? { ...e, on: entry.on, to: entry.to ?? e.to } : e;
    }),
    chairNotice:
      request.chairNotice && notice
        ? { ...request.chairNotice, sentOn: notice.on, sentTo: notice.to ?? request.chairNotice.sentTo }
        : request.chairNotice,
  };
}

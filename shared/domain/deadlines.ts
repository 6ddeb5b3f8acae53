import { addWorkingDays, assertNation, NO_EDITS, type HolidayEdits, type HolidayScope, type Nation } from './calendar';
import { compareIso, formatUk, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
import { checkEventDate } from './timeline';
import { builtInProfile, type CouncilProfile } from './profiles';

export interface DueDates {
  acknowledgeBy: IsoDate | null;
  respondBy: IsoDate;
  /** "How this was worked out", in plain English, line by line. */
  explanation: string[];
  /** The profile and calendar in force, recorded on the request (R-DUE-1, R-DUE-3). */
  basis: { profileId: string; profileName: string; nation: Nation; holidayScope: HolidayScope['kind'] };
}

export function scopeFor(profile: CouncilProfile, nation: Nation): HolidayScope {
  return profile.holidayScope === 'any-uk-nation' ? { kind: 'any-uk-nation' } : { kind: 'nation', nation };
}

// R-DUE-1 (000 §17.8.2; 001 §24.5; 003 §4.3; 004 §6.5.8; FOIA s.10): acknowledgement and answer deadlines from the profile, in working days.
export function computeDueDates(
  receivedOn: IsoDate,
  profile: CouncilProfile,
  nationInput: Nation,
  edits: HolidayEdits = NO_EDITS,
): DueDates {
  parseIsoDate(receivedOn, 'The date received');
  const nation = assertNation(nationInput);
  const scope = scopeFor(profile, nation);
  const explanation = [
    `Profile: ${profile.name} (${profile.source}).`,
    scope.kind === 'any-uk-nation'
      ? 'Working days exclude weekends and a bank holiday in any part of the UK (FOIA s.10).'
      : `Working days exclude weekends and the bank holidays of ${nation === 'england-and-wales' ? 'England and Wales' : nation === 'scotland' ? 'Scotland' : 'Northern Ireland'}.`,
  ];
  let acknowledgeBy: IsoDate | null = null;
  if (profile.acknowledgeWorkingDays !== null) {
    const ack = addWorkingDays(receivedOn, profile.acknowledgeWorkingDays, scope, edits);
    acknowledgeBy = ack.dueDate;
    explanation.push(
      `Acknowledgement or holding reply: ${profile.acknowledgeWorkingDays} working days.`,
      ...ack.explanation.map((l) => `  ${l}`),
    );
  }
  const answer = addWorkingDays(receivedOn, profile.respondWorkingDays, scope, edits);
  explanation.push(`Full answer: ${profile.respondWorkingDays} working days.`, ...answer.explanation.map((l) => `  ${l}`));
  return {
    acknowledgeBy,
    respondBy: answer.dueDate,
    explanation,
    basis: { profileId: profile.id, profileName: profile.name, nation, holidayScope: scope.kind },
  };
}

export interface DatedRequest {
  id: string;
  sentOn: IsoDate;
  acknowledgeBy: IsoDate | null;
  respondBy: IsoDate;
  nation: Nation;
  profile: CouncilProfile;
}

// R-DUE-3: due dates are fixed when sent; a calendar change lists the affected requests and recomputes only on acceptance.
export function requestsAffectedByCalendarChange(
  requests: DatedRequest[],
  newEdits: HolidayEdits,
): Array<{
  id: string;
  before: { acknowledgeBy: IsoDate | null; respondBy: IsoDate };
  after: { acknowledgeBy: IsoDate | null; respondBy: IsoDate };
}> {
  const changes = [];
  for (const r of requests) {
    const after = computeDueDates(r.sentOn, r.profile, r.nation, newEdits);
    if (after.respondBy !== r.respondBy || after.acknowledgeBy !== r.acknowledgeBy) {
      changes.push({
        id: r.id,
        before: { acknowledgeBy: r.acknowledgeBy, respondBy: r.respondBy },
        after: { acknowledgeBy: after.acknowledgeBy, respondBy: after.respondBy },
      });
    }
  }
  return changes;
}

// R-DUE-5 (000 §17.8.2; 004 §6.5.8): a holding reply records what is happening and a promised date, which becomes the new target.
// With `context`, the reply's own date is checked too: not after today, not before the request was sent.
export function applyHoldingReply(
  current: { respondBy: IsoDate },
  reply: { receivedOn: IsoDate; whatIsHappening: string; promisedBy: IsoDate },
  context?: { sentOn: IsoDate; today: IsoDate },
): { respondBy: IsoDate; note: string } {
  parseIsoDate(reply.receivedOn, 'The holding reply date');
  parseIsoDate(reply.promisedBy, 'The promised date');
  if (context) checkEventDate(reply.receivedOn, context, context.today, 'The holding reply date');
  if (!reply.whatIsHappening.trim()) throw new DomainError('invalid-input', 'A holding reply must say what is happening (004 §6.5.8).');
  if (compareIso(reply.promisedBy, reply.receivedOn) < 0)
    throw new DomainError('invalid-input', 'The promised date cannot be before the holding reply.');
  return {
    respondBy: reply.promisedBy,
    note: `Holding reply: ${reply.whatIsHappening.trim()} New target ${formatUk(reply.promisedBy)} (was ${formatUk(current.respondBy)}).`,
  };
}

export interface EffectiveTargets {
  acknowledgeBy: IsoDate | null;
  /** The answer is due by this day: the holding reply's promised date when there is one. */
  respondBy: IsoDate;
  /** The date worked out when the request was sent, kept for "how this was worked out". */
  computedRespondBy: IsoDate;
  holdingReply: { receivedOn: IsoDate; promisedBy: IsoDate } | null;
  explanation: string | null;
}

// R-DUE-5 (000 §17.8.2; 004 §6.5.8): the target follows the most recent holding reply's promised date (a later reply replaces an earlier promise); without one, the computed date.
export function effectiveTargets(
  computed: { acknowledgeBy: IsoDate | null; respondBy: IsoDate },
  events: ReadonlyArray<{ type: string; on: IsoDate; promisedBy?: IsoDate }>,
): EffectiveTargets {
  parseIsoDate(computed.respondBy, 'The answer date');
  let latest: { receivedOn: IsoDate; promisedBy: IsoDate } | null = null;
  for (const e of events) {
    if (e.type !== 'holding') continue;
    parseIsoDate(e.on, 'The holding reply date');
    parseIsoDate(e.promisedBy, 'The promised date');
    if (compareIso(e.promisedBy!, e.on) < 0)
      throw new DomainError('invalid-input', 'The promised date cannot be before the holding reply.');
    // Same-day replies: the one entered later wins, as events are in entry order within a day.
    if (!latest || compareIso(e.on, latest.receivedOn) >= 0) latest = { receivedOn: e.on, promisedBy: e.promisedBy! };
  }
  return {
    acknowledgeBy: computed.acknowledgeBy,
    respondBy: latest?.promisedBy ?? computed.respondBy,
    computedRespondBy: computed.respondBy,
    holdingReply: latest,
    explanation: latest
      ? `The officer’s holding reply of ${formatUk(latest.receivedOn)} promised an answer by ${formatUk(latest.promisedBy)}; that is now the target (it was ${formatUk(computed.respondBy)}).`
      : null,
  };
}

// R-DUE-1 (FOIA s.10; FOISA s.10): an FOI/EIR request runs on its own 20-working-day clock, whatever the council's protocol says.
export function profileForRoute(route: string | null, inForce: CouncilProfile, nation: Nation): CouncilProfile {
  if (route !== 'foi') return inForce;
  return builtInProfile(nation === 'scotland' ? 'foi-scotland' : 'foi');
}

/** The council facts a request's deadlines are worked out from: the same inputs in main (to save) and on screen (to preview). */
export interface CalendarInForce {
  profile: CouncilProfile;
  nation: Nation;
  holidayEdits: HolidayEdits;
}

// R-DUE-1, R-DUE-2 (FOIA s.10; 000 §17.8.2): a request's deadlines when sent, with the holiday edits in force.
export function dueDatesForRequest(draft: { sentOn: IsoDate; route: string | null }, council: CalendarInForce): DueDates {
  return computeDueDates(draft.sentOn, profileForRoute(draft.route, council.profile, council.nation), council.nation, council.holidayEdits);
}

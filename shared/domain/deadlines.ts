import { addWorkingDays, assertNation, NO_EDITS, type HolidayEdits, type HolidayScope, type Nation } from './calendar';
import { compareIso, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
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
export function computeDueDates(receivedOn: IsoDate, profile: CouncilProfile, nationInput: Nation, edits: HolidayEdits = NO_EDITS): DueDates {
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
    explanation.push(`Acknowledgement or holding reply: ${profile.acknowledgeWorkingDays} working days.`, ...ack.explanation.map((l) => `  ${l}`));
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
export function requestsAffectedByCalendarChange(requests: DatedRequest[], newEdits: HolidayEdits): Array<{ id: string; before: { acknowledgeBy: IsoDate | null; respondBy: IsoDate }; after: { acknowledgeBy: IsoDate | null; respondBy: IsoDate } }> {
  const changes = [];
  for (const r of requests) {
    const after = computeDueDates(r.sentOn, r.profile, r.nation, newEdits);
    if (after.respondBy !== r.respondBy || after.acknowledgeBy !== r.acknowledgeBy) {
      changes.push({ id: r.id, before: { acknowledgeBy: r.acknowledgeBy, respondBy: r.respondBy }, after: { acknowledgeBy: after.acknowledgeBy, respondBy: after.respondBy } });
    }
  }
  return changes;
}

// R-DUE-5 (000 §17.8.2; 004 §6.5.8): a holding reply records what is happening and a promised date, which becomes the new target.
export function applyHoldingReply(current: { respondBy: IsoDate }, reply: { receivedOn: IsoDate; whatIsHappening: string; promisedBy: IsoDate }): { respondBy: IsoDate; note: string } {
  parseIsoDate(reply.receivedOn, 'The holding reply date');
  parseIsoDate(reply.promisedBy, 'The promised date');
  if (!reply.whatIsHappening.trim()) throw new DomainError('invalid-input', 'A holding reply must say what is happening (004 §6.5.8).');
  if (compareIso(reply.promisedBy, reply.receivedOn) < 0) throw new DomainError('invalid-input', 'The promised date cannot be before the holding reply.');
  return { respondBy: reply.promisedBy, note: `Holding reply: ${reply.whatIsHappening.trim()} New target ${reply.promisedBy} (was ${current.respondBy}).` };
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

import { randomUUID } from 'node:crypto';
import { applyHoldingReply, computeDueDates, dueDatesForRequest, profileForRoute } from '../../../shared/domain/deadlines';
import { assessNeedToKnow, monitoringOfficerReferral, needsMonitoringOfficerDecision } from '../../../shared/domain/need-to-know';
import type { CouncilProfile } from '../../../shared/domain/profiles';
import { chairNoticeFor, checkCopies, checkCouncilEmail, nextEscalation } from '../../../shared/domain/requests';
import { compareIso } from '../../../shared/domain/dates';
import type { HolidayEdits } from '../../../shared/domain/calendar';
import type { RequestDraft, RequestEvent } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/ipc/errors';
import type { CouncilSettingsService } from './council-settings-service';
import type { StoredRequest } from './record-schemas';
import type { RecordsRepository } from './records-repository';

/** Sending a request and recording what happens to it. Every asking rule is checked again here. */
export class RequestCommands {
  constructor(
    private readonly records: RecordsRepository,
    private readonly council: CouncilSettingsService,
    private readonly today: () => string,
  ) {}

  /** Checks a draft against every asking rule; returns the officer and what the rules said. Throws 'refused' with reasons. */
  private vet(draft: RequestDraft, profile: CouncilProfile) {
    // Only an officer: the id of a meeting, material or anything else is refused.
    const officer = this.records.get('officer', draft.officerId);
    if (!officer) throw new AppError('invalid-input', 'Choose an officer from the directory.');
    if (draft.meetingId !== null && !this.records.get('meeting', draft.meetingId)) throw new AppError('invalid-input', 'Choose the meeting from the list.');
    const problems: string[] = [];
    const domain = this.council.get().emailDomain;
    // R-ASK-9 and R-ASK-10: council address only, no blind copies.
    const email = checkCouncilEmail(draft.fromEmail, domain ? [domain] : []);
    if (!email.ok) problems.push(email.reason);
    const copies = checkCopies({ cc: draft.copies, bcc: draft.blindCopies });
    if (!copies.ok) problems.push(copies.reason);
    const assessment = assessNeedToKnow({ ...draft, meeting: draft.meetingId ? { meetingId: draft.meetingId, agendaItem: draft.agendaItem ?? '' } : null }, profile);
    // R-ASK-4: a refused or weak case may only go forward as a request for the Monitoring Officer's decision.
    let moReferral: StoredRequest['moReferral'] = null;
    if (needsMonitoringOfficerDecision(draft.route, assessment)) {
      if (draft.monitoringOfficerReason?.trim()) {
        try {
          moReferral = { reason: monitoringOfficerReferral(assessment, draft.monitoringOfficerReason).reason, decision: null };
        } catch (error) {
          problems.push(error instanceof Error && error.name === 'DomainError' ? error.message : 'The reason for the Monitoring Officer could not be accepted.');
        }
      } else {
        problems.push(assessment.summary);
      }
    }
    if (problems.length) throw new AppError('refused', problems.join(' '));
    return { officer, assessment, moReferral };
  }

  /** Returns the new request's id. */
  create(draft: RequestDraft): string {
    const council = this.council.get();
    const calendar = { profile: this.council.profile(), nation: council.nation, holidayEdits: this.council.holidayEdits() };
    const profile = profileForRoute(draft.route, calendar.profile, calendar.nation);
    const { officer, assessment, moReferral } = this.vet(draft, profile);
    const id = randomUUID();
    // R-DUE-1/R-DUE-3: due dates fixed now, with the profile and calendar in force recorded on the request (the same function the screen previews with).
    const due = dueDatesForRequest(draft, calendar);
    const count = this.records.count('request');
    const notice = chairNoticeFor({ id, subject: draft.subject, meetingId: draft.meetingId, agendaItem: draft.agendaItem, mayBeRaisedAtMeeting: draft.mayBeRaisedAtMeeting }, profile);
    const { blindCopies: _none, ...kept } = draft;
    this.records.save('request', {
      ...kept,
      id,
      reference: `NTK-${draft.sentOn.slice(0, 4)}-${String(count + 1).padStart(5, '0')}`,
      officerName: officer.name,
      service: officer.service,
      events: [],
      acknowledgeBy: due.acknowledgeBy,
      respondBy: due.respondBy,
      explanation: due.explanation,
      profile,
      nation: council.nation,
      verdict: assessment.verdict,
      assessmentSummary: assessment.summary,
      chairNotice: notice ? { text: notice.text, sentOn: null } : null,
      moReferral,
      escalatedTo: null,
    });
    return id;
  }

  /** Returns the request's id. */
  logEvent(id: string, event: RequestEvent): string {
    const request = this.records.require('request', id);
    if (compareIso(event.on, request.sentOn) < 0) throw new AppError('invalid-input', 'That date is before the request was sent.');
    if (event.type === 'holding') {
      // R-DUE-5: the promised date becomes the target.
      applyHoldingReply({ respondBy: request.respondBy }, { receivedOn: event.on, whatIsHappening: event.note, promisedBy: event.promisedBy });
    }
    if (event.type === 'escalated') request.escalatedTo = nextEscalation(request.escalatedTo, event.informationWithheld).level;
    if (event.type === 'mo-decision') {
      if (!request.moReferral) throw new AppError('invalid-input', 'This request was not referred to the Monitoring Officer.');
      request.moReferral.decision = { accepted: event.accepted, decidedBy: event.decidedBy, on: event.on };
    }
    request.events.push(event);
    this.records.save('request', request);
    return id;
  }

  /** Returns the request's id. */
  markChairNoticeSent(id: string, on: string): string {
    const request = this.records.require('request', id);
    if (!request.chairNotice) throw new AppError('not-found', 'This request has no chair notice.');
    request.chairNotice.sentOn = on;
    this.records.save('request', request);
    return id;
  }

  /** Member only: saves the holiday edits and recomputes only the requests the user accepted (R-DUE-3). */
  saveHolidays(edits: HolidayEdits, recompute: string[]): { edits: HolidayEdits; recomputed: number } {
    const saved = this.council.setHolidayEdits(edits);
    return { edits: saved, recomputed: this.recomputeDueDates(recompute, saved) };
  }

  /** R-DUE-3: recomputes only the requests the user accepted, noting it in each explanation. */
  private recomputeDueDates(ids: string[], edits: HolidayEdits): number {
    let count = 0;
    for (const id of ids) {
      const r = this.records.get('request', id);
      if (!r) continue;
      const due = computeDueDates(r.sentOn, r.profile, r.nation, edits);
      if (due.respondBy === r.respondBy && due.acknowledgeBy === r.acknowledgeBy) continue;
      const note = `Recomputed on ${this.today()} after the holiday list changed (was: answer by ${r.respondBy}).`;
      this.records.save('request', { ...r, acknowledgeBy: due.acknowledgeBy, respondBy: due.respondBy, explanation: [...due.explanation, note] });
      count++;
    }
    return count;
  }
}

import { randomUUID } from 'node:crypto';
import { formatUk } from '../../../shared/domain/dates';
import { agendaItemProblem } from '../../../shared/domain/directory';
import { computeDueDates, dueDatesForRequest, profileForRoute } from '../../../shared/domain/deadlines';
import { assessNeedToKnow, monitoringOfficerReferral, needsMonitoringOfficerDecision } from '../../../shared/domain/need-to-know';
import type { CouncilProfile } from '../../../shared/domain/profiles';
import {
  assertHoldingReplyDate,
  chairNoticeFor,
  checkCopies,
  checkCouncilEmail,
  followUpAfterCorrections,
  nextEscalation,
} from '../../../shared/domain/requests';
import { checkEventDate, correctTimelineEntry, type CorrectableField, type TimelineEntry } from '../../../shared/domain/timeline';
import {
  closeRequest,
  editRequest,
  reopenRequest,
  requestLifecycleState,
  withdrawRequest,
  type CloseOutcome,
} from '../../../shared/domain/request-lifecycle';
import type { HolidayEdits } from '../../../shared/domain/calendar';
import type { RequestDraft, RequestEvent } from '../../../shared/domain/requests';
import { recordTier } from '../../../shared/domain/record-tier';
import { AppError, describeZodError } from '../../../shared/ipc/errors';
import { newRequestSchema } from '../../../shared/domain/request-draft';
import type { CouncilSettingsService } from './council-settings-service';
import type { StoredRequest, StoredTimelineEntry } from '../../../shared/domain/requests';
import type { RecordsRepository } from './records-repository';

/** Sending a request and recording what happens to it. Every asking rule is checked again here. */
export class RequestCommands {
  constructor(
    private readonly records: RecordsRepository,
    private readonly council: CouncilSettingsService,
    private readonly today: () => string,
    private readonly now: () => Date,
  ) {}

  /** Checks a draft against every asking rule; returns the officer and what the rules said. Throws 'refused' with reasons. */
  private vet(draft: RequestDraft, profile: CouncilProfile) {
    // Only an officer: the id of a meeting, material or anything else is refused.
    const officer = this.records.get('officer', draft.officerId);
    if (!officer) throw new AppError('invalid-input', 'Choose an officer from the directory.');
    // A retired officer or meeting keeps its history but is not chosen for anything new (shared/domain/directory.ts).
    if (officer.retiredOn)
      throw new AppError(
        'refused',
        `${officer.name} has been retired from the officers directory. Choose another officer, or reinstate them on Officers and meetings.`,
      );
    const meeting = draft.meetingId !== null ? this.records.get('meeting', draft.meetingId) : undefined;
    if (draft.meetingId !== null && !meeting) throw new AppError('invalid-input', 'Choose the meeting from the list.');
    if (meeting?.retiredOn) throw new AppError('refused', retiredMeeting(meeting));
    const problems: string[] = [];
    const item = meeting ? agendaItemProblem(meeting, draft.agendaItem) : null;
    if (item) problems.push(item);
    const domain = this.council.get().emailDomain;
    // R-ASK-9 and R-ASK-10: council address only, no blind copies.
    const email = checkCouncilEmail(draft.fromEmail, domain ? [domain] : []);
    if (!email.ok) problems.push(email.reason);
    const copies = checkCopies({ cc: draft.copies, bcc: draft.blindCopies });
    if (!copies.ok) problems.push(copies.reason);
    const assessment = assessNeedToKnow(
      { ...draft, meeting: draft.meetingId ? { meetingId: draft.meetingId, agendaItem: draft.agendaItem ?? '' } : null },
      profile,
    );
    // R-ASK-4: a refused or weak case may only go forward as a request for the Monitoring Officer's decision.
    let moReferral: StoredRequest['moReferral'] = null;
    if (needsMonitoringOfficerDecision(draft.route, assessment)) {
      if (draft.monitoringOfficerReason?.trim()) {
        try {
          moReferral = { reason: monitoringOfficerReferral(assessment, draft.monitoringOfficerReason).reason, decision: null };
        } catch (error) {
          problems.push(
            error instanceof Error && error.name === 'DomainError'
              ? error.message
              : 'The reason for the Monitoring Officer could not be accepted.',
          );
        }
      } else {
        problems.push(assessment.summary);
      }
    }
    if (problems.length) throw new AppError('refused', problems.join(' '));
    return { officer, assessment, moReferral };
  }

  /** Returns the new request's id. */
  create(input: RequestDraft): string {
    // The form's own checks, again with main's today: a request dated after today is refused here too.
    const parsed = newRequestSchema(this.today()).safeParse(input);
    if (!parsed.success) throw new AppError('invalid-input', describeZodError(parsed.error));
    const draft = parsed.data;
    const council = this.council.get();
    const calendar = { profile: this.council.profile(), nation: council.nation, holidayEdits: this.council.holidayEdits() };
    const profile = profileForRoute(draft.route, calendar.profile, calendar.nation);
    const { officer, assessment, moReferral } = this.vet(draft, profile);
    const id = randomUUID();
    // R-DUE-1/R-DUE-3: due dates fixed now, with the profile and calendar in force recorded on the request (the same function the screen previews with).
    const due = dueDatesForRequest(draft, calendar);
    const count = this.records.count('request');
    const notice = chairNoticeFor(
      {
        id,
        subject: draft.subject,
        meetingId: draft.meetingId,
        agendaItem: draft.agendaItem,
        mayBeRaisedAtMeeting: draft.mayBeRaisedAtMeeting,
      },
      profile,
    );
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

  /** Returns the request's id. Impossible dates are refused with the reason (R-DUE-4); an ended request takes nothing new until reopened. */
  logEvent(id: string, event: RequestEvent): string {
    const request = this.records.require('request', id);
    const today = this.today();
    // An email the Member says was sent is a fact whatever the state; anything else waits for a reopening.
    if (event.type !== 'emailed') this.assertOpen(request);
    // R-DUE-4: nothing is recorded as happening after today or before the request was sent.
    event = { ...event, on: checkEventDate(event.on, request, today, 'The date it happened') };
    if (event.type === 'holding') {
      // R-DUE-5: the promise is checked here; it becomes the target wherever the status is worked out (lifecycleFromEvents).
      assertHoldingReplyDate(event.promisedBy, request.sentOn, event.on);
      if (!event.note.trim()) throw new AppError('invalid-input', 'Say what the holding reply says is happening.');
    }
    if (event.type === 'escalated') request.escalatedTo = nextEscalation(request.escalatedTo, event.informationWithheld).level;
    if (event.type === 'mo-decision') {
      if (!request.moReferral) throw new AppError('invalid-input', 'This request was not referred to the Monitoring Officer.');
      request.moReferral.decision = { accepted: event.accepted, decidedBy: event.decidedBy, on: event.on };
    }
    return this.append(request, event);
  }

  /** R-ASK-1: changes what may change after sending; the old and new values are kept on the timeline. Returns the id. */
  edit(id: string, changes: Record<string, unknown>, reason?: string): string {
    const request = this.records.require('request', id);
    const meetingBefore = request.meetingId;
    const { entry, updated } = editRequest(request, changes, this.today(), { reason });
    if (typeof updated.meetingId === 'string') {
      const meeting = this.records.get('meeting', updated.meetingId);
      if (!meeting) throw new AppError('invalid-input', 'Choose the meeting from the list.');
      // The meeting it already names stays; moving it to a retired one is a new choice.
      if (meeting.retiredOn && updated.meetingId !== meetingBefore) throw new AppError('refused', retiredMeeting(meeting));
    }
    // A changed meeting or item must still name an item on that meeting's agenda (an untouched one stays as sent).
    if ('meetingId' in updated || 'agendaItem' in updated) {
      const merged = { ...request, ...updated } as StoredRequest;
      const meeting = merged.meetingId ? this.records.get('meeting', merged.meetingId) : undefined;
      const problem = meeting ? agendaItemProblem(meeting, merged.agendaItem) : null;
      if (problem) throw new AppError('invalid-input', `${problem} Nothing was saved.`);
    }
    return this.append(Object.assign(request, updated), entry);
  }

  /** R-DUE-4: withdraws the request with the reason; it leaves Today's counts. Returns the id. */
  withdraw(id: string, input: { on: string; reason: string }): string {
    const request = this.records.require('request', id);
    return this.append(request, withdrawRequest(request, input, this.today()));
  }

  /** R-DUE-4: closes the request as answered or no longer needed. Returns the id. */
  close(id: string, input: { on: string; outcome: CloseOutcome; note?: string }): string {
    const request = this.records.require('request', id);
    return this.append(request, closeRequest(request, input, this.today()));
  }

  /** R-DUE-4: reopens a withdrawn or closed request with the reason. Returns the id. */
  reopen(id: string, input: { on: string; reason: string }): string {
    const request = this.records.require('request', id);
    return this.append(request, reopenRequest(request, input, this.today()));
  }

  /** R-DUE-5: records a correction of one entry (the entry itself is never changed; the audit log names the request). Returns the id. */
  correctEvent(id: string, input: { entryId: string; changes: Partial<Record<CorrectableField, string>>; reason: string }): string {
    const request = this.records.require('request', id);
    const correction = correctTimelineEntry(
      request.events,
      { corrects: input.entryId, changes: input.changes, reason: input.reason },
      request,
      this.today(),
    );
    Object.assign(request, followUpAfterCorrections({ ...request, events: [...request.events, correction] }));
    this.append(request, correction);
    // The audit trail keeps who corrected what and when, beside the correction on the timeline.
    this.records.audit(id, 'timeline-corrected', recordTier('request', id, request), {
      entryId: correction.corrects,
      fields: correction.changes.map((c) => c.label).join(', '),
      reason: correction.reason,
    });
    return id;
  }

  private assertOpen(request: StoredRequest): void {
    const { state } = requestLifecycleState(request.events);
    if (state !== 'open') throw new AppError('refused', `This request is ${state}. Reopen it before recording anything new.`);
  }

  /**
   * Appends one entry with its own id and entry time from the injected clock (so corrections can
   * name it and same-day entries keep their order), and saves. Every timeline entry goes through here;
   * a PA's is marked as the PA's (the vault refuses a PA's entry without the mark).
   */
  append(request: StoredRequest, entry: TimelineEntry | RequestEvent | StoredTimelineEntry): string {
    const { by: _claimed, ...given } = entry as typeof entry & { by?: unknown };
    const by = this.records.isMember ? {} : { by: 'pa' as const };
    request.events.push({ ...given, ...by, id: randomUUID(), recordedAt: this.now().toISOString() } as StoredRequest['events'][number]);
    this.records.save('request', request);
    return request.id;
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
      this.records.save('request', {
        ...r,
        acknowledgeBy: due.acknowledgeBy,
        respondBy: due.respondBy,
        explanation: [...due.explanation, note],
      });
      count++;
    }
    return count;
  }
}

const retiredMeeting = (m: { committee: string; date: string }) =>
  `The ${m.committee} meeting of ${formatUk(m.date)} has been retired. Choose another meeting, or reinstate it on Officers and meetings.`;

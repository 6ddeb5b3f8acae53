import { nextEscalation, recordChairNoticeSent, recordEscalation, type RequestEvent } from '../../../shared/domain/requests';
import { recordMonitoringOfficerDecision, stepsAfterMonitoringOfficerDecision } from '../../../shared/domain/need-to-know';
import { checkEventDate } from '../../../shared/domain/timeline';
import { offeredForNewChoices } from '../../../shared/domain/directory';
import type { z } from 'zod';
import type { chairNoticeInputSchema, escalateInputSchema, FollowUpView, moDecisionInputSchema } from '../../../shared/ipc/follow-up';
import { AppError } from '../../../shared/ipc/errors';
import type { StoredRequest } from '../../../shared/domain/requests';
import type { RecordsRepository } from './records-repository';
import type { RequestCommands } from './request-commands';
import type { RequestQueries } from './request-queries';
import type { MeetingModeService } from './meeting-mode-service';
import { withoutMoAdviceInReferral } from '../../../shared/ipc/mo-advice';

const LATE = new Set(['overdue', 'very-overdue', 'escalated']);

/**
 * What happens to a request after it is sent beyond logging replies: the Monitoring
 * Officer's decision (R-ASK-4, R-ASK-5), escalation to a named person (R-DUE-4) and the chair notice
 * (R-ASK-8). Kept apart from RequestCommands; every date and person is checked here by the domain.
 */
export class RequestFollowUp {
  constructor(
    private readonly records: RecordsRepository,
    private readonly commands: RequestCommands,
    private readonly queries: RequestQueries,
    private readonly today: () => string,
    /** R-USE-1: the meeting mode, which hides the Monitoring Officer's advice. */
    private readonly modes: Pick<MeetingModeService, 'get'>,
  ) {}

  view(id: string): FollowUpView {
    const request = this.records.require('request', id);
    const row = this.queries.detail(id).row;
    // Never suggest escalating to the officer who was asked in the first place.
    // Nor anyone retired from the directory: they are not chosen for anything new.
    const directory = offeredForNewChoices(this.records.list('officer')).filter((o) => o.id !== request.officerId);
    const offer = (withheld: boolean) => {
      const next = nextEscalation(request.escalatedTo, withheld, { directory, service: request.service });
      const person = next.suggested;
      return {
        level: next.level,
        role: next.role,
        explanation: next.explanation,
        officerId: person?.id ?? null,
        name: person?.name ?? null,
      };
    };
    const referral = request.moReferral;
    return {
      moReferral: withoutMoAdviceInReferral(
        referral
          ? {
              reason: referral.reason,
              withheld: null,
              referredOn: this.referredOn(request),
              decision: referral.decision,
              steps: referral.decision ? stepsAfterMonitoringOfficerDecision(referral.decision, request.nation) : [],
            }
          : null,
        this.modes.get(),
      ),
      chairNotice: request.chairNotice
        ? { text: request.chairNotice.text, sentOn: request.chairNotice.sentOn, sentTo: request.chairNotice.sentTo ?? null }
        : null,
      escalation: {
        overdue: row.workingDaysLate > 0 && LATE.has(row.status),
        history: (request.escalations ?? []).map(({ on, level, to, role }) => ({ on, level, to, role })),
        next: offer(false),
        withheld: offer(true),
      },
    };
  }

  // R-ASK-4 (004 §11.9): the decision records accepted or refused, who decided and when: not before the referral, not after today.
  recordMoDecision(input: z.infer<typeof moDecisionInputSchema>): FollowUpView {
    const request = this.records.require('request', input.id);
    if (!request.moReferral) throw new AppError('invalid-input', 'This request was not referred to the Monitoring Officer.');
    // A decision entered wrongly, or changed on review, is recorded again with the reason; the first stays on the timeline.
    if (request.moReferral.decision && input.note.trim().length < 3)
      throw new AppError(
        'invalid-input',
        'A decision is already recorded. To change it, record the new decision with a note saying why (the first stays on the timeline).',
      );
    const decision = recordMonitoringOfficerDecision(
      { accepted: input.accepted, decidedBy: input.decidedBy, decidedOn: input.on, note: input.note },
      { referredOn: this.referredOn(request) },
      this.today(),
    );
    request.moReferral.decision = { accepted: decision.accepted, decidedBy: decision.decidedBy, on: decision.decidedOn };
    const note = decision.note ?? `${decision.accepted ? 'Accepted' : 'Refused'} by ${decision.decidedBy}.`;
    this.commands.append(request, {
      type: 'mo-decision',
      on: decision.decidedOn,
      note,
      accepted: decision.accepted,
      decidedBy: decision.decidedBy,
    });
    return this.view(input.id);
  }

  // R-DUE-4 (000 §17.8.2; 004 §11.10): one step up the ladder (main decides the level, never the page), to a named person.
  escalate(input: z.infer<typeof escalateInputSchema>): FollowUpView {
    const request = this.records.require('request', input.id);
    let to = input.name.trim();
    if (input.officerId !== null) {
      const officer = this.records.get('officer', input.officerId);
      if (!officer)
        throw new AppError('not-found', 'That person is not in the officers directory. Choose someone from it or type their name.');
      if (officer.retiredOn)
        throw new AppError(
          'refused',
          `${officer.name} has been retired from the officers directory. Choose someone else or type their name.`,
        );
      to = officer.name;
    }
    const level = nextEscalation(request.escalatedTo, input.informationWithheld).level;
    const entry = recordEscalation(
      { sentOn: request.sentOn, escalatedTo: request.escalatedTo },
      { on: input.on, level, to, informationWithheld: input.informationWithheld, note: input.note },
      this.today(),
    );
    request.escalatedTo = entry.level;
    request.escalations = [
      ...(request.escalations ?? []),
      { on: entry.on, level: entry.level, to: entry.to, role: entry.role, informationWithheld: entry.informationWithheld },
    ];
    // The stored timeline entry keeps the person in its note, so every screen and report that lists the timeline shows it.
    const note = input.note.trim() ? `To ${entry.to} (${entry.role}): ${input.note.trim()}` : `Escalated to ${entry.to} (${entry.role}).`;
    this.commands.append(request, {
      type: 'escalated',
      on: entry.on,
      note,
      informationWithheld: entry.informationWithheld,
      level: entry.level,
      to: entry.to,
      role: entry.role,
    });
    return this.view(input.id);
  }

  // R-ASK-8 (000 §17.8.9; 001 §24.8(a)–(b)): the notice records to whom and when, once, and shows on the timeline.
  markChairNoticeSent(input: z.infer<typeof chairNoticeInputSchema>): string {
    const request = this.records.require('request', input.id);
    const sent = recordChairNoticeSent(request.chairNotice, { to: input.to, on: input.on }, request, this.today());
    request.chairNotice = { ...request.chairNotice!, sentOn: sent.sentOn, sentTo: sent.sentTo };
    this.commands.append(request, {
      type: 'emailed',
      kind: 'chair-notice',
      on: sent.sentOn,
      note: sent.entry.note ?? `Notice sent to ${sent.sentTo}.`,
      to: sent.sentTo,
    });
    return input.id;
  }

  /** Logging from the general form: the decision and escalations go through their own checks above. */
  logEvent(id: string, event: RequestEvent): string {
    if (event.type === 'mo-decision') {
      this.recordMoDecision({ id, accepted: event.accepted, decidedBy: event.decidedBy, on: event.on, note: event.note });
      return id;
    }
    if (event.type === 'escalated')
      throw new AppError('invalid-input', 'Record an escalation with “Escalate to…” on the request page, so it says who it went to.');
    // R-ASK-8: the chair notice is recorded by its own step, which asks whom it went to and counts it as sent.
    if (event.type === 'emailed' && event.kind === 'chair-notice')
      throw new AppError(
        'invalid-input',
        'Record the chair notice with “Mark the notice as sent” on the request page, so it says who it went to.',
      );
    if (event.type !== 'emailed') checkEventDate(event.on, this.records.require('request', id), this.today(), 'The date it happened');
    return this.commands.logEvent(id, event);
  }

  /** The referral goes with the request, or later by the email the app drafted for it. */
  private referredOn(request: StoredRequest): string {
    const emailed = request.events
      .filter((e) => e.type === 'emailed' && e.kind === 'mo-referral')
      .map((e) => e.on)
      .sort();
    return emailed[0] ?? request.sentOn;
  }
}

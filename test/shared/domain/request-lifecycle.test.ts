import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors';
import { builtInProfile } from '../../../shared/domain/profiles';
import {
  allowedCommands,
  closeRequest,
  editRequest,
  reopenRequest,
  requestLifecycleState,
  withdrawRequest,
  REQUEST_STATES,
} from '../../../shared/domain/request-lifecycle';
import {
  lifecycleFromEvents,
  recordChairNoticeSent,
  recordEscalation,
  requestStatus,
  timelineEntrySchema,
} from '../../../shared/domain/requests';
import { correctTimelineEntry } from '../../../shared/domain/timeline';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { isDueSoon, isOverdue, worklistCounts, type WorklistFacts } from '../../../shared/domain/worklist';

const TODAY = '2026-11-24';
const base = {
  sentOn: '2026-11-02',
  acknowledgeBy: '2026-11-09',
  respondBy: '2026-11-09',
  subject: 'Drainage at Mill Lane',
  copies: ['pa@example-council.gov.uk'],
  mayBeRaisedAtMeeting: false,
  meetingId: null,
  events: [] as TimelineEntry[],
};

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('correcting and ending a request (R-DUE-4)', () => {
  it('R-DUE-4 which commands each state allows', () => {
    expect(REQUEST_STATES.map((s) => [s, allowedCommands(s)])).toEqual([
      ['open', ['edit', 'withdraw', 'close']],
      ['withdrawn', ['reopen']],
      ['closed', ['reopen']],
    ]);
  });

  it('R-ASK-1 an edit returns old -> new for each changed field, in words, and skips unchanged ones', () => {
    const { entry, updated } = editRequest(
      base,
      { subject: '  Drainage at Mill Lane and Mill Close ', copies: ['pa@example-council.gov.uk'], mayBeRaisedAtMeeting: true },
      TODAY,
      { reason: 'Added Mill Close', recordedAt: '2026-11-24T09:00:00Z' },
    );
    expect(updated).toEqual({ subject: 'Drainage at Mill Lane and Mill Close', mayBeRaisedAtMeeting: true });
    expect(entry).toMatchObject({ type: 'edited', on: TODAY, reason: 'Added Mill Close', recordedAt: '2026-11-24T09:00:00Z' });
    expect(entry.changes.map((c) => [c.label, c.fromText, c.toText])).toEqual([
      ['Subject', 'Drainage at Mill Lane', 'Drainage at Mill Lane and Mill Close'],
      ['May be raised at the meeting', 'No', 'Yes'],
    ]);
  });

  it('R-ASK-1 what fixes deadlines or binds material cannot be edited, with the reason in words', () => {
    expect(refusal(() => editRequest(base, { sentOn: '2026-11-01' }, TODAY))).toMatch(/fixes the deadlines/);
    expect(refusal(() => editRequest(base, { capacity: 'scrutiny' }, TODAY))).toMatch(/role you asked in/);
    expect(refusal(() => editRequest(base, { officerId: 'o9' }, TODAY))).toMatch(/officer cannot be changed/);
    expect(refusal(() => editRequest(base, { __proto__x: 1 }, TODAY))).toBe('That cannot be changed after the request was sent.');
    expect(refusal(() => editRequest(base, { toString: 'x', constructor: 'y' }, TODAY))).toBe(
      'That cannot be changed after the request was sent.',
    );
  });

  it('R-ASK-1 odd edits are refused: nothing changed, too short, too long, wrong kinds of value', () => {
    expect(refusal(() => editRequest(base, { subject: 'Drainage at Mill Lane' }, TODAY))).toBe('Nothing has changed.');
    expect(refusal(() => editRequest(base, {}, TODAY))).toBe('Nothing has changed.');
    // The same rule and words as a new request's (the page words them with the form's own label).
    expect(refusal(() => editRequest(base, { subject: 'ab' }, TODAY))).toBe('subject: Too small: expected string to have >=3 characters');
    expect(refusal(() => editRequest(base, { purpose: 'x'.repeat(1001) }, TODAY))).toBe(
      'purpose: Too big: expected string to have <=1000 characters',
    );
    expect(refusal(() => editRequest(base, { mayBeRaisedAtMeeting: 'yes' }, TODAY))).toMatch(/answer yes or no/);
    expect(refusal(() => editRequest(base, { copies: ['pa@example-council.gov.uk', 'not an address'] }, TODAY))).toBe(
      'copies.1: Invalid email address',
    );
    expect(refusal(() => editRequest(base, { subject: 42 }, TODAY))).toMatch(/enter some text/);
  });

  it('R-DUE-4 withdraw needs a reason and a possible date; then only reopen is allowed', () => {
    expect(refusal(() => withdrawRequest(base, { on: TODAY, reason: '' }, TODAY))).toMatch(/why the request is being withdrawn/);
    expect(refusal(() => withdrawRequest(base, { on: '2026-11-30', reason: 'Resolved at surgery' }, TODAY))).toMatch(/after today/);
    const withdrawn = withdrawRequest(base, { on: TODAY, reason: 'Resolved at surgery' }, TODAY);
    const events = [withdrawn];
    expect(requestLifecycleState(events)).toEqual({ state: 'withdrawn', since: TODAY, outcome: null, reason: 'Resolved at surgery' });
    expect(refusal(() => editRequest({ ...base, events }, { subject: 'New subject' }, TODAY))).toBe(
      'This request is withdrawn, so it cannot be changed. Reopen it first.',
    );
    expect(refusal(() => closeRequest({ ...base, events }, { on: TODAY, outcome: 'answered' }, TODAY))).toMatch(
      /withdrawn, so it cannot be closed/,
    );
    const reopened = reopenRequest({ ...base, events }, { on: TODAY, reason: 'Constituent came back' }, TODAY);
    expect(requestLifecycleState([...events, reopened]).state).toBe('open');
    expect(refusal(() => reopenRequest({ ...base, events: [...events, reopened] }, { on: TODAY, reason: 'again' }, TODAY))).toMatch(
      /open, so it cannot be reopened/,
    );
  });

  it('R-DUE-4 close records answered or no longer needed', () => {
    const closed = closeRequest(base, { on: '2026-11-20', outcome: 'abandoned' }, TODAY);
    expect(closed).toMatchObject({ type: 'closed', on: '2026-11-20', outcome: 'abandoned', note: 'No longer needed' });
    expect(refusal(() => closeRequest(base, { on: TODAY, outcome: 'lost' as never }, TODAY))).toMatch(/answered or is no longer needed/);
  });

  it('R-DUE-4 a withdrawn request leaves Today: its status is withdrawn, never overdue', () => {
    const profile = builtInProfile('000');
    const open = requestStatus(lifecycleFromEvents(base), TODAY, profile, 'england-and-wales');
    expect(open.status).toBe('very-overdue');
    const events = [withdrawRequest(base, { on: TODAY, reason: 'Resolved at surgery' }, TODAY)];
    const s = requestStatus(lifecycleFromEvents({ ...base, events }), TODAY, profile, 'england-and-wales');
    expect(s).toMatchObject({ status: 'withdrawn', workingDaysLate: 0 });
    const row: WorklistFacts = {
      locked: false,
      ...s,
      acknowledgeBy: base.acknowledgeBy,
      awaitingMonitoringOfficer: true,
      chairNoticePending: true,
    };
    expect(isOverdue(row)).toBe(false);
    expect(isDueSoon(row, { today: TODAY, until: '2026-11-27' })).toBe(false);
    expect(worklistCounts([row], { today: TODAY, until: '2026-11-27' })).toEqual({
      overdue: 0,
      dueSoon: 0,
      awaitingMonitoringOfficer: 0,
      chairNoticesPending: 0,
    });
  });

  it('R-DUE-4 a closed request reopened counts again; an answer before the reopening no longer ends it', () => {
    const profile = builtInProfile('000');
    const answered: TimelineEntry = { type: 'answered', on: '2026-11-05', note: 'Sent the survey' };
    const closed = closeRequest({ ...base, events: [answered] }, { on: '2026-11-06', outcome: 'answered' }, TODAY);
    expect(requestStatus(lifecycleFromEvents({ ...base, events: [answered, closed] }), TODAY, profile, 'england-and-wales').status).toBe(
      'closed',
    );
    const reopened = reopenRequest(
      { ...base, events: [answered, closed] },
      { on: '2026-11-20', reason: 'The survey was the wrong year' },
      TODAY,
    );
    expect(
      requestStatus(lifecycleFromEvents({ ...base, events: [answered, closed, reopened] }), TODAY, profile, 'england-and-wales').status,
    ).toBe('very-overdue');
    const againAnswered: TimelineEntry = { type: 'answered', on: '2026-11-23', note: 'Right survey' };
    expect(
      requestStatus(
        lifecycleFromEvents({ ...base, events: [answered, closed, reopened, againAnswered] }),
        TODAY,
        profile,
        'england-and-wales',
      ).status,
    ).toBe('answered');
  });
});

describe('stored timeline entries (R-DUE-4)', () => {
  it('R-DUE-4 every entry the commands return is a valid stored timeline entry', () => {
    const holding = { type: 'holding', on: '2026-11-06', note: 'Survey', promisedBy: '2026-11-30' } as TimelineEntry;
    const withdrawn = withdrawRequest(base, { on: TODAY, reason: 'Resolved' }, TODAY, '2026-11-24T10:00:00Z');
    const entries: unknown[] = [
      holding,
      editRequest(base, { subject: 'A better subject' }, TODAY).entry,
      withdrawn,
      reopenRequest({ ...base, events: [withdrawn] }, { on: TODAY, reason: 'Back again' }, TODAY),
      closeRequest(base, { on: TODAY, outcome: 'answered' }, TODAY),
      recordEscalation({ sentOn: base.sentOn, escalatedTo: null }, { on: '2026-11-20', level: 'chief-executive', to: 'Pat Chief' }, TODAY),
      recordChairNoticeSent({ sentOn: null }, { to: 'Cllr Patel', on: '2026-11-05' }, base, TODAY).entry,
      correctTimelineEntry([holding], { corrects: 'entry-1', changes: { promisedBy: '2026-12-02' }, reason: 'Misread' }, base, TODAY),
    ];
    for (const e of entries) expect(timelineEntrySchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
  });

  it('R-DUE-4 an unknown kind or an unreal date is not a stored entry', () => {
    expect(timelineEntrySchema.safeParse({ type: 'deleted', on: TODAY, note: '' }).success).toBe(false);
    expect(timelineEntrySchema.safeParse({ type: 'withdrawn', on: '2026-02-30', note: 'x', reason: 'x' }).success).toBe(false);
    expect(timelineEntrySchema.safeParse({ type: 'closed', on: TODAY, note: 'x', reason: 'x', outcome: 'lost' }).success).toBe(false);
  });
});

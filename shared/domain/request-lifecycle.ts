// Correcting and ending a request: edit, withdraw, close and reopen as a small state machine. Each
// command returns the timeline entry to append (nothing is overwritten: an edit records old -> new),
// and the state is always worked out from the entries, so the history is the truth.
import { parseIsoDate, type IsoDate } from './dates';
import { DomainError, describeIssues } from './errors';
import { checkEventDate, type TimelineEntry } from './timeline';
import { requestFieldSchemas } from './request-draft';

export const REQUEST_STATES = ['open', 'withdrawn', 'closed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const LIFECYCLE_COMMANDS = ['edit', 'withdraw', 'close', 'reopen'] as const;
export type LifecycleCommand = (typeof LIFECYCLE_COMMANDS)[number];
export const CLOSE_OUTCOMES = { answered: 'Answered', abandoned: 'No longer needed' } as const;
export type CloseOutcome = keyof typeof CLOSE_OUTCOMES;

const ALLOWED: Record<RequestState, LifecycleCommand[]> = {
  open: ['edit', 'withdraw', 'close'],
  withdrawn: ['reopen'],
  closed: ['reopen'],
};

export interface LifecycleSummary {
  state: RequestState;
  /** The day it was withdrawn or closed; null while open. */
  since: IsoDate | null;
  outcome: CloseOutcome | null;
  reason: string | null;
}

// R-DUE-4 (000 §17.8.2): open, withdrawn or closed, from the lifecycle entries in the order they were entered.
export function requestLifecycleState(entries: readonly TimelineEntry[]): LifecycleSummary {
  let summary: LifecycleSummary = { state: 'open', since: null, outcome: null, reason: null };
  for (const e of entries) {
    const r = e as TimelineEntry & { reason?: string; outcome?: CloseOutcome };
    if (e.type === 'withdrawn') summary = { state: 'withdrawn', since: e.on, outcome: null, reason: r.reason ?? null };
    else if (e.type === 'closed') summary = { state: 'closed', since: e.on, outcome: r.outcome ?? 'answered', reason: r.reason ?? null };
    else if (e.type === 'reopened') summary = { state: 'open', since: null, outcome: null, reason: null };
  }
  return summary;
}

// R-DUE-4 (000 §17.8.2): which commands a request in this state accepts.
export const allowedCommands = (state: RequestState): LifecycleCommand[] => [...(ALLOWED[state] ?? [])];

const STATE_WORDS: Record<RequestState, string> = { open: 'open', withdrawn: 'withdrawn', closed: 'closed' };
const COMMAND_WORDS: Record<LifecycleCommand, string> = { edit: 'changed', withdraw: 'withdrawn', close: 'closed', reopen: 'reopened' };

function assertAllowed(entries: readonly TimelineEntry[], command: LifecycleCommand): void {
  const { state } = requestLifecycleState(entries);
  if (allowedCommands(state).includes(command)) return;
  const hint = state === 'open' ? '' : ' Reopen it first.';
  throw new DomainError('refused', `This request is ${STATE_WORDS[state]}, so it cannot be ${COMMAND_WORDS[command]}.${hint}`);
}

/** Fields that may change after sending, in the words the screen shows. Others fix deadlines or bind material (R-CLS-4). */
export const EDITABLE_AFTER_SENDING = {
  subject: 'Subject',
  informationSought: 'What you asked for',
  purpose: 'Purpose',
  justification: 'Why you need it',
  capacityDetail: 'Committee, board or body',
  ward: 'Ward',
  meetingId: 'Meeting',
  agendaItem: 'Agenda item',
  mayBeRaisedAtMeeting: 'May be raised at the meeting',
  copies: 'People copied',
} as const;
export type EditableField = keyof typeof EDITABLE_AFTER_SENDING;

const FIXED: Record<string, string> = {
  sentOn: 'The date sent fixes the deadlines, so it cannot be changed. If it is wrong, withdraw this request and record it again.',
  capacity:
    'The role you asked in cannot be changed after sending: what the officer gives is bound to it. Withdraw this request and send a new one.',
  route: 'The route cannot be changed after sending. Withdraw this request and send a new one on the other route.',
  officerId: 'The officer cannot be changed after sending. Escalate the request, or withdraw it and send a new one.',
  fromEmail: 'The address it was sent from cannot be changed after sending.',
  memberOnly: 'Whether the request is Member-only cannot be changed here.',
};

export interface EditChange {
  field: EditableField;
  label: string;
  from: unknown;
  to: unknown;
  /** Both values in words, for the history shown on the request page. */
  fromText: string;
  toText: string;
}
export interface EditedEntry extends TimelineEntry {
  type: 'edited';
  changes: EditChange[];
  reason: string | null;
}

const asText = (v: unknown): string =>
  Array.isArray(v)
    ? v.join(', ') || '(none)'
    : typeof v === 'boolean'
      ? v
        ? 'Yes'
        : 'No'
      : v === null || v === undefined || v === ''
        ? '(none)'
        : String(v);

// The same rule as when the request was made (shared/domain/request-draft), in the same words: an
// address the New request form refuses is refused here too, before anything is saved.
function checked(field: keyof typeof requestFieldSchemas, value: unknown): unknown {
  const result = requestFieldSchemas[field].safeParse(value);
  if (result.success) return result.data;
  throw new DomainError('invalid-input', describeIssues(result.error.issues, [field]));
}

function cleanValue(field: EditableField, value: unknown): unknown {
  const label = EDITABLE_AFTER_SENDING[field];
  if (field === 'mayBeRaisedAtMeeting') {
    if (typeof value !== 'boolean') throw new DomainError('invalid-input', `${label}: answer yes or no.`);
    return value;
  }
  if (field === 'copies') {
    if (!Array.isArray(value) || value.some((c) => typeof c !== 'string'))
      throw new DomainError('invalid-input', `${label}: list the email addresses.`);
    return checked('copies', value.map((c: string) => c.trim()).filter(Boolean));
  }
  if (value === null && (field === 'meetingId' || field === 'agendaItem')) return null;
  if (typeof value !== 'string') throw new DomainError('invalid-input', `${label}: enter some text.`);
  const text = value.trim();
  if (field === 'meetingId') return text || null;
  return checked(field, text);
}

// R-ASK-1 (000 §17.8.1): a sent request's wording can be corrected, each change kept as old -> new; what fixes deadlines or binds material cannot.
export function editRequest(
  request: { sentOn: IsoDate; events: readonly TimelineEntry[] } & Partial<Record<EditableField, unknown>>,
  changes: Record<string, unknown>,
  today: IsoDate,
  options: { reason?: string; recordedAt?: string } = {},
): { entry: EditedEntry; updated: Partial<Record<EditableField, unknown>> } {
  parseIsoDate(today, 'Today');
  assertAllowed(request.events, 'edit');
  if (!changes || typeof changes !== 'object') throw new DomainError('invalid-input', 'Nothing has changed.');
  const list: EditChange[] = [];
  const updated: Partial<Record<EditableField, unknown>> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (Object.hasOwn(FIXED, field)) throw new DomainError('refused', FIXED[field]!);
    if (!Object.hasOwn(EDITABLE_AFTER_SENDING, field))
      throw new DomainError('refused', 'That cannot be changed after the request was sent.');
    const f = field as EditableField;
    const to = cleanValue(f, value);
    const from = request[f] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    list.push({ field: f, label: EDITABLE_AFTER_SENDING[f], from, to, fromText: asText(from), toText: asText(to) });
    updated[f] = to;
  }
  if (list.length === 0) throw new DomainError('invalid-input', 'Nothing has changed.');
  const reason = options.reason?.trim() || null;
  return {
    entry: {
      type: 'edited',
      on: today,
      note: `Changed: ${list.map((c) => c.label.toLowerCase()).join(', ')}.`,
      changes: list,
      reason,
      ...(options.recordedAt ? { recordedAt: options.recordedAt } : {}),
    },
    updated,
  };
}

export interface EndingEntry extends TimelineEntry {
  type: 'withdrawn' | 'closed' | 'reopened';
  reason: string;
  outcome?: CloseOutcome;
}

function ending(
  type: EndingEntry['type'],
  on: unknown,
  reason: string,
  request: { sentOn: IsoDate },
  today: IsoDate,
  recordedAt?: string,
): EndingEntry {
  const date = checkEventDate(on, request, today, 'The date');
  return { type, on: date, reason, note: reason, ...(recordedAt ? { recordedAt } : {}) };
}

// R-DUE-4 (000 §17.8.2): withdrawing says why; a withdrawn request leaves Today's counts and can be reopened.
export function withdrawRequest(
  request: { sentOn: IsoDate; events: readonly TimelineEntry[] },
  input: { on: IsoDate; reason: string },
  today: IsoDate,
  recordedAt?: string,
): EndingEntry {
  assertAllowed(request.events, 'withdraw');
  const reason = (input?.reason ?? '').trim();
  if (reason.length < 3) throw new DomainError('invalid-input', 'Say why the request is being withdrawn.');
  return ending('withdrawn', input.on, reason, request, today, recordedAt);
}

// R-DUE-4 (000 §17.8.2): closing records whether it was answered or is no longer needed.
export function closeRequest(
  request: { sentOn: IsoDate; events: readonly TimelineEntry[] },
  input: { on: IsoDate; outcome: CloseOutcome; note?: string },
  today: IsoDate,
  recordedAt?: string,
): EndingEntry {
  assertAllowed(request.events, 'close');
  if (!input || !Object.hasOwn(CLOSE_OUTCOMES, input.outcome))
    throw new DomainError('invalid-input', 'Say whether it was answered or is no longer needed.');
  const note = input.note?.trim() || CLOSE_OUTCOMES[input.outcome];
  return { ...ending('closed', input.on, note, request, today, recordedAt), outcome: input.outcome };
}

// R-DUE-4 (000 §17.8.2): a withdrawn or closed request can be reopened, with the reason kept.
export function reopenRequest(
  request: { sentOn: IsoDate; events: readonly TimelineEntry[] },
  input: { on: IsoDate; reason: string },
  today: IsoDate,
  recordedAt?: string,
): EndingEntry {
  assertAllowed(request.events, 'reopen');
  const reason = (input?.reason ?? '').trim();
  if (reason.length < 3) throw new DomainError('invalid-input', 'Say why the request is being reopened.');
  return ending('reopened', input.on, reason, request, today, recordedAt);
}

// A request's timeline: what happened and when, in date order, with corrections that keep the
// original. Stored entries are only ever appended; a correction is an entry of its own that names
// the entry it corrects, and the effective (corrected) values are what deadlines are worked out from.
import { compareIso, formatUk, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
import { valuesOf } from './named-values';

export const timelineKindNames = {
  acknowledged: 'Acknowledged',
  holding: 'Holding reply',
  answered: 'Answered',
  chased: 'Chased',
  escalated: 'Escalated',
  'mo-decision': 'Monitoring Officer’s decision',
  'chair-notice-sent': 'Chair told',
  emailed: 'Email sent',
  edited: 'Request changed',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
  reopened: 'Reopened',
  correction: 'Correction',
} as const satisfies Record<string, string>;
export const TIMELINE_KINDS = valuesOf(timelineKindNames);
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What every entry has; kinds add their own fields (promisedBy, to, decidedBy…). */
export interface TimelineEntry {
  /** Stable id; entries stored before ids existed are named by position (see entryId). */
  id?: string;
  type: string;
  /** The day it happened (the effective date used for deadlines). */
  on: IsoDate;
  note?: string;
  /** When it was entered (ISO timestamp): orders same-day entries. */
  recordedAt?: string;
}

/** The fields a correction can change, in the words the screen shows. */
export const CORRECTABLE_FIELDS = {
  on: 'Date',
  promisedBy: 'Promised date',
  note: 'Note',
  to: 'Sent to',
  decidedBy: 'Decided by',
} as const;
export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;

export interface CorrectionEntry extends TimelineEntry {
  type: 'correction';
  /** The id of the entry corrected; that entry itself is never changed. */
  corrects: string;
  reason: string;
  changes: Array<{ field: CorrectableField; label: string; from: string; to: string }>;
}

export const isCorrection = (e: TimelineEntry): e is CorrectionEntry => e.type === 'correction';

/** An entry's id: its own, or its position for entries stored before ids existed. */
export const entryId = (e: TimelineEntry, index: number): string => e.id ?? `entry-${index + 1}`;

// R-DUE-4 (000 §17.8.2): an event cannot happen after today or before the request was sent.
export function checkEventDate(on: unknown, request: { sentOn: IsoDate }, today: IsoDate, what = 'The date'): IsoDate {
  parseIsoDate(today, 'Today');
  parseIsoDate(on, what);
  const date = on as IsoDate;
  if (compareIso(date, today) > 0)
    throw new DomainError('invalid-input', `${what} (${formatUk(date)}) is after today. Record things once they have happened.`);
  if (compareIso(date, request.sentOn) < 0)
    throw new DomainError('invalid-input', `${what} (${formatUk(date)}) is before the request was sent on ${formatUk(request.sentOn)}.`);
  return date;
}

// R-DUE-4 (000 §17.8.2): the timeline in date order; same-day entries in the order they were entered.
export function sortTimeline<E extends TimelineEntry>(entries: readonly E[]): E[] {
  return entries
    .map((e, index) => ({ e, index }))
    .sort(
      (a, b) =>
        compareIso(a.e.on, b.e.on) ||
        (a.e.recordedAt && b.e.recordedAt ? compareIso(a.e.recordedAt, b.e.recordedAt) : 0) ||
        a.index - b.index,
    )
    .map(({ e }) => e);
}

export type EffectiveEntry<E extends TimelineEntry> = E & {
  id: string;
  /** The entry as first recorded, when it has been corrected. */
  original: E | null;
  corrections: CorrectionEntry[];
};

// R-DUE-5 (000 §17.8.2; 004 §6.5.8): entries with their corrections applied (later corrections win), in date order; corrections themselves are listed under the entry they correct.
export function effectiveTimeline<E extends TimelineEntry>(entries: readonly E[]): Array<EffectiveEntry<E>> {
  const byId = new Map<string, EffectiveEntry<E>>();
  const order: Array<EffectiveEntry<E>> = [];
  entries.forEach((e, index) => {
    if (isCorrection(e)) return;
    const effective = { ...e, id: entryId(e, index), original: null, corrections: [] } as EffectiveEntry<E>;
    byId.set(effective.id, effective);
    order.push(effective);
  });
  for (const e of entries) {
    if (!isCorrection(e)) continue;
    const target = byId.get(e.corrects);
    if (!target) continue; // a correction of nothing changes nothing; correctTimelineEntry never makes one
    if (!target.original) target.original = entries.find((x, i) => entryId(x, i) === e.corrects) ?? null;
    for (const change of e.changes) (target as unknown as Record<string, unknown>)[change.field] = change.to;
    target.corrections.push(e);
  }
  return sortTimeline(order);
}

// R-DUE-5 (000 §17.8.2; 004 §6.5.8): correcting an entry keeps the original, records the correction with its reason, and checks dates like new entries.
export function correctTimelineEntry(
  entries: readonly TimelineEntry[],
  input: { corrects: string; changes: Partial<Record<CorrectableField, string>>; reason: string },
  request: { sentOn: IsoDate },
  today: IsoDate,
  recordedAt?: string,
): CorrectionEntry {
  const current = effectiveTimeline(entries).find((e) => e.id === input?.corrects);
  if (!current) throw new DomainError('invalid-input', 'That entry is not on this request’s timeline.');
  if (current.type === 'edited') throw new DomainError('refused', 'A record of changes to the request cannot itself be corrected.');
  const reason = (input.reason ?? '').trim();
  if (reason.length < 3) throw new DomainError('invalid-input', 'Say why the entry is being corrected.');
  const changes: CorrectionEntry['changes'] = [];
  const after: Record<string, unknown> = { ...current };
  for (const [field, raw] of Object.entries(input.changes ?? {})) {
    if (!Object.hasOwn(CORRECTABLE_FIELDS, field))
      throw new DomainError(
        'invalid-input',
        'Only the date, the promised date, the note and who it went to or who decided can be corrected.',
      );
    const f = field as CorrectableField;
    if (f !== 'on' && f !== 'note' && !Object.hasOwn(current, f))
      throw new DomainError('invalid-input', `This entry has no ${CORRECTABLE_FIELDS[f].toLowerCase()} to correct.`);
    const to = typeof raw === 'string' ? raw.trim() : '';
    if (f !== 'note' && !to) throw new DomainError('invalid-input', `${CORRECTABLE_FIELDS[f]} cannot be left empty.`);
    const from = String((current as unknown as Record<string, unknown>)[f] ?? '');
    if (to === from) continue;
    changes.push({ field: f, label: CORRECTABLE_FIELDS[f], from, to });
    after[f] = to;
  }
  if (changes.length === 0) throw new DomainError('invalid-input', 'Nothing has changed: enter the corrected value.');
  checkEventDate(after.on, request, today, 'The corrected date');
  if (current.type === 'holding') {
    parseIsoDate(after.promisedBy, 'The promised date');
    if (compareIso(after.promisedBy as string, after.on as string) < 0)
      throw new DomainError('invalid-input', 'The promised date cannot be before the holding reply.');
  }
  return { type: 'correction', on: today, corrects: current.id, reason, changes, ...(recordedAt ? { recordedAt } : {}) };
}

// What a PA's save may change on a record already in the vault, kind by kind: only what the app's PA
// commands change (the services in electron/main/services). The vault sets aside any other PA frame at
// unlock and a PA's app refuses it before writing (electron/main/vault/pa-replacements.ts), so a PA
// working at file level cannot quietly rewrite what the Member or the officers said.
import { compareIso, type IsoDate } from './dates';
import { EDITABLE_AFTER_SENDING, editRequest, requestLifecycleState, type EditableField } from './request-lifecycle';
import { timelineEntrySchema } from './request-records';
import { assertHoldingReplyDate, followUpAfterCorrections, nextEscalation } from './requests';
import type { EscalationLevel, StoredRequest } from './request-records';
import { storedRequestSchema } from './request-records';
import { storedMaterialSchema } from './material';
import { meetingSchema, officerSchema } from './directory';
import { storedArrivalSchema } from './arrivals';
import { storedCorrespondenceSchema } from './correspondence-records';
import type { z } from 'zod';
import { correctTimelineEntry, type CorrectableField, type TimelineEntry } from './timeline';

type Json = Record<string, unknown>;

/** The kinds of record, in the words the unlock warning uses. */
const NOUNS: Record<string, string> = {
  request: 'a request',
  material: 'a piece of material',
  officer: 'an officer in the directory',
  meeting: 'a meeting',
  arrival: 'an item that arrived',
  correspondence: 'an email or draft',
  'request-index': "the PA's request list",
  disclosure: 'a disclosure',
  'register-entry': 'an entry in the disclosure register',
  'council-settings': "the council's settings",
  'council-profile': "a council's protocol",
};

/** The kind of record, in plain words (never an id or a field name). */
export const recordNoun = (type: string): string => NOUNS[type] ?? 'a record';

/** Deep equality of parsed JSON values, without serialising them again (this runs for every PA save at unlock). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameJson(v, other[i]));
  }
  const x = a as Json;
  const y = b as Json;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => Object.hasOwn(y, k) && sameJson(x[k], y[k]));
}

const unchanged = (before: Json, after: Json, field: string): boolean => sameJson(before[field] ?? null, after[field] ?? null);
const changedOutside = (before: Json, after: Json, allowed: ReadonlySet<string>): boolean =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].some((f) => !allowed.has(f) && !unchanged(before, after, f));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const startsWith = (whole: unknown[], part: unknown[]): boolean =>
  part.length <= whole.length && part.every((v, i) => sameJson(v, whole[i]));
const changed = (type: string, what: string): string => `a PA's save changed ${what} of ${recordNoun(type)}, which the app never does`;

/** Officers: the PA's directory commands change the details and retire or reinstate (R-ASK-9 keeps the address checked on the form). */
const OFFICER_FIELDS = new Set(['id', 'name', 'role', 'service', 'seniority', 'email', 'retiredOn']);

/** R-USE-2 (003 §4.8): a PA may add agenda items and private items, never remove one: a Member-only request it cannot see may name it. */
function meetingProblem(before: Json, after: Json): string | null {
  const items = new Set(list(after.agendaItems));
  const privateItems = new Set(list(after.privateItems));
  if (!list(before.agendaItems).every((i) => items.has(i)) || !list(before.privateItems).every((i) => privateItems.has(i)))
    return "a PA's save removed or renamed an item on a meeting's agenda, which only the Member may do";
  return null;
}

/** What a PA's material commands change: classify (R-CLS-2), attach files, consent and retention (R-CLS-6), erase. Where it came from, for whom and for what (R-CLS-4) and the Member's own records stay. */
const MATERIAL_CHANGEABLE = new Set([
  'classification',
  'meetingId',
  'attachments',
  'thirdParty',
  'personalData',
  'title',
  'summary',
  'erasedOn',
  'everProtected',
]);

// R-USE-3: a PA's material commands classify, attach files, record consent and retention, and erase (R-CLS-6); nothing else.
function materialProblem(before: Json, after: Json): string | null {
  if (before.erasedOn || before.disposal) return changed('material', 'what is left after erasing or disposing');
  if (before.everProtected === true && after.everProtected !== true) return changed('material', 'the record that it was once protected');
  if (changedOutside(before, after, MATERIAL_CHANGEABLE)) return changed('material', 'where it came from or how it was given');
  if (!after.erasedOn) {
    if (!unchanged(before, after, 'title') || !unchanged(before, after, 'summary')) return changed('material', 'the title or summary');
    if (!startsWith(list(after.attachments), list(before.attachments))) return changed('material', 'the files');
    const name = (v: unknown) => (v && typeof v === 'object' ? (v as Json).name : null);
    if (after.thirdParty && name(before.thirdParty) !== name(after.thirdParty)) return changed('material', 'whose personal data it holds');
  } else {
    // Erasure keeps when it came and its classification; the content goes.
    if (list(after.attachments).length || after.summary !== '' || after.thirdParty !== null)
      return changed('material', 'more than erasing does');
  }
  if (after.meetingId !== null && after.meetingId !== undefined && !unchanged(before, after, 'meetingId'))
    return changed('material', 'the meeting it belongs to');
  return null;
}

/** What a PA's email commands change: filing (request, how it matched, the material its attachments became) and the tier that follows. */
const MESSAGE_FIELDS = new Set(['requestId', 'requestReference', 'matchedBy', 'filed', 'blobId', 'attachments', 'onMemberOnlyRequest']);

function correspondenceProblem(before: Json, after: Json): string | null {
  if (before.kind !== after.kind) return changed('correspondence', 'the kind');
  // A draft is only marked as sent; an email's own words, senders, dates and checks never change.
  if (before.kind === 'draft') {
    if (before.sentOn || changedOutside(before, after, new Set(['sentOn', 'onMemberOnlyRequest'])))
      return changed('correspondence', 'a draft');
    return null;
  }
  if (changedOutside(before, after, MESSAGE_FIELDS)) return changed('correspondence', 'the words, senders or checks');
  // An attachment's name and size stay; only where it is kept changes when the email is filed.
  const shape = (v: unknown) => list(v).map((a) => (a && typeof a === 'object' ? [(a as Json).name, (a as Json).size] : a));
  if (!sameJson(shape(before.attachments), shape(after.attachments))) return changed('correspondence', 'the attachments');
  return null;
}

/** The shapes the records repository reads each kind with (electron/main/services/record-schemas.ts): one it cannot read is as good as deleted. */
// A request is checked field by field instead (requestChangeProblem): parsing the whole of it would double the cost at unlock.
const SHAPES: Record<string, z.ZodType> = {
  material: storedMaterialSchema,
  officer: officerSchema,
  meeting: meetingSchema,
  arrival: storedArrivalSchema,
  correspondence: storedCorrespondenceSchema,
};

/**
 * R-USE-3 (tamper-evident trail; no protocol paragraph in docs/RULES.md): a PA's save over an
 * existing record changes only what the app's PA commands change; null when it does, else why not in
 * plain words naming the kind of record. The record's kind is the same before and after (the caller
 * checks that).
 */
export function paRecordChangeProblem(type: string, before: Json | null, after: Json | null): string | null {
  // A version the app cannot read hides the record from the Member, as a deletion would.
  if (!before || !after || SHAPES[type]?.safeParse({ id: '', ...after }).success === false)
    return `a PA's save replaced ${recordNoun(type)} with something that is not one`;
  switch (type) {
    case 'request':
      return requestChangeProblem(before, after);
    case 'material':
      return materialProblem(before, after);
    case 'officer':
      return changedOutside(before, after, OFFICER_FIELDS) ? changed('officer', 'details') : null;
    case 'meeting':
      return changedOutside(before, after, new Set(['id', 'committee', 'date', 'agendaItems', 'privateItems', 'source', 'retiredOn']))
        ? changed('meeting', 'details')
        : meetingProblem(before, after);
    case 'correspondence':
      return correspondenceProblem(before, after);
    case 'request-index':
      return null; // the PA's own list, rebuilt from the requests it can read
    case 'arrival':
      return "a PA's save changed an item that arrived, which only the Member's classifying does";
    default:
      return `a PA's save changed ${recordNoun(type)}, which the app never does`;
  }
}

/** A record a PA's save creates: a request starts with an empty timeline (RequestCommands.create), so no history is made up. */
export function paNewRecordProblem(type: string, after: Json | null): string | null {
  if (type === 'request' && (!after || list(after.events).length > 0))
    return "a PA's save made a new request with a history already on its timeline, which the app never does";
  return null;
}

/** The fields the PA's follow-up commands keep beside the timeline, checked against the entries that record them. */
const FOLLOW_UP_FIELDS = ['escalatedTo', 'escalations', 'moReferral', 'chairNotice'] as const;
type FollowUp = Pick<StoredRequest, (typeof FOLLOW_UP_FIELDS)[number]>;

/** A request changed only as the app's commands change it: the timeline added to, each field change recorded on it. */
function requestChangeProblem(before: Json, after: Json): string | null {
  const was = list(before.events);
  const now = list(after.events);
  if (!startsWith(now, was)) return "a PA's save removed or rewrote entries on a request's timeline, which the app never does";
  const added = now.slice(was.length) as Json[];
  // The request as its edit entries leave it: each edited field must end as the entry says (no change shown that did not happen).
  const edited: Json = { ...before };
  const entries = entriesProblem(before, after, added, edited);
  if (entries) return entries;
  if (Object.keys(EDITABLE_AFTER_SENDING).some((f) => !unchanged(edited, before, f) && !unchanged(edited, after, f)))
    return "a PA's save recorded an edit on a request's timeline that it did not make, which the app never does";
  // Each change as the edit recorded it: the value it was (which must be the version replaced) and the value it became.
  const recorded = new Map<string, { from: unknown; to: unknown }>();
  for (const entry of added)
    if (entry.type === 'edited' && Array.isArray(entry.changes))
      for (const c of entry.changes as Json[])
        if (typeof c?.field === 'string' && !recorded.has(c.field)) recorded.set(c.field, { from: c.from, to: c.to });
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (field === 'events' || (FOLLOW_UP_FIELDS as readonly string[]).includes(field) || unchanged(before, after, field)) continue;
    const editable = Object.hasOwn(EDITABLE_AFTER_SENDING, field);
    const change = recorded.get(field);
    const readable = editable && storedRequestSchema.shape[field as EditableField].safeParse(after[field]).success;
    if (!readable || !change || !sameJson(change.from, before[field] ?? null) || !sameJson(change.to, after[field] ?? null))
      return `a PA's save changed a request's ${editable ? EDITABLE_AFTER_SENDING[field as keyof typeof EDITABLE_AFTER_SENDING].toLowerCase() : 'fixed details'} without recording it on its timeline, which the app never does`;
  }
  const expected = followUpAfter(before, added);
  if (!expected || FOLLOW_UP_FIELDS.some((f) => !sameJson(expected[f] ?? null, after[f] ?? null)))
    return "a PA's save changed a request's escalation, Monitoring Officer decision or chair notice without the timeline entry that records it, which the app never does";
  return null;
}

/** Entries a command records only while the request is open (logEvent's replies, edit, withdraw, close); reopening only while it is not. */
const WHILE_OPEN = new Set(['acknowledged', 'holding', 'answered', 'chased', 'edited', 'withdrawn', 'closed']);
const DAY_MS = 86_400_000;

// R-DUE-4/R-DUE-5 (000 §17.8.2): each entry a PA adds is one a PA command records, dated as the command dates it.
function entriesProblem(before: Json, after: Json, added: Json[], current: Json): string | null {
  const sentOn = [before.sentOn, after.sentOn].filter((d) => typeof d === 'string').sort()[0] as IsoDate | undefined;
  const prior = [...list(before.events)] as TimelineEntry[];
  for (const entry of added) {
    const why = entryProblem(entry, sentOn, prior) ?? (entry.type === 'edited' ? editProblem(entry, current, prior) : null);
    if (why) return `a PA's save added ${why} to a request's timeline, which the app never records`;
    prior.push(entry as unknown as TimelineEntry);
  }
  return null;
}

// R-ASK-1 (000 §17.8.1): an edit entry is the one editRequest makes (its true old values and the words the page shows), and the fields follow it.
function editProblem(entry: Json, current: Json, prior: readonly TimelineEntry[]): string | null {
  const changes = list(entry.changes) as Array<{ field: string; to: unknown }>;
  try {
    const made = editRequest(
      { ...(current as { sentOn: IsoDate }), events: prior },
      Object.fromEntries(changes.map((c) => [c.field, c.to])),
      entry.on as IsoDate,
      { reason: typeof entry.reason === 'string' ? entry.reason : undefined },
    );
    if (sameJson(made.entry.changes, entry.changes) && made.entry.note === entry.note && made.entry.reason === entry.reason) {
      Object.assign(current, made.updated);
      return null;
    }
  } catch {
    // refused by the rule the command applies: not an edit the app makes
  }
  return 'an edit';
}

function entryProblem(entry: Json, sentOn: IsoDate | undefined, prior: readonly TimelineEntry[]): string | null {
  // Every entry the app appends has its own id and entry time (RequestCommands.append).
  if (typeof entry?.id !== 'string' || typeof entry.recordedAt !== 'string' || !timelineEntrySchema.safeParse(entry).success)
    return 'an entry';
  if (entry.type === 'chair-notice-sent') return 'a chair notice entry of a kind';
  // RequestCommands.append marks a PA's entry, so the Member sees who recorded it (R-USE-3).
  if (entry.by !== 'pa') return "an entry not marked as the PA's";
  const on = entry.on as IsoDate;
  const recorded = Date.parse(entry.recordedAt);
  // Never dated after the day it was recorded (a day's grace for the UK date against UTC), nor before the request was sent.
  if (Number.isNaN(recorded) || Date.parse(`${on}T00:00:00Z`) > recorded + DAY_MS) return 'an entry dated after it was recorded';
  if (sentOn && compareIso(on, sentOn) < 0) return 'an entry dated before the request was sent';
  const open = requestLifecycleState(prior).state === 'open';
  if (WHILE_OPEN.has(entry.type as string) && !open) return 'an entry to a request that is withdrawn or closed';
  if (entry.type === 'reopened' && open) return 'a reopening of a request that is open';
  if (entry.type === 'correction') return correctionProblem(entry, sentOn ?? on, prior);
  if (entry.type === 'holding') {
    try {
      assertHoldingReplyDate(entry.promisedBy as IsoDate, sentOn ?? on, on);
    } catch {
      return 'a holding reply with a promised date';
    }
  }
  return null;
}

// R-DUE-5 (000 §17.8.2): a correction is the one correctTimelineEntry makes from the entry as it stands (its true old values, a date and promise it allows).
function correctionProblem(entry: Json, sentOn: IsoDate, prior: readonly TimelineEntry[]): string | null {
  const changes = list(entry.changes) as Array<{ field: CorrectableField; to: string }>;
  try {
    const made = correctTimelineEntry(
      prior,
      {
        corrects: entry.corrects as string,
        changes: Object.fromEntries(changes.map((c) => [c.field, c.to])),
        reason: entry.reason as string,
      },
      { sentOn },
      entry.on as IsoDate,
    );
    if (made.corrects === entry.corrects && made.reason === entry.reason && sameJson(made.changes, entry.changes)) return null;
  } catch {
    // refused by the rule the command applies: not a correction the app makes
  }
  return 'a correction';
}

/** The follow-up fields as the commands that added these entries leave them, or null when an entry could not have been added. */
function followUpAfter(before: Json, added: Json[]): FollowUp | null {
  let state: FollowUp = {
    escalatedTo: (before.escalatedTo ?? null) as EscalationLevel | null,
    escalations: before.escalations as FollowUp['escalations'],
    moReferral: (before.moReferral ?? null) as FollowUp['moReferral'],
    chairNotice: (before.chairNotice ?? null) as FollowUp['chairNotice'],
  };
  const events = [...list(before.events)] as StoredRequest['events'];
  for (const entry of added) {
    const e = entry as unknown as StoredRequest['events'][number];
    events.push(e);
    if (e.type === 'escalated') {
      // RequestFollowUp.escalate: one step up from where it was (main decides the level), with the person.
      const level = nextEscalation(state.escalatedTo, e.informationWithheld).level;
      if (e.level !== undefined && e.level !== level) return null;
      state.escalatedTo = level;
      if (e.level !== undefined)
        state.escalations = [
          ...(state.escalations ?? []),
          { on: e.on, level, to: e.to ?? '', role: e.role ?? '', informationWithheld: e.informationWithheld },
        ];
    } else if (e.type === 'mo-decision') {
      if (!state.moReferral) return null;
      state.moReferral = { ...state.moReferral, decision: { accepted: e.accepted, decidedBy: e.decidedBy, on: e.on } };
    } else if (e.type === 'emailed' && e.kind === 'chair-notice') {
      if (!state.chairNotice) return null;
      state.chairNotice = { ...state.chairNotice, sentOn: e.on, sentTo: e.to ?? state.chairNotice.sentTo };
    } else if (e.type === 'correction') {
      state = { ...state, ...followUpAfterCorrections({ ...state, events }) };
    }
  }
  return state;
}

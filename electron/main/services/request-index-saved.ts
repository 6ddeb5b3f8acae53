// The request index as saved in the vault (request-index.ts): its entries, the arrays they are saved
// as, and the checks every saved entry passes before it is used (a saved index is sealed, so only a
// bug could make it wrong; checked anyway, since an unlock depends on it).
import type { CouncilProfile } from '../../../shared/domain/profiles';
import { NATIONS, type Nation } from '../../../shared/domain/calendar';
import type { LifecycleFacts, StoredRequest } from '../../../shared/domain/requests';
import type { StoredMaterial } from '../../../shared/domain/material';
import { CAPACITIES, ROUTES, type Capacity, type Route } from '../../../shared/domain/need-to-know';
import { LEVELS, type Level } from '../../../shared/domain/classification';
import { isIsoDate } from '../../../shared/domain/dates';
import { requestOfMaterialId } from '../../../shared/domain/material';
import { ESCALATION_LEVELS } from '../../../shared/domain/requests';
import type { Tier } from '../vault';

/** What the list shows of a request, from its record; names from the directory are looked up when a row is made. */
export interface ListFacts {
  reference: string;
  subject: string;
  officerId: string;
  /** The name it was sent under, shown if the officer has gone from the directory. */
  officerName: string;
  service: string;
  ward: string;
  meetingId: string | null;
  capacity: Capacity | null;
  route: Route | null;
}

export interface RequestEntry {
  seq: number;
  tier: Tier;
  list: ListFacts;
  /** The distinct words of its reference, subject, question and notes, for search; null until read (loadWords). */
  words: string | null;
  lifecycle: LifecycleFacts;
  /** Position in `profiles`: thousands of requests share a handful of profiles. */
  profile: number;
  nation: Nation;
  awaitingMonitoringOfficer: boolean;
  chairNoticePending: boolean;
}

export interface MaterialEntry {
  seq: number;
  tier: Tier;
  requestId: string;
  /** Its classification's effective level: the list shows a request's highest. */
  level: Exclude<Level, 'unsure'>;
}

/**
 * Reads a record through the records repository's checks (its schema, its tier): undefined when this
 * user cannot read it, a throw when it is damaged. The index is only ever made from what passed them.
 */
export type CheckedRead = {
  (type: 'request', id: string): StoredRequest | undefined;
  (type: 'material', id: string): StoredMaterial | undefined;
};

export interface SavedIndex {
  format: number;
  profiles: CouncilProfile[];
  /** Text that repeats across requests, saved once (see StringTable). */
  strings: string[];
  /** One array per request (see savedRequest): half the size of objects, and read about twice as fast at 50,000. */
  requests: unknown[][];
  materials: Array<[string, MaterialEntry]>;
}

/** Each request's search words at the version it was indexed: [id, seq, words]. */
export interface SavedWords {
  format: number;
  words: unknown[];
}

/** Where a saved request array holds each fact, after [id, seq, profile, nation, awaiting the Monitoring Officer, chair notice pending]. */
const LIFECYCLE_FIELDS = [
  'sentOn',
  'acknowledgeBy',
  'respondBy',
  'acknowledgedOn',
  'holdingReply',
  'answeredOn',
  'escalatedTo',
  'closedOn',
  'withdrawnOn',
] as const satisfies ReadonlyArray<keyof LifecycleFacts>;
const LIST_FIELDS = [
  'reference',
  'subject',
  'officerId',
  'officerName',
  'service',
  'ward',
  'meetingId',
  'capacity',
  'route',
] as const satisfies ReadonlyArray<keyof ListFacts>;
// A fact added to either type without a place here fails to compile, rather than being lost on save.
type Unsaved = Exclude<keyof LifecycleFacts, (typeof LIFECYCLE_FIELDS)[number]> | Exclude<keyof ListFacts, (typeof LIST_FIELDS)[number]>;
const everyFactSaved: [Unsaved] extends [never] ? true : never = true;
void everyFactSaved;
const SAVED_HEAD = 6;

/**
 * Text that repeats across requests (dates, the nation, officers, services, wards, meetings, capacity,
 * route) is saved once in the index's `strings` and each request holds its position: at 50,000
 * requests a few hundred strings, and the saved index half the size, so half the work to decrypt,
 * decode and parse at unlock. References and subjects are each request's own and stay in place.
 */
export class StringTable {
  readonly strings: string[] = [];
  private readonly at = new Map<string, number>();

  ref(value: string | null | undefined): number | null {
    if (value === null || value === undefined) return null;
    let i = this.at.get(value);
    if (i === undefined) this.at.set(value, (i = this.strings.push(value) - 1));
    return i;
  }
}

/** Where a request's own text stays in place in its saved array (every other string is a StringTable position). */
const IN_PLACE = new Set<string>(['reference', 'subject']);

export function savedRequest(id: string, e: RequestEntry, profile: number, table: StringTable): unknown[] {
  return [
    id,
    e.seq,
    profile,
    table.ref(e.nation),
    e.awaitingMonitoringOfficer,
    e.chairNoticePending,
    ...LIFECYCLE_FIELDS.map((f) => (f === 'holdingReply' ? (e.lifecycle.holdingReply ?? null) : table.ref(e.lifecycle[f]))),
    ...LIST_FIELDS.map((f) => (IN_PLACE.has(f) ? e.list[f] : table.ref(e.list[f]))),
  ];
}

/** What a saved position that is not in the table reads as: no string, so every check of it fails. */
const NOT_IN_TABLE = Symbol('not in the table');

/** The string at a saved position (null stays null); NOT_IN_TABLE for anything else. */
function textAt(strings: readonly string[], v: unknown): unknown {
  if (v === null) return null;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < strings.length ? strings[v] : NOT_IN_TABLE;
}

/**
 * A saved request array back as [id, entry], or null when it does not look right (then its request is
 * worked out again from its record). Built in one go, each object with its final shape, and checked
 * by isRequestItem with `isDate` (datesChecker: 50,000 entries hold a few hundred distinct dates).
 */
export function entryOfSaved(
  item: unknown,
  tier: Tier,
  saved: { profiles: number; strings: readonly string[] },
  isDate: (v: unknown) => boolean,
): [string, RequestEntry] | null {
  if (!Array.isArray(item) || item.length !== SAVED_HEAD + LIFECYCLE_FIELDS.length + LIST_FIELDS.length) return null;
  const v = item as unknown[];
  const s = saved.strings;
  const l = SAVED_HEAD;
  const f = SAVED_HEAD + LIFECYCLE_FIELDS.length;
  // Field by field in the order of LIFECYCLE_FIELDS and LIST_FIELDS, as savedRequest writes them.
  const lifecycle = {
    sentOn: textAt(s, v[l]),
    acknowledgeBy: textAt(s, v[l + 1]),
    respondBy: textAt(s, v[l + 2]),
    acknowledgedOn: textAt(s, v[l + 3]),
    holdingReply: v[l + 4],
    answeredOn: textAt(s, v[l + 5]),
    escalatedTo: textAt(s, v[l + 6]),
    closedOn: textAt(s, v[l + 7]),
    withdrawnOn: textAt(s, v[l + 8]),
  };
  const list = {
    reference: v[f],
    subject: v[f + 1],
    officerId: textAt(s, v[f + 2]),
    officerName: textAt(s, v[f + 3]),
    service: textAt(s, v[f + 4]),
    ward: textAt(s, v[f + 5]),
    meetingId: textAt(s, v[f + 6]),
    capacity: textAt(s, v[f + 7]),
    route: textAt(s, v[f + 8]),
  };
  const entry = {
    seq: v[1],
    tier,
    list,
    words: null,
    lifecycle,
    profile: v[2],
    nation: textAt(s, v[3]),
    awaitingMonitoringOfficer: v[4],
    chairNoticePending: v[5],
  };
  const pair: unknown = [v[0], entry];
  return isRequestItem(pair, tier, saved.profiles, isDate) ? pair : null;
}

/** isIsoDate, remembering the strings it passed: a saved index repeats each date hundreds of times. */
export function datesChecker(): (v: unknown) => boolean {
  const passed = new Set<string>();
  return (v) => typeof v === 'string' && (passed.has(v) || (isIsoDate(v) && passed.add(v) !== undefined));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const orNull = (isDate: (v: unknown) => boolean, v: unknown) => v === null || v === undefined || isDate(v);

/** A saved index is sealed, so only a bug could make it wrong; checked anyway, entry by entry, since an unlock depends on it. */
export function isRequestItem(
  item: unknown,
  tier: Tier,
  profiles: number,
  // A real date in the years the calendar covers: one shaped like a date but not one (2026-02-31) would break every status.
  isDate: (v: unknown) => boolean = isIsoDate,
): item is [string, RequestEntry] {
  if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || !isObject(item[1])) return false;
  const e = item[1];
  const l = e.lifecycle;
  return (
    e.tier === tier &&
    isListFacts(e.list) &&
    Number.isInteger(e.seq) &&
    Number.isInteger(e.profile) &&
    (e.profile as number) >= 0 &&
    (e.profile as number) < profiles &&
    (NATIONS as readonly unknown[]).includes(e.nation) &&
    typeof e.awaitingMonitoringOfficer === 'boolean' &&
    typeof e.chairNoticePending === 'boolean' &&
    isObject(l) &&
    isDate(l.sentOn) &&
    isDate(l.respondBy) &&
    orNull(isDate, l.acknowledgeBy) &&
    orNull(isDate, l.acknowledgedOn) &&
    orNull(isDate, l.answeredOn) &&
    orNull(isDate, l.closedOn) &&
    orNull(isDate, l.withdrawnOn) &&
    (l.escalatedTo === null || l.escalatedTo === undefined || (ESCALATION_LEVELS as readonly unknown[]).includes(l.escalatedTo)) &&
    (l.holdingReply === null ||
      l.holdingReply === undefined ||
      (isObject(l.holdingReply) && isDate(l.holdingReply.receivedOn) && isDate(l.holdingReply.promisedBy)))
  );
}

export const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || isString(v);

function isListFacts(f: unknown): f is ListFacts {
  return (
    isObject(f) &&
    isString(f.reference) &&
    isString(f.subject) &&
    isString(f.officerId) &&
    isString(f.officerName) &&
    isString(f.service) &&
    isString(f.ward) &&
    isStringOrNull(f.meetingId) &&
    (f.capacity === null || Object.hasOwn(CAPACITIES, f.capacity as string)) &&
    (f.route === null || Object.hasOwn(ROUTES, f.route as string))
  );
}

export function isMaterialItem(item: unknown, tier: Tier): item is [string, MaterialEntry] {
  return (
    Array.isArray(item) &&
    item.length === 2 &&
    typeof item[0] === 'string' &&
    isObject(item[1]) &&
    item[1].tier === tier &&
    Number.isInteger(item[1].seq) &&
    typeof item[1].requestId === 'string' &&
    (LEVELS as readonly unknown[]).includes(item[1].level) &&
    item[1].level !== 'unsure' &&
    isFiledRight(item[0], { requestId: item[1].requestId as string, tier, level: item[1].level as string })
  );
}

/**
 * Material is filed where its record says: under the request its id names (ids name their request,
 * so another request's row never shows it), and protected material only under the Member key.
 */
export function isFiledRight(id: string, m: { requestId: string; tier: Tier; level: string }): boolean {
  const named = requestOfMaterialId(id);
  return (named === null || named === m.requestId) && (m.tier === 'member' || m.level === 'open');
}

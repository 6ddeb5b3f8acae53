// Reads over the working set, each one or a few indexed IndexedDB requests. They run inside
// useLiveQuery (renderer/features/*/hooks), which re-runs them whenever a row they read changes.
//
// The list reads keys, not rows: the ids in the chosen order come from one index (read again only
// when the sort or the data changes), each filter and search term narrows them through its own
// index, and only the rows on screen are read whole (`rowsByIds`). At 50,000 requests a keystroke
// then costs a few small index reads (npm run bench).
import Dexie from 'dexie';
import type { RequestView } from '../../shared/domain/worklist';
import { db, wordsOf, type LoadState, type WorkingRequest } from './working-set';

export interface RequestFilter {
  view: RequestView;
  status: string;
  service: string;
  ward: string;
  classification: string;
  capacity: string;
  route: string;
  officer: string;
  meetingId: string;
  search: string;
}

export const EMPTY_FILTER: RequestFilter = {
  view: 'all',
  status: '',
  service: '',
  ward: '',
  classification: '',
  capacity: '',
  route: '',
  officer: '',
  meetingId: '',
  search: '',
};

export type SortKey = 'target' | 'sentOn' | 'reference' | 'subject' | 'status' | 'service' | 'officerName';
export type Sort = { key: SortKey; descending: boolean };

/** The index each sort column reads (subject through its lower-cased, number-padded key). */
const SORT_INDEX: Record<SortKey, keyof WorkingRequest> = {
  target: 'target',
  sentOn: 'sentOn',
  reference: 'reference',
  subject: 'subjectKey',
  status: 'status',
  service: 'service',
  officerName: 'officerName',
};

/** Filter fields read with an equality `where` on the index of the same name. */
const EQUALS: Array<[keyof RequestFilter, keyof WorkingRequest]> = [
  ['status', 'status'],
  ['service', 'service'],
  ['ward', 'ward'],
  ['classification', 'classification'],
  ['capacity', 'capacity'],
  ['route', 'route'],
  ['officer', 'officerName'],
  ['meetingId', 'meetingId'],
];

/**
 * The ids matching every filter, or null when nothing filters. A search term matches the start of
 * any word of the reference, subject, question, notes or officer ("pot" finds "potholes").
 */
export async function matchingIds(filter: RequestFilter): Promise<ReadonlySet<string> | null> {
  const lookups: Array<Promise<string[]>> = [];
  for (const [field, index] of EQUALS) {
    const value = filter[field];
    if (value) lookups.push(db.requests.where(index).equals(value).primaryKeys());
  }
  if (filter.view !== 'all') lookups.push(db.requests.where('views').equals(filter.view).primaryKeys());
  for (const term of new Set(wordsOf(filter.search))) lookups.push(db.requests.where('words').startsWith(term).primaryKeys());
  if (lookups.length === 0) return null;
  const sets = (await Promise.all(lookups)).sort((a, b) => a.length - b.length);
  let result = new Set(sets[0]);
  for (const ids of sets.slice(1)) {
    const next = new Set(ids);
    result = new Set([...result].filter((id) => next.has(id)));
    if (result.size === 0) break;
  }
  return result;
}

/**
 * Every id in the chosen order. Rows with no value in the sorted column, then locked "Member only"
 * placeholders, always come last, whichever direction.
 */
export async function orderedIds(sort: Sort): Promise<string[]> {
  const index = SORT_INDEX[sort.key] as string;
  return db.transaction('r', db.requests, async () => {
    const ordered = db.requests.orderBy(index);
    const [ids, empty, locked] = await Promise.all([
      (sort.descending ? ordered.reverse() : ordered).primaryKeys(),
      db.requests.where(index).equals('').primaryKeys(),
      db.requests.where('lock').equals(1).primaryKeys(),
    ]);
    if (empty.length === 0 && locked.length === 0) return ids;
    const emptySet = new Set(empty);
    const lockedSet = new Set(locked);
    const first: string[] = [];
    const blank: string[] = [];
    const last: string[] = [];
    for (const id of ids) (lockedSet.has(id) ? last : emptySet.has(id) ? blank : first).push(id);
    return first.concat(blank, last);
  });
}

/** The ordered ids kept to those matching (the list does this in memory as either side changes). */
export const keepMatching = (ordered: readonly string[], matching: ReadonlySet<string> | null): readonly string[] =>
  matching ? ordered.filter((id) => matching.has(id)) : ordered;

/** The ids of the requests matching the filter, in the chosen order. */
export async function requestIds(filter: RequestFilter, sort: Sort): Promise<readonly string[]> {
  const [ordered, matching] = await Promise.all([orderedIds(sort), matchingIds(filter)]);
  return keepMatching(ordered, matching);
}

/** The rows with these ids, by id (only the ones on screen are asked for). */
export async function rowsByIds(ids: readonly string[]): Promise<Map<string, WorkingRequest>> {
  const rows = await db.requests.bulkGet([...ids]);
  return new Map(rows.filter((r): r is WorkingRequest => !!r).map((r) => [r.id, r]));
}

/** How many requests are held, and whether the fill is still running. */
export async function loadProgress(): Promise<{ loaded: number; total: number; loading: boolean }> {
  const [loaded, state] = await Promise.all([db.requests.count(), db.load.get('requests') as Promise<LoadState | undefined>]);
  return { loaded, total: state?.total ?? loaded, loading: state?.loading ?? false };
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** The values each filter offers: the distinct keys of its index. */
export async function filterOptions() {
  const distinct = async (index: keyof WorkingRequest) =>
    ((await db.requests.orderBy(index as string).uniqueKeys()) as string[]).filter(Boolean).sort(collator.compare);
  const [service, ward, classification, capacity, route, officer, meetingIds] = await Promise.all([
    distinct('service'),
    distinct('ward'),
    distinct('classification'),
    distinct('capacity'),
    distinct('route'),
    distinct('officerName'),
    db.requests.orderBy('meetingId').uniqueKeys() as Promise<string[]>,
  ]);
  // A meeting's label as the rows carry it (the meetings table may not list a PA's hidden ones).
  const meeting = (
    await Promise.all(
      meetingIds.map(async (value) => ({
        value,
        label: (await db.requests.where('meetingId').equals(value).first())?.meetingLabel || 'A meeting',
      })),
    )
  ).sort((a, b) => collator.compare(a.label, b.label));
  return { service, ward, classification, capacity, route, officer, meeting };
}
export type FilterOptions = Awaited<ReturnType<typeof filterOptions>>;

/** How many requests are in each worklist view (the Today counts), from the views index. */
export async function viewCounts(): Promise<Record<Exclude<RequestView, 'all'>, number>> {
  const count = (view: RequestView) => db.requests.where('views').equals(view).count();
  const [overdue, dueSoon, awaitingMo, chairNotices] = await Promise.all([
    count('overdue'),
    count('due-soon'),
    count('awaiting-mo'),
    count('chair-notices'),
  ]);
  return { overdue, 'due-soon': dueSoon, 'awaiting-mo': awaitingMo, 'chair-notices': chairNotices };
}

/** Every (service, sent on) pair of the requests the user can read, from one compound index. */
export async function sentByService(): Promise<Array<{ service: string; sentOn: string }>> {
  const keys = (await db.requests
    .where('[service+sentOn]')
    .between([Dexie.minKey, Dexie.minKey], [Dexie.maxKey, Dexie.maxKey])
    .keys()) as unknown as Array<[string, string]>;
  // Locked placeholders carry no service or date.
  return keys.filter(([service, sentOn]) => service && sentOn).map(([service, sentOn]) => ({ service, sentOn }));
}

/** Officers by name (as main lists them), and meetings by date. */
export const officersByName = async () => (await db.officers.toArray()).sort((a, b) => a.name.localeCompare(b.name));
export const meetingsByDate = () => db.meetings.orderBy('date').toArray();

// Reads over the working set, each a few IndexedDB reads of its packed records (packed-index.ts).
// They run inside useLiveQuery (renderer/features/*/hooks), which re-runs them whenever a record
// they read changes.
//
// The list reads keys, not rows: the keys in the chosen order come from the sort column's runs
// (read again only when the sort or the data changes), each filter and search term narrows them
// through the term indexes, and only the rows on screen are read whole (`rowsByKeys`). At 50,000
// requests a keystroke then costs a few record reads (npm run bench).
import { searchWordsOf } from '../../shared/domain/search';
import type { RequestView } from '../../shared/domain/worklist';
import { keysOf, keysWithPrefix, mergeRuns, termsWithPrefix, type RowKey, type TermIndex } from './packed-index';
import { BLOCK_ROWS, db, FILTER_FIELDS, term, type FilterField, type LoadState, type SortKey, type WorkingRequest } from './working-set';

export type { SortKey } from './working-set';

export interface RequestFilter extends Record<FilterField, string> {
  view: RequestView;
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

export type Sort = { key: SortKey; descending: boolean };

const termIndexes = () => db.terms.toArray();

/** The keys under a term in every page. */
const keysUnder = (indexes: readonly TermIndex[], wanted: string): Set<RowKey> => {
  const keys = new Set<RowKey>();
  for (const index of indexes) for (const key of keysOf(index, wanted)) keys.add(key);
  return keys;
};

const intersect = (sets: Array<Set<RowKey>>): Set<RowKey> => {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<RowKey>();
  for (const key of smallest!) if (rest.every((s) => s.has(key))) out.add(key);
  return out;
};

/**
 * The keys matching every filter, or null when nothing filters. A search term matches the start of
 * any word of the reference, subject, question, notes or officer ("pot" finds "potholes").
 */
export async function matchingKeys(filter: RequestFilter): Promise<ReadonlySet<RowKey> | null> {
  const wanted: string[] = [];
  for (const field of Object.keys(FILTER_FIELDS) as FilterField[]) if (filter[field]) wanted.push(term.field(field, filter[field]));
  if (filter.view !== 'all') wanted.push(term.view(filter.view));
  const words = [...new Set(searchWordsOf(filter.search))];
  if (wanted.length === 0 && words.length === 0) return null;
  const [indexes, wordIndexes] = await Promise.all([wanted.length > 0 ? termIndexes() : [], words.length > 0 ? db.words.toArray() : []]);
  const sets = wanted.map((t) => keysUnder(indexes, t));
  for (const word of words) {
    const keys = new Set<RowKey>();
    for (const index of wordIndexes) for (const key of keysWithPrefix(index, word)) keys.add(key);
    sets.push(keys);
  }
  return intersect(sets);
}

/**
 * Every key in the chosen order. Rows with no value in the sorted column, then locked "Member only"
 * placeholders, always come last, whichever direction.
 */
export async function orderedKeys(sort: Sort): Promise<RowKey[]> {
  return db.transaction('r', db.runs, db.terms, async () => {
    const [runs, indexes] = await Promise.all([
      db.runs.where('[sort+page]').between([sort.key, -Infinity], [sort.key, Infinity]).toArray(),
      termIndexes(),
    ]);
    const valued = mergeRuns(runs);
    if (sort.descending) valued.reverse();
    const byKey = (a: RowKey, b: RowKey) => a - b;
    const blank = [...keysUnder(indexes, term.blank(sort.key))].sort(byKey);
    const locked = [...keysUnder(indexes, term.locked)].sort(byKey);
    return valued.concat(blank, locked);
  });
}

/** The ordered keys kept to those matching (the list does this in memory as either side changes). */
export const keepMatching = (ordered: readonly RowKey[], matching: ReadonlySet<RowKey> | null): readonly RowKey[] =>
  matching ? ordered.filter((key) => matching.has(key)) : ordered;

/** The rows with these keys, by key (only the ones on screen are asked for). */
export async function rowsByKeys(keys: readonly RowKey[]): Promise<Map<RowKey, WorkingRequest>> {
  const blockNos = [...new Set(keys.map((k) => Math.floor(k / BLOCK_ROWS)))];
  const blocks = await db.blocks.bulkGet(blockNos);
  const rows = new Map<RowKey, WorkingRequest>();
  const wanted = new Set(keys);
  for (const block of blocks) for (const row of block?.rows ?? []) if (row && wanted.has(row.key)) rows.set(row.key, row);
  return rows;
}

/** The request with this reference, as the user typed it (any case), if the working set holds it. */
export async function requestByReference(reference: string): Promise<WorkingRequest | undefined> {
  const wanted = reference.trim().toUpperCase();
  const words = searchWordsOf(wanted);
  if (words.length === 0) return undefined;
  const indexes = await db.words.toArray();
  const keys = intersect(words.map((w) => keysUnder(indexes, w)));
  return [...(await rowsByKeys([...keys])).values()].find((r) => !r.locked && r.reference.toUpperCase() === wanted);
}

/** How many requests are held, and whether the fill is still running. */
export async function loadProgress(): Promise<{ loaded: number; total: number; loading: boolean }> {
  const state = (await db.load.get('requests')) as LoadState | undefined;
  return { loaded: state?.rows ?? 0, total: state?.total ?? 0, loading: state?.loading ?? false };
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** The values each filter offers: the distinct values of its terms. */
export async function filterOptions() {
  const indexes = await termIndexes();
  const distinct = (field: FilterField) =>
    [...new Set(indexes.flatMap((index) => termsWithPrefix(index, term.field(field, ''))))].sort(collator.compare);
  const meetingIds = distinct('meetingId');
  // A meeting's label as the rows carry it (the meetings table may not list a PA's hidden ones).
  const firstKeys = meetingIds.map((id) => [...keysUnder(indexes, term.field('meetingId', id))][0]!);
  const rows = await rowsByKeys(firstKeys);
  const meeting = meetingIds
    .map((value, i) => ({ value, label: rows.get(firstKeys[i]!)?.meetingLabel || 'A meeting' }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return {
    service: distinct('service'),
    ward: distinct('ward'),
    classification: distinct('classification'),
    capacity: distinct('capacity'),
    route: distinct('route'),
    officer: distinct('officer'),
    meeting,
  };
}
export type FilterOptions = Awaited<ReturnType<typeof filterOptions>>;

/** How many requests are in each worklist view (the Today counts). */
export async function viewCounts(): Promise<Record<Exclude<RequestView, 'all'>, number>> {
  const indexes = await termIndexes();
  const count = (view: Exclude<RequestView, 'all'>) => keysUnder(indexes, term.view(view)).size;
  return {
    overdue: count('overdue'),
    'due-soon': count('due-soon'),
    'awaiting-mo': count('awaiting-mo'),
    'chair-notices': count('chair-notices'),
  };
}

/** Every (service, sent on) pair of the requests the user can read. */
export async function sentByService(): Promise<Array<{ service: string; sentOn: string }>> {
  const [indexes, runs] = await Promise.all([
    termIndexes(),
    db.runs.where('[sort+page]').between(['sentOn', -Infinity], ['sentOn', Infinity]).toArray(),
  ]);
  const sentOn = new Map<RowKey, string>();
  for (const run of runs) run.keys.forEach((key, i) => sentOn.set(key, run.values[i]!));
  const services = [...new Set(indexes.flatMap((index) => termsWithPrefix(index, term.field('service', ''))))];
  // Locked placeholders carry no service or date.
  return services.flatMap((service) =>
    [...keysUnder(indexes, term.field('service', service))].flatMap((key) =>
      sentOn.has(key) ? [{ service, sentOn: sentOn.get(key)! }] : [],
    ),
  );
}

/** Officers by name (as main lists them), and meetings by date. */
export const officersByName = async () => (await db.officers.toArray()).sort((a, b) => a.name.localeCompare(b.name));
export const meetingsByDate = () => db.meetings.orderBy('date').toArray();

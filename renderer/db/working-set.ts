// The renderer's working set (docs/ARCHITECTURE.md, "Processes"): an IndexedDB database inside the window's in-memory
// session, filled from the main process after unlock with only what the signed-in role may see,
// kept current by change events, and deleted on lock. Never the store of record. Screens read it
// (renderer/db/queries.ts, through useLiveQuery), so a change written here re-renders every screen
// showing that row; nothing else holds a copy of the rows.
//
// Layout (renderer/db/packed-index.ts says why): rows in blocks of BLOCK_ROWS under their key, and
// per page of rows one term index, one sorted run per sort column and one directory of ids. Filling
// it is a page at a time in the list's own order, each page written while main reads the next, so
// the first page is on screen long before the last has arrived.
import Dexie, { type Table } from 'dexie';
import { inView, REQUEST_VIEWS, type RequestView } from '../../shared/domain/worklist';
import type { Meeting, Officer } from '../../shared/domain/directory';
import type { OutputOf } from '../../shared/ipc/contract';
import { pagePositions, type PageWords } from '../../shared/domain/search';
import { listRowOf, listWordsOf, type RequestListPage, type RequestListRow } from '../../shared/ipc/views';
import { api, unwrap } from '../kit/api';
import { readsSettled } from './live';
import {
  hasExactlyTerms,
  moveKey,
  packTerms,
  placeInRun,
  setKeyTerms,
  sortRun,
  type RowKey,
  type SortRun,
  type TermIndex,
} from './packed-index';
import type { StoredRead } from './reads';

export type { RowKey } from './packed-index';

/** A request row as stored: with its key and the page whose indexes hold it. */
export interface WorkingRequest extends RequestListRow {
  key: RowKey;
  page: number;
}

/** Rows per stored block: small enough that reading the rows on screen reads little else. */
export const BLOCK_ROWS = 25;
interface RowBlock {
  block: number;
  rows: Array<WorkingRequest | null>;
}
interface StoredRun extends SortRun {
  sort: SortKey;
  page: number;
}
/** Which keys a page's rows have, so a change event finds its row. */
interface PageDirectory {
  page: number;
  ids: string[];
  keys: Int32Array;
}

/** How far the fill has got: one row, id "requests", read live by every screen that shows progress. */
export interface LoadState {
  id: 'requests';
  /** Rows main says the user may see; `rows` reaches it when loading is done. */
  total: number;
  /** Rows held now. */
  rows: number;
  loading: boolean;
  /** The key the next new row gets. */
  nextKey: number;
}

export const DATABASE = 'need-to-know-working-set';

export class WorkingSet extends Dexie {
  blocks!: Table<RowBlock, number>;
  terms!: Table<TermIndex, number>;
  words!: Table<TermIndex, number>;
  runs!: Table<StoredRun, [SortKey, number]>;
  pages!: Table<PageDirectory, number>;
  officers!: Table<Officer, string>;
  meetings!: Table<Meeting, string>;
  load!: Table<LoadState, string>;
  reads!: Table<StoredRead, string>;
  constructor() {
    // No Dexie query cache: it would keep a second copy of the large index records, and its
    // clone does not carry typed arrays. Relaxed durability: the working set is never the store of record.
    super(DATABASE, { cache: 'disabled' });
    this.version(2).stores({
      requests: null,
      blocks: 'block',
      // Per page: the filter values, views, blanks and locks (read by the list, its options and
      // Today), and apart from them the search words (many more, read only while searching).
      terms: 'page',
      words: 'page',
      runs: '[sort+page]',
      pages: 'page',
      officers: 'id',
      meetings: 'id, date',
      load: 'id',
      // Per-screen reads (renderer/db/reads.ts), found again by the kinds of change they follow.
      reads: 'key, *refreshOn',
    });
  }
}

export let db = new WorkingSet();

/**
 * Page sizes: the first is small so the list paints at once, and the next grow, so the page being
 * read never holds up the first paint, yet loading ends sooner (pages of 10,000, the most main
 * gives at once, took 0.1-0.2 s less at 50,000 than pages of 5,000).
 */
export const PAGE_SIZES = [100, 1_000, 5_000, 10_000] as const;
const pageSize = (index: number) => PAGE_SIZES[Math.min(index, PAGE_SIZES.length - 1)]!;
/**
 * Each page after the first starts this many rows before the last one ended: a request whose due
 * date moves while the list loads shifts the rows after it, and the overlap keeps the row at a page
 * boundary from being skipped. A row already held is updated, never added twice.
 */
export const PAGE_OVERLAP = 50;
/** The first page index whose next page is fetched while it is written. */
const PREFETCH_FROM = 2;
/** The longest the fill waits between pages for the screens' reads to finish (see live.ts). */
const READS_TURN_MS = 250;
/** The page of rows a change event added after the load (not in any page main sent). */
const ADDED_PAGE = -1;

/** The list's sort columns. */
export const SORT_KEYS = ['target', 'sentOn', 'reference', 'subject', 'status', 'service', 'officerName'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Lower-cased with numbers padded, so "Item 9" sorts before "Item 10". */
export const sortKeyOf = (text: string): string => text.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'));

/** A row's value in a sort column, or null when it is not sorted there (locked, or no value: those go last). */
export function sortValue(row: RequestListRow, key: SortKey): string | null {
  if (row.locked) return null;
  const value = key === 'subject' ? sortKeyOf(row.subject) : row[key];
  return value ? value : null;
}

/** The filters that match a row's value exactly, and where the row keeps it. */
export const FILTER_FIELDS = {
  status: (r: RequestListRow) => r.status,
  service: (r: RequestListRow) => r.service,
  ward: (r: RequestListRow) => r.ward,
  classification: (r: RequestListRow) => r.classification,
  capacity: (r: RequestListRow) => r.capacity,
  route: (r: RequestListRow) => r.route,
  officer: (r: RequestListRow) => r.officerName,
  meetingId: (r: RequestListRow) => r.meetingId ?? '',
} as const;
export type FilterField = keyof typeof FILTER_FIELDS;

/** The terms of the term index, one spelling each (queries.ts reads them with the same functions). */
export const term = {
  field: (field: FilterField, value: string) => `f:${field}:${value}`,
  view: (view: RequestView) => `v:${view}`,
  blank: (key: SortKey) => `b:${key}`,
  locked: 'lock',
} as const;

const OTHER_VIEWS = REQUEST_VIEWS.filter((v) => v !== 'all');

/** A row's search words, as `listWordsOf` spells them (space-separated, '' for none). */
const wordList = (words: string): string[] => (words ? words.split(' ') : []);

const FILTERS = Object.entries(FILTER_FIELDS) as Array<[FilterField, (r: RequestListRow) => string]>;

/**
 * Every kind of term a row is found under besides its words: a filter value, a worklist view,
 * locked, or no value in a sort column. `of` gives the row's value for a filter, '' for a kind the
 * row is in that has no value, and null for one it is not in. One list, so a page's indexes and a
 * changed row's terms are worked out alike.
 */
const TERM_KINDS: ReadonlyArray<{
  name: (value: string) => string;
  of: (row: RequestListRow, sortValues: ReadonlyArray<string | null>) => string | null;
}> = [
  ...FILTERS.map(([field, read]) => ({
    name: (value: string) => term.field(field, value),
    of: (row: RequestListRow) => read(row) || null,
  })),
  ...OTHER_VIEWS.map((view) => ({ name: () => term.view(view), of: (row: RequestListRow) => (inView(view, row) ? '' : null) })),
  { name: () => term.locked, of: (row) => (row.locked ? '' : null) },
  ...SORT_KEYS.map((key, i) => ({
    name: () => term.blank(key),
    of: (row: RequestListRow, values: ReadonlyArray<string | null>) => (!row.locked && values[i] === null ? '' : null),
  })),
];

const sortValuesOf = (row: RequestListRow) => SORT_KEYS.map((key) => sortValue(row, key));

/** The terms a row is found under besides its words (`sortValues`: its value in each of SORT_KEYS, when the caller has them). */
export function termsOf(row: RequestListRow, sortValues = sortValuesOf(row)): string[] {
  const out: string[] = [];
  for (const kind of TERM_KINDS) {
    const value = kind.of(row, sortValues);
    if (value !== null) out.push(kind.name(value));
  }
  return out;
}

const addKey = (index: Map<string, number[]>, term: string, key: RowKey) => {
  const keys = index.get(term);
  if (keys) keys.push(key);
  else index.set(term, [key]);
};

/**
 * The page's word index from the words main sent with it (its terms are the words themselves, as main
 * words a request's reference, subject, question, notes and officer), under the keys of its new rows:
 * `keyAt[position]` is the key of the page's row at that position, or -1 for a row not stored from this page.
 */
function pageWordIndex(page: number, words: PageWords, keyAt: Int32Array): TermIndex {
  const { terms, starts, positions } = pagePositions(words);
  const kept: string[] = [];
  const keptStarts: number[] = [];
  const keys = new Int32Array(positions.length);
  let at = 0;
  for (let i = 0; i < terms.length; i++) {
    const first = at;
    for (let j = starts[i]!; j < starts[i + 1]!; j++) {
      const key = keyAt[positions[j]!] ?? -1;
      if (key >= 0) keys[at++] = key;
    }
    if (at > first) {
      kept.push(terms[i]!);
      keptStarts.push(first);
    }
  }
  keptStarts.push(at);
  return { page, terms: kept, starts: Int32Array.from(keptStarts), keys: keys.slice(0, at) };
}

/**
 * One page's term index and sort runs, from its new rows in one pass, and its word index. Keys are
 * gathered under each kind's value and the term named once per value: naming it per row cost a third of the page.
 */
function pageIndexes(page: number, working: readonly WorkingRequest[], words: PageWords, keyAt: Int32Array) {
  const byKind = TERM_KINDS.map(() => new Map<string, number[]>());
  const valued = SORT_KEYS.map(() => [] as Array<{ value: string; key: RowKey }>);
  for (const w of working) {
    const values = sortValuesOf(w);
    TERM_KINDS.forEach((kind, i) => {
      const value = kind.of(w, values);
      if (value !== null) addKey(byKind[i]!, value, w.key);
    });
    values.forEach((value, i) => value !== null && valued[i]!.push({ value, key: w.key }));
  }
  const byTerm = new Map<string, number[]>();
  TERM_KINDS.forEach((kind, i) => byKind[i]!.forEach((keys, value) => byTerm.set(kind.name(value), keys)));
  const runs: StoredRun[] = SORT_KEYS.map((sort, i) => ({ sort, page, ...sortRun(valued[i]!) }));
  return { terms: packTerms(page, byTerm), words: pageWordIndex(page, words, keyAt), runs };
}

/** Bumped on every lock and every fresh load, so a page arriving late from an earlier load is dropped. */
let generation = 0;
export const workingGeneration = () => generation;
/** Requests refreshed by a change event while a load is running: later pages must not overwrite them. */
let refreshedDuringLoad = new Set<string>();
let loadRunning = false;
/** The deletion started by the last lock; a load waits for it so it never writes into the old database. */
let deleting: Promise<unknown> = Promise.resolve();

/**
 * A read or write begun before a lock can meet the database the lock closed: that is the lock
 * winning, not a fault, so it ends quietly. Anything else is still an error.
 */
function lockedSince(mine: number, error: unknown): boolean {
  return mine !== generation || (error instanceof Error && error.name === 'DatabaseClosedError');
}

/** The same for code holding the database it began with: a lock since then swapped it, or closed it under the read. */
export function endedByLock(set: WorkingSet, error: unknown): boolean {
  return set !== db || (error instanceof Error && error.name === 'DatabaseClosedError');
}

const tables = (set: WorkingSet) => [set.blocks, set.terms, set.words, set.runs, set.pages, set.load];

/** Where every held request is, from the page directories. */
async function heldKeys(set: WorkingSet): Promise<Map<string, RowKey>> {
  const held = new Map<string, RowKey>();
  for (const page of await set.pages.toArray()) page.ids.forEach((id, i) => held.set(id, page.keys[i]!));
  return held;
}

/** What one load keeps from page to page. */
interface Fill {
  /** Where the load's stored pages put each row (reading every page's directory again cost 10-25 ms a page). */
  written: Map<string, RowKey>;
  /** The same, with the pages worked out and not yet stored. */
  planned: Map<string, RowKey>;
  /** The rows change events had added (addRow) when the last page was stored. */
  added: Map<string, RowKey>;
  /** The key after the last page worked out. */
  nextKey: number;
  /** Pages worked out again as they were stored: any page worked out before one was is out of date. */
  replans: number;
}

const newFill = (): Fill => ({ written: new Map(), planned: new Map(), added: new Map(), nextKey: 0, replans: 0 });

/** What a page was worked out from. The write checks it still holds. */
interface PlannedFrom {
  nextKey: number;
  added: number;
  refreshed: number;
  replans: number;
}

/**
 * One page of rows main sent, worked out ready to store: its new rows with their keys, blocks and
 * indexes. Worked out as soon as it arrives, while earlier pages are still being written, so storing
 * it costs only its writes.
 */
interface PreparedPage {
  page: number;
  /** The page as main sent it: kept whole so the write can work it out again. */
  sent: RequestListPage;
  from: PlannedFrom;
  fresh: WorkingRequest[];
  blocks: RowBlock[];
  indexes: ReturnType<typeof pageIndexes> | null;
  /** The key the row after this page gets. */
  nextKey: number;
}

function preparePage(page: number, sent: RequestListPage, heldKey: (id: string) => RowKey | undefined, from: PlannedFrom): PreparedPage {
  // Each page starts a fresh block, so its blocks are written without reading any.
  const first = Math.ceil(from.nextKey / BLOCK_ROWS) * BLOCK_ROWS;
  const keyAt = new Int32Array(sent.rows.length).fill(-1);
  const working: WorkingRequest[] = [];
  sent.rows.forEach((r, position) => {
    // A row refreshed by a change event since the load began is newer than this page's copy; a row
    // held already is updated, not added.
    if (refreshedDuringLoad.has(r.id) || heldKey(r.id) !== undefined) return;
    keyAt[position] = first + working.length;
    // The rows are this load's own copies (main's answer), so they take their key and page in place:
    // a copy of each cost 10 ms a page.
    working.push(Object.assign(r as WorkingRequest, { key: first + working.length, page }));
  });
  const blocks: RowBlock[] = [];
  for (let i = 0; i < working.length; i += BLOCK_ROWS)
    blocks.push({ block: (first + i) / BLOCK_ROWS, rows: working.slice(i, i + BLOCK_ROWS) });
  return {
    page,
    sent,
    from,
    fresh: working,
    blocks,
    indexes: working.length > 0 ? pageIndexes(page, working, sent.words, keyAt) : null,
    nextKey: working.length > 0 ? first + working.length : from.nextKey,
  };
}

/** Works out the load's next page, counting the rows of the pages before it as held. */
function planPage(fill: Fill, page: number, sent: RequestListPage): PreparedPage {
  const { planned, added } = fill;
  const from = { nextKey: fill.nextKey, added: added.size, refreshed: refreshedDuringLoad.size, replans: fill.replans };
  const prepared = preparePage(page, sent, (id) => planned.get(id) ?? added.get(id), from);
  for (const w of prepared.fresh) planned.set(w.id, w.key);
  fill.nextKey = prepared.nextKey;
  return prepared;
}

const samePlan = (a: PlannedFrom, b: PlannedFrom) =>
  a.nextKey === b.nextKey && a.added === b.added && a.refreshed === b.refreshed && a.replans === b.replans;

/**
 * Stores pages of the load, in order, in one transaction: new rows with their indexes, rows already
 * held updated. Pages that arrived while the one before was stored go in together, so the screens'
 * reads run once for them, not once a page. If a change event has added or refreshed a row since a
 * page was worked out, it is worked out again here.
 */
async function writePages(set: WorkingSet, fill: Fill, batch: readonly PreparedPage[], total: number, loading: boolean) {
  let stored: PreparedPage[] = [];
  let addedKeys = new Map<string, RowKey>();
  await set.transaction('rw', tables(set), async () => {
    stored = [];
    let state = (await set.load.get('requests'))!;
    // Besides the load's own pages, only a change event adds rows (addRow, to ADDED_PAGE).
    const added = await set.pages.get(ADDED_PAGE);
    addedKeys = new Map(added?.ids.map((id, i) => [id, added.keys[i]!]));
    // The rows of this batch's pages stored so far count as held for the pages after them.
    const inBatch = new Map<string, RowKey>();
    const heldKey = (id: string) => fill.written.get(id) ?? inBatch.get(id) ?? addedKeys.get(id);
    let replans = fill.replans;
    for (const prepared of batch) {
      const now = { nextKey: state.nextKey, added: addedKeys.size, refreshed: refreshedDuringLoad.size, replans };
      let page = prepared;
      if (!samePlan(prepared.from, now)) {
        page = preparePage(prepared.page, prepared.sent, heldKey, now);
        replans++;
      }
      await storePage(set, page, heldKey);
      for (const w of page.fresh) inBatch.set(w.id, w.key);
      state = { ...state, rows: state.rows + page.fresh.length, nextKey: page.nextKey };
      stored.push(page);
    }
    // The last page and the progress land together, so a screen never shows "loaded" before the rows.
    await set.load.put({ ...state, total, loading });
  });
  // Only once the pages are in: a transaction that failed wrote nothing.
  fill.added = addedKeys;
  batch.forEach((prepared, i) => {
    const page = stored[i]!;
    if (page !== prepared) {
      fill.replans++;
      for (const w of prepared.fresh) fill.planned.delete(w.id);
      fill.nextKey = page.nextKey;
    }
    for (const w of page.fresh) {
      fill.written.set(w.id, w.key);
      fill.planned.set(w.id, w.key);
    }
  });
}

/** One worked-out page inside the load's transaction: its new rows with their indexes, and held rows that changed. */
async function storePage(set: WorkingSet, page: PreparedPage, heldKey: (id: string) => RowKey | undefined) {
  const { fresh, indexes } = page;
  if (indexes) {
    await Promise.all([
      set.blocks.bulkPut(page.blocks),
      set.terms.put(indexes.terms),
      set.words.put(indexes.words),
      set.runs.bulkPut(indexes.runs),
      set.pages.put({ page: page.page, ids: fresh.map((w) => w.id), keys: Int32Array.from(fresh, (w) => w.key) }),
    ]);
  }
  // Rows already held (the pages' overlap, or a row that moved): rewritten only if changed. Their
  // blocks are read in one go; one read per row, one after another, cost tens of ms a page. Rows
  // refreshed by a change event are skipped: their refresh is newer.
  const again = page.sent.rows.flatMap((row) => {
    const key = refreshedDuringLoad.has(row.id) ? undefined : heldKey(row.id);
    return key === undefined ? [] : [{ key, row }];
  });
  const heldBlocks = await set.blocks.bulkGet([...new Set(again.map((a) => Math.floor(a.key / BLOCK_ROWS)))]);
  const heldRow = new Map<RowKey, WorkingRequest>();
  for (const block of heldBlocks) for (const r of block?.rows ?? []) if (r) heldRow.set(r.key, r);
  for (const { key, row } of again) {
    const old = heldRow.get(key);
    // Its words stay: a change to them (an edit) comes as a change event, which refreshes the row.
    if (old && !sameRow(old, row)) await rewriteRow(set, key, row, null);
  }
}

const sameRow = (held: WorkingRequest, row: RequestListRow) =>
  (Object.keys(row) as Array<keyof RequestListRow>).every((field) => held[field] === row[field]);

/**
 * A held row changed: the block, the page's terms and the runs whose value moved, and its words when
 * given (null: they stay as they are). Inside a transaction.
 */
async function rewriteRow(set: WorkingSet, key: RowKey, row: RequestListRow, words: string | null): Promise<void> {
  const block = await set.blocks.get(Math.floor(key / BLOCK_ROWS));
  const old = block?.rows[key % BLOCK_ROWS];
  if (!block || !old) return;
  if (words !== null) {
    // Rows do not keep their words, so the old ones are not known: the key leaves every word it was under.
    const held = (await set.words.get(old.page)) ?? packTerms(old.page, new Map());
    const now = wordList(words);
    // Written only if they changed: a rewrite re-runs every live search.
    if (!hasExactlyTerms(held, key, now)) await set.words.put(setKeyTerms(held, key, now));
  }
  if (sameRow(old, row)) return;
  const updated: WorkingRequest = { ...row, key, page: old.page };
  block.rows[key % BLOCK_ROWS] = updated;
  const terms = await set.terms.get(old.page);
  await Promise.all([
    set.blocks.put(block),
    set.terms.put(moveKey(terms ?? packTerms(old.page, new Map()), key, termsOf(old), termsOf(updated))),
  ]);
  await placeInRuns(set, old.page, key, old, updated);
}

async function placeInRuns(set: WorkingSet, page: number, key: RowKey, old: RequestListRow | null, row: RequestListRow) {
  for (const sort of SORT_KEYS) {
    const value = sortValue(row, sort);
    if (old && sortValue(old, sort) === value) continue;
    const run = (await set.runs.get([sort, page])) ?? { sort, page, values: [], keys: new Int32Array(0) };
    await set.runs.put({ sort, page, ...placeInRun(run, key, value) });
  }
}

/** A request main has that the working set does not yet hold (added since the load read its page). */
async function addRow(set: WorkingSet, row: RequestListRow, words: string): Promise<void> {
  const state = await set.load.get('requests');
  if (!state) return;
  const key = state.nextKey;
  const working: WorkingRequest = { ...row, key, page: ADDED_PAGE };
  const blockNo = Math.floor(key / BLOCK_ROWS);
  const block = (await set.blocks.get(blockNo)) ?? { block: blockNo, rows: [] };
  block.rows[key % BLOCK_ROWS] = working;
  const empty = packTerms(ADDED_PAGE, new Map());
  const [terms, wordIndex] = await Promise.all([set.terms.get(ADDED_PAGE), set.words.get(ADDED_PAGE)]);
  const directory = (await set.pages.get(ADDED_PAGE)) ?? { page: ADDED_PAGE, ids: [], keys: new Int32Array(0) };
  await Promise.all([
    set.blocks.put(block),
    set.terms.put(moveKey(terms ?? empty, key, [], termsOf(working))),
    set.words.put(moveKey(wordIndex ?? empty, key, [], wordList(words))),
    set.pages.put({ page: ADDED_PAGE, ids: [...directory.ids, row.id], keys: Int32Array.from([...directory.keys, key]) }),
    set.load.put({ ...state, rows: state.rows + 1, total: state.total + 1, nextKey: key + 1 }),
  ]);
  await placeInRuns(set, ADDED_PAGE, key, null, working);
}

/**
 * After unlock: fetches every visible request a page at a time (main reads the next page while this
 * one is written), and the officers and meetings. Resolves with the number of requests held when
 * all are in; stops quietly if the app locks.
 */
export async function loadWorkingSet(): Promise<number> {
  const mine = ++generation;
  await deleting;
  if (mine !== generation) return 0;
  const set = db;
  await set.transaction('rw', tables(set), async () => {
    await Promise.all([set.blocks.clear(), set.terms.clear(), set.words.clear(), set.runs.clear(), set.pages.clear()]);
    await set.load.put({ id: 'requests', total: 0, rows: 0, loading: true, nextKey: 0 });
  });
  if (mine !== generation) return 0;
  refreshedDuringLoad = new Set();
  loadRunning = true;
  const fill = newFill();
  interface Arrived {
    page: OutputOf<'requests:list'>;
    prepared: PreparedPage;
    done: boolean;
  }
  // Pages in the list's order, each asked for once, and worked out as soon as it arrives (null if the
  // app locked by then). Each is asked for once the one before has arrived, from PAGE_OVERLAP rows
  // before where that one ended.
  const asked: Array<Promise<Arrived | null>> = [];
  /** The pages that have arrived, by index, as soon as each has (`asked` gives them only in a later turn). */
  const arrivedPages: Arrived[] = [];
  let from = 0;
  let ended = false;
  let arrived = 0;
  let stored = 0;
  const ask = () => {
    const index = asked.length;
    const offset = from;
    // Main reads the page after this one ahead, from where it will start if this one is full.
    const limit = pageSize(index);
    const ahead = index >= PREFETCH_FROM ? { offset: Math.max(0, offset + limit - PAGE_OVERLAP), limit: pageSize(index + 1) } : undefined;
    const ready = api()
      .requests.list({ offset, limit, ahead })
      .then((result) => {
        const page = unwrap(result);
        if (mine !== generation) return null;
        const end = offset + page.rows.length;
        const done = page.rows.length === 0 || end >= page.total;
        from = Math.max(0, end - PAGE_OVERLAP);
        ended ||= done;
        arrived++;
        if (!done) keepAsking();
        const prepared = planPage(fill, index, page);
        arrivedPages[index] = { page, prepared, done };
        return arrivedPages[index];
      });
    ready.catch(() => undefined); // awaited in its turn; a lock may leave it unread
    asked.push(ready);
  };
  /**
   * From the third page on, the next page is asked for as soon as one arrives (while at most three
   * wait to be stored), so main reads it while this one is worked out and written. Not before: the
   * screens' first reads from main would queue behind a 5,000-row page. Never two at once: on two
   * cores, main answering two pages together slowed the window's writes to over a second each.
   */
  const keepAsking = () => {
    if (asked.length > PREFETCH_FROM && asked.length === arrived && asked.length - stored < 3 && !ended) ask();
  };
  void refreshDirectory(mine);
  ask();
  try {
    for (let index = 0; ;) {
      const got = await asked[index];
      if (!got || mine !== generation) return 0;
      // With it, the pages after it that have arrived already (at most three wait, see keepAsking).
      const batch = [got];
      while (!batch[batch.length - 1]!.done && arrivedPages[index + batch.length]) batch.push(arrivedPages[index + batch.length]!);
      const last = batch[batch.length - 1]!;
      await writePages(
        set,
        fill,
        batch.map((b) => b.prepared),
        last.page.total,
        !last.done,
      );
      stored += batch.length;
      index += batch.length;
      if (mine !== generation) return 0;
      if (last.done) return (await set.load.get('requests'))?.rows ?? 0;
      await readsSettled(READS_TURN_MS);
      if (asked.length === index) ask();
      else keepAsking();
    }
  } catch (error) {
    if (lockedSince(mine, error)) return 0;
    throw error;
  } finally {
    if (mine === generation) loadRunning = false;
  }
}

/** A change event for one request: refresh just that row. */
export async function refreshRequest(id: string): Promise<void> {
  const mine = generation;
  const set = db;
  try {
    const result = await api().requests.get({ id });
    if (!result.ok || mine !== generation) return;
    if (loadRunning) refreshedDuringLoad.add(id);
    await set.transaction('rw', tables(set), async () => {
      const key = (await heldKeys(set)).get(id);
      const row = listRowOf(result.value.row);
      const words = listWordsOf(result.value.row);
      if (key === undefined) await addRow(set, row, words);
      else await rewriteRow(set, key, row, words);
    });
  } catch (error) {
    if (!lockedSince(mine, error)) throw error;
  }
}

/** Officers and meetings, refilled whole (a council has tens, not thousands) on any change to one. */
export async function refreshDirectory(mine = generation): Promise<void> {
  const set = db;
  try {
    const [officers, meetings] = await Promise.all([api().officers.list(), api().meetings.list()]);
    if (mine !== generation) return;
    await set.transaction('rw', set.officers, set.meetings, async () => {
      if (officers.ok) {
        await set.officers.clear();
        await set.officers.bulkPut(officers.value);
      }
      if (meetings.ok) {
        await set.meetings.clear();
        await set.meetings.bulkPut(meetings.value);
      }
    });
  } catch (error) {
    if (!lockedSince(mine, error)) throw error;
  }
}

/** On lock: the whole database goes, then a fresh empty one is ready for the next unlock. */
export async function clearWorkingSet(): Promise<void> {
  generation++;
  loadRunning = false;
  // Swap in the fresh instance at once: code running during the deletion must never reach the
  // closed one. IndexedDB opens it only after the deletion has finished.
  const old = db;
  db = new WorkingSet();
  old.close();
  deleting = Dexie.delete(DATABASE);
  await deleting;
}

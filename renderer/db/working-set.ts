// The renderer's working set (DESIGN §1): an IndexedDB database inside the window's in-memory
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
import { listRowOf, type RequestListRow } from '../../shared/ipc/views';
import { api, unwrap } from '../app/api';
import { readsSettled } from './live';
import { moveKey, packTerms, placeInRun, sortRun, type RowKey, type SortRun, type TermIndex } from './packed-index';
import type { StoredRead } from './reads';

export type { RowKey } from './packed-index';

/** A request row as stored: with its key and the page whose indexes hold it. */
export interface WorkingRequest extends RequestListRow {
  key: RowKey;
  page: number;
}

/** Rows per stored block: small enough that reading the rows on screen reads little else. */
export const BLOCK_ROWS = 10;
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
 * read never holds up the first paint, yet loading ends sooner.
 */
export const PAGE_SIZES = [100, 1_000, 5_000] as const;
const pageSize = (index: number) => PAGE_SIZES[Math.min(index, PAGE_SIZES.length - 1)]!;
/**
 * Each page after the first starts this many rows before the last one ended: a request whose due
 * date moves while the list loads shifts the rows after it, and the overlap keeps the row at a page
 * boundary from being skipped. A row already held is updated, never added twice.
 */
export const PAGE_OVERLAP = 50;
/** Rows per stored page (one write transaction): a screen's read never waits long behind one. */
const STORED_PAGE = 5_000;
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

/**
 * The search words a row is found under (main words its reference, subject, question, notes and
 * officer). The word index holds nothing else, so its terms are the words themselves.
 */
export const wordsOfRow = (row: RequestListRow): string[] => (row.words ? row.words.split(' ') : []);

const FILTERS = Object.entries(FILTER_FIELDS) as Array<[FilterField, (r: RequestListRow) => string]>;

/**
 * The terms a row is found under besides its words: filter values, worklist views, blanks, locked.
 * `sortValues` (the row's value in each of SORT_KEYS) when the caller has them already.
 */
export function termsOf(row: RequestListRow, sortValues = SORT_KEYS.map((key) => sortValue(row, key))): string[] {
  const out: string[] = [];
  for (const [field, read] of FILTERS) {
    const value = read(row);
    if (value) out.push(term.field(field, value));
  }
  for (const view of OTHER_VIEWS) if (inView(view, row)) out.push(term.view(view));
  if (row.locked) out.push(term.locked);
  else SORT_KEYS.forEach((key, i) => sortValues[i] === null && out.push(term.blank(key)));
  return out;
}

const addKey = (index: Map<string, number[]>, term: string, key: RowKey) => {
  const keys = index.get(term);
  if (keys) keys.push(key);
  else index.set(term, [key]);
};

/** One page's term index, word index and sort runs, from its new rows in one pass. */
function pageIndexes(page: number, working: readonly WorkingRequest[]) {
  const byTerm = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const valued = SORT_KEYS.map(() => [] as Array<{ value: string; key: RowKey }>);
  for (const w of working) {
    const values = SORT_KEYS.map((key) => sortValue(w, key));
    for (const t of termsOf(w, values)) addKey(byTerm, t, w.key);
    for (const word of wordsOfRow(w)) addKey(byWord, word, w.key);
    values.forEach((value, i) => value !== null && valued[i]!.push({ value, key: w.key }));
  }
  const runs: StoredRun[] = SORT_KEYS.map((sort, i) => ({ sort, page, ...sortRun(valued[i]!) }));
  return { terms: packTerms(page, byTerm), words: packTerms(page, byWord), runs };
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

/**
 * Writes one stored page of rows main sent: new rows with their indexes, rows already held updated.
 * `written` is where the load's earlier pages put their rows (kept by the load, and extended here
 * once this page is in): reading every page's directory again cost 10-25 ms a page at 50,000.
 */
async function writePage(
  set: WorkingSet,
  page: number,
  rows: readonly RequestListRow[],
  total: number,
  loading: boolean,
  written: Map<string, RowKey>,
) {
  let wrote: WorkingRequest[] = [];
  await set.transaction('rw', tables(set), async () => {
    const state = (await set.load.get('requests'))!;
    // Besides the load's own pages, only a change event adds rows (addRow, to ADDED_PAGE).
    const added = await set.pages.get(ADDED_PAGE);
    const addedKeys = new Map(added?.ids.map((id, i) => [id, added.keys[i]!]));
    const heldKey = (id: string) => written.get(id) ?? addedKeys.get(id);
    const fresh = rows.filter((r) => heldKey(r.id) === undefined);
    // Each page starts a fresh block, so its blocks are written without reading any.
    const first = Math.ceil(state.nextKey / BLOCK_ROWS) * BLOCK_ROWS;
    const working: WorkingRequest[] = fresh.map((r, i) => ({ ...r, key: first + i, page }));
    if (working.length > 0) {
      const blocks: RowBlock[] = [];
      for (let i = 0; i < working.length; i += BLOCK_ROWS)
        blocks.push({ block: (first + i) / BLOCK_ROWS, rows: working.slice(i, i + BLOCK_ROWS) });
      const { terms, words, runs } = pageIndexes(page, working);
      await Promise.all([
        set.blocks.bulkPut(blocks),
        set.terms.put(terms),
        set.words.put(words),
        set.runs.bulkPut(runs),
        set.pages.put({ page, ids: working.map((w) => w.id), keys: Int32Array.from(working, (w) => w.key) }),
      ]);
      wrote = working;
    }
    // Rows already held (the pages' overlap, or a row that moved): rewritten only if changed. Their
    // blocks are read in one go; one read per row, one after another, cost tens of ms a page.
    const again = rows.flatMap((row) => {
      const key = heldKey(row.id);
      return key === undefined ? [] : [{ key, row }];
    });
    const heldBlocks = await set.blocks.bulkGet([...new Set(again.map((a) => Math.floor(a.key / BLOCK_ROWS)))]);
    const heldRow = new Map<RowKey, WorkingRequest>();
    for (const block of heldBlocks) for (const r of block?.rows ?? []) if (r) heldRow.set(r.key, r);
    for (const { key, row } of again) {
      const old = heldRow.get(key);
      if (old && !sameRow(old, row)) await rewriteRow(set, key, row);
    }
    await set.load.put({
      ...state,
      total,
      loading,
      rows: state.rows + working.length,
      nextKey: working.length > 0 ? first + working.length : state.nextKey,
    });
  });
  // Only once the page is in: a transaction that failed wrote nothing.
  for (const w of wrote) written.set(w.id, w.key);
}

const sameRow = (held: WorkingRequest, row: RequestListRow) =>
  (Object.keys(row) as Array<keyof RequestListRow>).every((field) => held[field] === row[field]);

/** A held row changed: the block, the page's terms and the runs whose value moved (inside a transaction). */
async function rewriteRow(set: WorkingSet, key: RowKey, row: RequestListRow): Promise<void> {
  const block = await set.blocks.get(Math.floor(key / BLOCK_ROWS));
  const old = block?.rows[key % BLOCK_ROWS];
  if (!block || !old || sameRow(old, row)) return;
  const updated: WorkingRequest = { ...row, key, page: old.page };
  block.rows[key % BLOCK_ROWS] = updated;
  const [terms, words] = await Promise.all([set.terms.get(old.page), set.words.get(old.page)]);
  const empty = packTerms(old.page, new Map());
  await Promise.all([
    set.blocks.put(block),
    set.terms.put(moveKey(terms ?? empty, key, termsOf(old), termsOf(updated))),
    set.words.put(moveKey(words ?? empty, key, wordsOfRow(old), wordsOfRow(updated))),
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
async function addRow(set: WorkingSet, row: RequestListRow): Promise<void> {
  const state = await set.load.get('requests');
  if (!state) return;
  const key = state.nextKey;
  const working: WorkingRequest = { ...row, key, page: ADDED_PAGE };
  const blockNo = Math.floor(key / BLOCK_ROWS);
  const block = (await set.blocks.get(blockNo)) ?? { block: blockNo, rows: [] };
  block.rows[key % BLOCK_ROWS] = working;
  const empty = packTerms(ADDED_PAGE, new Map());
  const [terms, words] = await Promise.all([set.terms.get(ADDED_PAGE), set.words.get(ADDED_PAGE)]);
  const directory = (await set.pages.get(ADDED_PAGE)) ?? { page: ADDED_PAGE, ids: [], keys: new Int32Array(0) };
  await Promise.all([
    set.blocks.put(block),
    set.terms.put(moveKey(terms ?? empty, key, [], termsOf(working))),
    set.words.put(moveKey(words ?? empty, key, [], wordsOfRow(working))),
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
  void refreshDirectory(mine);
  const fetchPage = (offset: number, index: number) => {
    const reply = api().requests.list({ offset, limit: pageSize(index) });
    reply.catch(() => undefined); // awaited in its turn; a lock may leave it unread
    return reply;
  };
  try {
    let stored = 0;
    let from = 0;
    const written = new Map<string, RowKey>();
    let next: ReturnType<typeof fetchPage> | null = fetchPage(0, 0);
    for (let index = 0; ; index++) {
      const page = unwrap(await (next ?? fetchPage(from, index)));
      next = null;
      if (mine !== generation) return 0;
      const offset = from + page.rows.length;
      const done = page.rows.length === 0 || offset >= page.total;
      if (!done) from = Math.max(0, offset - PAGE_OVERLAP);
      // From the third page on, main reads the next page while this one is written. Not before:
      // the screens' first reads from main would queue behind a 5,000-row page.
      if (!done && index >= PREFETCH_FROM) next = fetchPage(from, index + 1);
      for (let start = 0; start < page.rows.length || start === 0; start += STORED_PAGE) {
        // A row refreshed by a change event since the load began is newer than this page's copy.
        const rows = page.rows.slice(start, start + STORED_PAGE).filter((r) => !refreshedDuringLoad.has(r.id));
        const last = start + STORED_PAGE >= page.rows.length;
        // The last stored page and the progress land together, so a screen never shows "loaded" before the rows.
        await writePage(set, stored++, rows, page.total, !(done && last), written);
        if (mine !== generation) return 0;
        if (!(done && last)) await readsSettled(READS_TURN_MS);
      }
      if (done) return (await set.load.get('requests'))?.rows ?? 0;
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
      if (key === undefined) await addRow(set, row);
      else await rewriteRow(set, key, row);
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

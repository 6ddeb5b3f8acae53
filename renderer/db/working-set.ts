// The renderer's working set: an IndexedDB database inside the window's in-memory session, holding
// only what the signed-in role was sent (the requests list's pages, officers, meetings and each
// screen's last answer from main), kept current by change events and deleted on lock. Never the
// store of record: main answers the list (docs/LIST.md); screens read what it sent through live
// queries, so a page written here re-renders every screen showing it.
import Dexie, { type Table } from 'dexie';
import type { Meeting, Officer } from '../../shared/domain/directory';
import { DEFAULT_LIST_QUERY, type ListQuery, type RequestListRow } from '../../shared/ipc/views';
import { api, ApiError } from '../kit/api';

/**
 * What a read is fetched again on: any change to a kind of record (from records:changed), a change
 * to one record (`request:<id>`), or the app settings (settings:changed).
 */
export type RefreshOn = RecordType | `${RecordType}:${string}` | 'settings';

/** A screen's read as the working set keeps it (renderer/db/reads.ts fetches and refreshes it). */
export interface StoredRead {
  key: string;
  channel: InvokeChannel;
  input: unknown;
  refreshOn: RefreshOn[];
  value: unknown;
  /** The message main gave in plain words when the read failed, or null. */
  error: string | null;
}
import type { RecordType } from '../../shared/domain/record-types';
import type { InvokeChannel } from '../../shared/ipc/contract';

/** One page of the requests list as main sent it, under its query and page number (renderer/db/list.ts). */
export interface ListPage {
  key: string;
  rows: RequestListRow[];
  /** Rows matching its query, and rows the user can see at all. */
  total: number;
  all: number;
  /** Main's refusal in plain words, when the page could not be read. */
  error: string | null;
  /** The change count it was asked for at: a page from before the last change is asked for again when shown. */
  epoch: number;
}

export const DATABASE = 'need-to-know-working-set';

export class WorkingSet extends Dexie {
  pages!: Table<ListPage, string>;
  officers!: Table<Officer, string>;
  meetings!: Table<Meeting, string>;
  reads!: Table<StoredRead, string>;
  constructor() {
    super(DATABASE);
    this.version(3).stores({
      pages: 'key',
      officers: 'id',
      meetings: 'id, date',
      // Per-screen reads (renderer/db/reads.ts), found again by the kinds of change they follow.
      reads: 'key, *refreshOn',
    });
  }
}

export let db = new WorkingSet();

/** Bumped on every lock, so an answer arriving late from before it is dropped. */
let generation = 0;
/** The deletion started by the last lock; a load waits for it so it never writes into the old database. */
let deleting: Promise<unknown> = Promise.resolve();

/**
 * A read or write begun before a lock can meet the database the lock closed: that is the lock
 * winning, not a fault, so it ends quietly. Anything else is still an error.
 */
export function endedByLock(set: WorkingSet, error: unknown): boolean {
  return set !== db || (error instanceof Error && error.name === 'DatabaseClosedError');
}

/** Rows per page of the list: a screenful or two, so a page costs main and the window next to nothing. */
export const PAGE_ROWS = 50;

/** Where a page of a query is kept. */
export const pageKey = (query: ListQuery, page: number): string => `${JSON.stringify(query)} ${page}`;

/**
 * Bumped on every change event and every lock: an answer asked for before it may be stale, so it is
 * dropped (the pages on screen are asked for again, see listChanged).
 */
let epoch = 0;
/** Pages being asked for now, so two screens (or renders) asking for one page ask main once. */
let asking = new Map<string, Promise<void>>();
/** The pages some screen shows now, by key, with how many screens show each. */
const shown = new Map<string, { query: ListQuery; page: number; screens: number }>();

/**
 * The change count each page in the pages table was asked for at, mirrored here so that showing a
 * page needs no read of the table first (a read before each answer cost a scroll or a filter 5-15 ms).
 */
let heldAt = new Map<string, number>();

/** Pages `first`… of a query, in one answer from main (the pages a screen shows are next to each other). */
async function askMain(query: ListQuery, first: number, count: number, at: number): Promise<ListPage[]> {
  const result = await api().requests.list({ offset: first * PAGE_ROWS, limit: count * PAGE_ROWS, query });
  return Array.from({ length: count }, (_, i) => {
    const key = pageKey(query, first + i);
    if (!result.ok) return { key, rows: [], total: 0, all: 0, error: result.error.message, epoch: at };
    const { total, all, rows } = result.value;
    return { key, total, all, rows: rows.slice(i * PAGE_ROWS, (i + 1) * PAGE_ROWS), error: null, epoch: at };
  });
}

/**
 * Asks main for the pages of a query not held since the last change and not on their way, each run
 * of neighbouring pages in one call; stored only if nothing changed meanwhile.
 */
export function fetchPages(query: ListQuery, pages: readonly number[]): Promise<void> {
  const set = db;
  const mine = epoch;
  const waits: Array<Promise<void>> = [];
  const runs: number[][] = [];
  for (const page of pages) {
    const key = pageKey(query, page);
    const already = asking.get(key);
    if (already) waits.push(already);
    else if (heldAt.get(key) !== mine) {
      const run = runs.at(-1);
      if (run && run.at(-1) === page - 1) run.push(page);
      else runs.push([page]);
    }
  }
  for (const run of runs) {
    const done = (async () => {
      const answer = await askMain(query, run[0]!, run.length, mine);
      if (mine !== epoch || set !== db) return;
      await set.pages.bulkPut(answer);
      for (const page of answer) heldAt.set(page.key, mine);
    })()
      .catch((error: unknown) => {
        if (!endedByLock(set, error)) throw error;
      })
      .finally(() => {
        for (const page of run) if (asking.get(pageKey(query, page)) === done) asking.delete(pageKey(query, page));
      });
    for (const page of run) asking.set(pageKey(query, page), done);
    waits.push(done);
  }
  return Promise.all(waits).then(() => undefined);
}

/** One page of a query, as fetchPages. */
export const fetchPage = (query: ListQuery, page: number): Promise<void> => fetchPages(query, [page]);

/** A screen shows these pages of a query (fetched if not held); returns the function that says it no longer does. */
export function showPages(query: ListQuery, pages: readonly number[]): () => void {
  for (const page of pages) {
    const key = pageKey(query, page);
    const entry = shown.get(key) ?? { query, page, screens: 0 };
    entry.screens++;
    shown.set(key, entry);
  }
  void fetchPages(query, pages);
  return () => {
    for (const page of pages) {
      const key = pageKey(query, page);
      const entry = shown.get(key);
      if (entry && --entry.screens === 0) shown.delete(key);
    }
  };
}

let refreshing: Promise<void> | null = null;
let changedAgain = false;

/**
 * A change main announced can move any row into or out of any query, and change every count: the
 * pages on screen are asked for again and swapped in together (so a screen goes from one whole answer
 * to the next), and every other page held from before the change goes. Until then a page from before
 * is shown but asked for again when a screen shows it (fetchPages). Changes arriving meanwhile are
 * taken in one more round.
 */
export function listChanged(): Promise<void> {
  epoch++;
  asking = new Map();
  if (refreshing) {
    changedAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      changedAgain = false;
      await refreshShown();
    } while (changedAgain);
  })().finally(() => (refreshing = null));
  return refreshing;
}

async function refreshShown(): Promise<void> {
  const set = db;
  const mine = epoch;
  try {
    const fresh = (await Promise.all([...shown.values()].map(({ query, page }) => askMain(query, page, 1, mine)))).flat();
    if (mine !== epoch || set !== db) return; // changed again: the next round asks again
    await set.transaction('rw', set.pages, async () => {
      await set.pages.filter((p) => p.epoch < mine).delete();
      await set.pages.bulkPut(fresh);
    });
    for (const [key, at] of heldAt) if (at < mine) heldAt.delete(key);
    for (const page of fresh) heldAt.set(page.key, mine);
  } catch (error) {
    if (!endedByLock(set, error)) throw error;
  }
}

/**
 * After unlock: officers and meetings, and the list's first page, so the list paints at once when
 * opened. Throws main's refusal in plain words; stops quietly if the app locks.
 */
export async function loadWorkingSet(): Promise<void> {
  const mine = generation;
  await deleting;
  if (mine !== generation) return;
  const set = db;
  await Promise.all([fetchPage(DEFAULT_LIST_QUERY, 0), refreshDirectory(mine)]);
  if (mine !== generation) return;
  try {
    const first = await set.pages.get(pageKey(DEFAULT_LIST_QUERY, 0));
    if (first?.error) throw new ApiError('cannot-open', first.error);
  } catch (error) {
    if (!endedByLock(set, error)) throw error;
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
    if (!endedByLock(set, error)) throw error;
  }
}

/** On lock: the whole database goes, then a fresh empty one is ready for the next unlock. */
export async function clearWorkingSet(): Promise<void> {
  generation++;
  epoch++;
  asking = new Map();
  heldAt = new Map();
  shown.clear();
  // Swap in the fresh instance at once: code running during the deletion must never reach the
  // closed one. IndexedDB opens it only after the deletion has finished.
  const old = db;
  db = new WorkingSet();
  old.close();
  deleting = Dexie.delete(DATABASE);
  await deleting;
}

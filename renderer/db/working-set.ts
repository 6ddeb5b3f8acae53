// The renderer's working set (DESIGN §1): an IndexedDB database inside the window's in-memory
// session, filled from the main process after unlock with only what the signed-in role may see,
// kept current by change events, and deleted on lock. Never the store of record.
//
// Filling it at 50,000 requests takes seconds, so it is filled a page at a time in the list's own
// order: the first page is on screen long before the last has arrived. Every row written to Dexie is
// also kept in `mirror`, in memory, because the list filters and sorts every row on each keystroke
// and re-reading 50,000 rows from IndexedDB for that would cost far more than the 100 ms allowed.
import Dexie, { type Table } from 'dexie';
import type { RequestRow } from '../../shared/ipc/views';
import { api, unwrap } from '../app/api';

export interface WorkingRequest extends RequestRow {
  /** Lower-case reference, subject, question, notes and officer, for full-text search. */
  text: string;
}

const DATABASE = 'need-to-know-working-set';

class WorkingSet extends Dexie {
  requests!: Table<WorkingRequest, string>;
  constructor() {
    super(DATABASE);
    this.version(1).stores({
      // No full-text index: a multi-entry word index made loading 50,000 requests far slower than
      // scanning their text in memory, which stays under 100 ms (npm run bench).
      requests: 'id, status, target, service, ward, officerName, meetingId, capacity, route, classification, [status+target]',
    });
  }
}

export let db = new WorkingSet();

/**
 * Page sizes: the first is small so the list paints at once, and the next grow, so the page being
 * read (10 MB of JSON for 5,000 requests) never holds up the first paint, yet loading ends sooner.
 */
export const PAGE_SIZES = [100, 1_000, 5_000] as const;
const pageSize = (index: number) => PAGE_SIZES[Math.min(index, PAGE_SIZES.length - 1)]!;
/**
 * Each page after the first starts this many rows before the last one ended: a request whose due
 * date moves while the list loads shifts the rows after it, and the overlap keeps the row at a page
 * boundary from being skipped. Rows are kept by id, so the overlap adds nothing twice.
 */
export const PAGE_OVERLAP = 50;

export const searchTextOf = (row: RequestRow): string => `${row.reference} ${row.subject} ${row.question} ${row.notes} ${row.officerName}`.toLowerCase();

const toWorking = (row: RequestRow): WorkingRequest => ({ ...row, text: searchTextOf(row) });

export interface WorkingSetSnapshot {
  /** Every row loaded so far, in the order main sent them (due date first). */
  rows: readonly WorkingRequest[];
  /** Rows main says the user may see; `rows.length` reaches it when loading is done. */
  total: number;
  loading: boolean;
}

let mirror = new Map<string, WorkingRequest>();
let snapshot: WorkingSetSnapshot = { rows: [], total: 0, loading: false };
const listeners = new Set<() => void>();
/** Bumped on every lock and every fresh load, so a page arriving late from an earlier load is dropped. */
let generation = 0;
/** Requests refreshed by a change event while a load is running: later pages must not overwrite them. */
let refreshedDuringLoad = new Set<string>();
/** The deletion started by the last lock; a load waits for it so it never writes into the old database. */
let deleting: Promise<unknown> = Promise.resolve();

function publish(total: number, loading: boolean): void {
  snapshot = { rows: [...mirror.values()], total, loading };
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: the rows change as pages arrive and as single requests change. */
export function subscribeWorkingSet(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const workingSetSnapshot = (): WorkingSetSnapshot => snapshot;

/**
 * After unlock: fetches every visible request a page at a time, writing each page to Dexie and the
 * mirror before asking for the next. Resolves when all are in; stops quietly if the app locks.
 */
export async function loadWorkingSet(): Promise<number> {
  const mine = ++generation;
  mirror = new Map();
  await deleting;
  if (mine !== generation) return 0;
  await db.requests.clear();
  if (mine !== generation) return 0;
  refreshedDuringLoad = new Set();
  publish(0, true);
  let offset = 0;
  let total = 0;
  for (let index = 0; ; index++) {
    const from = Math.max(0, offset - (index > 0 ? PAGE_OVERLAP : 0));
    const page = unwrap(await api().requests.list({ offset: from, limit: pageSize(index) }));
    if (mine !== generation) return offset;
    // A row refreshed by a change event since the load began is newer than this page's copy.
    const rows = page.rows.filter((r) => !refreshedDuringLoad.has(r.id)).map(toWorking);
    total = page.total;
    for (const row of rows) mirror.set(row.id, row);
    offset = from + page.rows.length;
    const done = page.rows.length === 0 || offset >= total;
    publish(total, !done);
    await db.requests.bulkPut(rows);
    if (done || mine !== generation) return mirror.size;
  }
}

/** A change event for one request: refresh just that row. */
export async function refreshRequest(id: string): Promise<void> {
  const mine = generation;
  const result = await api().requests.get({ id });
  if (!result.ok || mine !== generation) return;
  const row = toWorking(result.value.row);
  if (snapshot.loading) refreshedDuringLoad.add(id);
  const added = !mirror.has(id);
  mirror.set(id, row);
  publish(snapshot.total + (added ? 1 : 0), snapshot.loading);
  await db.requests.put(row);
}

/** On lock: the whole database goes, then a fresh empty one is ready for the next unlock. */
export async function clearWorkingSet(): Promise<void> {
  generation++;
  mirror = new Map();
  publish(0, false);
  // Swap in the fresh instance at once: code running during the deletion must never reach the
  // closed one. IndexedDB opens it only after the deletion has finished.
  const old = db;
  db = new WorkingSet();
  old.close();
  deleting = Dexie.delete(DATABASE);
  await deleting;
}

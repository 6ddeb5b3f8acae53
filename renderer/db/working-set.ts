// The renderer's working set (DESIGN §1): an IndexedDB database inside the window's in-memory
// session, filled from the main process after unlock with only what the signed-in role may see,
// kept current by change events, and deleted on lock. Never the store of record. Screens read it
// (renderer/db/queries.ts, through useLiveQuery), so a change written here re-renders every screen
// showing that row; nothing else holds a copy of the rows.
//
// Filling it at 50,000 requests takes seconds, so it is filled a page at a time in the list's own
// order: the first page is on screen long before the last has arrived.
import Dexie, { type Table } from 'dexie';
import { inView, REQUEST_VIEWS, type RequestView } from '../../shared/domain/worklist';
import type { Meeting, Officer } from '../../shared/domain/directory';
import type { RequestRow } from '../../shared/ipc/views';
import { api, unwrap } from '../app/api';
import type { StoredRead } from './reads';

/** A request row as stored, with the keys its indexes need. */
export interface WorkingRequest extends RequestRow {
  /** 1 for a locked "Member only" placeholder: IndexedDB cannot index a boolean. */
  lock: 0 | 1;
  /** The worklist views (shared/domain/worklist `inView`) the request is in, besides "all". */
  views: RequestView[];
  /** Distinct lower-case words of the reference, subject, question, notes and officer, for search. */
  words: string[];
  /** The subject lower-cased with numbers padded, so "Item 9" sorts before "Item 10". */
  subjectKey: string;
}

/** How far the fill has got: one row, id "requests", read live by every screen that shows progress. */
export interface LoadState {
  id: 'requests';
  /** Rows main says the user may see; the table reaches it when loading is done. */
  total: number;
  loading: boolean;
}

export const DATABASE = 'need-to-know-working-set';

export class WorkingSet extends Dexie {
  requests!: Table<WorkingRequest, string>;
  officers!: Table<Officer, string>;
  meetings!: Table<Meeting, string>;
  load!: Table<LoadState, string>;
  reads!: Table<StoredRead, string>;
  constructor() {
    super(DATABASE);
    this.version(1).stores({
      // One index per sort column and per filter; `views` and `words` are multi-entry. [service+sentOn]
      // gives the volume panel its (service, sent on) pairs from the index alone.
      requests:
        'id, target, sentOn, reference, subjectKey, status, service, officerName, ward, classification, capacity, route, meetingId, lock, *views, *words, [service+sentOn]',
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
/** Rows per write transaction (see loadWorkingSet). */
const WRITE_CHUNK = 500;

/** Search terms as the list reads them: lower-case words of two or more letters or digits. */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1);

export const sortKeyOf = (text: string): string => text.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'));

const OTHER_VIEWS = REQUEST_VIEWS.filter((v) => v !== 'all');

export function toWorking(row: RequestRow): WorkingRequest {
  return {
    ...row,
    lock: row.locked ? 1 : 0,
    views: OTHER_VIEWS.filter((v) => inView(v, row)),
    words: [...new Set(wordsOf(`${row.reference} ${row.subject} ${row.question} ${row.notes} ${row.officerName}`))],
    subjectKey: sortKeyOf(row.subject),
  };
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

/**
 * After unlock: fetches every visible request a page at a time, writing each page to Dexie before
 * asking for the next, and the officers and meetings. Resolves with the number of requests held
 * when all are in; stops quietly if the app locks.
 */
export async function loadWorkingSet(): Promise<number> {
  const mine = ++generation;
  await deleting;
  if (mine !== generation) return 0;
  const set = db;
  await set.transaction('rw', set.requests, set.load, async () => {
    await set.requests.clear();
    await set.load.put({ id: 'requests', total: 0, loading: true });
  });
  if (mine !== generation) return 0;
  refreshedDuringLoad = new Set();
  loadRunning = true;
  void refreshDirectory(mine);
  try {
    let offset = 0;
    for (let index = 0; ; index++) {
      const from = Math.max(0, offset - (index > 0 ? PAGE_OVERLAP : 0));
      const page = unwrap(await api().requests.list({ offset: from, limit: pageSize(index) }));
      if (mine !== generation) return 0;
      // A row refreshed by a change event since the load began is newer than this page's copy.
      const rows = page.rows.filter((r) => !refreshedDuringLoad.has(r.id)).map(toWorking);
      offset = from + page.rows.length;
      const done = page.rows.length === 0 || offset >= page.total;
      // Written in small transactions: IndexedDB makes a screen's read wait for a write begun before
      // it, so a 5,000-row write would hold up the list for as long as it takes. The last chunk and
      // the progress land together, so a screen never shows "loaded" before the rows.
      for (let start = 0; start < rows.length || start === 0; start += WRITE_CHUNK) {
        const chunk = rows.slice(start, start + WRITE_CHUNK);
        const last = start + WRITE_CHUNK >= rows.length;
        await set.transaction('rw', set.requests, set.load, async () => {
          await set.requests.bulkPut(chunk);
          if (last) await set.load.put({ id: 'requests', total: page.total, loading: !done });
        });
        if (mine !== generation) return 0;
      }
      if (done) return await set.requests.count();
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
    await set.transaction('rw', set.requests, set.load, async () => {
      const added = !(await set.requests.get(id));
      await set.requests.put(toWorking(result.value.row));
      const state = await set.load.get('requests');
      if (added && state) await set.load.put({ ...state, total: state.total + 1 });
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

// The renderer's working set (DESIGN §1): an IndexedDB database inside the window's in-memory
// session, filled from the main process after unlock with only what the signed-in role may see,
// kept current by change events, and deleted on lock. Never the store of record.
import Dexie, { type Table } from 'dexie';
import type { RequestRow } from '../../shared/ipc/casework';
import { api, unwrap } from '../app/api';

export interface WorkingRequest extends RequestRow {
  /** Lower-case subject, question, notes and officer, for full-text search. */
  text: string;
}

class WorkingSet extends Dexie {
  requests!: Table<WorkingRequest, string>;
  constructor() {
    super('need-to-know-working-set');
    this.version(1).stores({
      // No full-text index: a multi-entry word index made loading 50,000 requests far slower than
      // scanning their text in memory, which stays under 100 ms (npm run bench).
      requests: 'id, status, target, service, ward, officerName, meetingId, capacity, route, classification, [status+target]',
    });
  }
}

export let db = new WorkingSet();

export const searchTextOf = (row: RequestRow): string => `${row.reference} ${row.subject} ${row.question} ${row.notes} ${row.officerName}`.toLowerCase();

const toWorking = (row: RequestRow): WorkingRequest => ({ ...row, text: searchTextOf(row) });

/** After unlock: one call for every visible request, written in one transaction. */
export async function loadWorkingSet(): Promise<number> {
  const rows = unwrap(await api().requests.list());
  await db.transaction('rw', db.requests, async () => {
    await db.requests.clear();
    await db.requests.bulkPut(rows.map(toWorking));
  });
  return rows.length;
}

/** A change event for one request: refresh just that row. */
export async function refreshRequest(id: string): Promise<void> {
  const result = await api().requests.get({ id });
  if (result.ok) await db.requests.put(toWorking(result.value.row));
}

/** On lock: the whole database goes, then a fresh empty one is ready for the next unlock. */
export async function clearWorkingSet(): Promise<void> {
  db.close();
  await Dexie.delete('need-to-know-working-set');
  db = new WorkingSet();
}

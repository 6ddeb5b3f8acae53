// Reads for screens that need the directory or one request found by its reference. The requests
// list itself is answered by main a page at a time (working-set.ts, docs/LIST.md).
import { api } from '../kit/api';
import { db } from './working-set';

/** Officers by name (as main lists them), and meetings by date. */
export const officersByName = async () => (await db.officers.toArray()).sort((a, b) => a.name.localeCompare(b.name));
export const meetingsByDate = () => db.meetings.orderBy('date').toArray();

/** The request with this reference, as the user typed it (any case), if the user can read it. */
export async function requestByReference(reference: string): Promise<{ id: string } | undefined> {
  const result = await api().requests.findByReference({ reference });
  return result.ok ? (result.value ?? undefined) : undefined;
}

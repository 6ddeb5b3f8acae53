// Per-screen reads (a request's details, the register, an audit trail, council settings…) go
// through the working set too: each answer from main is kept in the `reads` table under its channel
// and input, screens read it with useLiveQuery, and a change event of a kind the read names fetches
// it again, so every screen showing it re-renders at once. Deleted with the rest on lock.
import { methodPath } from '../../shared/ipc/api';
import type { RecordType } from '../../shared/domain/record-types';
import type { InputOf, InvokeChannel, OutputOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import { api } from '../kit/api';
import { db, endedByLock, type RefreshOn, type StoredRead } from './working-set';

export type { RefreshOn, StoredRead } from './working-set';

export const readKey = (channel: InvokeChannel, input: unknown): string => `${channel} ${JSON.stringify(input ?? null)}`;

function call<C extends InvokeChannel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  const { domain, method } = methodPath(channel);
  const group = (api() as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<OutputOf<C>>>>>)[domain]!;
  return group[method]!(input);
}

/** Asks main and stores the answer (or its error); dropped if the app locked meanwhile. */
export async function fetchRead<C extends InvokeChannel>(channel: C, input: InputOf<C>, refreshOn: readonly RefreshOn[]): Promise<void> {
  // Dropped only when a lock swapped the database meanwhile: the first screen after unlock starts its
  // read before the shell starts loading the working set, and that load must not discard it.
  const set = db;
  const result = await call(channel, input);
  if (set !== db) return;
  try {
    await set.reads.put({
      key: readKey(channel, input),
      channel,
      // Stored as null (IndexedDB keeps no undefined in keys); sent again as undefined, which a no-input channel expects.
      input: input ?? null,
      refreshOn: [...refreshOn],
      value: result.ok ? result.value : ((await set.reads.get(readKey(channel, input)))?.value ?? null),
      error: result.ok ? null : result.error.message,
    });
  } catch (error) {
    // A lock while the answer was being stored: the lock wins, and the answer goes with the database.
    if (!endedByLock(set, error)) throw error;
  }
}

/** A change to a record (or the settings): every stored read that follows its kind or it is fetched again. */
export async function refreshReads(kind: RecordType | 'settings', id?: string): Promise<void> {
  const set = db;
  let stale: StoredRead[];
  try {
    stale = await set.reads
      .where('refreshOn')
      .anyOf(id === undefined ? [kind] : [kind, `${kind}:${id}`])
      .distinct()
      .toArray();
  } catch (error) {
    if (endedByLock(set, error)) return;
    throw error;
  }
  await Promise.all(stale.map((r) => fetchRead(r.channel, (r.input ?? undefined) as never, r.refreshOn)));
}

/**
 * R-USE-1: the meeting mode changed, so main now withholds or refuses differently. Every stored read
 * forgets its answer first (nothing shown in the old mode stays on screen, nor comes back beside a
 * refusal) and is fetched again.
 */
export async function refreshAllReads(): Promise<void> {
  const set = db;
  let all: StoredRead[];
  try {
    all = await set.reads.toArray();
    await set.reads.bulkPut(all.map((r) => ({ ...r, value: null, error: null })));
  } catch (error) {
    if (endedByLock(set, error)) return;
    throw error;
  }
  await Promise.all(all.map((r) => fetchRead(r.channel, (r.input ?? undefined) as never, r.refreshOn)));
}

// Dexie's useLiveQuery, for the working set. A lock closes and deletes the database while a screen's
// query may be running; Dexie then rejects it with DatabaseClosedError, which useLiveQuery would throw
// into React (an error on a screen that is going away). Here such a query just has no answer yet.
import { useLiveQuery as dexieLiveQuery } from 'dexie-react-hooks';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps?: unknown[]): T | undefined;
export function useLiveQuery<T, D>(query: () => Promise<T> | T, deps: unknown[], defaultResult: D): T | D;
export function useLiveQuery<T, D>(query: () => Promise<T> | T, deps: unknown[] = [], defaultResult?: D): T | D | undefined {
  return dexieLiveQuery(
    async () => {
      try {
        return await query();
      } catch (error) {
        if (error instanceof Error && error.name === 'DatabaseClosedError') return defaultResult;
        throw error;
      }
    },
    deps,
    defaultResult,
  );
}

// Dexie's useLiveQuery, for the working set. A lock closes and deletes the database while a screen's
// query may be running; Dexie then rejects it with DatabaseClosedError, which useLiveQuery would throw
// into React (an error on a screen that is going away). Here such a query just has no answer yet.
//
// Dexie drops a live query's answer when a write it reads lands while it runs, and runs it again.
// The fill writes page after page, so the list's reads could be dropped until the last page: the
// fill therefore waits for the screens' reads in flight between pages (`readsSettled`).
import { useLiveQuery as dexieLiveQuery } from 'dexie-react-hooks';

let inFlight = 0;
let waiting: Array<() => void> = [];

function finished() {
  inFlight--;
  if (inFlight > 0) return;
  const wake = waiting;
  waiting = [];
  // Woken from a timer, not from here: this runs inside the live query's Dexie zone, and the fill
  // resuming in it would have its next write refused ("Readwrite transaction in liveQuery context").
  setTimeout(() => {
    for (const resolve of wake) resolve();
  }, 0);
}

/** How long no read must run for the screens to count as done: a list's reads come one after another. */
const QUIET_MS = 20;

/**
 * Resolves once no screen's live read has run for QUIET_MS (a read that finishes often starts the
 * next, as the list's order leads to its rows), or after `atMostMs`, so a slow screen never holds
 * the fill up for long.
 */
export async function readsSettled(atMostMs: number): Promise<void> {
  const until = Date.now() + atMostMs;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    if (Date.now() >= until) return;
    if (inFlight === 0) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      if (inFlight === 0 || Date.now() >= until) return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, until - Date.now()));
      waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export function useLiveQuery<T>(query: () => Promise<T> | T, deps?: unknown[]): T | undefined;
export function useLiveQuery<T, D>(query: () => Promise<T> | T, deps: unknown[], defaultResult: D): T | D;
export function useLiveQuery<T, D>(query: () => Promise<T> | T, deps: unknown[] = [], defaultResult?: D): T | D | undefined {
  return dexieLiveQuery(
    async () => {
      inFlight++;
      try {
        return await query();
      } catch (error) {
        if (error instanceof Error && error.name === 'DatabaseClosedError') return defaultResult;
        throw error;
      } finally {
        finished();
      }
    },
    deps,
    defaultResult,
  );
}

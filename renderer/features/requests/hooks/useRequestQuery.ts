import { useLiveQuery } from 'dexie-react-hooks';
import { filterOptions, loadProgress, requestIds, rowsByIds, type FilterOptions, type RequestFilter, type Sort } from '../../../db/queries';
import type { WorkingRequest } from '../../../db/working-set';

export { EMPTY_FILTER, type RequestFilter, type Sort, type SortKey } from '../../../db/queries';

const NO_OPTIONS: FilterOptions = { service: [], ward: [], classification: [], capacity: [], route: [], officer: [], meeting: [] };
const NO_IDS: string[] = [];

/**
 * The requests list over the working set, live: the ids matching the filter in the chosen order,
 * how many are held and whether the fill is still running, and the values each filter offers.
 * A change event that rewrites a row re-runs it, so the list never goes stale within an unlock.
 */
export function useRequestQuery(filter: RequestFilter, sort: Sort) {
  const ids = useLiveQuery(() => requestIds(filter, sort), [filter, sort]) ?? NO_IDS;
  const progress = useLiveQuery(loadProgress, []) ?? { loaded: 0, total: 0, loading: true };
  const options = useLiveQuery(filterOptions, []) ?? NO_OPTIONS;
  return { ids, ...progress, options };
}

/** Rows are read a block at a time around the ones on screen, so scrolling rarely waits. */
const BLOCK = 100;

/** The rows (by id) for list positions `first`…`last`, read live from the working set. */
export function useRequestRows(ids: readonly string[], first: number, last: number): ReadonlyMap<string, WorkingRequest> {
  const start = Math.max(0, (Math.floor(first / BLOCK) - 1) * BLOCK);
  const end = (Math.floor(last / BLOCK) + 2) * BLOCK;
  const shown = ids.slice(start, end);
  return useLiveQuery(() => rowsByIds(shown), [shown.join('\n')]) ?? new Map();
}

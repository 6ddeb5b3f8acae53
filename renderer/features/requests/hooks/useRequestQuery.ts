import { useLiveQuery } from '../../../db/live';
import { useMemo } from 'react';
import {
  EMPTY_FILTER,
  filterOptions,
  keepMatching,
  loadProgress,
  matchingKeys,
  orderedKeys,
  rowsByKeys,
  type FilterOptions,
  type RequestFilter,
  type Sort,
} from '../../../db/queries';
import type { RowKey, WorkingRequest } from '../../../db/working-set';

export { EMPTY_FILTER, type RequestFilter, type Sort, type SortKey } from '../../../db/queries';

const NO_OPTIONS: FilterOptions = { service: [], ward: [], classification: [], capacity: [], route: [], officer: [], meeting: [] };
const NO_KEYS: readonly RowKey[] = [];
const filterIsSet = (filter: RequestFilter) =>
  (Object.keys(EMPTY_FILTER) as Array<keyof RequestFilter>).some((k) => filter[k] !== EMPTY_FILTER[k]);

/**
 * The requests list over the working set, live: the keys of the rows matching the filter in the chosen order,
 * how many are held and whether the fill is still running, and the values each filter offers.
 * A change event that rewrites a row re-runs it, so the list never goes stale within an unlock.
 */
export function useRequestQuery(filter: RequestFilter, sort: Sort) {
  // The order is read again only when the sort or the rows change; a keystroke reads only the
  // term indexes, and keeps the matching keys in that order.
  const ordered = useLiveQuery(() => orderedKeys(sort), [sort]) ?? NO_KEYS;
  const matching = useLiveQuery(() => matchingKeys(filter), [filter]);
  const keys = useMemo(
    () => (matching === undefined && filterIsSet(filter) ? NO_KEYS : keepMatching(ordered, matching ?? null)),
    [ordered, matching, filter],
  );
  const progress = useLiveQuery(loadProgress, []) ?? { loaded: 0, total: 0, loading: true };
  const options = useLiveQuery(filterOptions, []) ?? NO_OPTIONS;
  return { keys, ...progress, options };
}

/** Rows are read a block at a time around the ones on screen, so scrolling rarely waits. */
const BLOCK = 100;

/** The rows (by key) for list positions `first`…`last`, read live from the working set. */
export function useRequestRows(keys: readonly RowKey[], first: number, last: number): ReadonlyMap<RowKey, WorkingRequest> {
  const start = Math.max(0, (Math.floor(first / BLOCK) - 1) * BLOCK);
  const end = (Math.floor(last / BLOCK) + 2) * BLOCK;
  const shown = keys.slice(start, end);
  return useLiveQuery(() => rowsByKeys(shown), [shown.join(',')]) ?? new Map();
}

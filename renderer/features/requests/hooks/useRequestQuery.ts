import { useEffect, useRef } from 'react';
import type { ListFilterOptions, ListQuery, RequestListRow } from '../../../../shared/ipc/views';
import { useLiveQuery } from '../../../db/live';
import { useRead } from '../../../db/useRead';
import { db, PAGE_ROWS, pageKey, showPages, type ListPage } from '../../../db/working-set';

export { DEFAULT_LIST_QUERY, type ListQuery, type ListSortKey as SortKey } from '../../../../shared/ipc/views';

/** Rows either side of those on screen whose pages are asked for too, so scrolling rarely waits. */
const MARGIN = 25;

/** What the list shows: how many rows match (of how many), and each row on screen when its page has arrived. */
export interface ListWindow {
  /** Rows matching the query; null until main has said. */
  total: number | null;
  all: number;
  rowAt: (index: number) => RequestListRow | undefined;
  error: string | null;
  /** The query whose answer is on screen ('' before any): a test waits on it, never on time. */
  showing: string;
}

const NOTHING_YET: ListWindow = { total: null, all: 0, rowAt: () => undefined, error: null, showing: '' };

/** One answer of main's as the window holds it: the count and the pages of rows that have arrived. */
interface Answer {
  queryKey: string;
  total: number;
  all: number;
  error: string | null;
  pages: ReadonlyMap<number, readonly RequestListRow[]>;
}

/**
 * The list's window over main's answer to `query`: the pages of rows `first`…`last` (and a margin),
 * asked for when not held and read live from the working set, so a change event that replaces a page
 * re-renders at once. While a new query's first page is on its way, the last answer stays on screen,
 * so the count changes once, to the right number.
 */
export function useRequestList(query: ListQuery, first: number, last: number): ListWindow {
  const from = Math.max(0, Math.floor((first - MARGIN) / PAGE_ROWS));
  const to = Math.max(from, Math.floor((last + MARGIN) / PAGE_ROWS));
  const queryKey = JSON.stringify(query);
  const shownKey = `${queryKey} ${from} ${to}`;
  const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  useEffect(
    () => showPages(query, pages),
    // `shownKey` stands for the query and the pages.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shownKey],
  );
  const lastAnswer = useRef<Answer | null>(null);
  const answer = useLiveQuery(async () => {
    const held = await db.pages.bulkGet(pages.map((p) => pageKey(query, p)));
    const arrived = new Map<number, ListPage>();
    held.forEach((p, i) => p && arrived.set(from + i, p));
    const sample = arrived.values().next().value;
    if (!sample) {
      // Nothing of these pages yet: the same query's last answer keeps its count (its rows here are
      // not read yet); another query's last answer stays on screen as it was.
      const previous = lastAnswer.current;
      return previous?.queryKey === queryKey ? { ...previous, pages: new Map() } : previous;
    }
    const fresh: Answer = {
      queryKey,
      total: sample.total,
      all: sample.all,
      error: sample.error,
      pages: new Map([...arrived].map(([p, page]) => [p, page.rows])),
    };
    lastAnswer.current = fresh;
    return fresh;
  }, [shownKey]);
  if (!answer) return NOTHING_YET;
  return {
    total: answer.total,
    all: answer.all,
    error: answer.error,
    showing: answer.queryKey,
    rowAt: (index) => answer.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS],
  };
}

const NO_OPTIONS: ListFilterOptions = { service: [], ward: [], classification: [], capacity: [], route: [], officer: [], meeting: [] };

/** The values each filter offers, from main, fetched again on any change that can add or remove one. */
export function useFilterOptions(): ListFilterOptions {
  const { data } = useRead('requests:filterOptions', undefined, { refreshOn: ['request', 'material', 'officer', 'meeting'] });
  return data ?? NO_OPTIONS;
}

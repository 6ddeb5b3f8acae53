import { useMemo, useSyncExternalStore } from 'react';
import { inView, type RequestView } from '../../../../shared/domain/worklist';
import { subscribeWorkingSet, workingSetSnapshot, type WorkingRequest } from '../../../db/working-set';

export interface RequestFilter {
  view: RequestView;
  status: string;
  service: string;
  ward: string;
  classification: string;
  capacity: string;
  route: string;
  officer: string;
  meetingId: string;
  search: string;
}

export const EMPTY_FILTER: RequestFilter = { view: 'all', status: '', service: '', ward: '', classification: '', capacity: '', route: '', officer: '', meetingId: '', search: '' };

export type SortKey = 'target' | 'sentOn' | 'reference' | 'subject' | 'status' | 'service' | 'officerName';
export type Sort = { key: SortKey; descending: boolean };

const searchTerms = (search: string) => search.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 1);

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const TEXT_KEYS = new Set<SortKey>(['subject', 'service', 'officerName']);

/** Rows in the chosen order. Locked placeholders and rows without a date always go last. */
function sortRows(rows: readonly WorkingRequest[], sort: Sort): WorkingRequest[] {
  const dir = sort.descending ? -1 : 1;
  const text = TEXT_KEYS.has(sort.key);
  return [...rows].sort((a, b) => {
    if (a.locked !== b.locked) return a.locked ? 1 : -1;
    const x = a[sort.key];
    const y = b[sort.key];
    if (!x || !y) return x === y ? 0 : x ? -1 : 1;
    return dir * (text ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0);
  });
}

/** Every filter, and full-text search (each term must appear in reference, subject, question, notes or officer). */
function matcher(filter: RequestFilter): (r: WorkingRequest) => boolean {
  const terms = searchTerms(filter.search);
  return (r) =>
    (!filter.status || r.status === filter.status) &&
    (!filter.service || r.service === filter.service) &&
    (!filter.ward || r.ward === filter.ward) &&
    (!filter.classification || r.classification === filter.classification) &&
    (!filter.capacity || r.capacity === filter.capacity) &&
    (!filter.route || r.route === filter.route) &&
    (!filter.officer || r.officerName === filter.officer) &&
    (!filter.meetingId || r.meetingId === filter.meetingId) &&
    inView(filter.view, r) &&
    terms.every((t) => r.text.includes(t));
}

/**
 * The list's query over the working set. The rows are sorted once per sort and data change; a filter
 * or search then keeps the matching rows in that order, which at 50,000 requests stays well under
 * the 100 ms a keystroke may take (npm run bench).
 */
export function useRequestQuery(filter: RequestFilter, sort: Sort) {
  const { rows: all, total, loading } = useSyncExternalStore(subscribeWorkingSet, workingSetSnapshot);
  const sorted = useMemo(() => sortRows(all, sort), [all, sort]);
  const rows = useMemo(() => {
    const match = matcher(filter);
    return sorted.filter(match);
  }, [sorted, filter]);

  const options = useMemo(() => {
    const distinct = (key: keyof WorkingRequest) => [...new Set(all.map((r) => String(r[key] ?? '')).filter(Boolean))].sort(collator.compare);
    const meetings = new Map<string, string>();
    for (const r of all) if (r.meetingId && !meetings.has(r.meetingId)) meetings.set(r.meetingId, r.meetingLabel || 'A meeting');
    const meeting = [...meetings].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label));
    return { service: distinct('service'), ward: distinct('ward'), classification: distinct('classification'), capacity: distinct('capacity'), route: distinct('route'), officer: distinct('officerName'), meeting };
  }, [all]);

  return { rows, loaded: all.length, total, loading, options };
}

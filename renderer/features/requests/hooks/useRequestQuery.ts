import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { RequestView } from '../../../app/routes';
import { db, type WorkingRequest } from '../../../db/working-set';

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

const terms = (search: string) => search.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 1);

/**
 * The list's query. Full-text search uses the working set's multi-entry word index (prefix match,
 * every term must match); the other filters and the sort run over the rows in memory, which keeps a
 * filter change well under 100 ms at 50,000 requests.
 */
export function useRequestQuery(filter: RequestFilter, sort: { key: SortKey; descending: boolean }) {
  const all = useLiveQuery(() => db.requests.toArray(), [], null);
  const searchTerms = terms(filter.search);
  const matchingIds = useLiveQuery(async () => {
    if (searchTerms.length === 0) return null;
    const sets: Array<Set<string>> = [];
    for (const term of searchTerms) sets.push(new Set<string>(await db.requests.where('words').startsWith(term).primaryKeys()));
    // Every term must match (prefix match on any word).
    const [first, ...rest] = sets;
    return new Set([...(first ?? [])].filter((id) => rest.every((s) => s.has(id))));
  }, [searchTerms.join(' ')], null);

  const rows = useMemo(() => {
    if (!all) return null;
    const today = new Date().toISOString().slice(0, 10);
    const match = (r: WorkingRequest) =>
      (!matchingIds || matchingIds.has(r.id)) &&
      (!filter.status || r.status === filter.status) &&
      (!filter.service || r.service === filter.service) &&
      (!filter.ward || r.ward === filter.ward) &&
      (!filter.classification || r.classification === filter.classification) &&
      (!filter.capacity || r.capacity === filter.capacity) &&
      (!filter.route || r.route === filter.route) &&
      (!filter.officer || r.officerName === filter.officer) &&
      (!filter.meetingId || r.meetingId === filter.meetingId) &&
      (filter.view === 'all' ||
        (filter.view === 'overdue' && (r.status === 'overdue' || r.status === 'very-overdue' || r.workingDaysLate > 0)) ||
        (filter.view === 'due-soon' && r.workingDaysLate === 0 && r.status !== 'answered' && r.status !== 'closed' && r.target >= today) ||
        (filter.view === 'awaiting-mo' && r.awaitingMonitoringOfficer) ||
        (filter.view === 'chair-notices' && r.chairNoticePending));
    const out = all.filter(match);
    const dir = sort.descending ? -1 : 1;
    out.sort((a, b) => (a[sort.key] < b[sort.key] ? -dir : a[sort.key] > b[sort.key] ? dir : 0));
    return out;
  }, [all, matchingIds, filter, sort.key, sort.descending]);

  const options = useMemo(() => {
    const distinct = (key: keyof WorkingRequest) => [...new Set((all ?? []).map((r) => String(r[key])).filter(Boolean))].sort();
    return { service: distinct('service'), ward: distinct('ward'), classification: distinct('classification'), capacity: distinct('capacity'), route: distinct('route'), officer: distinct('officerName') };
  }, [all]);

  return { rows, total: all?.length ?? 0, options };
}

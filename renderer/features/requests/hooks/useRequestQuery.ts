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
 * The list's query over the working set: every filter, the sort and full-text search (every term
 * must appear in the subject, question, notes or officer) run over the rows in memory, which keeps
 * a change well under 100 ms at 50,000 requests.
 */
export function useRequestQuery(filter: RequestFilter, sort: { key: SortKey; descending: boolean }) {
  const all = useLiveQuery(() => db.requests.toArray(), [], null);
  const searchTerms = terms(filter.search);

  const rows = useMemo(() => {
    if (!all) return null;
    const today = new Date().toISOString().slice(0, 10);
    const match = (r: WorkingRequest) =>
      searchTerms.every((t) => r.text.includes(t)) &&
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
  }, [all, filter, sort.key, sort.descending]); // eslint-disable-line react-hooks/exhaustive-deps -- searchTerms derives from filter.search

  const options = useMemo(() => {
    const distinct = (key: keyof WorkingRequest) => [...new Set((all ?? []).map((r) => String(r[key])).filter(Boolean))].sort();
    return { service: distinct('service'), ward: distinct('ward'), classification: distinct('classification'), capacity: distinct('capacity'), route: distinct('route'), officer: distinct('officerName') };
  }, [all]);

  return { rows, total: all?.length ?? 0, options };
}

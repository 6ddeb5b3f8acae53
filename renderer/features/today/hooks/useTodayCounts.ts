import { useLiveQuery } from '../../../db/live';
import type { Dashboard } from '../../../../shared/ipc/views';
import { loadProgress, viewCounts } from '../../../db/queries';
import { useRead } from '../../../db/useRead';

/**
 * Today's counts. The request counts are the list's own views counted in the working set (so a
 * count always matches the list it opens, and follows every change event); while the set is still
 * filling after unlock, main's counts stand in, so the first screen never shows a partial number.
 * Today's date and the personal data due for erasure come from main.
 */
export function useTodayCounts(): { counts: Dashboard | null; error: string | null } {
  const { data: dashboard, error } = useRead('dashboard:get', undefined, { refreshOn: ['request', 'material'] });
  const progress = useLiveQuery(loadProgress, []);
  const views = useLiveQuery(viewCounts, []);
  if (!dashboard) return { counts: null, error };
  if (!views || !progress || progress.loading) return { counts: dashboard, error };
  return {
    counts: {
      ...dashboard,
      overdue: views.overdue,
      dueSoon: views['due-soon'],
      awaitingMonitoringOfficer: views['awaiting-mo'],
      chairNoticesPending: views['chair-notices'],
    },
    error,
  };
}

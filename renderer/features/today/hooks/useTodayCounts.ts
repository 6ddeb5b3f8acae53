import type { Dashboard } from '../../../../shared/ipc/views';
import { useRead } from '../../../db/useRead';

/**
 * Today's counts, from main, which counts the list's own views over its request index (so a count
 * always matches the list it opens), fetched again on every change that can move one.
 */
export function useTodayCounts(): { counts: Dashboard | null; error: string | null } {
  const { data, error } = useRead('dashboard:get', undefined, { refreshOn: ['request', 'material', 'settings'] });
  return { counts: data ?? null, error };
}

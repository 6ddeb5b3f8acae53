import type { MaterialListItem } from '../../../../shared/ipc/views';
import { useRead } from '../../../db/useRead';

/**
 * A list of material from main (due for erasure, still held), read through the working set: it
 * follows every change to material, and `reload()` after this screen's own change.
 */
export function useMaterialList(channel: 'materials:retentionDue' | 'materials:protectedHeld') {
  const { data, error, reload } = useRead(channel, undefined, { refreshOn: ['material'] });
  const items: MaterialListItem[] | null = data ?? null;
  return { items, error, reload: () => void reload() };
}

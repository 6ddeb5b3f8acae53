import { formatUk } from '../../shared/domain/dates';

// Field and ErrorMessage live with the other form patterns; re-exported here for existing imports.
export { ErrorMessage, Field } from './forms';

/** UK short date (24/11/2026), or a dash for none. */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  try {
    return formatUk(iso.slice(0, 10));
  } catch {
    return iso;
  }
}

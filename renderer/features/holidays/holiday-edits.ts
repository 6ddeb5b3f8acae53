import type { HolidayEdits, Nation } from '../../../shared/domain/calendar';
import type { GovUkImportPreview } from '../../../shared/ipc/follow-up';
import { ukDate } from '../../kit/ui';

/** Whether the saved list marks this built-in holiday as not kept in the nation. */
export const isNotKept = (saved: HolidayEdits | undefined, date: string, nation: Nation): boolean =>
  !!saved?.removed.some((r) => r.date === date && r.nations.includes(nation));

/**
 * The saved list with one built-in holiday kept again, or marked not kept, in one nation; the marks
 * for other nations stay, and a date no nation marks any more leaves the list.
 */
export function withKeptToggled(saved: HolidayEdits, date: string, nation: Nation): HolidayEdits {
  if (isNotKept(saved, date, nation))
    return {
      ...saved,
      removed: saved.removed
        .map((r) => (r.date === date ? { ...r, nations: r.nations.filter((n) => n !== nation) } : r))
        .filter((r) => r.nations.length > 0),
    };
  return {
    ...saved,
    removed: [
      ...saved.removed.filter((r) => r.date !== date),
      { date, nations: [...new Set([...(saved.removed.find((r) => r.date === date)?.nations ?? []), nation])] },
    ],
  };
}

/** A copy of the set with the item put in (on) or taken out. */
export function withToggled<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}

/** What a gov.uk file would change in the built-in list, in words, for the preview before saving. */
export function govUkImportSummary(v: Pick<GovUkImportPreview, 'added' | 'removed' | 'years'>): string {
  const changes = [
    ...v.added.map((a) => `${a.name} (${ukDate(a.date)}) added`),
    ...v.removed.map((a) => `${a.name} (${ukDate(a.date)}) no longer listed`),
  ];
  const years = v.years ? (v.years.from === v.years.to ? `${v.years.from}` : `${v.years.from} to ${v.years.to}`) : '';
  return `From gov.uk for ${years}: ${changes.length ? changes.join('; ') : 'no changes to the built-in list'}`;
}

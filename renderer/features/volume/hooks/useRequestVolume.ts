import { useMemo, useSyncExternalStore } from 'react';
import { requestVolumeByMonth, volumeNudgeFor, type VolumeByMonth } from '../../../../shared/domain/request-volume';
import { subscribeWorkingSet, workingSetSnapshot } from '../../../db/working-set';
import { today } from '../../../app/clock';

// R-ASK-7 is advice, not enforcement: worked out here from the working set with the shared rule.
// It reads the working set's in-memory rows (service and sent date only): re-reading 50,000 rows
// from IndexedDB on every change, while the set fills page by page, would hold up the screen.

/** Every request the user can read, as (service, sent on); locked "Member only" rows carry neither. */
function useSent() {
  const { rows } = useSyncExternalStore(subscribeWorkingSet, workingSetSnapshot);
  return useMemo(() => rows.filter((r) => !r.locked).map((r) => ({ service: r.service, sentOn: r.sentOn })), [rows]);
}

/** Counts per service per month for the last six months, with the nudge where a service is unusually high. */
export function useRequestVolume(): VolumeByMonth | null {
  const sent = useSent();
  return useMemo(() => requestVolumeByMonth(sent, today()), [sent]);
}

/** The nudge for one service (the chosen officer's), or null. */
export function useServiceNudge(service: string | undefined): string | null {
  const sent = useSent();
  return useMemo(() => (service ? volumeNudgeFor(sent, service, today()) : null), [sent, service]);
}

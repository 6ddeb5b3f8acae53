import type { VolumeByMonth } from '../../../../shared/domain/request-volume';
import { useRead } from '../../../db/useRead';

// R-ASK-7 is advice, not enforcement: worked out by main with the shared rule over every request the
// user can read (its request index), fetched again when a request changes.

/** Counts per service per month for the last six months, with the nudge where a service is unusually high. */
export function useRequestVolume(): VolumeByMonth | null {
  return useRead('requests:volume', undefined, { refreshOn: ['request'] }).data ?? null;
}

/** The nudge for one service (the chosen officer's), or null. */
export function useServiceNudge(service: string | undefined): string | null {
  const volume = useRequestVolume();
  return (service && volume?.rows.find((r) => r.service === service)?.nudge) || null;
}

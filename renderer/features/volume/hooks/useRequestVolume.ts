import { useLiveQuery } from '../../../db/live';
import { useMemo } from 'react';
import { requestVolumeByMonth, volumeNudgeFor, type VolumeByMonth } from '../../../../shared/domain/request-volume';
import { today } from '../../../kit/clock';
import { sentByService } from '../../../db/queries';

// R-ASK-7 is advice, not enforcement: worked out here from the working set with the shared rule,
// from the (service, sent on) keys of one index, so no row is read whole.
const NONE: Array<{ service: string; sentOn: string }> = [];

/** Every request the user can read, as (service, sent on); locked "Member only" rows carry neither. */
function useSent() {
  return useLiveQuery(sentByService, []) ?? NONE;
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

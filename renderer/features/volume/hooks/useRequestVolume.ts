import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { requestVolumeByMonth, volumeNudgeFor, type VolumeByMonth } from '../../../../shared/domain/request-volume';
import { db } from '../../../db/working-set';

// R-ASK-7 is advice, not enforcement: worked out here from the working set with the shared rule.
// Only a row's service and sentOn are read, so a change to how rows are loaded does not matter here.
const today = () => new Date().toISOString().slice(0, 10);

type Sent = { service: string; sentOn: string };

/** Every request in this session as (service, sent on), streamed by cursor so 50,000 rows are never held twice. */
async function allSent(): Promise<Sent[]> {
  const sent: Sent[] = [];
  await db.requests.each((r) => {
    sent.push({ service: r.service, sentOn: r.sentOn });
  });
  return sent;
}

/** Counts per service per month for the last six months, with the nudge where a service is unusually high. */
export function useRequestVolume(): VolumeByMonth | null {
  const sent = useLiveQuery(allSent, [], null);
  return useMemo(() => (sent ? requestVolumeByMonth(sent, today()) : null), [sent]);
}

/** The nudge for one service (the chosen officer's), or null. */
export function useServiceNudge(service: string | undefined): string | null {
  const sent = useLiveQuery(
    async () => (service ? (await db.requests.where('service').equals(service).toArray()).map((r): Sent => ({ service: r.service, sentOn: r.sentOn })) : []),
    [service],
    [],
  );
  return service ? volumeNudgeFor(sent, service, today()) : null;
}

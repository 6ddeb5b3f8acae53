import { parseIsoDate, type IsoDate } from './dates';
import { requestVolume } from './requests';

export interface VolumeByMonth {
  /** The calendar months shown, oldest first, as yyyy-mm (the current month last). */
  months: string[];
  /** One row per service with at least one request in those months, busiest first. */
  rows: Array<{ service: string; counts: number[]; total: number; nudge: string | null }>;
}

const monthOf = (iso: string) => iso.slice(0, 7);

function previousMonths(today: IsoDate, count: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

// R-ASK-7 (000 §17.8.7; 001 §24.8(a)): the Member's own requests per service for each of the last six calendar months, with requestVolume's nudge.
export function requestVolumeByMonth(requests: Array<{ service: string; sentOn: IsoDate }>, today: IsoDate, monthCount = 6): VolumeByMonth {
  parseIsoDate(today, 'Today');
  const months = previousMonths(today, monthCount);
  const column = new Map(months.map((m, i) => [m, i]));
  const counts = new Map<string, number[]>();
  for (const r of requests) {
    const i = column.get(monthOf(r.sentOn));
    if (i === undefined || r.sentOn > today) continue; // a date typed in the future is not yet a request sent
    const row = counts.get(r.service) ?? months.map(() => 0);
    row[i]!++;
    counts.set(r.service, row);
  }
  const nudges = new Map(requestVolume(requests, today).map((v) => [v.service, v.nudge]));
  const rows = [...counts.entries()]
    .map(([service, c]) => ({ service, counts: c, total: c.reduce((a, b) => a + b, 0), nudge: nudges.get(service) ?? null }))
    .sort((a, b) => b.total - a.total || a.service.localeCompare(b.service));
  return { months, rows };
}

// R-ASK-7 (000 §17.8.7; 001 §24.8(a)): the nudge for one service, shown while the Member chooses an officer in it.
export function volumeNudgeFor(requests: Array<{ service: string; sentOn: IsoDate }>, service: string, today: IsoDate): string | null {
  if (!service) return null;
  return (
    requestVolume(
      requests.filter((r) => r.service === service),
      today,
    ).find((v) => v.service === service)?.nudge ?? null
  );
}

import { effectiveTimeline, timelineKindNames } from '../../../shared/domain/timeline';
import type { StoredRequest } from '../../../shared/domain/requests';
import type { TimelineItem } from '../../../shared/ipc/views';

/** R-DUE-5 (000 §17.8.2): the timeline as the request page shows it: date order, corrections applied, the original kept beside each. */
export function timelineItems(r: StoredRequest): TimelineItem[] {
  return effectiveTimeline(r.events).map((e) => {
    const x = e as typeof e & {
      promisedBy?: string;
      to?: string;
      decidedBy?: string;
      accepted?: boolean;
      changes?: Array<{ label: string; fromText?: string; toText?: string }>;
    };
    const details: string[] = [];
    if (x.to) details.push(`Sent to ${x.to}`);
    if (x.decidedBy) details.push(`${x.accepted ? 'Accepted' : 'Refused'} by ${x.decidedBy}`);
    if (x.type === 'edited') for (const c of x.changes ?? []) details.push(`${c.label}: was “${c.fromText}”, now “${c.toText}”`);
    // R-USE-3: a PA's entry (a holding reply moving the target, say) is shown as the PA's; the vault vouches for the mark.
    if ((e as { by?: string }).by === 'pa') details.push('Recorded by a PA');
    if (e.corrections.some((c) => (c as { by?: string }).by === 'pa')) details.push('Corrected by a PA');
    return {
      id: e.id,
      type: e.type,
      label: (timelineKindNames as Record<string, string>)[e.type] ?? e.type,
      on: e.on,
      note: e.note ?? '',
      promisedBy: x.promisedBy ?? null,
      details,
      correctable: e.type !== 'edited',
      corrections: e.corrections.map((c) => ({
        on: c.on,
        reason: c.reason,
        changes: c.changes.map((ch) => ({ label: ch.label, from: ch.from, to: ch.to })),
      })),
    };
  });
}

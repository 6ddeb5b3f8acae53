import { useEffect } from 'react';
import { useRead } from '../../../db/useRead';
import { ErrorMessage, ukDate } from '../../../kit/ui';

export type AuditEvent = { seq: number; action: string; by: string; detail: Record<string, unknown> | null };

/**
 * One line per audit event, in words: what happened, when, by whom, and to what or whom. "By whom" is
 * the vault's authenticated author (from main), never a name written into the event's detail.
 */
export function describeAuditEvent(ev: AuditEvent): string {
  const d = ev.detail ?? {};
  const parts = [ev.action];
  if (d.at) parts.push(`on ${ukDate(String(d.at))}`);
  else if (d.on) parts.push(`on ${ukDate(String(d.on))}`);
  parts.push(`by ${ev.by}`);
  if (d.to) parts.push(`to ${String(d.to)}`);
  let line = parts.join(' ');
  if (d.name) line += `: ${String(d.name)}`;
  if (d.file) line += ` saved as ${String(d.file)}`;
  return line;
}

/** R-USE-3: an item's audit trail, read-only. */
export function AuditTrailList({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p className="hint">Nothing recorded yet.</p>;
  return (
    <ol className="timeline" data-testid="audit-trail">
      {events.map((ev) => (
        <li key={ev.seq}>{describeAuditEvent(ev)}</li>
      ))}
    </ol>
  );
}

/** Loads and shows one item's trail; `refreshKey` changes when the caller knows something was added. */
export function AuditTrail({ recordId, refreshKey = 0 }: { recordId: string; refreshKey?: number }) {
  // Views, saved copies and attachments change the trail without a change event: `refreshKey` says so.
  const {
    data: events,
    error,
    reload,
  } = useRead('audit:trail', { recordId }, { refreshOn: [`material:${recordId}`, `request:${recordId}`, 'disclosure'] });
  useEffect(() => {
    if (refreshKey > 0) void reload();
  }, [refreshKey, reload]);
  if (error) return <ErrorMessage message={error} />;
  return events ? <AuditTrailList events={events} /> : <p className="hint">Loading…</p>;
}

import { useEffect, useState } from 'react';
import { api } from '../../../app/api';
import { ErrorMessage, ukDate } from '../../../app/ui';

export type AuditEvent = { seq: number; action: string; detail: Record<string, unknown> | null };

/** One line per audit event, in words: what happened, when, by whom, and to what or whom. */
export function describeAuditEvent(ev: AuditEvent): string {
  const d = ev.detail ?? {};
  const parts = [ev.action];
  if (d.at) parts.push(`on ${ukDate(String(d.at))}`);
  else if (d.on) parts.push(`on ${ukDate(String(d.on))}`);
  if (d.by) parts.push(`by ${String(d.by)}`);
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
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api()
      .audit.trail({ recordId })
      .then((r) => {
        if (!live) return;
        if (r.ok) setEvents(r.value);
        else setError(r.error.message);
      });
    return () => {
      live = false;
    };
  }, [recordId, refreshKey]);
  if (error) return <ErrorMessage message={error} />;
  return events ? <AuditTrailList events={events} /> : <p className="hint">Loading…</p>;
}

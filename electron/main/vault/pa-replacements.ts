// What a PA's save may do to a record already in the vault (docs/ARCHITECTURE.md, "Trust model"):
// only what the app's PA commands do. A PA's app never deletes a request, an officer, a meeting or
// anything the Member wrote (its one deletion is material its own email import has just added and
// then undone), and changes a request only by adding to its timeline: entries are never removed or
// rewritten, and a field changes only through an "edited" entry that keeps the old and new values,
// so the Member sees the previous version on the request page. A PA frame that does anything else
// was written outside the app, at file level: it is set aside, never applied.
import { EDITABLE_AFTER_SENDING } from '../../../shared/domain/request-lifecycle';
import type { Author, FrameKind } from './frames';

/** The fields of a request the PA's follow-up commands keep beside the timeline (escalation, the Monitoring Officer's decision, the chair notice). */
const FOLLOW_UP_FIELDS = new Set(['events', 'escalatedTo', 'escalations', 'moReferral', 'chairNotice']);

type Json = Record<string, unknown>;

/** Deep equality of parsed JSON values, without serialising them again (this runs for every PA save at unlock). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => same(v, other[i]));
  }
  const x = a as Json;
  const y = b as Json;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => Object.hasOwn(y, k) && same(x[k], y[k]));
}

/** What the vault knows of the record a PA frame would change. */
export interface Replaced {
  type: string;
  /** Who wrote its current version, as far as this session can vouch. */
  author: Author | 'unknown';
}

/**
 * Null when a PA's frame of `kind` over `existing` is what a PA command writes, else why not (in
 * words for the unlock warning). `before`/`after` are the request's versions (only read for a request put).
 */
export function paReplacementProblem(
  kind: FrameKind,
  type: string,
  existing: Replaced,
  versions?: () => { before: Json | null; after: Json | null },
): string | null {
  if (kind === 'delete') {
    if (type === 'material' && existing.type === 'material' && existing.author === 'pa') return null;
    return existing.author === 'member'
      ? `a PA's save deleted a record the Member wrote (${existing.type}), which the app never does`
      : `a PA's save deleted a record (${existing.type}), which the app never does`;
  }
  // The app never turns a record into another kind (the records repository refuses it): a PA frame that does hides the record.
  if (kind === 'put' && type !== existing.type) return `a PA's save replaced a record (${existing.type}) with another kind of record`;
  if (kind !== 'put' || type !== 'request' || !versions) return null;
  const { before, after } = versions();
  if (!before || !after) return "a PA's save replaced a request with something that is not one";
  return requestChangeProblem(before, after);
}

/** A request changed only as the app's commands change it: the timeline added to, each field change recorded on it. */
function requestChangeProblem(before: Json, after: Json): string | null {
  const was = Array.isArray(before.events) ? (before.events as unknown[]) : [];
  const now = Array.isArray(after.events) ? (after.events as unknown[]) : [];
  if (now.length < was.length || was.some((e, i) => !same(e, now[i])))
    return "a PA's save removed or rewrote entries on a request's timeline, which the app never does";
  const added = now.slice(was.length) as Json[];
  // Each change as the edit recorded it: the value it was (which must be the version replaced) and the value it became.
  const recorded = new Map<string, { from: unknown; to: unknown }>();
  for (const entry of added)
    if (entry?.type === 'edited' && Array.isArray(entry.changes))
      for (const c of entry.changes as Json[])
        if (typeof c?.field === 'string' && !recorded.has(c.field)) recorded.set(c.field, { from: c.from, to: c.to });
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (FOLLOW_UP_FIELDS.has(field) || same(before[field], after[field])) continue;
    const editable = Object.hasOwn(EDITABLE_AFTER_SENDING, field);
    const change = recorded.get(field);
    if (!editable || !change || !same(change.from, before[field] ?? null) || !same(change.to, after[field] ?? null))
      return `a PA's save changed a request's ${editable ? EDITABLE_AFTER_SENDING[field as keyof typeof EDITABLE_AFTER_SENDING].toLowerCase() : 'fixed details'} without recording it on its timeline, which the app never does`;
  }
  return null;
}

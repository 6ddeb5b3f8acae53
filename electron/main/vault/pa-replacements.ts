// What a PA's save may do to a record already in the vault (docs/ARCHITECTURE.md, "Trust model"):
// only what the app's PA commands do. A PA's app never deletes a request, an officer, a meeting or
// anything the Member wrote (its one deletion is material its own email import has just added and
// then undone), and changes each kind of record only as its commands do (shared/domain/pa-record-changes.ts):
// a request's timeline only added to, with entries a command records, so the Member sees the previous
// version on the request page. A PA frame that does anything else was written outside the app, at
// file level: it is set aside, never applied.
import { paNewRecordProblem, paRecordChangeProblem, recordNoun } from '../../../shared/domain/pa-record-changes';
import type { Author, FrameKind } from './frames';

type Json = Record<string, unknown>;

/** What the vault knows of the record a PA frame would change. */
export interface Replaced {
  type: string;
  /** Who wrote its current version, as far as this session can vouch. */
  author: Author | 'unknown';
  /** Whether a PA frame since the last compaction created it (an import's material, undone in the same command). */
  createdByPa: boolean;
}

/**
 * Null when a PA's frame of `kind` over `existing` is what a PA command writes, else why not (in
 * words for the unlock warning). `before`/`after` are the record's versions (read only for a put; the rules per kind are shared/domain/pa-record-changes.ts).
 */
export function paReplacementProblem(
  kind: FrameKind,
  type: string,
  existing: Replaced | undefined,
  versions?: () => { before: Json | null; after: Json | null },
): string | null {
  if (!existing) return kind === 'put' && versions ? paNewRecordProblem(type, versions().after) : null;
  if (kind === 'delete') {
    // Only material the PA's own import created and is undoing; a Member's material a PA has since edited is not the PA's to delete.
    if (type === 'material' && existing.type === 'material' && existing.author === 'pa' && existing.createdByPa) return null;
    return existing.author === 'member'
      ? `a PA's save deleted ${recordNoun(existing.type)} the Member wrote, which the app never does`
      : `a PA's save deleted ${recordNoun(existing.type)}, which the app never does`;
  }
  // The app never turns a record into another kind (the records repository refuses it): a PA frame that does hides the record.
  if (kind === 'put' && type !== existing.type) return `a PA's save replaced ${recordNoun(existing.type)} with another kind of record`;
  if (kind !== 'put' || !versions) return null;
  const { before, after } = versions();
  return paRecordChangeProblem(type, before, after);
}

import { z } from 'zod';
import { compareIso, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
import { effectiveLevel, isMemberOnly, type Classification } from './classification';

/** R-USE-1: normal use, a public meeting (protected content hidden), or the private session of one meeting. */
export const meetingModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('normal') }),
  z.object({ kind: z.literal('public-meeting') }),
  z.object({ kind: z.literal('private-session'), meetingId: z.string() }),
]);
export type MeetingMode = z.infer<typeof meetingModeSchema>;

// R-USE-1 (000 §17.9.3): public-meeting mode hides protected content and briefings (R-CLS-5); a private session shows only that meeting's pink papers.
export function isVisibleInMode(
  item: { classification: Classification | null; meetingId?: string | null; isBriefing?: boolean },
  mode: MeetingMode,
): boolean {
  const level = effectiveLevel(item.classification);
  if (mode.kind === 'normal') return true;
  if (!isMemberOnly(item)) return true;
  if (item.isBriefing === true) return false;
  if (mode.kind === 'public-meeting') return false;
  return level === 'pink-paper' && item.meetingId === mode.meetingId;
}

// R-USE-1 (000 §17.9.3): a private session happens inside a public meeting, so ending it returns to public-meeting mode, never straight to normal.
export function nextMeetingMode(current: MeetingMode, requested: MeetingMode): MeetingMode {
  if (current.kind === 'private-session' && requested.kind === 'normal') return { kind: 'public-meeting' };
  return requested;
}

/** Screen capture is blocked whenever the screen could be seen by the public or shared (R-USE-1). */
export const blocksScreenCapture = (mode: MeetingMode): boolean => mode.kind !== 'normal';

// R-USE-3: the events that go in the tamper-evident audit trail for protected material.
export const AUDITED_ACTIONS = [
  'viewed',
  'attached',
  'exported',
  'printed',
  'disclosed',
  'classified',
  'reclassified',
  'destroyed',
  'returned',
  'erased',
] as const;
export type AuditedAction = (typeof AUDITED_ACTIONS)[number];
// R-USE-3 and R-CLS-5 (003 §4.13–4.14): a briefing is Member-only whatever its level, so pass `isBriefing` to audit it like protected material.
export function mustAudit(action: string, classification: Classification | null, isBriefing = false): boolean {
  return (
    (AUDITED_ACTIONS as readonly string[]).includes(action) &&
    (action === 'classified' || action === 'reclassified' || isMemberOnly({ classification, isBriefing }))
  );
}

// R-USE-4 (000 §17.9.5): at end of term or when no longer needed, protected material is destroyed or returned, and that is recorded.
export function recordDisposal(
  input: { materialId: string; how: 'destroyed' | 'returned'; on: IsoDate; returnedTo?: string; reason: string },
  today: IsoDate,
): { materialId: string; how: 'destroyed' | 'returned'; on: IsoDate; returnedTo: string | null; reason: string } {
  parseIsoDate(input.on, 'The date');
  if (compareIso(input.on, today) > 0) throw new DomainError('invalid-input', 'The date cannot be in the future.');
  if (input.how === 'returned' && !input.returnedTo?.trim())
    throw new DomainError('invalid-input', 'Say who the material was returned to.');
  if (!input.reason.trim()) throw new DomainError('invalid-input', 'Say why (for example end of term, or no longer needed).');
  return {
    materialId: input.materialId,
    how: input.how,
    on: input.on,
    returnedTo: input.returnedTo?.trim() ?? null,
    reason: input.reason.trim(),
  };
}

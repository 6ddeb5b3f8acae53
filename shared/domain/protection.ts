import { z } from 'zod';
import { compareIso, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
import { effectiveLevel, isMemberOnly, levelNames, type Classification, type LevelOf } from './classification';

/** R-USE-1: normal use, a public meeting (protected content hidden), or the private session of one meeting. */
export const meetingModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('normal') }),
  z.object({ kind: z.literal('public-meeting') }),
  z.object({ kind: z.literal('private-session'), meetingId: z.string() }),
]);
export type MeetingMode = z.infer<typeof meetingModeSchema>;

/**
 * Anything a screen may show in a meeting mode: material (its classification, meeting, whether it is a
 * briefing and whether it holds personal data), or a record only the Member holds (a Member-only
 * request or email: `memberOnly`).
 */
export interface ModeItem {
  classification: LevelOf | null;
  meetingId?: string | null;
  isBriefing?: boolean;
  /** A Member-only record, or material on a Member-only request: hidden in every meeting mode. */
  memberOnly?: boolean;
  /** Material recorded against a Member-only request: Member-only whatever its level. */
  onMemberOnlyRequest?: boolean;
  /** Personal data (special category above all) is hidden in every meeting mode but that meeting's pink papers. */
  personalData?: { personal: boolean; specialCategory: boolean } | null;
  /** The Monitoring Officer's advice on a request (the referral's reason, the decision's note, who decided): hidden in every meeting mode. */
  monitoringOfficerAdvice?: boolean;
}

/** The Monitoring Officer's advice, as the mode rule judges it (isVisibleInMode). */
export const MONITORING_OFFICER_ADVICE: ModeItem = { classification: null, monitoringOfficerAdvice: true };

// R-USE-1 (000 §17.9.3): what may be shown in a meeting mode, the one test main applies to every view: a public meeting hides protected content, briefings (R-CLS-5), Member-only records, personal data and the Monitoring Officer's advice; a private session shows besides only that meeting's pink papers.
export function isVisibleInMode(item: ModeItem, mode: MeetingMode): boolean {
  if (mode.kind === 'normal') return true;
  if (item.monitoringOfficerAdvice === true) return false;
  const thisMeetingsPinkPaper =
    mode.kind === 'private-session' &&
    item.isBriefing !== true &&
    effectiveLevel(item.classification) === 'pink-paper' &&
    item.meetingId === mode.meetingId;
  if (thisMeetingsPinkPaper) return true;
  if (item.memberOnly === true || item.onMemberOnlyRequest === true || isMemberOnly(item)) return false;
  return !(item.personalData?.personal === true || item.personalData?.specialCategory === true);
}

/**
 * A request as a meeting mode judges it: whether it is Member-only, its meeting, and the material on
 * it (each with its classification; material the user cannot open counts as protected).
 */
export interface ModeRequest {
  memberOnly: boolean;
  meetingId: string | null;
  materials: ReadonlyArray<Pick<ModeItem, 'classification' | 'meetingId' | 'isBriefing'>>;
}

// R-USE-1 (000 §17.9.3): a request's subject and question show in a meeting mode only when it is not Member-only and no protected material on it is hidden there (a title or question can say what a pink paper is about).
export function isRequestVisibleInMode(request: ModeRequest, mode: MeetingMode): boolean {
  if (mode.kind === 'normal') return true;
  if (request.memberOnly) return false;
  return request.materials.every((m) => !isMemberOnly(m) || isVisibleInMode({ ...m, meetingId: m.meetingId ?? request.meetingId }, mode));
}

/** The name shown in place of what a meeting mode or a report without protected content withholds, in the screens' words. */
export function withheldName(item: ModeItem): string {
  if (item.monitoringOfficerAdvice === true) return 'The Monitoring Officer’s advice';
  if (item.isBriefing === true) return 'Protected material (briefing)';
  if (isMemberOnly(item)) return `Protected material (${levelNames[effectiveLevel(item.classification)].toLowerCase()})`;
  if (item.memberOnly === true || item.onMemberOnlyRequest === true) return 'Member-only material';
  return item.personalData?.specialCategory === true ? 'Special category personal data' : 'Personal data';
}

/** The words that would name a withheld item if repeated elsewhere (a timeline note, an email's subject): its title and its files' names. */
export function namesOf(item: { title: string; attachments?: ReadonlyArray<{ name: string }> }): string[] {
  return [item.title, ...(item.attachments ?? []).flatMap((a) => [a.name, a.name.replace(/\.[^.]+$/, '')])];
}

// R-USE-1 (000 §17.9.3) and R-DIS-3: what withholds a title withholds it where other text repeats it too: each name (any case, three letters or more) becomes "[withheld]".
export function withoutNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) {
    const n = name.trim();
    if (n.length < 3) continue;
    out = out.replace(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[withheld]');
  }
  return out;
}

/** What the mode is called in a sentence ("hidden in public-meeting mode"). */
export const modeInWords = (mode: MeetingMode): string =>
  mode.kind === 'public-meeting' ? 'public-meeting mode' : mode.kind === 'private-session' ? 'this private session' : 'normal use';

/** The screens that exist to list protected things (or the Monitoring Officer's advice, or personal data). */
export const PROTECTED_LIST_SCREENS = {
  'protected-held': 'Protected material held',
  disclosures: 'Disclosures',
  register: 'The disclosure register',
  'audit-trail': 'The audit trail',
  'retention-due': 'Personal data due for erasure',
} as const;
export type ProtectedListScreen = keyof typeof PROTECTED_LIST_SCREENS;

// R-USE-1 (000 §17.9.3): a screen that exists to list protected things is closed in every meeting mode; null when it is open, else why, in plain words.
export function closedInMode(screen: ProtectedListScreen, mode: MeetingMode): string | null {
  if (mode.kind === 'normal') return null;
  return `${PROTECTED_LIST_SCREENS[screen]} is closed in ${modeInWords(mode)}, because it lists protected things. ${WHO_LEAVES_A_MEETING_MODE}`;
}

/** Who can end a meeting mode (only the Member changes it: MeetingModeService), said to anyone it stops. */
export const WHO_LEAVES_A_MEETING_MODE =
  'Only the Member can end a meeting mode, with "Leave public-meeting mode" (or "End private session") at the top of the screen.';

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

// R-USE-3 (000 §17.9.5): who a PA-written audit event names. The vault's frame says only "a PA", not
// which one, and the name in the event's detail is whatever that PA's app wrote, so it may be another
// PA's. The name is shown only when the vault has exactly one PA and the event names that PA;
// otherwise the event is "a PA's". (Its time is the one the PA's own clock stamped.)
export function paAuditAuthor(claimed: string | null, paNames: readonly string[]): string {
  return paNames.length === 1 && claimed !== null && claimed === paNames[0] ? claimed : 'a PA';
}

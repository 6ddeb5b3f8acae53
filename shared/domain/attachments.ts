// Files attached to material received, and when a copy may leave the vault. Pure: main enforces,
// the request page explains.
import { isMemberOnly, isProtected, effectiveLevel, type Classification } from './classification';
import { GATE_STATES, gateStateNames, mayReleaseForDisclosure, type GateState } from './disclosure';
import { WHO_LEAVES_A_MEETING_MODE, isVisibleInMode, modeInWords, type MeetingMode, type ModeItem } from './protection';
import { thirdPartyDisclosureCheck } from './material-lifecycle';
import type { ThirdParty } from './material';
import type { Ground } from './disclosure';

/** Officers' replies and pink-paper PDFs run to a few hundred MB at most; beyond this is almost surely a wrong pick. */
export const MAX_ATTACHMENT_BYTES = 500 * 1024 * 1024;
/** At most this many files in one go, so one slip of the mouse cannot fill the disk. */
export const MAX_FILES_PER_ATTACH = 20;

/** Why this file cannot be attached, or null when it can. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (file.size > MAX_ATTACHMENT_BYTES)
    return `“${file.name}” is ${Math.ceil(file.size / (1024 * 1024))} MB; files over ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB cannot be attached. Ask the officer for a smaller copy, or split it.`;
  return null;
}

export type ExportDecision = { allowed: true; audited: boolean } | { allowed: false; reason: string };

// R-USE-2 (003 §4.8): a file sealed in the old format names no owner, so any record could name it. A file under
// the Member key is used only through a record under the Member key, which no PA can write; a file under the
// shared key gives a PA nothing their own key does not already open, so any record may use it. Who saved the
// record is not asked: a Member's save over a file list a PA wrote must not make a Member-only file shared.
export function acceptsOwnerlessFile(file: { tier: 'shared' | 'member' }, record: { tier: 'shared' | 'member' }): boolean {
  return file.tier === 'shared' || record.tier === 'member';
}

// R-USE-2: an old-format file is moved to (sealed again under, never below its own tier) or let go on a record's
// word only when the record may use it (acceptsOwnerlessFile) and no other record names it, so no save, the
// Member's over a PA's file list included, can take a file from the record it belongs to.
export function mayMoveOwnerlessFile(
  file: { tier: 'shared' | 'member'; namedElsewhere: boolean },
  record: { tier: 'shared' | 'member' },
): boolean {
  return !file.namedElsewhere && acceptsOwnerlessFile(file, record);
}

// R-USE-2, R-CLS-6: erasing a record deletes an old-format file it names when the record is under the Member
// key (only the Member wrote it), or when the file may be moved on its word (mayMoveOwnerlessFile); never a
// Member-only file through a shared record, whoever saved it last.
export function mayEraseOwnerlessFile(
  file: { tier: 'shared' | 'member'; namedElsewhere: boolean },
  record: { tier: 'shared' | 'member' },
): boolean {
  return record.tier === 'member' || mayMoveOwnerlessFile(file, record);
}

const HIDDEN_IN_PUBLIC = 'Protected material cannot be saved out in public-meeting mode. Leave public-meeting mode first.';

// R-DIS-3 (RULES D, no protocol paragraph; gate per 000 §17.9.2, §17.9.6) and R-USE-1 (000 §17.9.3): protected material is copied out only once a disclosure of it is approved, and never while the public can see the screen.
export function mayExportAttachment(
  material: ModeItem & { classification: Classification | null; thirdParty?: ThirdParty | null },
  disclosures: ReadonlyArray<{ state: GateState; ground?: Ground }>,
  mode: MeetingMode,
): ExportDecision {
  // Open material with personal data (or on a Member-only request) is hidden in a meeting mode too (R-USE-1), so it does not leave then either.
  if (!isMemberOnly(material) && !isVisibleInMode(material, mode))
    return { allowed: false, reason: `This cannot be saved out in ${modeInWords(mode)}, where it is hidden. ${WHO_LEAVES_A_MEETING_MODE}` };
  // A briefing is Member-only whatever its classification (R-CLS-5), so it is treated as protected.
  if (!isMemberOnly(material)) return { allowed: true, audited: false };
  if (!isVisibleInMode(material, mode) || (material.isBriefing && mode.kind !== 'normal')) {
    return {
      allowed: false,
      reason: mode.kind === 'public-meeting' ? HIDDEN_IN_PUBLIC : 'Only this meeting’s pink papers can be used during the private session.',
    };
  }
  const approved = disclosures.filter((d) => mayReleaseForDisclosure(d));
  // R-ASK-11 (002): consent withdrawn or refused after approval still stops the copy, as it stops the disclosure.
  const consented = approved.find((d) => thirdPartyDisclosureCheck({ thirdParty: material.thirdParty ?? null }, d.ground).allowed);
  if (consented) return { allowed: true, audited: true };
  if (approved.length)
    return { allowed: false, reason: thirdPartyDisclosureCheck({ thirdParty: material.thirdParty ?? null }, approved[0]!.ground).reason };
  const level = isProtected(material.classification) ? LEVEL_PHRASES[effectiveLevel(material.classification)] : 'a confidential briefing';
  const furthest = disclosures.map((d) => d.state).sort((a, b) => GATE_STATES.indexOf(b) - GATE_STATES.indexOf(a))[0];
  return {
    allowed: false,
    reason: furthest
      ? `This material is ${level}. A copy can be saved only for an approved disclosure; the disclosure of it is at “${gateStateNames[furthest]}”. Finish the disclosure steps first.`
      : `This material is ${level}. A copy can be saved only for an approved disclosure: use “Pass it on (disclosure)…” to record the ground, the evidence and, where needed, the Monitoring Officer’s advice first.`,
  };
}

const LEVEL_PHRASES = { open: 'open', confidential: 'confidential', exempt: 'exempt information', 'pink-paper': 'a pink paper' } as const;

// R-DIS-3, R-USE-1, R-USE-3 (000 §17.9.2, §17.9.3): the original email leaves only as its material may, each
// piece judged by mayExportAttachment; an email that is itself Member only (its request is) never while the
// public may see the screen; and every copy of an original is audited, since it carries its attachments whole.
export function mayExportOriginalEmail(
  email: { memberOnly: boolean; unfiledAttachments: boolean },
  materials: ReadonlyArray<{ allowed: true } | { allowed: false; reason: string }>,
  mode: MeetingMode,
): ExportDecision {
  if (email.unfiledAttachments)
    return {
      allowed: false,
      reason: 'File this email and classify its attachments before saving a copy: until then they are treated as confidential.',
    };
  const refused = materials.find((d): d is { allowed: false; reason: string } => !d.allowed);
  if (refused) return { allowed: false, reason: `${refused.reason} The email contains that material.` };
  if (email.memberOnly && mode.kind !== 'normal')
    return {
      allowed: false,
      reason:
        mode.kind === 'public-meeting'
          ? 'This email is Member only: it cannot be saved out in public-meeting mode. Leave public-meeting mode first.'
          : 'This email is Member only: it cannot be saved out during the private session.',
    };
  return { allowed: true, audited: true };
}

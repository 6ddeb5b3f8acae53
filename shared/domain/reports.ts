// Printable and PDF reports: when one may be made, and the watermark a confidential one
// carries. Pure: main enforces before it builds or prints a report, the screen explains.
import { effectiveLevel, type Classification } from './classification';
import { formatUk, type IsoDate } from './dates';
import { isVisibleInMode, type MeetingMode } from './protection';

/** What protected content a report would contain. */
export interface ReportContents {
  /** Protected material whose content is in the report (confidential, exempt, pink paper, not yet known, briefings). */
  protectedMaterial: ReadonlyArray<{ classification: Classification | null; meetingId?: string | null; isBriefing?: boolean }>;
  /** Records only the Member holds (Member-only requests, the disclosure register). */
  memberOnlyRecords: number;
}

export type ReportDecision = { allowed: true; confidential: boolean } | { allowed: false; reason: string };

export const containsProtected = (c: ReportContents): boolean => c.protectedMaterial.length > 0 || c.memberOnlyRecords > 0;

// R-DIS-3 (RULES D), R-USE-1 (000 §17.9.3), R-USE-2 (003 §4.8): a report with protected content is gated like an export: the Member only, never in public-meeting mode, and in a private session only that meeting's pink papers.
export function mayMakeReport(contents: ReportContents, role: 'member' | 'pa', mode: MeetingMode): ReportDecision {
  if (!containsProtected(contents)) return { allowed: true, confidential: false };
  if (role !== 'member')
    return {
      allowed: false,
      reason: 'A PA’s report never contains Member-only material. Leave out the confidential content, or ask the Member.',
    };
  if (mode.kind === 'public-meeting')
    return {
      allowed: false,
      reason:
        'No report with confidential content is made in public-meeting mode. Leave public-meeting mode first, or leave out the confidential content.',
    };
  if (mode.kind === 'private-session') {
    const onlyThisMeeting =
      contents.memberOnlyRecords === 0 &&
      contents.protectedMaterial.every(
        (m) => !m.isBriefing && effectiveLevel(m.classification) === 'pink-paper' && isVisibleInMode(m, mode),
      );
    if (!onlyThisMeeting)
      return {
        allowed: false,
        reason:
          'During a private session a report may contain only this meeting’s pink papers. Leave out the other confidential content, or end the private session.',
      };
  }
  return { allowed: true, confidential: true };
}

/** The watermark on every page of a confidential report: whose copy it is and when it was made. */
export function confidentialWatermark(memberName: string, today: IsoDate): string {
  return `Confidential: ${memberName.trim() || 'the Member'}, ${formatUk(today)}`;
}

/** A file name for the saved PDF: the report's title and the date, safe on every file system. */
export function reportFileName(title: string, today: IsoDate): string {
  const base =
    title
      .replace(/[^A-Za-z0-9 \-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'Report';
  return `${base} ${today}.pdf`;
}

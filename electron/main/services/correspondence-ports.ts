import type { DraftFacts } from '../../../shared/domain/correspondence';
import type { Attachment as AttachmentView } from '../../../shared/domain/material';
import type { RequestEvent } from '../../../shared/domain/requests';
import type { MeetingMode } from '../../../shared/domain/protection';
import { AppError } from '../../../shared/ipc/errors';

// What the correspondence services need from outside them: the requests they belong to, and the
// computer's side of email (the mail program, the clipboard, file dialogs).

/**
 * What correspondence needs of requests, and nothing more: the seam to casework. Keeping it this small
 * lets the casework services be split and moved without touching correspondence.
 */
export interface RequestLookup {
  /** The facts a draft needs (throws not-found or forbidden in words). `memberOnly` decides the tier. */
  draftFacts(requestId: string, today: string): Omit<DraftFacts, 'today'> & { memberOnly: boolean };
  /** Every request this user may read: id, reference, whether Member only, and the Member's From address. */
  references(): Iterable<{ id: string; reference: string; memberOnly: boolean; fromEmail: string }>;
  /** The request's reference and whether it is Member only (throws when it cannot be read). */
  summary(requestId: string): { id: string; reference: string; memberOnly: boolean; fromEmail: string; sentOn: string };
  logEvent(requestId: string, event: RequestEvent): void;
  /** R-ASK-8: the chair notice's own record (to whom, when), through the same checks as the request page's button. */
  markChairNoticeSent(input: { id: string; on: string; to: string }): void;
  /** R-DUE-4: an escalation sent by email, recorded to whom, through the same checks as "Escalate to…". */
  escalate(input: { id: string; on: string; to: string }): void;
  /**
   * R-CLS-2: records material "not yet known", under the id given (its file, already sealed under the
   * Member-only key, names that id as its owner); returns its id.
   */
  addUnknownMaterial(
    requestId: string,
    m: { id: string; title: string; receivedOn: string; summary: string; attachment: AttachmentView },
  ): string;
  /** Removes material this service just added (a later step failed): nothing partial is kept. */
  removeMaterial(materialId: string): void;
  /** The gate any material's files go through to leave the vault (R-DIS-3, R-USE-1). */
  mayExport(materialId: string): { allowed: true } | { allowed: false; reason: string };
  /** The meeting mode in force (R-USE-1): an original email that is Member only never leaves outside normal mode. */
  meetingMode(): MeetingMode;
  /** R-USE-3: note a copy saved out on the material's audit trail. */
  auditExport(materialId: string, detail: Record<string, unknown>): void;
}

/** The computer's side of drafts: open a file in the default mail program, put text on the clipboard, pick and save files. */
export interface MailDesk {
  /** Opens the .eml in the default mail program (Electron shell.openPath); resolves to '' or an error in words. */
  openPath(file: string): Promise<string>;
  copyText(text: string): void;
  chooseMessages(): Promise<string[]>;
  chooseExportTarget(suggestedName: string): Promise<string | null>;
}

export const noMailDesk: MailDesk = {
  openPath: async () => 'Opening files is not available here.',
  copyText: () => {
    throw new AppError('unavailable', 'The clipboard is not available here.');
  },
  chooseMessages: async () => {
    throw new AppError('unavailable', 'Choosing files is not available here.');
  },
  chooseExportTarget: async () => {
    throw new AppError('unavailable', 'Saving files is not available here.');
  },
};

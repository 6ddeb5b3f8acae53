import type { MeetingMode, ModeItem, ModeRequest, ProtectedListScreen } from '../../../shared/domain/protection';
import {
  WHO_LEAVES_A_MEETING_MODE,
  blocksScreenCapture,
  closedInMode,
  isRequestVisibleInMode,
  isVisibleInMode,
  modeInWords,
  nextMeetingMode,
} from '../../../shared/domain/protection';
import { AppError } from '../../../shared/ipc/errors';
import { moAdviceWithheld } from '../../../shared/ipc/mo-advice';
import type { DraftKind } from '../../../shared/domain/request-records';
import type { CorrespondenceItem } from '../../../shared/domain/correspondence';
import type { MailDesk } from './correspondence-ports';
import type { EventHub } from './events';
import type { RecordsRepository } from './records-repository';

/** The id audit events about the meeting mode are filed under. */
export const MEETING_MODE_AUDIT_ID = 'meeting-mode';

/**
 * R-USE-1: the meeting mode lives in main, which also blocks screen capture while it is on. Only the
 * Member, signed in, changes it; ending a private session returns to public-meeting mode; leaving
 * public-meeting mode (when protected items can show again) is audited. Every view main builds asks
 * this service what the mode lets it show (the rule is shared/domain/protection.ts).
 */
export class MeetingModeService {
  private mode: MeetingMode = { kind: 'normal' };

  constructor(
    private readonly records: RecordsRepository,
    private readonly events: EventHub,
    private readonly setContentProtection: (on: boolean) => void = () => {},
  ) {}

  get(): MeetingMode {
    return this.mode;
  }

  /** Whether this item may be shown in the current mode (R-USE-1). */
  shows(item: ModeItem): boolean {
    return isVisibleInMode(item, this.mode);
  }

  /** Whether this request's subject and question may be shown in the current mode (R-USE-1). */
  showsRequest(request: ModeRequest): boolean {
    return isRequestVisibleInMode(request, this.mode);
  }

  /** Refuses, changing nothing, to act on or copy out an item the current mode hides (R-USE-1). */
  requireShown(item: ModeItem): void {
    if (!this.shows(item))
      throw new AppError(
        'refused',
        `That is hidden in ${modeInWords(this.mode)}, so it cannot be opened or changed now. ${WHO_LEAVES_A_MEETING_MODE}`,
      );
  }

  /** As requireShown, for material by id; material this user cannot read is left to the command, which says why. */
  requireMaterialShown(id: string): string {
    if (this.mode.kind === 'normal') return id;
    const material = this.records.get('material', id);
    if (material) this.requireShown(material);
    return id;
  }

  /** What arrived is not yet classified (treated as confidential), so it is classified only where it could be opened. */
  requireArrivalClassifiable(id: string): string {
    this.requireShown({ classification: null });
    return id;
  }

  /** A draft of `kind` for a request may be shown now: the referral to the Monitoring Officer quotes its reason, which every meeting mode withholds (R-USE-1). */
  requireDraftShown(kind: DraftKind): void {
    const withheld = kind === 'mo-referral' ? moAdviceWithheld(this.mode) : null;
    if (withheld) throw new AppError('refused', `${withheld} So its email is not shown now. ${WHO_LEAVES_A_MEETING_MODE}`);
  }

  /** Refuses, in plain words, a screen that lists protected things while a meeting mode is on. */
  requireOpen(screen: ProtectedListScreen): void {
    const closed = closedInMode(screen, this.mode);
    if (closed) throw new AppError('refused', closed);
  }

  set(requested: MeetingMode): MeetingMode {
    try {
      this.records.requireMember(); // 'locked' while locked, 'forbidden' for a PA
    } catch (error) {
      // A PA left in a meeting mode is told who can end it, not just that they cannot.
      if (error instanceof AppError && error.code === 'forbidden') throw new AppError('forbidden', WHO_LEAVES_A_MEETING_MODE);
      throw error;
    }
    if (requested.kind === 'private-session') {
      // Not a retired meeting: opening a private session is a new choice. (An unknown id shows no pink papers.)
      const meeting = this.records.get('meeting', requested.meetingId);
      if (meeting?.retiredOn)
        throw new AppError(
          'refused',
          'That meeting has been retired. Reinstate it on Officers and meetings to hold a private session for it.',
        );
    }
    const next = nextMeetingMode(this.mode, requested);
    if (this.mode.kind === 'public-meeting' && next.kind === 'normal') {
      // Audited before the screen shows protected items again.
      this.records.audit(MEETING_MODE_AUDIT_ID, 'left-public-meeting', 'member', {});
    }
    this.mode = next;
    this.setContentProtection(blocksScreenCapture(next));
    this.events.emit('meetingMode:changed', next);
    return next;
  }
}

/**
 * R-USE-1: officers' emails as a meeting mode lets them show. An email is hidden when it is Member-only
 * (sealed under the Member key), when material filed from it is hidden or cannot be opened, or when
 * the request it is filed to is hidden; then only that it exists, its sender and date show.
 */
export class EmailsInMode {
  /** Emails being saved out now: checked again when the save dialog closes (the mode may have changed meanwhile). */
  private readonly exporting = new Set<string>();

  constructor(
    private readonly records: RecordsRepository,
    private readonly modes: Pick<MeetingModeService, 'get' | 'shows'>,
    private readonly requests: { isShown(id: string): boolean },
  ) {}

  private shows(item: CorrespondenceItem, memberOnly: Set<string>): boolean {
    if (this.modes.get().kind === 'normal') return true;
    if (memberOnly.has(item.id)) return false;
    for (const id of item.filed?.materialIds ?? []) {
      const material = this.records.get('material', id);
      if (!material || !this.modes.shows(material)) return false;
    }
    // An unfiled email is not yet classified (it may answer a hidden request, held back for its sender
    // checks, or quote one): in a meeting mode it is treated as confidential, as its attachments are.
    return item.requestId !== null && this.requests.isShown(item.requestId);
  }

  /** An import's result, each email in it as withhold() leaves it. */
  async withholdImported<T extends { imported: CorrespondenceItem[] }>(result: Promise<T>): Promise<T> {
    const r = await result;
    return { ...r, imported: this.withhold(r.imported) };
  }

  /** The unfiled list, each email in it as withhold() leaves it. */
  withholdUnfiled<T extends { items: CorrespondenceItem[] }>(result: T): T {
    return { ...result, items: this.withhold(result.items) };
  }

  /** One email as withhold() leaves it. */
  async withholdOne<T extends CorrespondenceItem>(item: Promise<T>): Promise<T> {
    return this.withhold([await item])[0]!;
  }

  /** The items, each hidden one reduced to that it exists, who sent it and when. */
  withhold<T extends CorrespondenceItem>(items: T[]): T[] {
    if (this.modes.get().kind === 'normal') return items;
    const memberOnly = this.records.memberTierIds('correspondence');
    return items.map((item) => (this.shows(item, memberOnly) ? item : this.hidden(item)));
  }

  private hidden<T extends CorrespondenceItem>(item: T): T {
    return {
      ...item,
      subject: `Email hidden in ${modeInWords(this.modes.get())}`,
      to: [],
      cc: [],
      text: '',
      html: null,
      attachments: [],
      flagNotes: [],
      fileName: '',
    };
  }

  /** Refuses, changing nothing, to save out an email the mode hides. */
  requireShown(id: string): string {
    if (this.modes.get().kind === 'normal') return id;
    const memberOnly = this.records.memberTierIds('correspondence');
    if (memberOnly.has(id)) throw this.refusal();
    // Its view is what the screens show: if that is hidden, so is the file. (What this user cannot read, the export refuses.)
    const item = this.records.get('correspondence', id);
    if (item?.kind === 'message' && !this.shows(item, memberOnly)) throw this.refusal();
    return id;
  }

  /** Saves an email out through `run`, refused when the mode hides it, before the save dialog and after it. */
  async exportChecked<T>(id: string, run: () => Promise<T>): Promise<T> {
    this.requireShown(id);
    this.exporting.add(id);
    try {
      return await run();
    } finally {
      this.exporting.delete(id);
    }
  }

  /** The mail desk, its save dialog followed by the mode check of every email being saved out (exportChecked). */
  guardDesk(desk: MailDesk): MailDesk {
    return {
      openPath: (file) => desk.openPath(file),
      copyText: (text) => desk.copyText(text),
      chooseMessages: () => desk.chooseMessages(),
      chooseExportTarget: async (name) => {
        const target = await desk.chooseExportTarget(name);
        for (const id of this.exporting) this.requireShown(id);
        return target;
      },
    };
  }

  private refusal(): AppError {
    return new AppError(
      'refused',
      `That email is hidden in ${modeInWords(this.modes.get())}, so it cannot be saved out now. ${WHO_LEAVES_A_MEETING_MODE}`,
    );
  }
}

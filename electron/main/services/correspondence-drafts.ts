import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  composeDraft,
  draftApplies,
  draftKindNames,
  mailtoFor,
  sentDraftNamesRecipient,
  sentEventFor,
  type DraftContent,
  type DraftPreview,
} from '../../../shared/domain/correspondence';
import { DRAFT_KINDS, type DraftKind, type RequestEvent } from '../../../shared/domain/requests';
import { ukDateOf } from '../../../shared/domain/dates';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import { composeEml } from '../mail/compose';
import type { EventHub } from './events';
import type { CorrespondenceStore } from './correspondence-store';
import { noMailDesk, type MailDesk, type RequestLookup } from './correspondence-ports';

/** Drafts written for the mail program are removed after this long (and on lock and quit). */
const DRAFT_FILE_LIFETIME_MS = 10 * 60 * 1000;

/** Officers' email out: drafts composed for a request, opened in the mail program or copied, and marked sent. */
export class DraftsService {
  private draftsFolder: string | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: CorrespondenceStore,
    private readonly requests: RequestLookup,
    private readonly councilDomain: () => string,
    events: EventHub,
    private readonly desk: MailDesk = noMailDesk,
    private readonly now: () => Date = () => new Date(),
    private readonly today: () => string = () => ukDateOf(new Date()),
    private readonly tempRoot: string = os.tmpdir(),
  ) {
    // Drafts left by a run that ended without locking (a crash, a power cut) go at the next start.
    removeLeftoverDrafts(tempRoot);
    // Drafts on disk hold the request's text: they go when the app locks.
    events.subscribe((channel, payload) => {
      if (channel === 'session:changed' && (payload as { state: string }).state !== 'unlocked') this.removeDraftFiles();
    });
  }

  draftOptions(requestId: string) {
    const facts = this.requests.draftFacts(requestId, this.today());
    return DRAFT_KINDS.map((kind) => {
      const a = draftApplies(kind, { ...facts, today: this.today() });
      return { kind, label: draftKindNames[kind], applies: a.applies, reason: a.applies ? null : a.reason };
    });
  }

  private content(requestId: string, kind: DraftKind) {
    const facts = this.requests.draftFacts(requestId, this.today());
    return { facts, content: composeDraft(kind, { ...facts, today: this.today() }, this.councilDomain()) };
  }

  /** The draft as it will be written; nothing is saved. */
  preview(requestId: string, kind: DraftKind): DraftPreview {
    const { content } = this.content(requestId, kind);
    return { requestId, ...content, mailto: mailtoFor(content), messageId: '' };
  }

  /** Records the draft's Message-ID and Thread-Index, so the officer's reply is matched to this request. */
  private recordDraft(
    requestId: string,
    kind: DraftKind,
    memberOnly: boolean,
    sent: { subject: string; messageId: string; threadIndex: string },
  ) {
    this.store.saveDraft(`draft:${randomUUID()}`, {
      kind: 'draft',
      requestId,
      draftKind: kind,
      messageId: sent.messageId,
      threadIndex: sent.threadIndex,
      subject: sent.subject,
      createdAt: this.now().toISOString(),
      sentOn: null,
      onMemberOnlyRequest: memberOnly,
    });
  }

  /** Writes the draft as an unsent .eml in a private folder and opens it in the default mail program. */
  async open(requestId: string, kind: DraftKind): Promise<DraftPreview> {
    const { facts, content } = this.content(requestId, kind);
    // Composing and opening wait: after a lock the draft is neither written out nor recorded in the next session.
    const guard = this.store.begin(lockedBefore('the draft was opened', 'open it again'));
    const built = await composeEml(content, this.now());
    guard.check();
    const file = this.writeDraftFile(built.eml);
    const problem = await this.desk.openPath(file);
    if (problem) {
      rmSync(file, { force: true });
      throw new AppError('unavailable', `Your email program could not open the draft (${problem}). Use “Copy” instead.`);
    }
    guard.check();
    this.recordDraft(requestId, kind, facts.memberOnly, { subject: content.subject, ...built });
    return { requestId, ...content, mailto: mailtoFor(content), messageId: built.messageId };
  }

  /** A random name in a 0700 folder (no other user of the computer can read or guess it), removed after a while. */
  private writeDraftFile(eml: string | Buffer): string {
    const file = path.join(this.privateFolder(), `${randomBytes(12).toString('hex')}.eml`);
    writeFileSync(file, eml, { mode: 0o600, flag: 'wx' });
    const timer = setTimeout(() => {
      rmSync(file, { force: true });
      this.timers.delete(timer);
    }, DRAFT_FILE_LIFETIME_MS);
    timer.unref?.();
    this.timers.add(timer);
    return file;
  }

  /** Puts the draft on the clipboard (subject, addresses and body as text). */
  copy(requestId: string, kind: DraftKind): DraftPreview {
    const { facts, content } = this.content(requestId, kind);
    this.desk.copyText(draftAsText(content));
    // No Message-ID travels with copied text; the reference tag in the subject still matches the reply.
    const messageId = `<copied.${randomUUID()}@need-to-know.invalid>`;
    this.recordDraft(requestId, kind, facts.memberOnly, { subject: content.subject, messageId, threadIndex: '' });
    return { requestId, ...content, mailto: mailtoFor(content), messageId: '' };
  }

  /** The Member says it was sent: recorded on the request's timeline, and on the latest unsent draft of that kind. */
  markSent(requestId: string, kind: DraftKind, on: string, to?: string): void {
    const summary = this.requests.summary(requestId);
    if (on < summary.sentOn && kind !== 'request') throw new AppError('invalid-input', 'That date is before the request was sent.');
    if (on > this.today()) throw new AppError('invalid-input', 'That date is in the future.');
    const event = sentEventFor(kind, on);
    const recipient = sentDraftNamesRecipient(kind) ? (to?.trim() ?? '') : '';
    if (event.type === 'chair-notice') this.requests.markChairNoticeSent({ id: requestId, on, to: recipient });
    else if (event.type === 'escalated') this.requests.escalate({ id: requestId, on, to: recipient });
    else this.requests.logEvent(requestId, event as RequestEvent);
    const latest = this.store
      .drafts()
      .filter((d) => d.data.requestId === requestId && d.data.draftKind === kind && !d.data.sentOn)
      .sort((a, b) => a.data.createdAt.localeCompare(b.data.createdAt))
      .at(-1);
    if (latest) this.store.saveDraft(latest.id, { ...latest.data, sentOn: on, onMemberOnlyRequest: summary.memberOnly });
  }

  private privateFolder(): string {
    // mkdtemp makes the folder 0700 with a random name.
    this.draftsFolder ??= mkdtempSync(path.join(this.tempRoot, 'ntk-drafts-'));
    return this.draftsFolder;
  }

  /** Removes every draft file written this session (on lock, quit and when the app starts again). */
  removeDraftFiles(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.draftsFolder) rmSync(this.draftsFolder, { recursive: true, force: true });
    this.draftsFolder = null;
  }
}

/** The draft as plain text for the clipboard. */
function draftAsText(content: DraftContent): string {
  return [
    `From: ${content.from}`,
    `To: ${content.to.map((t) => t.email).join(', ')}`,
    content.cc.length ? `Cc: ${content.cc.join(', ')}` : null,
    `Subject: ${content.subject}`,
    '',
    content.body,
  ]
    .filter((l) => l !== null)
    .join('\n');
}

/**
 * Removes this user's `ntk-drafts-*` folders from an earlier run; anything unreadable is left alone.
 * Only folders untouched for longer than a draft lives, so another running copy's drafts stay.
 */
export function removeLeftoverDrafts(tempRoot: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(tempRoot).filter((n) => n.startsWith('ntk-drafts-'));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(tempRoot, name);
    try {
      const info = statSync(dir);
      if (
        info.isDirectory() &&
        now - info.mtimeMs > DRAFT_FILE_LIFETIME_MS &&
        (typeof process.getuid !== 'function' || info.uid === process.getuid())
      )
        rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another user's or a vanished folder: not ours to remove.
    }
  }
}

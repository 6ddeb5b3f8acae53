import { createHash, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  MAX_MESSAGES_PER_IMPORT,
  MAX_MESSAGE_BYTES,
  importFlags,
  matchMessage,
  type CorrespondenceItem,
  type FlagResult,
} from '../../../shared/domain/correspondence';
import { mayFileWithoutAsking, senderCheck, senderCheckWarning, type SenderCheck } from '../../../shared/domain/sender-checks';
import { messageDifferences, sameMessageId } from '../../../shared/domain/message-clash';
import type { StoredMessage } from '../../../shared/domain/correspondence-records';
import { ukDateOf } from '../../../shared/domain/dates';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import { MessageRefused, parseMessage, safeName, type ParsedMessage } from '../mail/parse';
import type { RecordsRepository } from './records-repository';
import { inChunks, type CorrespondenceStore } from './correspondence-store';
import { messageViews } from './correspondence-provenance';
import type { FilingService } from './correspondence-filing';
import { noMailDesk, type MailDesk, type RequestLookup } from './correspondence-ports';
import type { SessionGuard } from './session-service';
import type { RecordTier } from '../../../shared/domain/record-tier';

const IMPORT_INTERRUPTED = lockedBefore('the email was imported', 'import it again');

type Refusal = { fileName: string; reason: string };

/** Officers' email in: files chosen or dropped are parsed, matched to their request, flagged and kept sealed. */
export class MailImportService {
  constructor(
    private readonly store: CorrespondenceStore,
    private readonly records: RecordsRepository,
    private readonly filing: FilingService,
    private readonly requests: RequestLookup,
    private readonly councilDomain: () => string,
    private readonly desk: MailDesk = noMailDesk,
    private readonly today: () => string = () => ukDateOf(new Date()),
    /** Code for the parse worker instead of the built one (tests inject a slow worker). */
    private readonly parseWorkerSource?: string,
  ) {}

  /** Picks files in main's dialog (the page never names a path), then imports them. */
  async chooseAndImport() {
    const guard = this.records.begin(IMPORT_INTERRUPTED);
    const files = await this.desk.chooseMessages();
    if (files.length > MAX_MESSAGES_PER_IMPORT)
      throw new AppError('refused', `Choose at most ${MAX_MESSAGES_PER_IMPORT} emails at a time.`);
    const read: Array<{ name: string; bytes: Uint8Array }> = [];
    const refused: Refusal[] = [];
    for (const file of files) {
      const name = safeName(path.basename(file));
      try {
        const info = await stat(file);
        if (info.size > MAX_MESSAGE_BYTES)
          refused.push({
            fileName: name,
            reason: `The file is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB, the most one email may be.`,
          });
        else read.push({ name, bytes: await readFile(file) });
      } catch {
        refused.push({ fileName: name, reason: 'The file could not be read.' });
      }
    }
    const result = await this.importAll(read, guard);
    return { imported: result.imported, refused: [...refused, ...result.refused] };
  }

  /** Imports each file on its own: a bad one is refused with its reason, and nothing of it is kept. */
  async importFiles(files: Array<{ name: string; bytes: Uint8Array }>) {
    if (files.length > MAX_MESSAGES_PER_IMPORT) throw new AppError('refused', `Drop at most ${MAX_MESSAGES_PER_IMPORT} emails at a time.`);
    return this.importAll(files, this.records.begin(IMPORT_INTERRUPTED));
  }

  /** Each email in the session that began the import: once the app locks, the import stops and the email in hand is not saved. */
  private async importAll(files: Array<{ name: string; bytes: Uint8Array }>, guard: SessionGuard) {
    guard.check();
    const imported: CorrespondenceItem[] = [];
    const refused: Refusal[] = [];
    for (const file of files) {
      const fileName = safeName(file.name);
      try {
        imported.push(await this.importOne(fileName, file.bytes, guard));
      } catch (error) {
        if (!guard.current) throw guard.explain(error);
        if (error instanceof MessageRefused || error instanceof AppError) refused.push({ fileName, reason: error.message });
        else throw error;
      }
    }
    return { imported, refused };
  }

  /**
   * Parses, seals the original (and, for a matched reply, its attachments), checking after each wait
   * that the session that began the import is still the one unlocked; only then saves, without waiting.
   */
  private async importOne(fileName: string, bytes: Uint8Array, guard: SessionGuard): Promise<CorrespondenceItem> {
    const lower = fileName.toLowerCase();
    if (!lower.endsWith('.eml') && !lower.endsWith('.msg'))
      throw new MessageRefused('Only emails saved as .eml or .msg files can be imported.');
    const parsed = await parseMessage(bytes, fileName, undefined, { signal: guard.signal, source: this.parseWorkerSource });
    guard.check();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Only the same file again is "already imported": a different one with the same Message-ID is
    // kept beside it, both shown with what differs (correspondence-provenance.ts), so a copy imported
    // first cannot shut the genuine one out.
    const namesakes = this.store.messages().filter((m) => sameMessageId(m.messageId, parsed.messageId));
    if (namesakes.some((m) => sameFile(m, sha256, bytes.length, parsed))) throw new MessageRefused('This email has already been imported.');
    const { index, requests } = this.store.matchIndex(this.requests);
    const found = matchMessage(parsed, index);
    const check = senderCheck(parsed, this.councilDomain());
    // Never filed silently when its sender is in doubt or it clashes with a kept email: the user files it by hand, seeing the warning.
    const match = found && mayFileWithoutAsking(check) && !namesakes.length ? found : null;
    const request = match ? requests.get(match.requestId)! : null;
    // An email held back from a Member-only request is still that request's: Member only until filed (R-USE-2).
    const memberOnly = (request ?? (found ? requests.get(found.requestId) : null))?.memberOnly ?? false;
    const memberEmails = request ? [request.fromEmail] : [...new Set([...requests.values()].map((r) => r.fromEmail))];
    const pending = this.message(fileName, bytes, parsed, {
      matchedBy: match?.by ?? null,
      onMemberOnlyRequest: memberOnly,
      flags: withSenderCheck(
        importFlags(parsed, this.councilDomain(), memberEmails),
        check,
        found && !match ? (requests.get(found.requestId)?.reference ?? null) : null,
      ),
    });
    pending.senderCheck = check.status;
    pending.sha256 = sha256;
    const tier = this.writableTier(pending, memberOnly);
    const blobs = this.records.blobs;
    const blob = await blobs.add(inChunks(bytes), tier, pending.id);
    const item = { ...pending, blobId: blob.id };
    // A matched reply is linked at once: its attachments become material to classify.
    let link: Awaited<ReturnType<FilingService['prepareLink']>> | null = null;
    try {
      guard.check();
      if (match) link = await this.prepared(item, tier, match.requestId, parsed, guard);
      guard.check();
    } catch (error) {
      link?.discard();
      blobs.discard(blob.id, pending.id);
      throw error;
    }
    let saved: StoredMessage;
    try {
      saved = this.store.saveMessage(item);
    } catch (error) {
      link?.discard();
      blobs.discard(blob.id, pending.id);
      throw error;
    }
    try {
      if (link) return link.commit();
    } catch (error) {
      // The message stays, unfiled, for the Member to file by hand; nothing of the link is kept.
      if (!(error instanceof AppError)) throw error;
    }
    return messageViews(this.records, this.store.messages(), [saved])[0]!;
  }

  /** The link of a matched reply, its files sealed; null when it cannot be linked now (the Member files it by hand). */
  private async prepared(item: StoredMessage, tier: RecordTier, requestId: string, parsed: ParsedMessage, guard: SessionGuard) {
    try {
      return await this.filing.prepareLink({ tier, data: item }, requestId, 'none', null, parsed, guard);
    } catch (error) {
      if (!(error instanceof AppError) || !guard.current) throw error;
      return null;
    }
  }

  /** The stored email for a parsed file (its blob id is filled in once the original is sealed). */
  private message(
    fileName: string,
    bytes: Uint8Array,
    parsed: ParsedMessage,
    at: { matchedBy: StoredMessage['matchedBy']; onMemberOnlyRequest: boolean; flags: ReturnType<typeof importFlags> },
  ): StoredMessage {
    const sentAt = parsed.sentAt;
    return {
      kind: 'message',
      id: `message:${randomUUID()}`,
      requestId: null,
      requestReference: null,
      from: parsed.from,
      to: parsed.to,
      cc: parsed.cc,
      subject: parsed.subject,
      date: sentAt ? ukDateOf(new Date(sentAt)) : this.today(),
      sentAt,
      text: parsed.text.slice(0, 1_000_000),
      html: parsed.html ? parsed.html.slice(0, 2_000_000) : null,
      attachments: parsed.attachments.map((a) => ({ name: a.name, size: a.content.length, contentType: a.contentType })),
      flags: at.flags.flags,
      flagNotes: at.flags.explanations,
      matchedBy: at.matchedBy,
      filed: null,
      fileName,
      size: bytes.length,
      importedOn: this.today(),
      format: parsed.format,
      blobId: 'pending',
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      threadIndex: parsed.threadIndex,
      threadTopic: parsed.threadTopic,
      onMemberOnlyRequest: at.onMemberOnlyRequest,
    };
  }

  /** The repository's tier for the email, its refusal to a PA put in words about importing. */
  private writableTier(item: StoredMessage, requestMemberOnly: boolean) {
    try {
      return this.store.writableTier(item);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
      throw new MessageRefused(
        requestMemberOnly
          ? 'This email belongs to a Member-only request: only the Member can import it.'
          : 'This email has attachments, which stay Member only until the Member has classified them: ask the Member to import it.',
      );
    }
  }
}

/**
 * Whether a kept email is this very file: the same SHA-256 (or, for one kept before hashes were,
 * the same size) and nothing the screens show differing. The hash is the record's own word, which a
 * PA's forged record could copy from the genuine file while showing other text: so both must agree.
 */
function sameFile(kept: StoredMessage, sha256: string, size: number, parsed: ParsedMessage): boolean {
  if (kept.sha256 ? kept.sha256 !== sha256 : kept.size !== size) return false;
  const attachments = parsed.attachments.map((a) => ({ name: a.name, size: a.content.length }));
  const text = parsed.text.slice(0, 1_000_000);
  const html = parsed.html ? parsed.html.slice(0, 2_000_000) : null;
  return messageDifferences(kept, { ...parsed, text, html, size, attachments }).length === 0;
}

/** The import's flags with the sender-check warning added, and the request it was not filed to named. */
function withSenderCheck(flags: FlagResult, check: SenderCheck, heldBackFrom: string | null): FlagResult {
  const warning = senderCheckWarning(check);
  const held = heldBackFrom
    ? ` It looks like a reply to ${heldBackFrom} but was not filed there: once you have checked it, file it by hand.`
    : '';
  if (!warning) return flags;
  return { ...flags, flags: [...flags.flags, 'sender-checks'], explanations: [...flags.explanations, `${warning}${held}`] };
}

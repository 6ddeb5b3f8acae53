import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  FILING_KINDS,
  MAX_MESSAGES_PER_IMPORT,
  MAX_MESSAGE_BYTES,
  buildMatchIndex,
  composeDraft,
  correspondenceTier,
  draftApplies,
  draftKindNames,
  importFlags,
  mailtoFor,
  matchMessage,
  normaliseMessageId,
  sentDraftNamesRecipient,
  sentEventFor,
  type CorrespondenceItem,
  type DraftFacts,
  type DraftPreview,
  type FilingKind,
  type MatchIndex,
} from '../../../shared/domain/correspondence';
import type { Attachment as AttachmentView } from '../../../shared/domain/material';
import { DRAFT_KINDS, type DraftKind, type RequestEvent } from '../../../shared/domain/requests';
import { ukDateOf } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/errors';
import { composeEml } from '../mail/compose';
import { MessageRefused, parseMessage, safeName, type ParsedMessage } from '../mail/parse';
import type { EventHub } from './events';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';

/**
 * What this service needs of requests, and nothing more: the seam to casework. Keeping it this small
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
  /** R-CLS-2: records material "not yet known" with its file already sealed under the Member-only key; returns its id. */
  addUnknownMaterial(requestId: string, m: { title: string; receivedOn: string; summary: string; attachment: AttachmentView }): string;
  /** Removes material this service just added (a later step failed): nothing partial is kept. */
  removeMaterial(materialId: string): void;
  /** The gate any material's files go through to leave the vault (R-DIS-3, R-USE-1). */
  mayExport(materialId: string): { allowed: true } | { allowed: false; reason: string };
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

const TYPE = 'correspondence';
/** Drafts written for the mail program are removed after this long (and on lock and quit). */
const DRAFT_FILE_LIFETIME_MS = 10 * 60 * 1000;

interface StoredDraft {
  kind: 'draft';
  requestId: string;
  draftKind: DraftKind;
  messageId: string;
  threadIndex: string;
  subject: string;
  createdAt: string;
  sentOn: string | null;
}

interface StoredMessage extends CorrespondenceItem {
  kind: 'message';
  format: 'eml' | 'msg';
  blobId: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  threadIndex: string | null;
  threadTopic: string | null;
}

type Stored = StoredDraft | StoredMessage;

/** Officers' email out (drafts for the mail program) and in (imported, matched, filed). */
export class CorrespondenceService {
  private draftsFolder: string | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly session: SessionService<OpenVault>,
    private readonly requests: RequestLookup,
    private readonly councilDomain: () => string,
    private readonly events: EventHub,
    private readonly desk: MailDesk = noMailDesk,
    private readonly now: () => Date = () => new Date(),
    private readonly today: () => string = () => ukDateOf(new Date()),
    private readonly tempRoot: string = os.tmpdir(),
  ) {
    // Drafts left by a run that ended without locking (a crash, a power cut) go at the next start.
    removeLeftoverDrafts(tempRoot);
    // Drafts on disk hold the request's text: they go when the app locks.
    events.subscribe((channel, payload) => {
      if (channel === 'session:changed' && payload.state !== 'unlocked') this.removeDraftFiles();
    });
  }

  private get vault() {
    return this.session.requireVault().records;
  }

  private changed(id: string) {
    this.events.emit('records:changed', { kind: TYPE, id });
  }

  // Out: drafts ------------------------------------------------------------------------------

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
    subject: string,
    messageId: string,
    threadIndex: string,
  ): void {
    const draft: StoredDraft = {
      kind: 'draft',
      requestId,
      draftKind: kind,
      messageId,
      threadIndex,
      subject,
      createdAt: this.now().toISOString(),
      sentOn: null,
    };
    const id = `draft:${randomUUID()}`;
    this.vault.put({ id, tier: memberOnly ? 'member' : 'shared', type: TYPE, data: draft });
    this.changed(id);
  }

  /** Writes the draft as an unsent .eml in a private folder and opens it in the default mail program. */
  async open(requestId: string, kind: DraftKind): Promise<DraftPreview> {
    const { facts, content } = this.content(requestId, kind);
    const built = await composeEml(content, this.now());
    const folder = this.privateFolder();
    // A random name in a 0700 folder: no other user of the computer can read or guess it.
    const file = path.join(folder, `${randomBytes(12).toString('hex')}.eml`);
    writeFileSync(file, built.eml, { mode: 0o600, flag: 'wx' });
    const timer = setTimeout(() => {
      rmSync(file, { force: true });
      this.timers.delete(timer);
    }, DRAFT_FILE_LIFETIME_MS);
    timer.unref?.();
    this.timers.add(timer);
    const problem = await this.desk.openPath(file);
    if (problem) {
      rmSync(file, { force: true });
      throw new AppError('unavailable', `Your email program could not open the draft (${problem}). Use “Copy” instead.`);
    }
    this.recordDraft(requestId, kind, facts.memberOnly, content.subject, built.messageId, built.threadIndex);
    return { requestId, ...content, mailto: mailtoFor(content), messageId: built.messageId };
  }

  /** Puts the draft on the clipboard (subject, addresses and body as text). */
  copy(requestId: string, kind: DraftKind): DraftPreview {
    const { facts, content } = this.content(requestId, kind);
    const text = [
      `From: ${content.from}`,
      `To: ${content.to.map((t) => t.email).join(', ')}`,
      content.cc.length ? `Cc: ${content.cc.join(', ')}` : null,
      `Subject: ${content.subject}`,
      '',
      content.body,
    ]
      .filter((l) => l !== null)
      .join('\n');
    this.desk.copyText(text);
    // No Message-ID travels with copied text; the reference tag in the subject still matches the reply.
    this.recordDraft(requestId, kind, facts.memberOnly, content.subject, `<copied.${randomUUID()}@need-to-know.invalid>`, '');
    return { requestId, ...content, mailto: mailtoFor(content), messageId: '' };
  }

  /** The Member says it was sent: recorded on the request's timeline. */
  markSent(requestId: string, kind: DraftKind, on: string, to?: string): void {
    const summary = this.requests.summary(requestId);
    if (on < summary.sentOn && kind !== 'request') throw new AppError('invalid-input', 'That date is before the request was sent.');
    if (on > this.today()) throw new AppError('invalid-input', 'That date is in the future.');
    const event = sentEventFor(kind, on);
    const recipient = sentDraftNamesRecipient(kind) ? (to?.trim() ?? '') : '';
    if (event.type === 'chair-notice') this.requests.markChairNoticeSent({ id: requestId, on, to: recipient });
    else if (event.type === 'escalated') this.requests.escalate({ id: requestId, on, to: recipient });
    else this.requests.logEvent(requestId, event as RequestEvent);
    const drafts = this.stored().filter(
      (r): r is { id: string; tier: 'shared' | 'member'; data: StoredDraft } =>
        r.data.kind === 'draft' && r.data.requestId === requestId && r.data.draftKind === kind && !r.data.sentOn,
    );
    const latest = drafts.sort((a, b) => a.data.createdAt.localeCompare(b.data.createdAt)).at(-1);
    if (latest) this.vault.put({ id: latest.id, tier: latest.tier, type: TYPE, data: { ...latest.data, sentOn: on } });
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

  // In: imported messages -------------------------------------------------------------------

  private stored(): Array<{ id: string; tier: 'shared' | 'member'; data: Stored }> {
    return this.vault.list<Stored>(TYPE).map((r) => ({ id: r.id, tier: r.tier, data: r.data }));
  }

  private matchIndex(): { index: MatchIndex; requests: Map<string, { reference: string; memberOnly: boolean; fromEmail: string }> } {
    const requests = new Map<string, { reference: string; memberOnly: boolean; fromEmail: string }>();
    for (const r of this.requests.references()) requests.set(r.id, r);
    const drafts = this.stored().flatMap((r) => (r.data.kind === 'draft' ? [r.data] : []));
    return {
      index: buildMatchIndex(
        [...requests].map(([id, r]) => ({ id, reference: r.reference })),
        drafts,
      ),
      requests,
    };
  }

  /** Picks files in main's dialog (the page never names a path), then imports them. */
  async chooseAndImport() {
    const files = await this.desk.chooseMessages();
    if (files.length > MAX_MESSAGES_PER_IMPORT)
      throw new AppError('refused', `Choose at most ${MAX_MESSAGES_PER_IMPORT} emails at a time.`);
    const read: Array<{ name: string; bytes: Uint8Array }> = [];
    const refused: Array<{ fileName: string; reason: string }> = [];
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
    const result = await this.importFiles(read);
    return { imported: result.imported, refused: [...refused, ...result.refused] };
  }

  /** Imports each file on its own: a bad one is refused with its reason, and nothing of it is kept. */
  async importFiles(files: Array<{ name: string; bytes: Uint8Array }>) {
    if (files.length > MAX_MESSAGES_PER_IMPORT) throw new AppError('refused', `Drop at most ${MAX_MESSAGES_PER_IMPORT} emails at a time.`);
    const imported: CorrespondenceItem[] = [];
    const refused: Array<{ fileName: string; reason: string }> = [];
    for (const file of files) {
      const fileName = safeName(file.name);
      try {
        imported.push(await this.importOne(fileName, file.bytes));
      } catch (error) {
        if (error instanceof MessageRefused || error instanceof AppError) refused.push({ fileName, reason: error.message });
        else throw error;
      }
    }
    return { imported, refused };
  }

  private async importOne(fileName: string, bytes: Uint8Array): Promise<CorrespondenceItem> {
    const lower = fileName.toLowerCase();
    if (!lower.endsWith('.eml') && !lower.endsWith('.msg'))
      throw new MessageRefused('Only emails saved as .eml or .msg files can be imported.');
    const parsed = await parseMessage(bytes, fileName);
    const { index, requests } = this.matchIndex();
    if (
      parsed.messageId &&
      this.stored().some(
        (r) =>
          r.data.kind === 'message' && r.data.messageId && normaliseMessageId(r.data.messageId) === normaliseMessageId(parsed.messageId!),
      )
    ) {
      throw new MessageRefused('This email has already been imported.');
    }
    const match = matchMessage(parsed, index);
    const request = match ? requests.get(match.requestId)! : null;
    const memberEmails = request ? [request.fromEmail] : [...new Set([...requests.values()].map((r) => r.fromEmail))];
    const flags = importFlags(parsed, this.councilDomain(), memberEmails);
    const tier = correspondenceTier({ requestMemberOnly: request?.memberOnly ?? false, attachmentCount: parsed.attachments.length });
    const vault = this.session.requireVault();
    if (tier === 'member' && vault.user.role !== 'member') {
      throw new MessageRefused(
        request?.memberOnly
          ? 'This email belongs to a Member-only request: only the Member can import it.'
          : 'This email has attachments, which stay Member only until the Member has classified them: ask the Member to import it.',
      );
    }
    const blob = await vault.records.attachments.add(inChunks(bytes), tier);
    const sentAt = parsed.sentAt;
    const item: StoredMessage = {
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
      flags: flags.flags,
      flagNotes: flags.explanations,
      matchedBy: match?.by ?? null,
      filed: null,
      fileName,
      size: bytes.length,
      importedOn: this.today(),
      format: parsed.format,
      blobId: blob.id,
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      threadIndex: parsed.threadIndex,
      threadTopic: parsed.threadTopic,
    };
    try {
      this.vault.put({ id: item.id, tier, type: TYPE, data: item });
    } catch (error) {
      vault.records.attachments.discard(blob.id);
      throw error;
    }
    this.changed(item.id);
    // A matched reply is linked at once: its attachments become material to classify.
    if (match) {
      try {
        return await this.link(item.id, match.requestId, 'none', null, parsed);
      } catch (error) {
        // The message stays, unfiled, for the Member to file by hand; nothing of the link is kept.
        if (!(error instanceof AppError)) throw error;
      }
    }
    return this.view(item);
  }

  private view(m: StoredMessage): CorrespondenceItem {
    const {
      kind: _k,
      format: _f,
      blobId: _b,
      messageId: _m,
      inReplyTo: _i,
      references: _r,
      threadIndex: _t,
      threadTopic: _tt,
      ...item
    } = m;
    return item;
  }

  private message(id: string) {
    const record = this.vault.get<Stored>(id);
    if (!record || record.type !== TYPE || record.data.kind !== 'message') {
      if (this.vault.sealedIds(TYPE).some((s) => s.id === id)) throw new AppError('forbidden', 'This email is Member only.');
      throw new AppError('not-found', 'There is no such email.');
    }
    return { ...record, data: record.data };
  }

  /** Messages waiting to be filed by hand. */
  unfiled(): { items: CorrespondenceItem[]; memberOnlyCount: number } {
    const items = this.stored().flatMap((r) => (r.data.kind === 'message' && !r.data.requestId ? [this.view(r.data)] : []));
    return {
      items: items.sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? '')),
      memberOnlyCount: this.vault.sealedIds(TYPE).length,
    };
  }

  /** The emails filed against one request, oldest first. */
  forRequest(requestId: string): CorrespondenceItem[] {
    return this.stored()
      .flatMap((r) => (r.data.kind === 'message' && r.data.requestId === requestId ? [this.view(r.data)] : []))
      .sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? ''));
  }

  /**
   * Files a message to a request: its attachments become material "not yet known" (R-CLS-2) and the
   * event is logged with the email's own date. A message already filed only gets its event recorded.
   */
  async file(id: string, requestId: string, kind: FilingKind, promisedBy: string | null): Promise<CorrespondenceItem> {
    if (!FILING_KINDS.includes(kind)) throw new AppError('invalid-input', 'Choose what the email is.');
    if (kind === 'holding' && !promisedBy) throw new AppError('invalid-input', 'Enter the date the officer promised an answer by.');
    const record = this.message(id);
    const m = record.data;
    if (m.requestId && m.requestId !== requestId)
      throw new AppError('conflict', `This email is already filed to ${m.requestReference ?? 'another request'}.`);
    if (m.requestId && m.filed && m.filed.kind !== 'none') throw new AppError('conflict', 'This email is already filed.');
    if (m.requestId) {
      this.logFiled(requestId, m, kind, promisedBy);
      const data: StoredMessage = { ...m, filed: { ...m.filed!, kind, promisedBy } };
      this.vault.put({ id, tier: record.tier, type: TYPE, data });
      this.changed(id);
      return this.view(data);
    }
    const parsed = await this.reparse(m);
    return this.link(id, requestId, kind, promisedBy, parsed, true);
  }

  private async reparse(m: StoredMessage): Promise<ParsedMessage> {
    const chunks: Buffer[] = [];
    for await (const c of this.vault.attachments.read(m.blobId)) chunks.push(c as Buffer);
    return parseMessage(Buffer.concat(chunks), m.fileName);
  }

  private logFiled(requestId: string, m: StoredMessage, kind: FilingKind, promisedBy: string | null) {
    if (kind === 'none') return;
    const note = `Email from ${m.from?.name || m.from?.email || 'the officer'}: ${m.subject}`.slice(0, 2000);
    // The event carries the email's own date, not the day it was filed.
    const event: RequestEvent =
      kind === 'holding' ? { type: 'holding', on: m.date, note, promisedBy: promisedBy! } : { type: kind, on: m.date, note };
    this.requests.logEvent(requestId, event);
  }

  private async link(
    id: string,
    requestId: string,
    kind: FilingKind,
    promisedBy: string | null,
    parsed: ParsedMessage,
    byHand = false,
  ): Promise<CorrespondenceItem> {
    const record = this.message(id);
    const m = record.data;
    const request = this.requests.summary(requestId);
    const tier = correspondenceTier({ requestMemberOnly: request.memberOnly, attachmentCount: m.attachments.length });
    const vault = this.session.requireVault();
    if ((tier === 'member' || record.tier === 'member') && vault.user.role !== 'member')
      throw new AppError('forbidden', 'Only the Member can file this email: it is Member only.');
    if (kind === 'holding' && promisedBy && promisedBy < m.date)
      throw new AppError('invalid-input', 'The promised date is before the email was sent.');
    const added: string[] = [];
    const sealed: string[] = [];
    let blobId = m.blobId;
    try {
      // The original moves under the request's tier if that is stricter (a Member-only request).
      if (tier !== record.tier) {
        const moved = await vault.records.attachments.add(vault.records.attachments.read(m.blobId), tier);
        sealed.push(moved.id);
        blobId = moved.id;
      }
      // R-CLS-2 (000 §17.9.4): each attachment is material "not yet known" until the Member classifies it.
      for (const a of parsed.attachments) {
        const blob = await vault.records.attachments.add(inChunks(a.content), 'member');
        sealed.push(blob.id);
        const materialId = this.requests.addUnknownMaterial(request.id, {
          title: a.name,
          receivedOn: m.date,
          summary: `Attached to the email “${m.subject}” from ${m.from?.email ?? 'the officer'}.`.slice(0, 8000),
          attachment: { id: blob.id, name: a.name, size: a.content.length, addedOn: this.today() },
        });
        added.push(materialId);
      }
      this.logFiled(request.id, m, kind, promisedBy);
      const data: StoredMessage = {
        ...m,
        blobId,
        requestId: request.id,
        requestReference: request.reference,
        matchedBy: byHand ? 'hand' : m.matchedBy,
        filed: { kind, on: m.date, promisedBy, materialIds: added },
      };
      this.vault.put({ id: record.id, tier, type: TYPE, data });
      if (blobId !== m.blobId) vault.records.attachments.discard(m.blobId);
      this.changed(record.id);
      return this.view(data);
    } catch (error) {
      for (const mid of added) this.requests.removeMaterial(mid);
      for (const b of sealed) vault.records.attachments.discard(b);
      throw error;
    }
  }

  /** Saves the original email out, under the same gate as its attachments' material (R-DIS-3, R-USE-3). */
  async exportOriginal(id: string): Promise<{ file: string | null; bytes: number }> {
    const check = () => {
      const m = this.message(id).data;
      if (m.attachments.length && !m.filed)
        throw new AppError(
          'refused',
          'File this email and classify its attachments before saving a copy: until then they are treated as confidential.',
        );
      for (const mid of m.filed?.materialIds ?? []) {
        const decision = this.requests.mayExport(mid);
        if (!decision.allowed) throw new AppError('refused', `${decision.reason} The email contains that material.`);
      }
      return m;
    };
    const before = check();
    const target = await this.desk.chooseExportTarget(before.fileName);
    if (!target) return { file: null, bytes: 0 };
    const m = check();
    const chunks: Buffer[] = [];
    for await (const c of this.vault.attachments.read(m.blobId)) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    for (const mid of m.filed?.materialIds ?? [])
      this.requests.auditExport(mid, { name: m.fileName, file: path.basename(target), bytes: bytes.length, what: 'the original email' });
    const temp = `${target}.${randomBytes(6).toString('hex')}.partial`;
    try {
      writeFileSync(temp, bytes, { mode: 0o600, flag: 'wx' });
      const { renameSync } = await import('node:fs');
      renameSync(temp, target);
    } catch {
      rmSync(temp, { force: true });
      throw new AppError('io', 'The copy could not be saved. Nothing was saved.');
    }
    return { file: target, bytes: bytes.length };
  }
}

/** Bytes already in memory, handed to the blob store a megabyte at a time. */
async function* inChunks(bytes: Uint8Array): AsyncGenerator<Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < buf.length; i += 1024 * 1024) yield buf.subarray(i, i + 1024 * 1024);
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

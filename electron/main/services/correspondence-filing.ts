import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FILING_KINDS, type CorrespondenceItem, type FilingKind } from '../../../shared/domain/correspondence';
import type { StoredMessage } from '../../../shared/domain/correspondence-records';
import type { RequestEvent } from '../../../shared/domain/requests';
import { ukDateOf } from '../../../shared/domain/dates';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import { parseMessage, type ParsedMessage } from '../mail/parse';
import type { RecordsRepository } from './records-repository';
import { inChunks, messageView, readAll, type CorrespondenceStore } from './correspondence-store';
import { messageViews } from './correspondence-provenance';
import { noMailDesk, type MailDesk, type RequestLookup } from './correspondence-ports';
import type { SessionGuard } from './session-service';

/** Officers' emails once imported: the unfiled list, each request's emails, filing one to a request, saving the original out. */
export class FilingService {
  constructor(
    private readonly store: CorrespondenceStore,
    private readonly records: RecordsRepository,
    private readonly requests: RequestLookup,
    private readonly desk: MailDesk = noMailDesk,
    private readonly today: () => string = () => ukDateOf(new Date()),
    /** Code for the parse worker instead of the built one (tests inject a slow worker). */
    private readonly parseWorkerSource?: string,
  ) {}

  /** Messages waiting to be filed by hand. */
  unfiled(): { items: CorrespondenceItem[]; memberOnlyCount: number } {
    const all = this.store.messages();
    const items = messageViews(
      this.records,
      all,
      all.filter((m) => !m.requestId),
    );
    return {
      items: items.sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? '')),
      memberOnlyCount: this.store.sealedCount(),
    };
  }

  /** The emails filed against one request, oldest first. */
  forRequest(requestId: string): CorrespondenceItem[] {
    const all = this.store.messages();
    return messageViews(
      this.records,
      all,
      all.filter((m) => m.requestId === requestId),
    ).sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? ''));
  }

  /**
   * Files a message to a request: its attachments become material "not yet known" (R-CLS-2) and the
   * event is logged with the email's own date. A message already filed only gets its event recorded.
   */
  async file(id: string, requestId: string, kind: FilingKind, promisedBy: string | null): Promise<CorrespondenceItem> {
    if (!FILING_KINDS.includes(kind)) throw new AppError('invalid-input', 'Choose what the email is.');
    if (kind === 'holding' && !promisedBy) throw new AppError('invalid-input', 'Enter the date the officer promised an answer by.');
    const m = this.store.message(id).data;
    if (m.requestId && m.requestId !== requestId)
      throw new AppError('conflict', `This email is already filed to ${m.requestReference ?? 'another request'}.`);
    if (m.requestId && m.filed && m.filed.kind !== 'none') throw new AppError('conflict', 'This email is already filed.');
    if (m.requestId) {
      const request = this.requests.summary(requestId);
      this.logFiled(requestId, m, kind, promisedBy);
      const data = this.store.saveMessage({ ...m, filed: { ...m.filed!, kind, promisedBy }, onMemberOnlyRequest: request.memberOnly });
      return messageView(data);
    }
    // Reading the original and sealing its attachments take time: the filing belongs to the session that began it.
    const guard = this.records.begin(lockedBefore('the email was filed', 'file it again'));
    try {
      const parsed = await parseMessage(await readAll(this.records.blobs.read(m.blobId)), m.fileName, undefined, {
        signal: guard.signal,
        source: this.parseWorkerSource,
      });
      guard.check();
      // Read again: the email may have changed while its original was read.
      const link = await this.prepareLink(this.store.message(id), requestId, kind, promisedBy, parsed, guard, true);
      return link.commit();
    } catch (error) {
      throw guard.explain(error);
    }
  }

  private logFiled(requestId: string, m: StoredMessage, kind: FilingKind, promisedBy: string | null) {
    if (kind === 'none') return;
    // A sender the council's mail server could not confirm stays said on the timeline (sender-checks.ts).
    const doubt = m.flags.includes('sender-checks') ? ' (sender not confirmed by the council’s mail server)' : '';
    const note = `Email from ${m.from?.name || m.from?.email || 'the officer'}${doubt}: ${m.subject}`.slice(0, 2000);
    // The event carries the email's own date, not the day it was filed.
    const event: RequestEvent =
      kind === 'holding' ? { type: 'holding', on: m.date, note, promisedBy: promisedBy! } : { type: kind, on: m.date, note };
    this.requests.logEvent(requestId, event);
  }

  /**
   * Links an imported message to its request (at import when matched, or by hand), in two steps so
   * nothing is saved after a wait: first every file is sealed (the original under the request's tier
   * if that is stricter, each attachment under the Member key), checking the session after each;
   * then `commit` saves, without waiting, each attachment as material, the event and the message. A
   * failure at any step keeps nothing of the link; `discard` lets the sealed files go unused.
   */
  async prepareLink(
    record: { tier: string; data: StoredMessage },
    requestId: string,
    kind: FilingKind,
    promisedBy: string | null,
    parsed: ParsedMessage,
    guard: SessionGuard,
    byHand = false,
  ): Promise<{ commit(): CorrespondenceItem; discard(): void }> {
    const m = record.data;
    const request = this.requests.summary(requestId);
    const linked = (blobId: string, materialIds: string[]): StoredMessage => ({
      ...m,
      blobId,
      requestId: request.id,
      requestReference: request.reference,
      matchedBy: byHand ? 'hand' : m.matchedBy,
      filed: { kind, on: m.date, promisedBy, materialIds },
      onMemberOnlyRequest: request.memberOnly,
    });
    const tier = this.writableTier(linked(m.blobId, []));
    if (kind === 'holding' && promisedBy && promisedBy < m.date)
      throw new AppError('invalid-input', 'The promised date is before the email was sent.');
    const blobs = this.records.blobs;
    const sealed: string[] = [];
    const discard = () => sealed.forEach((b) => blobs.discard(b));
    let blobId = m.blobId;
    const files: Array<{ blobId: string; name: string; size: number }> = [];
    try {
      if (tier !== record.tier) {
        const moved = await blobs.add(blobs.read(m.blobId), tier);
        sealed.push(moved.id);
        blobId = moved.id;
        guard.check();
      }
      for (const a of parsed.attachments) {
        const blob = await blobs.add(inChunks(a.content), 'member');
        sealed.push(blob.id);
        files.push({ blobId: blob.id, name: a.name, size: a.content.length });
        guard.check();
      }
    } catch (error) {
      discard();
      throw error;
    }
    const commit = (): CorrespondenceItem => {
      const added: string[] = [];
      try {
        guard.check();
        // R-CLS-2 (000 §17.9.4): each attachment is material "not yet known" until the Member classifies it.
        for (const f of files)
          added.push(
            this.requests.addUnknownMaterial(request.id, {
              title: f.name,
              receivedOn: m.date,
              summary: `Attached to the email “${m.subject}” from ${m.from?.email ?? 'the officer'}.`.slice(0, 8000),
              attachment: { id: f.blobId, name: f.name, size: f.size, addedOn: this.today() },
            }),
          );
        this.logFiled(request.id, m, kind, promisedBy);
        const data = this.store.saveMessage(linked(blobId, added));
        if (blobId !== m.blobId) blobs.discard(m.blobId);
        return messageView(data);
      } catch (error) {
        for (const mid of added) this.requests.removeMaterial(mid);
        discard();
        throw error;
      }
    };
    return { commit, discard };
  }

  /** The repository's tier for the filed email, its refusal to a PA put in words about filing. */
  private writableTier(data: StoredMessage) {
    try {
      return this.store.writableTier(data);
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden')
        throw new AppError('forbidden', 'Only the Member can file this email: it is Member only.');
      throw error;
    }
  }

  /** Saves the original email out, under the same gate as its attachments' material (R-DIS-3, R-USE-3). */
  async exportOriginal(id: string): Promise<{ file: string | null; bytes: number }> {
    const before = this.mayLeave(id);
    // The dialog and the read wait: the copy belongs to the session that asked for it, audited as its user.
    const guard = this.records.begin(lockedBefore('the copy was saved', 'save it again'));
    const target = await this.desk.chooseExportTarget(before.fileName);
    if (!target) return { file: null, bytes: 0 };
    guard.check();
    const m = this.mayLeave(id);
    let bytes: Buffer;
    try {
      bytes = await readAll(this.records.blobs.read(m.blobId));
    } catch (error) {
      throw guard.explain(error);
    }
    guard.check();
    for (const mid of m.filed?.materialIds ?? [])
      this.requests.auditExport(mid, { name: m.fileName, file: path.basename(target), bytes: bytes.length, what: 'the original email' });
    const temp = `${target}.${randomBytes(6).toString('hex')}.partial`;
    try {
      writeFileSync(temp, bytes, { mode: 0o600, flag: 'wx' });
      renameSync(temp, target);
    } catch {
      rmSync(temp, { force: true });
      throw new AppError('io', 'The copy could not be saved. Nothing was saved.');
    }
    return { file: target, bytes: bytes.length };
  }

  /** The email, when every piece of material in it may leave the vault; refused in words otherwise. */
  private mayLeave(id: string): StoredMessage {
    const m = this.store.message(id).data;
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
  }
}

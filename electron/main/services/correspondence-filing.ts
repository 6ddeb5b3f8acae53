import { randomBytes, randomUUID } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FILING_KINDS, type CorrespondenceItem, type FilingKind } from '../../../shared/domain/correspondence';
import type { StoredMessage } from '../../../shared/domain/correspondence-records';
import { mayExportOriginalEmail } from '../../../shared/domain/attachments';
import { materialIdFor } from '../../../shared/domain/material';
import type { RecordTier } from '../../../shared/domain/record-tier';
import type { RequestEvent } from '../../../shared/domain/requests';
import { ukDateOf } from '../../../shared/domain/dates';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import { parseMessage, type ParsedMessage } from '../mail/parse';
import type { RecordsRepository } from './records-repository';
import { inChunks, messageView, readAll, type CorrespondenceStore } from './correspondence-store';
import { messageViews } from './correspondence-provenance';
import { noMailDesk, type MailDesk, type RequestLookup } from './correspondence-ports';
import type { SessionGuard } from './session-service';
import { filesOf, sweepLeftoverFiles } from './record-files';

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
      const original = filesOf(this.records, { type: 'correspondence', id, tier: this.store.message(id).tier }).read(m.blobId);
      const parsed = await parseMessage(await readAll(original), m.fileName, undefined, {
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
    // The original is this email's own file; judged before the save below makes this user its author.
    const original = filesOf(this.records, { type: 'correspondence', id: m.id, tier: record.tier as RecordTier });
    const sealed: Array<{ id: string; owner: string }> = [];
    const discard = () => sealed.forEach((b) => blobs.discard(b.id, b.owner));
    let blobId = m.blobId;
    const files: Array<{ materialId: string; blobId: string; name: string; size: number }> = [];
    try {
      if (tier !== record.tier) {
        const moved = await blobs.add(original.read(m.blobId), tier, m.id);
        sealed.push({ id: moved.id, owner: m.id });
        blobId = moved.id;
        guard.check();
      }
      for (const a of parsed.attachments) {
        // Each attachment is its material's own file, made under an id chosen here.
        const materialId = materialIdFor(request.id, randomUUID());
        const blob = await blobs.add(inChunks(a.content), 'member', materialId);
        sealed.push({ id: blob.id, owner: materialId });
        files.push({ materialId, blobId: blob.id, name: a.name, size: a.content.length });
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
              id: f.materialId,
              title: f.name,
              receivedOn: m.date,
              summary: `Attached to the email “${m.subject}” from ${m.from?.email ?? 'the officer'}.`.slice(0, 8000),
              attachment: { id: f.blobId, name: f.name, size: f.size, addedOn: this.today() },
            }),
          );
        this.logFiled(request.id, m, kind, promisedBy);
        const data = this.store.saveMessage(linked(blobId, added));
        if (blobId !== m.blobId) original.discard(m.blobId);
        return messageView(data);
      } catch (error) {
        for (const mid of added) this.requests.removeMaterial(mid);
        discard();
        throw error;
      }
    };
    return { commit, discard };
  }

  /**
   * R-USE-2: at the Member's unlock, emails and drafts of a request that has since become Member only go
   * under the Member key, as its material does (MaterialLifecycleService.moveMaterialOfMemberOnlyRequests);
   * an email's original is sealed again under the Member key with the email still its owner. New before
   * old: the old file goes only once the email names the new one, and a copy left by a crash in between
   * is swept at the next unlock (sweepLeftoverFiles). Then the journal is compacted twice, so the shared
   * copies leave the vault's files too. Returns how many moved; a lock stops it, the rest waits.
   */
  async moveOfMemberOnlyRequests(): Promise<number> {
    if (!this.records.isMember) return 0;
    const guard = this.records.begin(lockedBefore('the emails were moved under the Member key', 'they are moved'));
    await sweepLeftoverFiles(this.records, guard);
    if (!guard.current) return 0;
    const memberOnly = this.records.memberTierIds('request');
    let moved = 0;
    for (const record of this.store.stored()) {
      if (!guard.current) break;
      const d = record.data;
      if (!d.requestId || !memberOnly.has(d.requestId) || d.onMemberOnlyRequest === true) continue;
      try {
        if (d.kind === 'draft') this.store.saveDraft(record.id, { ...d, onMemberOnlyRequest: true });
        else await this.moveMessage({ tier: record.tier, data: d }, guard);
        moved++;
      } catch {
        // Locked: the rest waits for the next unlock. Otherwise (its original could not be read, it
        // changed meanwhile) only this one waits: one bad record never holds the others back.
        if (!guard.current) break;
      }
    }
    if (moved > 0 && guard.current) {
      this.records.compact();
      this.records.compact();
    }
    return moved;
  }

  private async moveMessage(record: { tier: RecordTier; data: StoredMessage }, guard: SessionGuard): Promise<void> {
    const m = record.data;
    const updated: StoredMessage = { ...m, onMemberOnlyRequest: true };
    if (record.tier === 'member') {
      this.store.saveMessage(updated);
      return;
    }
    // Judged before the save below makes the Member this email's author.
    const old = filesOf(this.records, { type: 'correspondence', id: m.id, tier: record.tier });
    const blobs = this.records.blobs;
    let moved: { id: string } | null = null;
    try {
      moved = await blobs.add(old.read(m.blobId), 'member', m.id);
    } catch (error) {
      // Its file cannot be read as its own (missing, damaged, another record's): the email's words still go under the Member key.
      if (!guard.current) throw error;
    }
    try {
      guard.check();
      const now = this.store.message(m.id);
      if (JSON.stringify(now.data) !== JSON.stringify(m)) throw new AppError('conflict', 'The email changed while it was moved.');
      this.store.saveMessage({ ...updated, blobId: moved?.id ?? m.blobId });
    } catch (error) {
      if (moved) blobs.discard(moved.id, m.id);
      throw error;
    }
    if (moved) old.discard(m.blobId);
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

  /**
   * Saves the original email out (R-DIS-3, R-USE-1, R-USE-3): gated by mayExportOriginalEmail, which
   * judges each of its material by the gate of material's own "Save a copy", refuses a Member-only
   * email outside normal mode, and has every copy audited, on the email and on each of its material.
   */
  async exportOriginal(id: string): Promise<{ file: string | null; bytes: number }> {
    const before = this.mayLeave(id);
    // The dialog and the read wait: the copy belongs to the session that asked for it, audited as its user.
    const guard = this.records.begin(lockedBefore('the copy was saved', 'save it again'));
    const target = await this.desk.chooseExportTarget(before.data.fileName);
    if (!target) return { file: null, bytes: 0 };
    guard.check();
    // The dialog may have stayed open a while: the mode, the classification or the lock may have changed.
    const record = this.mayLeave(id);
    const m = record.data;
    let bytes: Buffer;
    try {
      // The email's own file only: a forged email naming another record's file (a pink paper's) cannot open it.
      bytes = await readAll(filesOf(this.records, { type: 'correspondence', id: m.id, tier: record.tier }).read(m.blobId));
    } catch (error) {
      throw guard.explain(error);
    }
    guard.check();
    const detail = { name: m.fileName, file: path.basename(target), bytes: bytes.length, what: 'the original email' };
    // R-USE-3: recorded before the copy appears under its name, so no copy exists unaudited.
    this.records.audit(m.id, 'exported', record.tier, detail);
    for (const mid of m.filed?.materialIds ?? []) this.requests.auditExport(mid, detail);
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

  /** The email, when it and every piece of material in it may leave the vault now; refused in words otherwise. */
  private mayLeave(id: string): { tier: RecordTier; data: StoredMessage } {
    const record = this.store.message(id);
    const m = record.data;
    // Member only when its request is, whether or not the email has been moved under the Member key yet.
    const memberOnly = m.onMemberOnlyRequest === true || (m.requestId !== null && this.requests.summary(m.requestId).memberOnly);
    const decision = mayExportOriginalEmail(
      { memberOnly, unfiledAttachments: m.attachments.length > 0 && !m.filed },
      (m.filed?.materialIds ?? []).map((mid) => this.requests.mayExport(mid)),
      this.requests.meetingMode(),
    );
    if (!decision.allowed) throw new AppError('refused', decision.reason);
    return record;
  }
}

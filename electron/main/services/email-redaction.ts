// Erasure reaches the stored email (R-CLS-6, R-USE-4): material that came as an email's attachment and
// is then erased, destroyed or returned is also taken out of that email. The original is rebuilt
// without the attachment (a short note stands in its place, so the email's attachments keep their
// order), its name is taken out of the stored text, the old original is deleted for good and the
// journal compacted, and the change is audited on the email. Only the Member's app can do it (such an
// email is Member only while it has attachments): erasure by a PA is finished at the Member's unlock.
import MailComposer from 'nodemailer/lib/mail-composer';
import { goneReason } from '../../../shared/domain/material-lifecycle';
import type { StoredMessage } from '../../../shared/domain/correspondence-records';
import type { RecordTier } from '../../../shared/domain/record-tier';
import { lockedBefore } from '../../../shared/ipc/errors';
import { parseMessage, type ParsedMessage } from '../mail/parse';
import { inChunks, readAll } from './correspondence-store';
import { filesOf } from './record-files';
import type { RecordsRepository } from './records-repository';
import type { SessionGuard } from './session-service';

/** How an attachment taken out of a stored email is listed on it afterwards. */
export const ERASED_ATTACHMENT = { name: 'Attachment removed', size: 0, contentType: 'application/x-ntk-erased' } as const;

export class EmailRedaction {
  constructor(
    private readonly records: RecordsRepository,
    private readonly today: () => string,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /**
   * Member only: every readable email still carrying material that is now erased, destroyed or
   * returned is rebuilt without it. Returns how many emails changed; one that cannot be read now is
   * left for the next unlock (said in the log), and a lock stops the rest.
   */
  async redactGoneMaterial(): Promise<number> {
    if (!this.records.isMember) return 0;
    const guard = this.records.begin(lockedBefore('the erased material was taken out of its email', 'it is done'));
    let changed = 0;
    for (const record of this.records.listStored('correspondence')) {
      if (!guard.current) break;
      if (record.data.kind !== 'message') continue;
      const gone = this.goneIndexes(record.data);
      if (gone.length === 0) continue;
      try {
        await this.redact({ tier: record.tier, data: record.data }, gone, guard);
        changed++;
      } catch {
        if (!guard.current) break;
        this.warn('An email holding erased material could not be rewritten now; it will be tried again at the next unlock.');
      }
    }
    if (changed > 0 && guard.current) {
      // The earlier versions of each email go from the vault's files too (compaction keeps one previous generation).
      this.records.compact();
      this.records.compact();
    }
    return changed;
  }

  /** The positions of the email's attachments whose material is gone but which the email still carries. */
  private goneIndexes(m: StoredMessage): number[] {
    const ids = m.filed?.materialIds ?? [];
    const out: number[] = [];
    ids.forEach((id, i) => {
      // Only material the email itself lists as an attachment (a record naming more is not taken at its word).
      if (i >= m.attachments.length || m.attachments[i]!.contentType === ERASED_ATTACHMENT.contentType) return;
      let material;
      try {
        material = this.records.get('material', id);
      } catch {
        return; // damaged: reported where it is read
      }
      if (material && goneReason(material) !== null) out.push(i);
    });
    return out;
  }

  private async redact(record: { tier: RecordTier; data: StoredMessage }, gone: number[], guard: SessionGuard) {
    const m = record.data;
    // Judged before the save below makes the Member this email's author.
    const old = filesOf(this.records, { type: 'correspondence', id: m.id, tier: record.tier });
    const parsed = await parseMessage(await readAll(old.read(m.blobId)), m.fileName, undefined, { signal: guard.signal });
    guard.check();
    if (parsed.attachments.length !== m.attachments.length) throw new Error('the original no longer matches its email');
    const names = gone.map((i) => m.attachments[i]!.name).filter((n) => n.trim().length > 0);
    const eml = await rebuild(parsed, new Set(gone), names, this.today());
    guard.check();
    const blobs = this.records.blobs;
    const fresh = await blobs.add(inChunks(eml), record.tier, m.id);
    try {
      guard.check();
      const now = this.records.find('correspondence', m.id);
      if (!now || JSON.stringify(now.data) !== JSON.stringify(m)) throw new Error('the email changed meanwhile');
      this.records.save('correspondence', {
        ...m,
        blobId: fresh.id,
        format: 'eml',
        fileName: m.fileName.replace(/\.(eml|msg)$/i, '') + '.eml',
        size: eml.length,
        subject: without(m.subject, names),
        text: without(m.text, names),
        html: m.html === null ? null : without(m.html, names),
        attachments: m.attachments.map((a, i) => (gone.includes(i) ? { ...ERASED_ATTACHMENT } : a)),
      });
    } catch (error) {
      blobs.discard(fresh.id, m.id);
      throw error;
    }
    old.remove(m.blobId);
    const materialIds = gone.map((i) => m.filed!.materialIds[i]!);
    this.records.audit(m.id, 'redacted', record.tier, { materialIds, attachmentsRemoved: gone.length, on: this.today() });
  }
}

/** The text with every erased attachment's name replaced by a plain marker. */
function without(text: string, names: string[]): string {
  return names.reduce((t, name) => t.split(name).join('[removed]'), text);
}

/**
 * The email rebuilt by nodemailer (never hand-built MIME): the same headers, the text and HTML without
 * the erased names, every other attachment as it came, and a short note where each erased one was.
 */
async function rebuild(parsed: ParsedMessage, gone: Set<number>, names: string[], on: string): Promise<Buffer> {
  const address = (a: { name: string; email: string }) => ({ name: a.name, address: a.email });
  const note = `An attachment was erased from this email on ${on} (personal data erased, or material destroyed or returned).`;
  const composer = new MailComposer({
    from: parsed.from ? address(parsed.from) : undefined,
    to: parsed.to.map(address),
    cc: parsed.cc.map(address),
    subject: without(parsed.subject, names),
    date: parsed.sentAt ? new Date(parsed.sentAt) : undefined,
    messageId: parsed.messageId ?? undefined,
    inReplyTo: parsed.inReplyTo ?? undefined,
    references: parsed.references,
    text: without(parsed.text, names),
    html: parsed.html === null ? undefined : without(parsed.html, names),
    headers: {
      ...(parsed.threadIndex ? { 'Thread-Index': parsed.threadIndex } : {}),
      ...(parsed.threadTopic ? { 'Thread-Topic': without(parsed.threadTopic, names) } : {}),
      'X-Need-To-Know-Redacted': on,
    },
    attachments: parsed.attachments.map((a, i) =>
      gone.has(i)
        ? { filename: 'attachment-erased.txt', content: note, contentType: 'text/plain; charset=utf-8' }
        : { filename: a.name, content: Buffer.from(a.content), contentType: a.contentType },
    ),
  });
  return new Promise<Buffer>((resolve, reject) => composer.compile().build((error, message) => (error ? reject(error) : resolve(message))));
}

import { randomBytes, randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { DraftContent } from '../../../shared/domain/correspondence';

export interface ComposedDraft {
  /** The whole .eml, built by nodemailer's MailComposer (never hand-built MIME). */
  eml: Buffer;
  messageId: string;
  threadIndex: string;
}

/** Windows FILETIME (100 ns ticks since 1601) of `now`, as the 6 high bytes Outlook's Thread-Index starts with. */
function filetimeHigh6(now: Date): Buffer {
  const ticks = (BigInt(now.getTime()) + 11_644_473_600_000n) * 10_000n;
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64BE(ticks);
  return buf.subarray(0, 6);
}

/**
 * Outlook's Thread-Index for a new conversation: 6 bytes of time and a 16-byte GUID, base64. Outlook
 * keeps these 22 bytes in every reply, so a reply is matched even when its Message-ID chain is lost.
 */
export function newThreadIndex(now: Date): string {
  return Buffer.concat([filetimeHigh6(now), randomBytes(16)]).toString('base64');
}

/** The Message-ID for a draft: random, on the sender's own domain (a reply quotes it in In-Reply-To). */
export function newMessageId(from: string): string {
  const domain = from.split('@')[1]?.trim().toLowerCase() || 'need-to-know.invalid';
  return `<ntk.${randomUUID()}@${domain}>`;
}

/** Builds an unsent draft (`X-Unsent: 1`) that the mail program opens ready to send from the Member's mailbox. */
export async function composeEml(
  draft: DraftContent,
  now: Date,
  ids?: { messageId?: string; threadIndex?: string },
): Promise<ComposedDraft> {
  const messageId = ids?.messageId ?? newMessageId(draft.from);
  const threadIndex = ids?.threadIndex ?? newThreadIndex(now);
  const composer = new MailComposer({
    from: draft.from,
    to: draft.to.map((t) => ({ name: t.name, address: t.email })),
    cc: draft.cc,
    // R-ASK-10: never a Bcc; the draft has no such field.
    subject: draft.subject,
    text: draft.body,
    messageId,
    date: now,
    headers: { 'X-Unsent': '1', 'Thread-Index': threadIndex, 'Thread-Topic': draft.subject },
  });
  const eml = await new Promise<Buffer>((resolve, reject) =>
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message))),
  );
  return { eml, messageId, threadIndex };
}

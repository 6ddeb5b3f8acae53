import PostalMime, { type Address as PostalAddress } from 'postal-mime';
import * as msgreader from '@kenjiuno/msgreader';
import { deEncapsulateSync } from 'rtf-stream-parser';
import { MAX_MESSAGE_BYTES, type Address } from '../../../shared/domain/correspondence';
import { cleanFileName } from '../../../shared/domain/file-names';
import { OUT_OF_MEMORY, WorkerFailure, WorkerTimeout, runInWorker } from '../workers/run';
import { checkCfb } from './cfb';
import { RtfDamaged, decompressRtf } from './rtf';

export interface ParsedAttachment {
  name: string;
  contentType: string;
  content: Uint8Array;
}

export interface ParsedMessage {
  format: 'eml' | 'msg';
  from: Address | null;
  to: Address[];
  cc: Address[];
  /** Recipients a .msg lists as blind copies (only the sender's own copy has them). */
  bcc: Address[];
  subject: string;
  /** The email's own time, ISO 8601, or null when it has none that can be read. */
  sentAt: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  threadIndex: string | null;
  threadTopic: string | null;
  /** Every Authentication-Results header, top first, as written (shared/domain/sender-checks.ts reads them). */
  authenticationResults: string[];
  /** For each Authentication-Results header, how many Received headers are below it (a server added it in transit). */
  receivedBelow: number[];
  text: string;
  html: string | null;
  attachments: ParsedAttachment[];
}

/** A file that cannot be imported, with the reason in plain words for the user. */
export class MessageRefused extends Error {
  override readonly name = 'MessageRefused';
}

const MAX_NESTING = 30;
const MAX_HEADER_BYTES = 256 * 1024;
const MAX_RFC822_NESTING = 3;
const MAX_PARTS = 500;
/** Parsing that takes longer than this is stopped: its worker is terminated (the work is also bounded by the limits above). */
export const PARSE_TIME_LIMIT_MS = 20_000;

// msgreader is CommonJS with `exports.default`: Node's ESM loader (tsx, the bench) wraps it once more than esbuild does.
type MsgReaderClass = typeof msgreader.default;
const MsgReader: MsgReaderClass = ((msgreader.default as unknown as { default?: MsgReaderClass }).default ??
  msgreader.default) as MsgReaderClass;
type MsgReader = InstanceType<MsgReaderClass>;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isCfb = (b: Uint8Array) => b.length >= 8 && CFB_MAGIC.every((v, i) => b[i] === v);

/** What a user is told when parsing runs past its time limit (its worker is then terminated). */
export const TOO_SLOW = 'That email took too long to read, so it was not imported.';
/** What a user is told when parsing needs more memory than its worker may have (the worker is then ended). */
export const TOO_BIG_TO_READ = 'That email needs far more memory to read than a real email does, so it was not imported.';

/**
 * Parses one .eml or .msg in a worker thread (parse-worker.ts), refusing bad input with a plain
 * reason. The worker has a hard time limit and memory limits: past either the worker alone is
 * ended, so a hostile file can neither block main's event loop, nor run on, nor take main down.
 * Nothing is saved here. `source` lets tests inject a slow worker; `signal` (the session's, see
 * SessionGuard) stops the worker when the app locks.
 */
export async function parseMessage(
  bytes: Uint8Array,
  fileName: string,
  timeLimitMs = PARSE_TIME_LIMIT_MS,
  options: { source?: string; signal?: AbortSignal } = {},
): Promise<ParsedMessage> {
  checkSize(bytes);
  try {
    // Copied (not transferred) into the worker: the caller keeps its bytes to seal the original.
    return await runInWorker<ParsedMessage>('parse', { bytes, fileName } satisfies ParseJob, {
      timeLimitMs,
      source: options.source,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof WorkerTimeout) throw new MessageRefused(TOO_SLOW);
    if (error instanceof WorkerFailure && error.code === OUT_OF_MEMORY) throw new MessageRefused(TOO_BIG_TO_READ);
    if (error instanceof WorkerFailure && error.workerErrorName === 'MessageRefused') throw new MessageRefused(error.message);
    throw new MessageRefused('The email could not be read: it may be damaged or incomplete.');
  }
}

export interface ParseJob {
  bytes: Uint8Array;
  fileName: string;
}

function checkSize(bytes: Uint8Array) {
  if (bytes.length === 0) throw new MessageRefused('The file is empty.');
  if (bytes.length > MAX_MESSAGE_BYTES)
    throw new MessageRefused(`The file is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB, the most one email may be.`);
}

/** The parse itself, on the calling thread: run by the worker (parse-worker.ts), never by main. */
export async function parseMessageInThread(bytes: Uint8Array, fileName: string): Promise<ParsedMessage> {
  checkSize(bytes);
  const lower = fileName.toLowerCase();
  try {
    if (isCfb(bytes)) return parseMsg(bytes);
    if (lower.endsWith('.msg'))
      throw new MessageRefused('This is not an Outlook message file (.msg): it may be damaged or a different kind of file.');
    return await parseEml(bytes);
  } catch (error) {
    if (error instanceof MessageRefused) throw error;
    throw new MessageRefused('The email could not be read: it may be damaged or incomplete.');
  }
}

// .eml ------------------------------------------------------------------------------------------

const HEADER_LINE = /^[!-9;-~]+:/;

function headerBlock(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAX_HEADER_BYTES)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return end === -1 ? head : head.slice(0, end);
}

async function parseEml(bytes: Uint8Array): Promise<ParsedMessage> {
  const head = headerBlock(bytes);
  // A file that does not start with mail headers (a PDF, a picture, a document) is not an email.
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const names = new Set((head.match(/^[!-9;-~]+(?=:)/gm) ?? []).map((n) => n.toLowerCase()));
  if (
    !HEADER_LINE.test(firstLine) ||
    !(names.has('from') || names.has('to')) ||
    !(names.has('date') || names.has('subject') || names.has('message-id'))
  ) {
    throw new MessageRefused('This file is not an email: it does not start with the headers an email has (From, To, Subject, Date).');
  }
  checkComplete(bytes, head);
  let email;
  try {
    email = await PostalMime.parse(bytes, {
      maxNestingDepth: MAX_NESTING,
      maxHeadersSize: MAX_HEADER_BYTES,
      maxRfc822NestingDepth: MAX_RFC822_NESTING,
      attachmentEncoding: 'arraybuffer',
      // A forwarded message stays a file to classify, and is not parsed inside this one.
      forceRfc822Attachments: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/nest/i.test(message))
      throw new MessageRefused('The email is built of too many parts inside one another, as a “MIME bomb” is. It was not imported.');
    if (/header/i.test(message)) throw new MessageRefused('The email’s headers are too large. It was not imported.');
    throw new MessageRefused('The email could not be read: it may be damaged or incomplete.');
  }
  if (email.attachments.length > MAX_PARTS)
    throw new MessageRefused(`The email has more than ${MAX_PARTS} parts, far more than a real email: it was not imported.`);
  const header = (key: string) => email.headers.find((h) => h.key === key)?.value.trim() || null;
  return {
    format: 'eml',
    from: toAddress(email.from),
    to: flatten(email.to),
    cc: flatten(email.cc),
    bcc: flatten(email.bcc),
    subject: email.subject ?? '',
    sentAt: validDate(email.date),
    messageId: email.messageId ?? null,
    inReplyTo: email.inReplyTo ?? null,
    references: (email.references ?? '').split(/\s+/).filter(Boolean),
    threadIndex: header('thread-index'),
    threadTopic: header('thread-topic'),
    ...traceHeaders(email.headers),
    text: email.text ?? '',
    html: email.html ?? null,
    attachments: email.attachments
      .filter((a) => !(a.related && a.disposition !== 'attachment'))
      .map((a, i) => ({
        name: safeName(a.filename ?? (a.mimeType === 'message/rfc822' ? `message-${i + 1}.eml` : `attachment-${i + 1}`)),
        contentType: a.mimeType,
        content: toBytes(a.content),
      })),
  };
}

/** The Authentication-Results headers, top first, each with how many Received headers are below it. */
function traceHeaders(headers: Array<{ key: string; value: string }>): Pick<ParsedMessage, 'authenticationResults' | 'receivedBelow'> {
  const authenticationResults: string[] = [];
  const receivedBelow: number[] = [];
  let received = headers.filter((h) => h.key === 'received').length;
  for (const h of headers) {
    if (h.key === 'received') received--;
    else if (h.key === 'authentication-results') {
      authenticationResults.push(h.value);
      receivedBelow.push(received);
    }
  }
  return { authenticationResults, receivedBelow };
}

/** A multipart email whose closing boundary is missing was cut short (a partial download or copy). */
function checkComplete(bytes: Uint8Array, head: string) {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const type = /^content-type:\s*multipart\/[^;\r\n]*(.*)$/im.exec(unfolded);
  if (!type) return;
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(type[1]!);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) throw new MessageRefused('The email could not be read: it says it has several parts but not where they divide.');
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).lastIndexOf(`--${b}--`, undefined, 'latin1') === -1) {
    throw new MessageRefused('The email file is incomplete: it was cut short before its end. Save it again from your email program.');
  }
}

function toAddress(a: PostalAddress | undefined): Address | null {
  if (!a) return null;
  if ('group' in a && a.group) return a.group[0] ? { name: a.group[0].name ?? '', email: a.group[0].address ?? '' } : null;
  return { name: a.name ?? '', email: ('address' in a ? a.address : '') ?? '' };
}
function flatten(list: PostalAddress[] | undefined): Address[] {
  const out: Address[] = [];
  for (const a of list ?? []) {
    if ('group' in a && a.group) out.push(...a.group.map((g) => ({ name: g.name ?? '', email: g.address ?? '' })));
    else out.push({ name: a.name ?? '', email: ('address' in a ? a.address : '') ?? '' });
  }
  return out;
}
function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}
function validDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
/** A file name safe to show and save (shared/domain/file-names.ts has the rule). */
export const safeName = (name: string) => cleanFileName(name);

// .msg ------------------------------------------------------------------------------------------

function parseMsg(bytes: Uint8Array): ParsedMessage {
  let reader: MsgReader;
  let data;
  try {
    checkCfb(bytes); // before msgreader, which would follow a looping chain until the process aborts
    reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.length));
    data = reader.getFileData();
  } catch {
    throw new MessageRefused('The Outlook message file (.msg) could not be read: it may be damaged or incomplete.');
  }
  if (data.error) throw new MessageRefused('The Outlook message file (.msg) could not be read: it may be damaged or incomplete.');
  if (data.dataType !== 'msg') throw new MessageRefused('This Outlook file is not an email.');
  const headers = data.headers ?? '';
  const header = (name: string) => {
    const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers);
    return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : null;
  };
  const recipients = (data.recipients ?? []).map((r) => ({
    kind: r.recipType ?? 'to',
    address: { name: r.name ?? '', email: r.smtpAddress ?? r.email ?? '' },
  }));
  let text = data.body ?? '';
  let html = data.bodyHtml ?? (data.html ? Buffer.from(data.html).toString('utf8') : null);
  // Classic Outlook often keeps only a compressed-RTF body (which may wrap HTML): decompress and de-encapsulate it.
  if (!text.trim() && !html && data.compressedRtf) {
    const rtf = decodeRtf(data.compressedRtf);
    const result = deEncapsulateSync(rtf, { mode: 'either', decode: decodeCodepage, warn: () => undefined });
    const body = typeof result.text === 'string' ? result.text : result.text.toString('utf8');
    if (result.mode === 'html') html = body;
    else text = body;
  }
  const attachments: ParsedAttachment[] = [];
  for (const a of data.attachments ?? []) {
    if (attachments.length >= MAX_PARTS) throw new MessageRefused(`The email has more than ${MAX_PARTS} attachments: it was not imported.`);
    const got = reader.getAttachment(a);
    const name = safeName(got.fileName || a.fileName || a.name || `attachment-${attachments.length + 1}`);
    attachments.push({
      name: a.innerMsgContent && !/\.msg$/i.test(name) ? safeName(`${name}.msg`) : name,
      contentType: a.attachMimeTag ?? 'application/octet-stream',
      content: got.content,
    });
  }
  const sentAt = validDate(data.clientSubmitTime ?? data.messageDeliveryTime ?? header('date') ?? data.creationTime);
  return {
    format: 'msg',
    from:
      data.senderSmtpAddress || data.senderEmail
        ? { name: data.senderName ?? '', email: data.senderSmtpAddress ?? data.senderEmail ?? '' }
        : null,
    to: recipients.filter((r) => r.kind === 'to').map((r) => r.address),
    cc: recipients.filter((r) => r.kind === 'cc').map((r) => r.address),
    bcc: recipients.filter((r) => r.kind === 'bcc').map((r) => r.address),
    subject: data.subject ?? '',
    sentAt,
    messageId: data.messageId ?? header('message-id'),
    inReplyTo: header('in-reply-to'),
    references: (header('references') ?? '').split(/\s+/).filter(Boolean),
    threadIndex: header('thread-index'),
    threadTopic: header('thread-topic') ?? data.conversationTopic ?? null,
    ...traceHeaders(
      [...headers.matchAll(/^(authentication-results|received):[ \t]*(.*(?:\r?\n[ \t].*)*)/gim)].map((m) => ({
        key: m[1]!.toLowerCase(),
        value: m[2]!.replace(/\r?\n[ \t]+/g, ' ').trim(),
      })),
    ),
    text,
    html,
    attachments,
  };
}

/** What a user is told when a .msg's compressed-RTF body is damaged or lies about its size. */
export const RTF_DAMAGED = 'This Outlook file’s formatted text is damaged, so it was not imported. Nothing was saved.';

function decodeRtf(compressed: Uint8Array): Buffer {
  try {
    const rtf = decompressRtf(compressed);
    return Buffer.from(rtf.buffer, rtf.byteOffset, rtf.length);
  } catch (error) {
    if (error instanceof RtfDamaged) throw new MessageRefused(RTF_DAMAGED);
    throw error;
  }
}

/** RTF names code pages as `cp1252` etc.; Node's TextDecoder knows them as `windows-1252`. */
function decodeCodepage(buf: Buffer, enc: string): string {
  const cp = /^cp(\d+)$/i.exec(enc)?.[1];
  const label = cp ? (cp === '65001' ? 'utf-8' : cp === '1200' ? 'utf-16le' : `windows-${cp}`) : enc;
  try {
    return new TextDecoder(label).decode(buf);
  } catch {
    return buf.toString('latin1');
  }
}

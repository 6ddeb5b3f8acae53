// Journal and snapshot frames. On disk: [u32 length][body]. The body carries everything that
// identifies the record in clear (kind, tier, schema version, sequence number, the previous frame's
// hash, id, type) and the AES-256-GCM sealed payload; all the clear part is the associated data,
// so a ciphertext moved to another record, relabelled, replayed or re-chained fails to open.
// Format 2 (schema >= 2) adds the author (Member or PA) and the shared key's epoch to the clear
// part, and ends the body with a 32-byte author MAC: HMAC under a key derived from the Member-only
// key when the Member wrote it, so nothing the PA holds can vouch for a Member frame (docs/ARCHITECTURE.md, "Authorship").
import { equalBytes, hmac, open, seal, sha256, type Sealed } from './crypto';

export type Tier = 'shared' | 'member';
export type Author = 'member' | 'pa';
/** Frames of this schema or later carry author, epoch and an author MAC. */
export const AUTHORED_SCHEMA = 2;
export const AUTHOR_MAC_BYTES = 32;
export const FRAME_KINDS = { put: 1, delete: 2, audit: 3 } as const;
export type FrameKind = keyof typeof FRAME_KINDS;
const KIND_BY_CODE = new Map<number, FrameKind>(Object.entries(FRAME_KINDS).map(([k, v]) => [v, k as FrameKind]));

export const HASH_BYTES = 32;
export const GENESIS_HASH = Buffer.alloc(HASH_BYTES);
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
/** kind, tier, schema, seq, prev hash, id length, type length, iv, tag: a body is never shorter. */
export const MIN_FRAME_BODY = 1 + 1 + 2 + 8 + HASH_BYTES + 2 + 2 + 12 + 16;
/** Where the sequence number sits in a frame, counting the length prefix. */
export const SEQ_OFFSET = 4 + 1 + 1 + 2;

export interface FrameMeta {
  kind: FrameKind;
  tier: Tier;
  schema: number;
  seq: number;
  prev: Buffer;
  id: string;
  type: string;
  /** Format 2: who wrote it ('pa' for a legacy frame, which says nothing). */
  author?: Author;
  /** Format 2: which shared key (epoch) a shared-tier frame is sealed under. */
  epoch?: number;
}

export interface DecodedFrame extends FrameMeta {
  sealed: Sealed;
  /** The clear part, used as associated data. */
  aad: Buffer;
  /** sha256(body): the next frame's `prev`. */
  readonly hash: Buffer;
  /** Whole frame bytes including the length prefix (a view into the buffer it was read from). */
  bytes: Buffer;
  /** Format 2: the author MAC and the body bytes it covers; null for a legacy frame. */
  authorMac: Buffer | null;
  macInput: Buffer | null;
}

export const isAuthored = (frame: Pick<FrameMeta, 'schema'>) => frame.schema >= AUTHORED_SCHEMA;

function encodeMeta(meta: FrameMeta): Buffer {
  const id = Buffer.from(meta.id, 'utf8');
  const type = Buffer.from(meta.type, 'utf8');
  const head = Buffer.alloc(1 + 1 + 2 + 8 + HASH_BYTES + 2);
  let o = 0;
  head.writeUInt8(FRAME_KINDS[meta.kind], o++);
  head.writeUInt8(meta.tier === 'member' ? 1 : 0, o++);
  head.writeUInt16BE(meta.schema, o);
  o += 2;
  head.writeBigUInt64BE(BigInt(meta.seq), o);
  o += 8;
  meta.prev.copy(head, o);
  o += HASH_BYTES;
  head.writeUInt16BE(id.length, o);
  const typeLen = Buffer.alloc(2);
  typeLen.writeUInt16BE(type.length);
  if (meta.schema < AUTHORED_SCHEMA) return Buffer.concat([head, id, typeLen, type]);
  const authored = Buffer.alloc(3);
  authored.writeUInt8(meta.author === 'member' ? 1 : 0, 0);
  authored.writeUInt16BE(meta.epoch ?? 0, 1);
  return Buffer.concat([head, id, typeLen, type, authored]);
}

/**
 * Seals a frame. From format 2 `authorKey` MACs the whole body (the Member's author key for the
 * Member's frames, the shared one for a PA's, which proves only that the bytes were not damaged).
 */
export function encodeFrame(meta: FrameMeta, key: Buffer, plaintext: Buffer, authorKey?: Buffer): DecodedFrame {
  const aad = encodeMeta(meta);
  const sealed = seal(key, plaintext, aad);
  const unsigned = Buffer.concat([aad, sealed.iv, sealed.tag, sealed.ct]);
  let body = unsigned;
  let authorMac: Buffer | null = null;
  if (isAuthored(meta)) {
    if (!authorKey) throw new Error('an authored frame needs its author key');
    authorMac = hmac(authorKey, unsigned);
    body = Buffer.concat([unsigned, authorMac]);
  }
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const hash = sha256(body);
  return { ...meta, sealed, aad, hash, bytes: Buffer.concat([len, body]), authorMac, macInput: authorMac ? unsigned : null };
}

/** True when the frame's author MAC is right under `authorKey` (false for a legacy frame). */
export function verifyAuthor(frame: DecodedFrame, authorKey: Buffer): boolean {
  if (!frame.authorMac || !frame.macInput) return false;
  return equalBytes(hmac(authorKey, frame.macInput), frame.authorMac);
}

export type ScanResult =
  | { ok: true; frame: DecodedFrame; next: number }
  | { ok: false; torn: true; at: number } // the buffer ends inside this frame
  | { ok: false; torn: false; at: number; reason: string };

/** Reads the frame at `offset`. A frame cut short by the end of the buffer is "torn", not corrupt. */
export function readFrame(buf: Buffer, offset: number): ScanResult {
  if (offset + 4 > buf.length) return { ok: false, torn: true, at: offset };
  const length = buf.readUInt32BE(offset);
  if (length > MAX_FRAME_BYTES || length < MIN_FRAME_BODY) {
    return { ok: false, torn: false, at: offset, reason: `a frame has an impossible length (${length})` };
  }
  if (offset + 4 + length > buf.length) return { ok: false, torn: true, at: offset };
  const body = buf.subarray(offset + 4, offset + 4 + length);
  let o = 0;
  const kind = KIND_BY_CODE.get(body.readUInt8(o++));
  const tierCode = body.readUInt8(o++);
  if (!kind || tierCode > 1) return { ok: false, torn: false, at: offset, reason: 'a frame has an unknown kind or tier' };
  const schema = body.readUInt16BE(o);
  o += 2;
  const seq = Number(body.readBigUInt64BE(o));
  o += 8;
  o += HASH_BYTES;
  const idLen = body.readUInt16BE(o);
  o += 2;
  if (o + idLen + 2 > body.length) return { ok: false, torn: false, at: offset, reason: 'a frame is malformed' };
  const id = body.subarray(o, o + idLen).toString('utf8');
  o += idLen;
  const typeLen = body.readUInt16BE(o);
  o += 2;
  if (o + typeLen + 28 > body.length) return { ok: false, torn: false, at: offset, reason: 'a frame is malformed' };
  const type = body.subarray(o, o + typeLen).toString('utf8');
  o += typeLen;
  let author: Author | undefined;
  let epoch: number | undefined;
  let end = body.length;
  if (schema >= AUTHORED_SCHEMA) {
    if (o + 3 + 28 + AUTHOR_MAC_BYTES > body.length) return { ok: false, torn: false, at: offset, reason: 'a frame is malformed' };
    const code = body.readUInt8(o);
    if (code > 1) return { ok: false, torn: false, at: offset, reason: 'a frame names an unknown author' };
    author = code === 1 ? 'member' : 'pa';
    epoch = body.readUInt16BE(o + 1);
    o += 3;
    end = body.length - AUTHOR_MAC_BYTES;
  }
  return {
    ok: true,
    frame: new FrameView(buf, offset, length, o, end, { kind, tierCode, schema, seq, id, type, author, epoch }),
    next: offset + 4 + length,
  };
}

/**
 * A frame read from a buffer: its clear facts, and views into the buffer made only when asked. At
 * unlock most snapshot frames are never opened (the snapshot's MAC covers them), so the five views
 * each would otherwise make are left unmade: views, not copies, so 50,000 records never double the
 * memory read.
 */
class FrameView implements DecodedFrame {
  readonly kind: FrameKind;
  readonly tier: Tier;
  readonly schema: number;
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly author: Author | undefined;
  readonly epoch: number | undefined;
  private hashMemo: Buffer | null = null;
  private prevMemo: Buffer | null = null;

  constructor(
    private readonly buf: Buffer,
    /** Where the frame's length prefix starts in buf, and the body's length. */
    private readonly offset: number,
    private readonly length: number,
    /** Within the body: where the clear part ends, and where the author MAC starts (the body's end if none). */
    private readonly clearEnd: number,
    private readonly macAt: number,
    facts: Omit<FrameMeta, 'tier' | 'prev'> & { tierCode: number },
  ) {
    this.kind = facts.kind;
    this.tier = facts.tierCode === 1 ? 'member' : 'shared';
    this.schema = facts.schema;
    this.seq = facts.seq;
    this.id = facts.id;
    this.type = facts.type;
    this.author = facts.author;
    this.epoch = facts.epoch;
  }

  private body(from: number, to: number): Buffer {
    return this.buf.subarray(this.offset + 4 + from, this.offset + 4 + to);
  }

  /** A copy, made only when asked: only the journal's chain reads it. */
  get prev(): Buffer {
    return (this.prevMemo ??= Buffer.from(this.body(12, 12 + HASH_BYTES)));
  }

  /** Only the journal's chain needs it; snapshot frames never pay for it. */
  get hash(): Buffer {
    return (this.hashMemo ??= sha256(this.body(0, this.length)));
  }

  get aad(): Buffer {
    return this.body(0, this.clearEnd);
  }

  get sealed(): Sealed {
    const o = this.clearEnd;
    return { iv: this.body(o, o + 12), tag: this.body(o + 12, o + 28), ct: this.body(o + 28, this.macAt) };
  }

  get authorMac(): Buffer | null {
    return this.author ? this.body(this.macAt, this.length) : null;
  }

  get macInput(): Buffer | null {
    return this.author ? this.body(0, this.macAt) : null;
  }

  get bytes(): Buffer {
    return this.buf.subarray(this.offset, this.offset + 4 + this.length);
  }
}

export function openFrame(frame: DecodedFrame, key: Buffer): Buffer | null {
  return open(key, frame.sealed, frame.aad);
}

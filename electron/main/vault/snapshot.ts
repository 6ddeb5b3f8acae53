// A snapshot file: magic, a fixed-size JSON header (written last), then the sealed frames of every
// live record and every audit event, as they were in the journal. The header carries a MAC (under
// the shared key) over every frame, and from format 2 the Member's MAC too, so no PA can write a
// snapshot the Member's app accepts. Written atomically: temp 0600 -> write -> fsync -> rename ->
// fsync the folder (fsio.atomicWriteWith), so a crash leaves the previous generation in force.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { equalBytes } from './crypto';
import { cannotOpen, VaultError } from './errors';
import { readFrame, type DecodedFrame } from './frames';
import { FrameFileReader, readRange } from './frame-reader';
import { BufferedWriter, atomicWriteWith, writeAllAt, type VaultFs } from './fsio';
import { snapshotName } from './generations';

const SNAPSHOT_MAGIC = Buffer.from('NTKSNAP\u0001', 'latin1');
/** The snapshot's JSON header is written last into this reserved, space-padded room. */
const SNAPSHOT_META_BYTES = 512;
/** Where the first frame starts in a snapshot this version writes. */
export const SNAPSHOT_FRAMES_START = SNAPSHOT_MAGIC.length + 4 + SNAPSHOT_META_BYTES;
/** Snapshot format 2 carries a Member MAC beside the shared one, and the shared key's epoch. */
const SNAPSHOT_VERSION = 2;

export interface SnapshotMeta {
  format: string;
  version: number;
  generation: number;
  lastSeq: number;
  head: string;
  count: number;
  mac: string;
  /** Version 2: the shared key epoch the MAC is under, and the Member's MAC over the same. */
  epoch?: number;
  memberMac?: string;
}

/** What a snapshot's MACs cover: where the chain ends, how many frames, and a digest of them all. */
export interface SnapshotFacts {
  generation: number;
  lastSeq: number;
  head: Buffer;
  count: number;
  framesDigest: Buffer;
  epoch: number;
}

/** The MACs over a snapshot; null when this session lacks the key. */
export interface SnapshotMacs {
  shared(facts: SnapshotFacts): Buffer | null;
  member(facts: SnapshotFacts): Buffer | null;
  /** Whether this session holds the Member-only key (only the Member's app checks and writes the Member MAC). */
  readonly isMember: boolean;
}

/** Reads and checks the JSON header of an open snapshot file. */
function readMeta(fs: VaultFs, fd: number, name: string, isMember: boolean, upgraded: boolean) {
  const head = readRange(fs, fd, 0, 12);
  if (head.length < 12 || !head.subarray(0, 8).equals(SNAPSHOT_MAGIC)) throw cannotOpen(`${name} is not a vault snapshot`);
  const metaLen = head.readUInt32BE(8);
  if (metaLen > 64 * 1024) throw cannotOpen(`${name} has an unreadable header`);
  let meta: SnapshotMeta;
  try {
    meta = JSON.parse(readRange(fs, fd, 12, 12 + metaLen).toString('utf8')) as SnapshotMeta;
  } catch (error) {
    throw cannotOpen(`${name} has an unreadable header`, error);
  }
  if (typeof meta.version === 'number' && meta.version > SNAPSHOT_VERSION)
    throw new VaultError('newer-format', `cannot open: ${name} was written by a newer version of Need to Know`);
  // Every field is checked: the MAC covers the ones with meaning, these two must be exact.
  if (!meta || meta.format !== 'need-to-know-snapshot' || (meta.version !== 1 && meta.version !== SNAPSHOT_VERSION))
    throw cannotOpen(`${name} has an unreadable header`);
  const epoch = meta.version === 1 ? 0 : Number(meta.epoch);
  if (!Number.isInteger(epoch) || epoch < 0) throw cannotOpen(`${name} has an unreadable header`);
  // Only the Member's app writes snapshots; after the upgrade the Member's app takes none without the Member's MAC.
  if (isMember && upgraded && meta.version === 1) {
    throw cannotOpen(`${name} is in the old format but the vault was upgraded: it was not written by the Member's app`);
  }
  return { meta, metaLen, epoch };
}

/** Opens generation g's snapshot for reading, or says in plain words that it cannot be read. */
function openSnapshot(fs: VaultFs, dir: string, g: number): { name: string; fd: number } {
  const name = snapshotName(g);
  try {
    return { name, fd: fs.openSync(path.join(dir, name), 'r') };
  } catch (error) {
    throw cannotOpen(`the snapshot ${name} cannot be read`, error);
  }
}

/**
 * Streams snapshot g's frames to `each`, then checks the snapshot's MAC (which covers every frame)
 * and count. Callers must not act on what they were given until this returns. `trusted` (given to
 * `each`) is true when the Member's MAC will be checked: the Member's app reading a format-2 snapshot.
 */
export function scanSnapshot(
  fs: VaultFs,
  dir: string,
  g: number,
  check: { macs: SnapshotMacs; upgraded: boolean },
  each: (frame: DecodedFrame, offset: number, trusted: boolean) => void,
): { meta: SnapshotMeta; size: number; trusted: boolean } {
  const { name, fd } = openSnapshot(fs, dir, g);
  try {
    const size = fs.fstatSync(fd).size;
    const { meta, metaLen, epoch } = readMeta(fs, fd, name, check.macs.isMember, check.upgraded);
    const trusted = check.macs.isMember && meta.version === SNAPSHOT_VERSION;
    const digest = createHash('sha256');
    const reader = new FrameFileReader(fs, fd, 12 + metaLen, size);
    let count = 0;
    let previousSeq = 0;
    for (let r = reader.next(); r; r = reader.next()) {
      if (!r.ok) throw cannotOpen(`${name} is damaged at byte ${r.offset}`);
      digest.update(r.frame.bytes);
      if (r.frame.seq <= previousSeq) throw cannotOpen(`${name} has frames out of order`);
      previousSeq = r.frame.seq;
      each(r.frame, r.offset, trusted);
      count++;
    }
    checkMacs({ generation: g, meta, epoch, digest: digest.digest(), count, trusted }, check.macs);
    return { meta, size, trusted };
  } finally {
    fs.closeSync(fd);
  }
}

/** What was read of a snapshot, to be checked against its MACs (which cover every frame) and count. */
interface ReadFacts {
  generation: number;
  meta: SnapshotMeta;
  epoch: number;
  digest: Buffer;
  count: number;
  /** The Member's MAC is checked too: the Member's app reading a format-2 snapshot. */
  trusted: boolean;
}

function checkMacs(read: ReadFacts, macs: SnapshotMacs): void {
  const { meta } = read;
  const name = snapshotName(read.generation);
  const facts: SnapshotFacts = {
    generation: meta.generation,
    lastSeq: meta.lastSeq,
    head: Buffer.from(String(meta.head), 'hex'),
    count: meta.count,
    framesDigest: read.digest,
    epoch: read.epoch,
  };
  const mac = macs.shared(facts);
  if (meta.generation !== read.generation || !mac || !equalBytes(mac, Buffer.from(String(meta.mac), 'hex'))) {
    throw cannotOpen(`${name} has been altered or damaged (authentication failed)`);
  }
  if (read.trusted) {
    const memberMac = macs.member(facts);
    if (!memberMac || !equalBytes(memberMac, Buffer.from(String(meta.memberMac), 'hex'))) {
      throw cannotOpen(`${name} was not written by the Member's app (the Member's check failed): someone changed the saved records`);
    }
  }
  if (read.count !== meta.count) throw cannotOpen(`${name} holds ${read.count} frames, its header says ${meta.count}`);
}

/** A check asked for bytes readSnapshot did not keep: the caller reads the snapshot again as usual. */
export class BytesNotKept extends Error {}

/**
 * A frame's clear facts with no bytes: what unlock keeps of a snapshot frame read ahead (readSnapshot)
 * that it will neither open nor check an author MAC of. Asking it for bytes is a bug, so it throws.
 */
class FrameFacts implements DecodedFrame {
  readonly kind: DecodedFrame['kind'];
  readonly tier: DecodedFrame['tier'];
  readonly schema: number;
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly author: DecodedFrame['author'];
  readonly epoch: number | undefined;
  /** The whole frame's length on disk, with its length prefix. */
  readonly size: number;

  constructor(frame: DecodedFrame) {
    this.kind = frame.kind;
    this.tier = frame.tier;
    this.schema = frame.schema;
    this.seq = frame.seq;
    this.id = frame.id;
    this.type = frame.type;
    this.author = frame.author;
    this.epoch = frame.epoch;
    this.size = frame.bytes.length;
  }

  private none(): never {
    throw new BytesNotKept(`the bytes of frame ${this.seq} were not kept`);
  }
  get prev(): Buffer {
    return this.none();
  }
  get hash(): Buffer {
    return this.none();
  }
  get aad(): Buffer {
    return this.none();
  }
  get sealed(): DecodedFrame['sealed'] {
    return this.none();
  }
  get authorMac(): Buffer | null {
    return this.none();
  }
  get macInput(): Buffer | null {
    return this.none();
  }
  get bytes(): Buffer {
    return this.none();
  }
}

/** A frame's whole length on disk, whether it was kept with its bytes or not (readSnapshot). */
export const frameSize = (frame: DecodedFrame): number => (frame instanceof FrameFacts ? frame.size : frame.bytes.length);

/** A snapshot read before its keys were known (readSnapshot): nothing in it is trusted until checkSnapshot. */
export interface SnapshotRead extends ReadFacts {
  size: number;
  frames: Array<{ frame: DecodedFrame; offset: number }>;
}

/**
 * Reads snapshot g once, hashing every frame and parsing it, without any key: unlock does this while
 * Argon2id runs. Each frame is kept as its clear facts, with a copy of its bytes where `keep` says
 * they will be needed (a frame to open, or an author MAC to check). Nothing may be acted on before
 * checkSnapshot has checked the MACs over exactly these bytes.
 */
export function readSnapshot(
  fs: VaultFs,
  dir: string,
  g: number,
  check: { isMember: boolean; upgraded: boolean },
  keep: (frame: DecodedFrame, trusted: boolean) => boolean,
): SnapshotRead {
  const { name, fd } = openSnapshot(fs, dir, g);
  try {
    const size = fs.fstatSync(fd).size;
    const { meta, metaLen, epoch } = readMeta(fs, fd, name, check.isMember, check.upgraded);
    const trusted = check.isMember && meta.version === SNAPSHOT_VERSION;
    const digest = createHash('sha256');
    const reader = new FrameFileReader(fs, fd, 12 + metaLen, size);
    const frames: SnapshotRead['frames'] = [];
    let previousSeq = 0;
    for (let r = reader.next(); r; r = reader.next()) {
      if (!r.ok) throw cannotOpen(`${name} is damaged at byte ${r.offset}`);
      const bytes = r.frame.bytes;
      digest.update(bytes);
      if (r.frame.seq <= previousSeq) throw cannotOpen(`${name} has frames out of order`);
      previousSeq = r.frame.seq;
      // The reader's window is reused: a frame kept whole is parsed again from its own copy.
      const frame = keep(r.frame, trusted) ? (readFrame(Buffer.from(bytes), 0) as { frame: DecodedFrame }).frame : new FrameFacts(r.frame);
      frames.push({ frame, offset: r.offset });
    }
    return { generation: g, meta, epoch, digest: digest.digest(), count: frames.length, trusted, size, frames };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Checks a snapshot read ahead against its MACs and count, as scanSnapshot does, and only then gives
 * `each` its frames in order.
 */
export function checkSnapshot(
  read: SnapshotRead,
  macs: SnapshotMacs,
  each: (frame: DecodedFrame, offset: number, trusted: boolean) => void,
): { meta: SnapshotMeta; size: number; trusted: boolean } {
  checkMacs(read, macs);
  for (const { frame, offset } of read.frames) each(frame, offset, read.trusted);
  return { meta: read.meta, size: read.size, trusted: read.trusted };
}

/**
 * Writes snapshot `next` atomically. `emit` is given `put`, which streams one sealed frame in and
 * returns the offset it lands at; the header (with both MACs, which need every frame) is filled in last.
 */
export function writeSnapshot(
  fs: VaultFs,
  dir: string,
  chain: { generation: number; lastSeq: number; head: Buffer; epoch: number },
  macs: SnapshotMacs,
  emit: (put: (bytes: Buffer) => number) => void,
): { size: number; count: number } {
  let size = 0;
  let count = 0;
  atomicWriteWith(fs, path.join(dir, snapshotName(chain.generation)), 'the compacted snapshot', (fd) => {
    const out = new BufferedWriter(fs, fd);
    const metaLen = Buffer.alloc(4);
    metaLen.writeUInt32BE(SNAPSHOT_META_BYTES);
    out.write(Buffer.concat([SNAPSHOT_MAGIC, metaLen, Buffer.alloc(SNAPSHOT_META_BYTES, 0x20)]));
    const digest = createHash('sha256');
    emit((bytes) => {
      const offset = SNAPSHOT_FRAMES_START + size;
      out.write(bytes);
      digest.update(bytes);
      size += bytes.length;
      count++;
      return offset;
    });
    out.flush();
    const facts: SnapshotFacts = { ...chain, count, framesDigest: digest.digest() };
    const metaBytes = Buffer.from(
      JSON.stringify({
        format: 'need-to-know-snapshot',
        version: SNAPSHOT_VERSION,
        generation: chain.generation,
        lastSeq: chain.lastSeq,
        head: chain.head.toString('hex'),
        count,
        epoch: chain.epoch,
        mac: macs.shared(facts)!.toString('hex'),
        memberMac: macs.member(facts)!.toString('hex'),
      }),
    );
    if (metaBytes.length > SNAPSHOT_META_BYTES) throw new Error('snapshot header too long');
    // JSON allows trailing spaces, so the reserved header is the JSON padded with them.
    writeAllAt(fs, fd, metaBytes, SNAPSHOT_MAGIC.length + 4);
  });
  return { size: SNAPSHOT_FRAMES_START + size, count };
}

// The journal of one generation: frames appended one save at a time, each chained to the one
// before by hash and fdatasync'd before the save returns. A crash can tear only the last frame;
// unlock moves a torn tail aside (kept, never deleted) and truncates to the last whole frame.
import path from 'node:path';
import { cannotOpen, ioError, VaultError } from './errors';
import { MIN_FRAME_BODY, SEQ_OFFSET, readFrame, type DecodedFrame } from './frames';
import { FrameFileReader, readRange } from './frame-reader';
import { FILE_MODE, atomicWrite, fsyncDir, writeAll, type VaultFs } from './fsio';
import { journalName } from './generations';

/** Where a chain stands: the last sequence number and the hash of its frame. */
export interface ChainEnd {
  seq: number;
  head: Buffer;
}

/**
 * Streams the journal's frames up to `limit` (default: the whole file) to `each`, checking the
 * sequence and hash chain from `from`. Returns where it stopped and a torn tail, if any.
 * `opens(frame)` tells whether this session's key opens a frame (for telling a torn tail from an altered one).
 */
export function scanJournal(
  fs: VaultFs,
  dir: string,
  g: number,
  from: ChainEnd,
  each: (frame: DecodedFrame, offset: number) => void,
  opens: (frame: DecodedFrame) => boolean,
  limit?: number,
): ChainEnd & { end: number; tornAt: number | null } {
  const name = journalName(g);
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return { end: 0, seq: from.seq, head: from.head, tornAt: null };
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw cannotOpen(`the journal ${name} cannot be read`, error);
  }
  try {
    const size = fs.fstatSync(fd).size;
    const end = Math.min(size, limit ?? size);
    if (limit !== undefined && size < limit) throw cannotOpen(`${name} was cut short after the vault was unlocked`);
    const reader = new FrameFileReader(fs, fd, 0, end);
    let { seq, head } = from;
    for (let r = reader.next(); r; r = reader.next()) {
      if (!r.ok) {
        if (r.torn && limit === undefined) {
          if (tailWasAltered(readRange(fs, fd, r.offset, size), { seq, head }, opens)) {
            throw cannotOpen(`${name} has a frame whose length was altered at byte ${r.offset}`);
          }
          return { end: r.offset, seq, head, tornAt: r.offset };
        }
        throw cannotOpen(`${name} is damaged at byte ${r.offset}${r.torn ? '' : `: ${r.reason}`}`);
      }
      const { frame } = r;
      if (frame.seq !== seq + 1)
        throw cannotOpen(`${name} skips or repeats a save at byte ${r.offset} (sequence ${frame.seq} after ${seq})`);
      if (!frame.prev.equals(head)) throw cannotOpen(`${name} breaks its hash chain at byte ${r.offset}`);
      seq = frame.seq;
      head = frame.hash;
      each(frame, r.offset);
    }
    return { end, seq, head, tornAt: null };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A crash tears only the final save, so a "torn" tail must not hold anything whole: no later
 * frame, and not one complete frame under a changed length. Either means the length was edited,
 * which would otherwise hide every frame after it as an unfinished save.
 */
function tailWasAltered(tail: Buffer, { seq, head }: ChainEnd, opens: (frame: DecodedFrame) => boolean): boolean {
  for (let y = 4; y + 4 + MIN_FRAME_BODY <= tail.length; y++) {
    const length = tail.readUInt32BE(y);
    if (length < MIN_FRAME_BODY || y + 4 + length > tail.length) continue;
    if (tail.readBigUInt64BE(y + SEQ_OFFSET) === BigInt(seq + 2)) return true;
  }
  const body = tail.subarray(4);
  if (body.length < MIN_FRAME_BODY) return false;
  const whole = Buffer.alloc(4 + body.length);
  whole.writeUInt32BE(body.length);
  body.copy(whole, 4);
  const r = readFrame(whole, 0);
  if (!r.ok || r.frame.seq !== seq + 1 || !r.frame.prev.equals(head)) return false;
  // Without the tier's key (a PA and a Member-only save) this cannot be told from a torn write.
  return opens(r.frame);
}

/** Appends to the current generation's journal; one descriptor, opened at the first save. */
export class JournalWriter {
  private fd: number | null = null;
  private broken: string | null = null;
  /** Bytes and whole frames in the journal (what unlock found plus what was appended). */
  bytes = 0;
  frames = 0;

  constructor(
    private readonly fs: VaultFs,
    private readonly dir: string,
    public generation: number,
  ) {}

  private open(): number {
    if (this.broken) throw new VaultError('io', this.broken);
    if (this.fd !== null) return this.fd;
    const file = path.join(this.dir, journalName(this.generation));
    const existed = this.fs.existsSync(file);
    try {
      this.fd = this.fs.openSync(file, 'a', FILE_MODE);
      if (!existed) fsyncDir(this.fs, this.dir);
    } catch (error) {
      this.fd = null;
      throw ioError('open the journal for saving', error);
    }
    return this.fd;
  }

  /** Opens (creating if need be) the journal now, so the next save finds it ready. */
  ready(): void {
    this.open();
  }

  /** Appends one frame and fdatasyncs it; returns its offset only once it is durable. */
  append(bytes: Buffer): number {
    const fd = this.open();
    try {
      writeAll(this.fs, fd, bytes);
      this.fs.fdatasyncSync(fd);
    } catch (error) {
      // Take the partial frame back off so the next save does not land after garbage.
      try {
        this.fs.ftruncateSync(fd, this.bytes);
      } catch {
        this.broken = 'The journal could not be repaired after a failed save. Lock and unlock to carry on; nothing saved earlier is lost.';
      }
      throw ioError('save', error);
    }
    const offset = this.bytes;
    this.bytes += bytes.length;
    this.frames++;
    return offset;
  }

  /** Moves a torn tail aside (kept, never deleted) and truncates the journal to its last whole frame. */
  repairTornTail(tornAt: number, now: Date): string {
    const file = path.join(this.dir, journalName(this.generation));
    const aside = `${file}.torn-${now.toISOString().replace(/[:.]/g, '-')}`;
    let fd: number;
    try {
      fd = this.fs.openSync(file, 'r+');
    } catch (error) {
      throw ioError('set aside an unfinished save', error);
    }
    try {
      atomicWrite(this.fs, aside, readRange(this.fs, fd, tornAt, this.fs.fstatSync(fd).size), 'the unfinished last save');
      this.fs.ftruncateSync(fd, tornAt);
      this.fs.fsyncSync(fd);
    } finally {
      this.fs.closeSync(fd);
    }
    this.bytes = tornAt;
    return path.basename(aside);
  }

  /** Starts the next generation's (empty) journal after a compaction. */
  startGeneration(g: number): void {
    this.close();
    this.generation = g;
    this.bytes = 0;
    this.frames = 0;
  }

  close(): void {
    if (this.fd === null) return;
    try {
      this.fs.closeSync(this.fd);
    } catch {
      /* closing during lock: the data is already fsynced */
    }
    this.fd = null;
  }
}

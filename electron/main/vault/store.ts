// The record store: snapshot + append-only journal, in generations.
//   snapshot-<g>.bin  every live record (latest sealed frame) and every audit frame up to a seq
//   journal-<g>.log   frames after that snapshot, appended and fdatasync'd one save at a time
// Generation 0 has no snapshot. Compaction writes snapshot-<g+1> atomically, starts
// journal-<g+1>, and keeps generation g as the previous one; older ones are removed.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deriveSubkey, equalBytes, hmac } from './crypto';
import { cannotOpen, ioError, VaultError } from './errors';
import { GENESIS_HASH, MIN_FRAME_BODY, SEQ_OFFSET, encodeFrame, openFrame, readFrame, type DecodedFrame, type FrameKind, type Tier } from './frames';
import { FrameFileReader, readRange } from './frame-reader';
import { BufferedWriter, FILE_MODE, atomicWrite, atomicWriteWith, fsyncDir, writeAll, writeAllAt, type VaultFs } from './fsio';

const SNAPSHOT_MAGIC = Buffer.from('NTKSNAP\u0001', 'latin1');
/** The snapshot's JSON header is written last into this reserved, space-padded room. */
const SNAPSHOT_META_BYTES = 512;
export const RECORD_SCHEMA = 1;

const pad = (g: number) => String(g).padStart(6, '0');
export const snapshotName = (g: number) => `snapshot-${pad(g)}.bin`;
export const journalName = (g: number) => `journal-${pad(g)}.log`;

export interface StoredRecord {
  id: string;
  tier: Tier;
  type: string;
  seq: number;
  /** False when this session has no key for the tier (a PA and Member-only records). */
  readable: boolean;
  /** Where its sealed frame is: records are decrypted on demand, so memory does not grow with the vault. */
  where: 'snapshot' | 'journal';
  offset: number;
  length: number;
}

export interface AuditEvent {
  seq: number;
  recordId: string;
  action: string;
  tier: Tier;
  /** null when this session cannot read the tier. */
  detail: Record<string, unknown> | null;
}

interface SnapshotMeta {
  format: string;
  version: number;
  generation: number;
  lastSeq: number;
  head: string;
  count: number;
  mac: string;
}

export interface Keys {
  shared: Buffer;
  member: Buffer | null;
}

export interface CompactionPolicy {
  maxJournalFrames: number;
  /** Compact when the journal exceeds this share of the snapshot (amortises the rewrite). */
  maxJournalRatio: number;
  minJournalBytes: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { maxJournalFrames: 20_000, maxJournalRatio: 0.5, minJournalBytes: 8 * 1024 * 1024 };

interface Generations {
  current: number;
  snapshots: number[];
  journals: number[];
}

export function listGenerations(fs: VaultFs, dir: string): Generations {
  const names = fs.readdirSync(dir);
  const nums = (re: RegExp) =>
    names
      .map((n) => re.exec(n))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  const snapshots = nums(/^snapshot-(\d{6})\.bin$/);
  const journals = nums(/^journal-(\d{6})\.log$/);
  return { current: snapshots.at(-1) ?? 0, snapshots, journals };
}

export class RecordStore {
  readonly records = new Map<string, StoredRecord>();
  private lastSeq = 0;
  private head: Buffer = GENESIS_HASH;
  private generation = 0;
  private journalFd: number | null = null;
  private journalBytes = 0;
  private journalFrames = 0;
  private snapshotBytes = 0;
  private broken: string | null = null;
  private closed = false;
  auditCount = 0;

  private constructor(
    private readonly fs: VaultFs,
    private readonly dir: string,
    private keys: Keys,
    private readonly policy: CompactionPolicy,
  ) {}

  /** Loads the current generation, verifying every frame. Throws 'cannot-open' without writing. */
  static load(fs: VaultFs, dir: string, keys: Keys, policy: CompactionPolicy = DEFAULT_COMPACTION): { store: RecordStore; tornAt: number | null } {
    const store = new RecordStore(fs, dir, keys, policy);
    const gens = listGenerations(fs, dir);
    store.generation = gens.current;
    if (gens.current > 0) store.loadSnapshot(gens.current);
    const tornAt = store.replayJournal(gens.current);
    return { store, tornAt };
  }

  private keyFor(tier: Tier): Buffer | null {
    // After close() the key buffers are zeroed: nothing may seal or open with them.
    if (this.closed) throw new VaultError('locked', 'The vault is locked. Unlock it to carry on.');
    return tier === 'member' ? this.keys.member : this.keys.shared;
  }

  private snapshotMac(generation: number, lastSeq: number, head: Buffer, count: number, framesDigest: Buffer): Buffer {
    return hmac(deriveSubkey(this.keys.shared, 'snapshot'), `${generation}|${lastSeq}|${head.toString('hex')}|${count}|${framesDigest.toString('hex')}`);
  }

  /**
   * Streams snapshot g's frames to `each`, then checks the snapshot's MAC (which covers every frame)
   * and count. Callers must not act on what they were given until this returns.
   */
  private scanSnapshot(g: number, each: (frame: DecodedFrame, offset: number) => void): { meta: SnapshotMeta; size: number } {
    const name = snapshotName(g);
    let fd: number;
    try {
      fd = this.fs.openSync(path.join(this.dir, name), 'r');
    } catch (error) {
      throw cannotOpen(`the snapshot ${name} cannot be read`, error);
    }
    try {
      const size = this.fs.fstatSync(fd).size;
      const head = readRange(this.fs, fd, 0, 12);
      if (head.length < 12 || !head.subarray(0, 8).equals(SNAPSHOT_MAGIC)) throw cannotOpen(`${name} is not a vault snapshot`);
      const metaLen = head.readUInt32BE(8);
      if (metaLen > 64 * 1024) throw cannotOpen(`${name} has an unreadable header`);
      let meta: SnapshotMeta;
      try {
        meta = JSON.parse(readRange(this.fs, fd, 12, 12 + metaLen).toString('utf8')) as SnapshotMeta;
      } catch (error) {
        throw cannotOpen(`${name} has an unreadable header`, error);
      }
      if (typeof meta.version === 'number' && meta.version > 1) throw new VaultError('newer-format', `cannot open: ${name} was written by a newer version of Need to Know`);
      // Every field is checked: the MAC covers the ones with meaning, these two must be exact.
      if (meta.format !== 'need-to-know-snapshot' || meta.version !== 1) throw cannotOpen(`${name} has an unreadable header`);
      const digest = createHash('sha256');
      const reader = new FrameFileReader(this.fs, fd, 12 + metaLen, size);
      let count = 0;
      let previousSeq = 0;
      for (let r = reader.next(); r; r = reader.next()) {
        if (!r.ok) throw cannotOpen(`${name} is damaged at byte ${r.offset}`);
        digest.update(r.frame.bytes);
        if (r.frame.seq <= previousSeq) throw cannotOpen(`${name} has frames out of order`);
        previousSeq = r.frame.seq;
        each(r.frame, r.offset);
        count++;
      }
      const mac = this.snapshotMac(meta.generation, meta.lastSeq, Buffer.from(String(meta.head), 'hex'), meta.count, digest.digest());
      if (meta.generation !== g || !equalBytes(mac, Buffer.from(String(meta.mac), 'hex'))) {
        throw cannotOpen(`${name} has been altered or damaged (authentication failed)`);
      }
      if (count !== meta.count) throw cannotOpen(`${name} holds ${count} frames, its header says ${meta.count}`);
      return { meta, size };
    } finally {
      this.fs.closeSync(fd);
    }
  }

  private loadSnapshot(g: number): void {
    const { meta, size } = this.scanSnapshot(g, (frame, offset) => this.apply(frame, `${snapshotName(g)} at byte ${offset}`, 'snapshot', offset, true));
    this.snapshotBytes = size;
    this.lastSeq = meta.lastSeq;
    this.head = Buffer.from(meta.head, 'hex');
  }

  /**
   * Streams the journal's frames up to `limit` (default: the whole file) to `each`, checking the
   * sequence and hash chain from (seq, head). Returns where it stopped and a torn tail, if any.
   */
  private scanJournal(
    g: number,
    from: { seq: number; head: Buffer },
    each: (frame: DecodedFrame, offset: number) => void,
    limit?: number,
  ): { end: number; seq: number; head: Buffer; tornAt: number | null } {
    const name = journalName(g);
    const file = path.join(this.dir, name);
    if (!this.fs.existsSync(file)) return { end: 0, seq: from.seq, head: from.head, tornAt: null };
    let fd: number;
    try {
      fd = this.fs.openSync(file, 'r');
    } catch (error) {
      throw cannotOpen(`the journal ${name} cannot be read`, error);
    }
    try {
      const size = this.fs.fstatSync(fd).size;
      const end = Math.min(size, limit ?? size);
      if (limit !== undefined && size < limit) throw cannotOpen(`${name} was cut short after the vault was unlocked`);
      const reader = new FrameFileReader(this.fs, fd, 0, end);
      let { seq, head } = from;
      for (let r = reader.next(); r; r = reader.next()) {
        if (!r.ok) {
          if (r.torn && limit === undefined) {
            if (this.tailWasAltered(readRange(this.fs, fd, r.offset, size), seq, head)) {
              throw cannotOpen(`${name} has a frame whose length was altered at byte ${r.offset}`);
            }
            return { end: r.offset, seq, head, tornAt: r.offset };
          }
          throw cannotOpen(`${name} is damaged at byte ${r.offset}${r.torn ? '' : `: ${r.reason}`}`);
        }
        const { frame } = r;
        if (frame.seq !== seq + 1) throw cannotOpen(`${name} skips or repeats a save at byte ${r.offset} (sequence ${frame.seq} after ${seq})`);
        if (!frame.prev.equals(head)) throw cannotOpen(`${name} breaks its hash chain at byte ${r.offset}`);
        seq = frame.seq;
        head = frame.hash;
        each(frame, r.offset);
      }
      return { end, seq, head, tornAt: null };
    } finally {
      this.fs.closeSync(fd);
    }
  }

  /** Returns the offset of a torn final frame (a save that never completed), if any. */
  private replayJournal(g: number): number | null {
    const result = this.scanJournal(g, { seq: this.lastSeq, head: this.head }, (frame, offset) => {
      this.apply(frame, `${journalName(g)} at byte ${offset}`, 'journal', offset);
      this.journalFrames++;
    });
    this.lastSeq = result.seq;
    this.head = result.head;
    this.journalBytes = result.end;
    return result.tornAt;
  }

  /**
   * A crash tears only the final save, so a "torn" tail must not hold anything whole: no later
   * frame, and not one complete frame under a changed length. Either means the length was edited,
   * which would otherwise hide every frame after it as an unfinished save.
   */
  private tailWasAltered(tail: Buffer, seq: number, head: Buffer): boolean {
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
    const key = this.keyFor(r.frame.tier);
    return key !== null && openFrame(r.frame, key) !== null;
  }

  /** Verifies a frame (every frame is authenticated at unlock) and indexes where it lives; keeps no plaintext. */
  private apply(frame: DecodedFrame, description: string, where: 'snapshot' | 'journal', offset: number, underSnapshotMac = false): void {
    if (frame.schema > RECORD_SCHEMA) throw new VaultError('newer-format', `cannot open: ${description} was written by a newer version of Need to Know. The vault was not changed.`);
    const key = this.keyFor(frame.tier);
    // The snapshot MAC is keyed from the shared key: whoever could forge it could also seal a valid
    // shared frame, so opening shared frames here adds nothing (and is most of unlock's time).
    // Member-only frames are still opened: a PA holds the MAC key but not theirs. Reads open every frame.
    const covered = underSnapshotMac && frame.tier === 'shared';
    if (key && !covered && !openFrame(frame, key)) throw cannotOpen(`a record in ${description} fails authentication (it was altered, moved or damaged)`);
    if (frame.kind === 'put') {
      this.records.set(frame.id, { id: frame.id, tier: frame.tier, type: frame.type, seq: frame.seq, readable: key !== null, where, offset, length: frame.bytes.length });
    } else if (frame.kind === 'delete') {
      this.records.delete(frame.id);
    } else {
      this.auditCount++;
    }
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
    this.journalBytes = tornAt;
    return path.basename(aside);
  }

  private openJournal(): number {
    if (this.broken) throw new VaultError('io', this.broken);
    if (this.journalFd !== null) return this.journalFd;
    const file = path.join(this.dir, journalName(this.generation));
    const existed = this.fs.existsSync(file);
    try {
      this.journalFd = this.fs.openSync(file, 'a', FILE_MODE);
      if (!existed) fsyncDir(this.fs, this.dir);
    } catch (error) {
      this.journalFd = null;
      throw ioError('open the journal for saving', error);
    }
    return this.journalFd;
  }

  /** Appends one frame and fsyncs it; returns only once it is durable. Cost is independent of vault size. */
  append(kind: FrameKind, tier: Tier, id: string, type: string, plaintext: Buffer): number {
    const key = this.keyFor(tier);
    if (!key) throw new VaultError('not-permitted', 'This user has no key for Member-only records.');
    const fd = this.openJournal();
    const seq = this.lastSeq + 1;
    const frame = encodeFrame({ kind, tier, schema: RECORD_SCHEMA, seq, prev: this.head, id, type }, key, plaintext);
    try {
      writeAll(this.fs, fd, frame.bytes);
      this.fs.fdatasyncSync(fd);
    } catch (error) {
      // Take the partial frame back off so the next save does not land after garbage.
      try {
        this.fs.ftruncateSync(fd, this.journalBytes);
      } catch {
        this.broken = 'The journal could not be repaired after a failed save. Lock and unlock to carry on; nothing saved earlier is lost.';
      }
      throw ioError('save', error);
    }
    const offset = this.journalBytes;
    this.journalBytes += frame.bytes.length;
    this.journalFrames++;
    this.lastSeq = seq;
    this.head = frame.hash;
    this.apply(frame, 'the journal', 'journal', offset);
    return seq;
  }

  needsCompaction(): boolean {
    return (
      this.journalFrames >= this.policy.maxJournalFrames ||
      (this.journalBytes >= this.policy.minJournalBytes && this.journalBytes >= this.snapshotBytes * this.policy.maxJournalRatio)
    );
  }

  /**
   * Every frame of the current generation, in order: the snapshot's (its MAC checked) then the
   * journal's, each checked against the hash chain, so what is read back is what was unlocked.
   * Frames are views valid only during the callback; nothing should be committed until this returns.
   */
  forEachFrame(each: (frame: DecodedFrame) => void): void {
    const g = this.generation;
    let from = { seq: 0, head: GENESIS_HASH as Buffer };
    if (g > 0) {
      const { meta } = this.scanSnapshot(g, each);
      from = { seq: meta.lastSeq, head: Buffer.from(meta.head, 'hex') };
    }
    const end = this.scanJournal(g, from, each, this.journalBytes);
    if (end.seq !== this.lastSeq || !end.head.equals(this.head)) {
      throw cannotOpen('the journal no longer ends where it did at unlock (frames were removed or replaced)');
    }
  }

  /**
   * Writes the next generation: the latest frame of every live record plus every audit frame,
   * copied sealed as they are (no key beyond the shared one is needed, so a PA session can compact).
   * Streamed: the frames go straight to the temp file; the fixed-size header is filled in last.
   */
  compact(): void {
    const next = this.generation + 1;
    const moved: Array<{ id: string; offset: number }> = [];
    const framesStart = SNAPSHOT_MAGIC.length + 4 + SNAPSHOT_META_BYTES;
    let size = 0;
    let count = 0;
    let metaBytes = Buffer.alloc(0);
    atomicWriteWith(this.fs, path.join(this.dir, snapshotName(next)), 'the compacted snapshot', (fd) => {
      const out = new BufferedWriter(this.fs, fd);
      const metaLen = Buffer.alloc(4);
      metaLen.writeUInt32BE(SNAPSHOT_META_BYTES);
      out.write(Buffer.concat([SNAPSHOT_MAGIC, metaLen, Buffer.alloc(SNAPSHOT_META_BYTES, 0x20)]));
      const digest = createHash('sha256');
      this.forEachFrame((frame) => {
        const live = frame.kind === 'put' && this.records.get(frame.id)?.seq === frame.seq;
        if (frame.kind !== 'audit' && !live) return;
        if (live) moved.push({ id: frame.id, offset: framesStart + size });
        out.write(frame.bytes);
        digest.update(frame.bytes);
        size += frame.bytes.length;
        count++;
      });
      out.flush();
      const mac = this.snapshotMac(next, this.lastSeq, this.head, count, digest.digest());
      metaBytes = Buffer.from(
        JSON.stringify({ format: 'need-to-know-snapshot', version: 1, generation: next, lastSeq: this.lastSeq, head: this.head.toString('hex'), count, mac: mac.toString('hex') }),
      );
      if (metaBytes.length > SNAPSHOT_META_BYTES) throw new Error('snapshot header too long');
      // JSON allows trailing spaces, so the reserved header is the JSON padded with them.
      writeAllAt(this.fs, fd, metaBytes, SNAPSHOT_MAGIC.length + 4);
    });
    // From here the new generation is the truth; its journal starts empty.
    if (this.journalFd !== null) {
      this.fs.closeSync(this.journalFd);
      this.journalFd = null;
    }
    const previous = this.generation;
    this.generation = next;
    this.journalBytes = 0;
    this.journalFrames = 0;
    this.snapshotBytes = framesStart + size;
    this.closeReaders();
    for (const { id, offset } of moved) {
      const r = this.records.get(id);
      if (!r) continue;
      r.where = 'snapshot';
      r.offset = offset;
    }
    this.openJournal();
    this.removeGenerationsBefore(previous);
  }

  private removeGenerationsBefore(keep: number): void {
    const gens = listGenerations(this.fs, this.dir);
    for (const g of gens.snapshots) if (g < keep) this.fs.unlinkSync(path.join(this.dir, snapshotName(g)));
    for (const g of gens.journals) if (g < keep) this.fs.unlinkSync(path.join(this.dir, journalName(g)));
  }

  private readers: { snapshot: number | null; journal: number | null } = { snapshot: null, journal: null };

  private reader(where: 'snapshot' | 'journal'): number {
    const fd = this.readers[where];
    if (fd !== null) return fd;
    const name = where === 'snapshot' ? snapshotName(this.generation) : journalName(this.generation);
    try {
      return (this.readers[where] = this.fs.openSync(path.join(this.dir, name), 'r'));
    } catch (error) {
      throw ioError(`read ${name}`, error);
    }
  }

  private closeReaders(): void {
    for (const where of ['snapshot', 'journal'] as const) {
      const fd = this.readers[where];
      if (fd !== null) this.fs.closeSync(fd);
      this.readers[where] = null;
    }
  }

  /** Decrypts one record from its frame on disk; null when this session has no key for it. */
  read(record: StoredRecord): Buffer | null {
    const key = this.keyFor(record.tier);
    if (!key || !record.readable) return null;
    const buf = Buffer.alloc(record.length);
    const fd = this.reader(record.where);
    let got = 0;
    while (got < record.length) {
      const n = this.fs.readSync(fd, buf, got, record.length - got, record.offset + got);
      if (n === 0) break;
      got += n;
    }
    const r = readFrame(buf, 0);
    const plain = r.ok && r.frame.id === record.id && r.frame.seq === record.seq ? openFrame(r.frame, key) : null;
    if (!plain) throw cannotOpen(`the record ${record.id} changed on disk after the vault was unlocked`);
    return plain;
  }

  auditEvents(recordId?: string): AuditEvent[] {
    const events: AuditEvent[] = [];
    this.forEachFrame((frame) => {
      if (frame.kind !== 'audit' || (recordId !== undefined && frame.id !== recordId)) return;
      const key = this.keyFor(frame.tier);
      const plain = key ? openFrame(frame, key) : null;
      if (key && !plain) throw cannotOpen(`the audit event ${frame.seq} fails authentication (it was altered)`);
      events.push({ seq: frame.seq, recordId: frame.id, action: frame.type, tier: frame.tier, detail: plain ? (JSON.parse(plain.toString('utf8')) as Record<string, unknown>) : null });
    });
    return events;
  }

  stats() {
    return { generation: this.generation, lastSeq: this.lastSeq, journalBytes: this.journalBytes, journalFrames: this.journalFrames, records: this.records.size };
  }

  close(): void {
    this.closeReaders();
    if (this.journalFd !== null) {
      try {
        this.fs.closeSync(this.journalFd);
      } catch {
        /* closing during lock: the data is already fsynced */
      }
      this.journalFd = null;
    }
    this.records.clear();
    this.closed = true;
    this.keys = { shared: Buffer.alloc(0), member: null };
  }
}

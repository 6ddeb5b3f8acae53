// The record store: snapshot + append-only journal, in generations.
//   snapshot-<g>.bin  every live record (latest sealed frame) and every audit frame up to a seq
//   journal-<g>.log   frames after that snapshot, appended and fdatasync'd one save at a time
// Generation 0 has no snapshot. Compaction writes snapshot-<g+1> atomically, starts
// journal-<g+1>, and keeps generation g as the previous one; older ones are removed.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deriveSubkey, equalBytes, hmac } from './crypto';
import { cannotOpen, ioError, VaultError } from './errors';
import {
  AUTHORED_SCHEMA,
  GENESIS_HASH,
  MIN_FRAME_BODY,
  SEQ_OFFSET,
  encodeFrame,
  isAuthored,
  openFrame,
  readFrame,
  verifyAuthor,
  type Author,
  type DecodedFrame,
  type FrameKind,
  type Tier,
} from './frames';
import { isMemberWritten } from '../../../shared/domain/record-types';
import { FrameFileReader, readRange } from './frame-reader';
import { BufferedWriter, FILE_MODE, atomicWrite, atomicWriteWith, fsyncDir, writeAll, writeAllAt, type VaultFs } from './fsio';

const SNAPSHOT_MAGIC = Buffer.from('NTKSNAP\u0001', 'latin1');
/** The snapshot's JSON header is written last into this reserved, space-padded room. */
const SNAPSHOT_META_BYTES = 512;
/** Frames are written in format 2 (authored); format 1 frames are read as legacy (see StoreTrust). */
export const RECORD_SCHEMA = AUTHORED_SCHEMA;
/** Snapshot format 2 carries a Member MAC beside the shared one, and the shared key's epoch. */
const SNAPSHOT_VERSION = 2;

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
  /** The shared key epoch its frame is sealed under. */
  epoch: number;
  /** Who wrote it: 'member' only where the Member's MAC was checked (or the Member's own snapshot vouches for it). */
  author: Author | 'unknown';
}

export interface AuditEvent {
  seq: number;
  recordId: string;
  action: string;
  tier: Tier;
  /** Who wrote it: 'member' only when the Member's MAC proves it (or a legacy event from before authorship). */
  author: Author | 'unknown';
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
  /** Version 2: the shared key epoch the MAC is under, and the Member's MAC over the same. */
  epoch?: number;
  memberMac?: string;
}

/** A frame the vault refused to apply: kept on disk, never applied, reported to the user. */
export interface SetAsideFrame {
  seq: number;
  id: string;
  type: string;
  reason: string;
}

/** What the header says about the frames: after the upgrade to format 2, no unauthored frame is taken from a journal. */
export interface StoreTrust {
  upgraded: boolean;
  /** A sequence number whose chain hash the caller wants (the rollback checkpoint's). */
  watch?: number;
}

export interface Keys {
  /** The current shared key (epoch `epoch`). */
  shared: Buffer;
  member: Buffer | null;
  /** The current shared key's epoch (0 until a PA is first removed). */
  epoch?: number;
  /** Shared keys of earlier epochs, so history still opens after a rotation. */
  older?: Map<number, Buffer>;
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
  /** Frames refused on authorship grounds at unlock (or since), by sequence number. */
  readonly setAside = new Map<number, SetAsideFrame>();
  private authorKeys = new Map<string, Buffer>();
  /** The chain hash at `trust.watch`, when this generation still shows it. */
  watchedHead: string | null = null;

  private constructor(
    private readonly fs: VaultFs,
    private readonly dir: string,
    private keys: Keys,
    private readonly policy: CompactionPolicy,
    private readonly trust: StoreTrust,
  ) {}

  /** Loads the current generation, verifying every frame. Throws 'cannot-open' without writing. */
  static load(
    fs: VaultFs,
    dir: string,
    keys: Keys,
    policy: CompactionPolicy = DEFAULT_COMPACTION,
    trust: StoreTrust = { upgraded: true },
  ): { store: RecordStore; tornAt: number | null } {
    const store = new RecordStore(fs, dir, keys, policy, trust);
    const gens = listGenerations(fs, dir);
    store.generation = gens.current;
    if (gens.current > 0) store.loadSnapshot(gens.current);
    const tornAt = store.replayJournal(gens.current);
    return { store, tornAt };
  }

  private keyFor(tier: Tier, epoch?: number): Buffer | null {
    // After close() the key buffers are zeroed: nothing may seal or open with them.
    if (this.closed) throw new VaultError('locked', 'The vault is locked. Unlock it to carry on.');
    if (tier === 'member') return this.keys.member;
    return this.sharedKey(epoch);
  }

  private sharedKey(epoch = this.currentEpoch): Buffer | null {
    return epoch === this.currentEpoch ? this.keys.shared : (this.keys.older?.get(epoch) ?? null);
  }

  get currentEpoch(): number {
    return this.keys.epoch ?? 0;
  }

  /** Who this session writes as: only a session holding the Member-only key is the Member. */
  get author(): Author {
    return this.keys.member ? 'member' : 'pa';
  }

  /** The MAC key for frames by `author`: the Member's is derived from the Member-only key, which no PA holds. */
  private authorKey(author: Author, epoch = this.currentEpoch): Buffer | null {
    const name = author === 'member' ? 'member' : `pa:${epoch}`;
    let key = this.authorKeys.get(name);
    if (!key) {
      const base = author === 'member' ? this.keys.member : this.sharedKey(epoch);
      if (!base) return null;
      key = deriveSubkey(base, author === 'member' ? 'author:member' : 'author:pa');
      this.authorKeys.set(name, key);
    }
    return key;
  }

  private snapshotMac(generation: number, lastSeq: number, head: Buffer, count: number, framesDigest: Buffer, epoch = 0): Buffer | null {
    const shared = this.sharedKey(epoch);
    if (!shared) return null;
    return hmac(
      deriveSubkey(shared, 'snapshot'),
      `${generation}|${lastSeq}|${head.toString('hex')}|${count}|${framesDigest.toString('hex')}`,
    );
  }

  /** The Member's MAC over a snapshot: no PA can write a snapshot the Member's app accepts. */
  private snapshotMemberMac(
    generation: number,
    lastSeq: number,
    head: Buffer,
    count: number,
    framesDigest: Buffer,
    epoch: number,
  ): Buffer | null {
    if (!this.keys.member) return null;
    return hmac(
      deriveSubkey(this.keys.member, 'snapshot:member'),
      `${generation}|${lastSeq}|${head.toString('hex')}|${count}|${framesDigest.toString('hex')}|${epoch}`,
    );
  }

  /**
   * Whether only the Member may have written this frame (R-USE-2, R-DIS-3, R-DIS-4): a Member-tier
   * frame, a type only the Member writes, or a change to (or removal of) such a record.
   */
  private needsMember(frame: Pick<DecodedFrame, 'kind' | 'tier' | 'type' | 'id'>): boolean {
    if (frame.kind === 'audit') return false;
    if (frame.tier === 'member' || isMemberWritten(frame.type, frame.id)) return true;
    const existing = this.records.get(frame.id);
    return !!existing && (existing.tier === 'member' || isMemberWritten(existing.type, existing.id));
  }

  /**
   * Authorship of one frame: null when it may be applied, else why not. The Member's app checks
   * every Member MAC; a PA's app cannot, so it at least never lets a shared frame replace a
   * Member-tier record. A reason starting '!' is a failed MAC: the vault refuses to open, as for
   * damage. Any other is a well-formed frame the author may not write: it is set aside and reported.
   */
  private judge(frame: DecodedFrame, inSnapshot: boolean): string | null {
    if (inSnapshot && this.snapshotTrusted) return null;
    const existing = frame.kind === 'audit' ? undefined : this.records.get(frame.id);
    if (!isAuthored(frame)) {
      // Legacy frames are taken only from before the upgrade; one appended later is a forgery.
      // (A snapshot carries them forward: the Member's app checks it whole; a PA's app cannot.)
      return (this.trust.upgraded || this.legacyClosed) && !inSnapshot
        ? 'it is in the old format but was added after the vault was upgraded'
        : null;
    }
    if (frame.author === 'member') {
      const key = this.authorKey('member');
      // A PA's app cannot check a Member MAC; apply() still keeps a Member-tier record from being replaced there.
      if (key && !verifyAuthor(frame, key))
        return "!a save claims to be the Member's but fails the Member's check (it was forged or damaged)";
      return null;
    }
    const key = this.authorKey('pa', frame.epoch ?? 0);
    if (key && !verifyAuthor(frame, key)) return '!a save fails its check (it was altered or damaged)';
    if (this.needsMember(frame)) {
      if (existing?.tier === 'member' && frame.tier === 'shared')
        return "it would replace a Member-only record with one the PA's key can read";
      return `only the Member may ${frame.kind === 'delete' ? 'remove' : 'write'} this record (${frame.type})`;
    }
    return null;
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
      if (typeof meta.version === 'number' && meta.version > SNAPSHOT_VERSION)
        throw new VaultError('newer-format', `cannot open: ${name} was written by a newer version of Need to Know`);
      // Every field is checked: the MAC covers the ones with meaning, these two must be exact.
      if (!meta || meta.format !== 'need-to-know-snapshot' || (meta.version !== 1 && meta.version !== SNAPSHOT_VERSION))
        throw cannotOpen(`${name} has an unreadable header`);
      const epoch = meta.version === 1 ? 0 : Number(meta.epoch);
      if (!Number.isInteger(epoch) || epoch < 0) throw cannotOpen(`${name} has an unreadable header`);
      // Only the Member's app writes snapshots; after the upgrade the Member's app takes none without the Member's MAC.
      if (this.keys.member && this.trust.upgraded && meta.version === 1) {
        throw cannotOpen(`${name} is in the old format but the vault was upgraded: it was not written by the Member's app`);
      }
      this.snapshotTrusted = !!this.keys.member && meta.version === SNAPSHOT_VERSION;
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
      const framesDigest = digest.digest();
      const headBytes = Buffer.from(String(meta.head), 'hex');
      const mac = this.snapshotMac(meta.generation, meta.lastSeq, headBytes, meta.count, framesDigest, epoch);
      if (meta.generation !== g || !mac || !equalBytes(mac, Buffer.from(String(meta.mac), 'hex'))) {
        throw cannotOpen(`${name} has been altered or damaged (authentication failed)`);
      }
      if (this.snapshotTrusted) {
        const memberMac = this.snapshotMemberMac(meta.generation, meta.lastSeq, headBytes, meta.count, framesDigest, epoch);
        if (!memberMac || !equalBytes(memberMac, Buffer.from(String(meta.memberMac), 'hex'))) {
          throw cannotOpen(`${name} was not written by the Member's app (the Member's check failed): someone changed the saved records`);
        }
      }
      if (count !== meta.count) throw cannotOpen(`${name} holds ${count} frames, its header says ${meta.count}`);
      return { meta, size };
    } finally {
      this.fs.closeSync(fd);
    }
  }

  /** True while loading a snapshot whose Member MAC this session checks (the Member's app, format 2). */
  private snapshotTrusted = false;
  /** A Member-MACed snapshot was loaded: the vault was upgraded, whatever the header now says. */
  private legacyClosed = false;

  private loadSnapshot(g: number): void {
    const { meta, size } = this.scanSnapshot(g, (frame, offset) =>
      this.apply(frame, `${snapshotName(g)} at byte ${offset}`, 'snapshot', offset, true),
    );
    this.snapshotBytes = size;
    this.lastSeq = meta.lastSeq;
    this.head = Buffer.from(meta.head, 'hex');
    if (meta.lastSeq === this.trust.watch) this.watchedHead = meta.head;
    if (this.snapshotTrusted) this.legacyClosed = true;
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
        if (frame.seq !== seq + 1)
          throw cannotOpen(`${name} skips or repeats a save at byte ${r.offset} (sequence ${frame.seq} after ${seq})`);
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
      if (frame.seq === this.trust.watch) this.watchedHead = frame.hash.toString('hex');
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
    const key = this.keyFor(r.frame.tier, r.frame.epoch ?? 0);
    return key !== null && openFrame(r.frame, key) !== null;
  }

  /** Verifies a frame (every frame is authenticated at unlock) and indexes where it lives; keeps no plaintext. */
  private apply(frame: DecodedFrame, description: string, where: 'snapshot' | 'journal', offset: number, underSnapshotMac = false): void {
    if (frame.schema > RECORD_SCHEMA)
      throw new VaultError(
        'newer-format',
        `cannot open: ${description} was written by a newer version of Need to Know. The vault was not changed.`,
      );
    const key = this.keyFor(frame.tier, frame.epoch ?? 0);
    // The snapshot MAC is keyed from the shared key: whoever could forge it could also seal a valid
    // shared frame, so opening shared frames here adds nothing (and is most of unlock's time).
    // Member-only frames are still opened: a PA holds the MAC key but not theirs. Reads open every frame.
    const covered = underSnapshotMac && frame.tier === 'shared';
    if (key && !covered && !openFrame(frame, key))
      throw cannotOpen(`a record in ${description} fails authentication (it was altered, moved or damaged)`);
    // In the Member's app a format-2 snapshot is under the Member's MAC, so its frames need no more.
    const problem = this.judge(frame, underSnapshotMac);
    // A failed MAC cannot be told from damage, so it refuses to open (naming where), as damage does.
    if (problem?.startsWith('!')) throw cannotOpen(`${description}: ${problem.slice(1)}`);
    if (problem) {
      this.setAside.set(frame.seq, { seq: frame.seq, id: frame.id, type: frame.type, reason: problem });
      return;
    }
    // Never let a frame the PA's app cannot check turn a Member-only record into a readable one.
    if (frame.kind === 'put' && !this.keys.member && frame.tier === 'shared' && this.records.get(frame.id)?.tier === 'member') return;
    if (frame.kind === 'put') {
      this.records.set(frame.id, {
        id: frame.id,
        tier: frame.tier,
        type: frame.type,
        seq: frame.seq,
        readable: key !== null,
        where,
        offset,
        length: frame.bytes.length,
        epoch: frame.epoch ?? 0,
        author: frameAuthor(frame, this.keys.member !== null),
      });
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
    const author = this.author;
    if (author !== 'member' && this.needsMember({ kind, tier, id, type }))
      throw new VaultError('not-permitted', 'Only the Member can change this record.');
    const fd = this.openJournal();
    const seq = this.lastSeq + 1;
    const epoch = this.currentEpoch;
    const frame = encodeFrame(
      { kind, tier, schema: RECORD_SCHEMA, seq, prev: this.head, id, type, author, epoch },
      key,
      plaintext,
      this.authorKey(author)!,
    );
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
    if (!this.keys.member) return false; // only the Member's app writes snapshots (see compact)
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
  compact(): boolean {
    // A snapshot must carry the Member's MAC, or the Member's app could not tell it from a forgery
    // that drops records; so a PA's app leaves the journal to grow until the Member next saves.
    if (!this.keys.member) return false;
    const next = this.generation + 1;
    const setAsideBytes: Buffer[] = [];
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
        // Frames set aside are not carried forward, but are kept beside the vault, never wiped.
        if (this.setAside.has(frame.seq)) {
          setAsideBytes.push(Buffer.from(frame.bytes));
          return;
        }
        const live = frame.kind === 'put' && this.records.get(frame.id)?.seq === frame.seq;
        if (frame.kind !== 'audit' && !live) return;
        if (live) moved.push({ id: frame.id, offset: framesStart + size });
        out.write(frame.bytes);
        digest.update(frame.bytes);
        size += frame.bytes.length;
        count++;
      });
      out.flush();
      const framesDigest = digest.digest();
      const epoch = this.currentEpoch;
      const mac = this.snapshotMac(next, this.lastSeq, this.head, count, framesDigest, epoch)!;
      const memberMac = this.snapshotMemberMac(next, this.lastSeq, this.head, count, framesDigest, epoch)!;
      metaBytes = Buffer.from(
        JSON.stringify({
          format: 'need-to-know-snapshot',
          version: SNAPSHOT_VERSION,
          generation: next,
          lastSeq: this.lastSeq,
          head: this.head.toString('hex'),
          count,
          epoch,
          mac: mac.toString('hex'),
          memberMac: memberMac.toString('hex'),
        }),
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
    if (setAsideBytes.length) {
      try {
        atomicWrite(this.fs, path.join(this.dir, `set-aside-${pad(previous)}.bin`), Buffer.concat(setAsideBytes), 'the frames set aside');
      } catch {
        // Keep the older generation instead: the frames set aside are still in its journal.
        this.openJournal();
        return true;
      }
    }
    this.openJournal();
    this.removeGenerationsBefore(previous);
    return true;
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
    const key = this.keyFor(record.tier, record.epoch);
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
      if (frame.kind !== 'audit' || (recordId !== undefined && frame.id !== recordId) || this.setAside.has(frame.seq)) return;
      const key = this.keyFor(frame.tier, frame.epoch ?? 0);
      const plain = key ? openFrame(frame, key) : null;
      if (key && !plain) throw cannotOpen(`the audit event ${frame.seq} fails authentication (it was altered)`);
      // The PA's app cannot check a Member MAC, so it shows a Member claim as unverified.
      const author = frameAuthor(frame, this.keys.member !== null);
      events.push({
        seq: frame.seq,
        recordId: frame.id,
        action: frame.type,
        tier: frame.tier,
        author,
        detail: plain ? (JSON.parse(plain.toString('utf8')) as Record<string, unknown>) : null,
      });
    });
    return events;
  }

  /** The sequence number of the last save or deletion (any change to a record raises it). */
  get lastSavedSeq(): number {
    return this.lastSeq;
  }

  /** Where the chain ends: what a rollback checkpoint records. */
  position(): { generation: number; lastSeq: number; head: string } {
    return { generation: this.generation, lastSeq: this.lastSeq, head: this.head.toString('hex') };
  }

  stats() {
    return {
      generation: this.generation,
      lastSeq: this.lastSeq,
      journalBytes: this.journalBytes,
      journalFrames: this.journalFrames,
      records: this.records.size,
    };
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
    for (const k of this.authorKeys.values()) k.fill(0);
    this.authorKeys.clear();
    this.keys = { shared: Buffer.alloc(0), member: null };
  }
}

/** A frame's author as this session can vouch for it: a PA's app cannot check a Member MAC. */
function frameAuthor(frame: DecodedFrame, canCheckMember: boolean): Author | 'unknown' {
  if (!isAuthored(frame)) return 'unknown';
  return frame.author === 'member' && !canCheckMember ? 'unknown' : frame.author!;
}

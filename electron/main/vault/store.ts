// The record store: the index of live records over the current generation's snapshot and journal
// (generations.ts), every frame verified at unlock and decrypted only on demand. Saves append to the
// journal (journal.ts); compaction writes the next snapshot (snapshot.ts); who may write what is
// authorship.ts; the keys are keys.ts.
import path from 'node:path';
import { cannotOpen, ioError, VaultError } from './errors';
import {
  AUTHORED_SCHEMA,
  GENESIS_HASH,
  encodeFrame,
  isAuthored,
  openFrame,
  readFrame,
  type Author,
  type DecodedFrame,
  type FrameKind,
  type Tier,
} from './frames';
import { atomicWrite, type VaultFs } from './fsio';
import { journalName, listGenerations, pad, removeGenerationsBefore, snapshotName } from './generations';
import { JournalWriter, scanJournal, type ChainEnd } from './journal';
import { BytesNotKept, checkSnapshot, frameSize, readSnapshot, scanSnapshot, writeSnapshot, type SnapshotRead } from './snapshot';
import { RecordKeys, type Keys } from './keys';
import { frameAuthor, judge, needsMember } from './authorship';
import { paReplacementProblem } from './pa-replacements';

/** Frames are written in format 2 (authored); format 1 frames are read as legacy (see StoreTrust). */
export const RECORD_SCHEMA = AUTHORED_SCHEMA;

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
  /** When, as its author's app recorded it inside the authenticated frame (null: an event from before this was kept, or unreadable). */
  at: string | null;
  /** null when this session cannot read the tier. */
  detail: Record<string, unknown> | null;
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

/** Where the vault keeps an audit event's time in its sealed payload: a key no caller's detail may use. */
export const AUDIT_AT = '@at';

/** An audit frame's payload: the time its author's app recorded, and the rest as the detail. */
function auditPayload(plain: Buffer | null): { at: string | null; detail: Record<string, unknown> | null } {
  if (!plain) return { at: null, detail: null };
  const { [AUDIT_AT]: at, ...detail } = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
  return { at: typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : null, detail };
}

export interface CompactionPolicy {
  maxJournalFrames: number;
  /** Compact when the journal exceeds this share of the snapshot (amortises the rewrite). */
  maxJournalRatio: number;
  minJournalBytes: number;
}

/** A snapshot read ahead of the keys (RecordStore.readAhead), or why it could not be read, thrown by load. */
export type EarlySnapshot = SnapshotRead | { error: unknown } | null;
/** The most of a snapshot's bytes readAhead keeps in memory (a PA's own frames, mostly), beyond which load reads it. */
const READ_AHEAD_KEPT_BYTES = 64 * 1024 * 1024;
class KeptTooMuch extends Error {}

export const DEFAULT_COMPACTION: CompactionPolicy = { maxJournalFrames: 20_000, maxJournalRatio: 0.5, minJournalBytes: 8 * 1024 * 1024 };

export class RecordStore {
  readonly records = new Map<string, StoredRecord>();
  private chain: ChainEnd = { seq: 0, head: GENESIS_HASH };
  private readonly journal: JournalWriter;
  private snapshotBytes = 0;
  /** Frames refused on authorship grounds at unlock (or since), by sequence number. */
  readonly setAside = new Map<number, SetAsideFrame>();
  /** Records a PA frame in this generation's journal created: the one kind of record a PA's app may delete (pa-replacements.ts). */
  private readonly paCreated = new Set<string>();
  private readonly keys: RecordKeys;
  /** The chain hash at `trust.watch`, when this generation still shows it. */
  watchedHead: string | null = null;
  /** A Member-MACed snapshot was loaded: the vault was upgraded, whatever the header now says. */
  private legacyClosed = false;
  private readers: { snapshot: number | null; journal: number | null } = { snapshot: null, journal: null };

  private constructor(
    private readonly fs: VaultFs,
    private readonly dir: string,
    keys: Keys,
    private readonly policy: CompactionPolicy,
    private readonly trust: StoreTrust,
    generation: number,
  ) {
    this.keys = new RecordKeys(keys);
    this.journal = new JournalWriter(fs, dir, generation);
  }

  /**
   * Loads the current generation, verifying every frame. Throws 'cannot-open' without writing.
   * `early` is the snapshot as readAhead read it while the passphrase was checked: used when it is
   * still the current generation's, and only once its MACs are checked; its failure is thrown here.
   */
  static load(
    fs: VaultFs,
    dir: string,
    keys: Keys,
    policy: CompactionPolicy = DEFAULT_COMPACTION,
    trust: StoreTrust = { upgraded: true },
    early: EarlySnapshot = null,
  ): { store: RecordStore; tornAt: number | null } {
    const gens = listGenerations(fs, dir);
    const store = new RecordStore(fs, dir, keys, policy, trust, gens.current);
    if (early && 'error' in early) throw early.error;
    if (gens.current > 0) store.loadSnapshot(gens.current, early?.generation === gens.current ? early : undefined);
    const tornAt = store.replayJournal(gens.current);
    return { store, tornAt };
  }

  private get generation(): number {
    return this.journal.generation;
  }

  private scanSnapshot(g: number, each: (frame: DecodedFrame, offset: number, trusted: boolean) => void) {
    return scanSnapshot(this.fs, this.dir, g, { macs: this.keys, upgraded: this.trust.upgraded }, each);
  }

  private scanJournal(g: number, from: ChainEnd, each: (frame: DecodedFrame, offset: number) => void, limit?: number) {
    const opens = (frame: DecodedFrame) => {
      const key = this.keys.keyFor(frame.tier, frame.epoch ?? 0);
      return key !== null && openFrame(frame, key) !== null;
    };
    return scanJournal(this.fs, this.dir, g, from, each, opens, limit);
  }

  /**
   * Reads the current snapshot before the keys are known (unlock does, while Argon2id runs): every
   * frame hashed and parsed, the bytes kept of those apply will open or check an author MAC of.
   * Null when there is none, or when more than READ_AHEAD_KEPT_BYTES would be kept (then load reads
   * it as usual). Nothing read is trusted before load has checked its MACs.
   */
  static readAhead(fs: VaultFs, dir: string, who: { isMember: boolean; upgraded: boolean }): EarlySnapshot {
    try {
      const g = listGenerations(fs, dir).current;
      if (g === 0) return null;
      let kept = 0;
      return readSnapshot(fs, dir, g, who, (frame, trusted) => {
        // As apply: a Member-only frame is opened with the Member's key; outside a snapshot under the
        // Member's MAC, an authored frame's MAC is checked by whoever holds its author's key.
        const needed =
          (frame.tier === 'member' && who.isMember) || (!trusted && isAuthored(frame) && (who.isMember || frame.author !== 'member'));
        if (needed && (kept += frame.bytes.length) > READ_AHEAD_KEPT_BYTES) throw new KeptTooMuch();
        return needed;
      });
    } catch (error) {
      return error instanceof KeptTooMuch ? null : { error };
    }
  }

  /** The snapshot read ahead, checked and applied; read again as usual if a check needed bytes it did not keep. */
  private checkEarly(g: number, early: SnapshotRead, apply: (frame: DecodedFrame, offset: number, trusted: boolean) => void) {
    try {
      return checkSnapshot(early, this.keys, apply);
    } catch (error) {
      if (!(error instanceof BytesNotKept)) throw error;
      this.records.clear();
      this.setAside.clear();
      return this.scanSnapshot(g, apply);
    }
  }

  private loadSnapshot(g: number, early?: SnapshotRead): void {
    const apply = (frame: DecodedFrame, offset: number, trusted: boolean) =>
      this.apply(frame, `${snapshotName(g)} at byte ${offset}`, 'snapshot', offset, { underMac: true, trusted });
    const { meta, size, trusted } = early ? this.checkEarly(g, early, apply) : this.scanSnapshot(g, apply);
    this.snapshotBytes = size;
    this.chain = { seq: meta.lastSeq, head: Buffer.from(meta.head, 'hex') };
    if (meta.lastSeq === this.trust.watch) this.watchedHead = meta.head;
    if (trusted) this.legacyClosed = true;
  }

  /** Returns the offset of a torn final frame (a save that never completed), if any. */
  private replayJournal(g: number): number | null {
    const result = this.scanJournal(g, this.chain, (frame, offset) => {
      this.apply(frame, `${journalName(g)} at byte ${offset}`, 'journal', offset);
      if (frame.seq === this.trust.watch) this.watchedHead = frame.hash.toString('hex');
      this.journal.frames++;
    });
    this.chain = { seq: result.seq, head: result.head };
    this.journal.bytes = result.end;
    return result.tornAt;
  }

  /** Verifies a frame (every frame is authenticated at unlock) and indexes where it lives; keeps no plaintext. */
  private apply(
    frame: DecodedFrame,
    description: string,
    where: 'snapshot' | 'journal',
    offset: number,
    snapshot = { underMac: false, trusted: false },
    /** append() checked the frame against the version it replaces before writing it. */
    replacementChecked = false,
  ): void {
    if (frame.schema > RECORD_SCHEMA)
      throw new VaultError(
        'newer-format',
        `cannot open: ${description} was written by a newer version of Need to Know. The vault was not changed.`,
      );
    const key = this.keys.keyFor(frame.tier, frame.epoch ?? 0);
    // The snapshot MAC is keyed from the shared key: whoever could forge it could also seal a valid
    // shared frame, so opening shared frames here adds nothing (and is most of unlock's time).
    // Member-only frames are still opened: a PA holds the MAC key but not theirs. Reads open every frame.
    const covered = snapshot.underMac && frame.tier === 'shared';
    const plain = key && !covered ? openFrame(frame, key) : null;
    if (key && !covered && !plain) throw cannotOpen(`a record in ${description} fails authentication (it was altered, moved or damaged)`);
    // In the Member's app a format-2 snapshot is under the Member's MAC, so its frames need no more.
    let problem = judge(frame, {
      keys: this.keys,
      existing: this.records.get(frame.id),
      underMemberSnapshot: snapshot.underMac && snapshot.trusted,
      inSnapshot: snapshot.underMac,
      legacyClosed: this.trust.upgraded || this.legacyClosed,
    });
    // A failed MAC cannot be told from damage, so it refuses to open (naming where), as damage does.
    if (problem?.startsWith('!')) throw cannotOpen(`${description}: ${problem.slice(1)}`);
    // A journal frame replacing a record is compared with the version it replaces (a snapshot holds only the latest).
    if (!problem && where === 'journal' && !replacementChecked) problem = this.replacementProblem(frame, key, plain ?? undefined);
    if (problem) {
      this.setAside.set(frame.seq, { seq: frame.seq, id: frame.id, type: frame.type, reason: problem });
      return;
    }
    // Never let a frame the PA's app cannot check turn a Member-only record into a readable one.
    if (frame.kind === 'put' && !this.keys.isMember && frame.tier === 'shared' && this.records.get(frame.id)?.tier === 'member') return;
    if (frame.kind === 'put') {
      if (where === 'journal' && frame.author === 'pa' && !this.records.has(frame.id)) this.paCreated.add(frame.id);
      this.records.set(frame.id, {
        id: frame.id,
        tier: frame.tier,
        type: frame.type,
        seq: frame.seq,
        readable: key !== null,
        where,
        offset,
        length: frameSize(frame),
        epoch: frame.epoch ?? 0,
        author: frameAuthor(frame, this.keys.isMember),
      });
    } else if (frame.kind === 'delete') {
      this.records.delete(frame.id);
    }
  }

  /** Moves a torn tail aside (kept, never deleted) and truncates the journal to its last whole frame. */
  repairTornTail(tornAt: number, now: Date): string {
    return this.journal.repairTornTail(tornAt, now);
  }

  /** A PA's frame over an existing record that no PA command writes (pa-replacements.ts), or null. */
  private replacementProblem(
    frame: Pick<DecodedFrame, 'kind' | 'id' | 'type' | 'author' | 'schema'>,
    key: Buffer | null,
    plain?: Buffer,
  ): string | null {
    const found = this.records.get(frame.id);
    if (frame.kind === 'audit' || frame.schema < AUTHORED_SCHEMA || frame.author !== 'pa') return null;
    const existing = found && { ...found, createdByPa: this.paCreated.has(frame.id) };
    const json = (bytes: Buffer | null): Record<string, unknown> | null => {
      try {
        const value = bytes ? (JSON.parse(bytes.toString('utf8')) as unknown) : null;
        return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    };
    return paReplacementProblem(frame.kind, frame.type, existing, () => ({
      before: found?.readable ? json(this.read(found)) : null,
      after: json(plain ?? (key && 'sealed' in frame ? openFrame(frame as DecodedFrame, key) : null)),
    }));
  }

  /** Appends one frame and fsyncs it; returns only once it is durable. Cost is independent of vault size. */
  append(kind: FrameKind, tier: Tier, id: string, type: string, plaintext: Buffer): number {
    const key = this.keys.keyFor(tier);
    if (!key) throw new VaultError('not-permitted', 'This user has no key for Member-only records.');
    const author = this.keys.author;
    if (author !== 'member' && needsMember({ kind, tier, id, type }, this.records.get(id)))
      throw new VaultError('not-permitted', 'Only the Member can change this record.');
    // What unlock would set aside is refused before it is written, so nothing a PA saves is lost later.
    if (author === 'pa' && this.replacementProblem({ kind, id, type, author, schema: RECORD_SCHEMA }, key, plaintext))
      throw new VaultError('not-permitted', 'The app does not make this change for a PA. Nothing was saved.');
    const seq = this.chain.seq + 1;
    const meta = { kind, tier, schema: RECORD_SCHEMA, seq, prev: this.chain.head, id, type, author, epoch: this.keys.currentEpoch };
    const frame = encodeFrame(meta, key, plaintext, this.keys.authorKey(author)!);
    const offset = this.journal.append(frame.bytes);
    this.chain = { seq, head: frame.hash };
    this.apply(frame, 'the journal', 'journal', offset, undefined, true);
    return seq;
  }

  needsCompaction(): boolean {
    if (!this.keys.isMember) return false; // only the Member's app writes snapshots (see compact)
    const { frames, bytes } = this.journal;
    const { maxJournalFrames, minJournalBytes, maxJournalRatio } = this.policy;
    return frames >= maxJournalFrames || (bytes >= minJournalBytes && bytes >= this.snapshotBytes * maxJournalRatio);
  }

  /**
   * Every frame of the current generation, in order: the snapshot's (its MAC checked) then the
   * journal's, each checked against the hash chain, so what is read back is what was unlocked.
   * Frames are views valid only during the callback; nothing should be committed until this returns.
   */
  forEachFrame(each: (frame: DecodedFrame) => void): void {
    const g = this.generation;
    let from: ChainEnd = { seq: 0, head: GENESIS_HASH };
    if (g > 0) {
      const { meta } = this.scanSnapshot(g, each);
      from = { seq: meta.lastSeq, head: Buffer.from(meta.head, 'hex') };
    }
    const end = this.scanJournal(g, from, each, this.journal.bytes);
    if (end.seq !== this.chain.seq || !end.head.equals(this.chain.head)) {
      throw cannotOpen('the journal no longer ends where it did at unlock (frames were removed or replaced)');
    }
  }

  /**
   * Writes the next generation: the latest frame of every live record plus every audit frame,
   * copied sealed as they are. Streamed: the frames go straight to the temp file.
   */
  compact(): boolean {
    // A snapshot must carry the Member's MAC, or the Member's app could not tell it from a forgery
    // that drops records; so a PA's app leaves the journal to grow until the Member next saves.
    if (!this.keys.isMember) return false;
    const next = this.generation + 1;
    const setAsideBytes: Buffer[] = [];
    const moved: Array<{ id: string; offset: number }> = [];
    const chain = { generation: next, lastSeq: this.chain.seq, head: this.chain.head, epoch: this.keys.currentEpoch };
    const { size } = writeSnapshot(this.fs, this.dir, chain, this.keys, (put) =>
      this.forEachFrame((frame) => {
        // Frames set aside are not carried forward, but are kept beside the vault, never wiped.
        if (this.setAside.has(frame.seq)) {
          setAsideBytes.push(Buffer.from(frame.bytes));
          return;
        }
        const live = frame.kind === 'put' && this.records.get(frame.id)?.seq === frame.seq;
        if (frame.kind !== 'audit' && !live) return;
        const offset = put(frame.bytes);
        if (live) moved.push({ id: frame.id, offset });
      }),
    );
    // From here the new generation is the truth; its journal starts empty.
    const previous = this.generation;
    this.journal.startGeneration(next);
    this.snapshotBytes = size;
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
        this.journal.ready();
        return true;
      }
    }
    this.journal.ready();
    removeGenerationsBefore(this.fs, this.dir, previous);
    return true;
  }

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
    const key = this.keys.keyFor(record.tier, record.epoch);
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
      const key = this.keys.keyFor(frame.tier, frame.epoch ?? 0);
      const plain = key ? openFrame(frame, key) : null;
      if (key && !plain) throw cannotOpen(`the audit event ${frame.seq} fails authentication (it was altered)`);
      events.push({
        seq: frame.seq,
        recordId: frame.id,
        action: frame.type,
        tier: frame.tier,
        // The PA's app cannot check a Member MAC, so it shows a Member claim as unverified.
        author: frameAuthor(frame, this.keys.isMember),
        ...auditPayload(plain),
      });
    });
    return events;
  }

  /** Whether any record was last written by the Member (as this session can vouch): a vault with the Member's history. */
  hasMemberHistory(): boolean {
    for (const r of this.records.values()) if (r.author === 'member') return true;
    return false;
  }

  /** The sequence number of the last save or deletion (any change to a record raises it). */
  get lastSavedSeq(): number {
    return this.chain.seq;
  }

  /** Where the chain ends: what a rollback checkpoint records. */
  position(): { generation: number; lastSeq: number; head: string } {
    return { generation: this.generation, lastSeq: this.chain.seq, head: this.chain.head.toString('hex') };
  }

  stats() {
    return {
      generation: this.generation,
      lastSeq: this.chain.seq,
      journalBytes: this.journal.bytes,
      journalFrames: this.journal.frames,
      records: this.records.size,
    };
  }

  close(): void {
    this.closeReaders();
    this.journal.close();
    this.records.clear();
    this.keys.close();
  }
}

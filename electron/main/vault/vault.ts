// The vault (docs/ARCHITECTURE.md, "The vault"): the main process's store of record. Keys live only in an unlocked
// VaultSession; lock() zeroes them. Nothing here imports electron: safeStorage is injected.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_KDF, deriveKek, newDataKey, newKdfParams, unwrapKey, wipe, wrapKey } from './crypto';
import { VaultError, cannotOpen } from './errors';
import type { Author, Tier } from './frames';
import { atomicWrite, ensureDir, realFs, type VaultFs } from './fsio';
import {
  HEADER_FILE,
  HEADER_VERSION,
  headerMemberMac,
  ringAad,
  type Keyring,
  newHeader,
  parseHeader,
  serializeHeader,
  verifyHeaderMac,
  verifyHeaderMemberMac,
  wrapAad,
  type HeaderBody,
  type ParsedHeader,
  type Role,
  type UserSlot,
} from './header';
import { RecordStore, DEFAULT_COMPACTION, type AuditEvent, type CompactionPolicy, type Keys, type SetAsideFrame } from './store';
import { decodeCheckpoint, encodeCheckpoint, ukDate, type CheckpointStore } from './checkpoint';
import { newMemberBox, openBox, sealTo } from './sealed-box';
import { open as openSealedBytes, packSealed, seal as sealBytes, unpackSealed } from './crypto';
import { BlobStore } from './blobs';
import { restoreBackup, writeBackup } from './backup';
import { assessPassphrase } from '../../../shared/domain/passphrase-strength';

export { HEADER_FILE };

export interface VaultUser {
  id: string;
  name: string;
  role: Role;
}

export interface VaultRecord<T = unknown> {
  id: string;
  tier: Tier;
  type: string;
  seq: number;
  data: T;
}

export interface VaultOptions {
  fs?: VaultFs;
  now?: () => Date;
  compaction?: CompactionPolicy;
  /** Where the Member's rollback checkpoint is kept, outside the data folder. Without one, rollback goes undetected. */
  checkpoints?: CheckpointStore;
}

/** Something the user must be told at unlock, in plain words (the session state carries these to the screens). */
export interface VaultWarning {
  kind: 'rollback' | 'set-aside' | 'unfinished-save' | 'checkpoint-altered' | 'upgraded';
  message: string;
}

export interface KdfCost {
  m: number;
  t: number;
  p: number;
}

const toUser = (slot: UserSlot): VaultUser => ({ id: slot.id, name: slot.name, role: slot.role });

/** What list() can narrow by; a plain string is a type. */
export type RecordFilter = string | { type?: string; tier?: Tier };

export interface CreateOptions extends VaultOptions {
  member: { name: string; passphrase: string };
  kdf?: KdfCost;
}

/** The vault refuses a weak passphrase itself, whatever the screens did (one rule: shared/domain/passphrase-strength.ts). */
function requireStrongPassphrase(passphrase: string, personalWords: string[]): void {
  const strength = assessPassphrase(passphrase, personalWords);
  if (!strength.acceptable) throw new VaultError('weak-passphrase', `That passphrase is too weak. ${strength.reasons.join(' ')}`.trim());
}

/** Leftover temp files from an interrupted atomic write: never referenced, safe to remove. */
function removeStaleTemps(fs: VaultFs, dir: string): void {
  const blobs = path.join(dir, 'blobs');
  if (fs.existsSync(blobs)) removeStaleTemps(fs, blobs); // an attachment cut off mid-stream
  for (const name of fs.readdirSync(dir)) {
    if (/^\..+\.[0-9a-f]{12}\.tmp$/.test(name)) {
      try {
        fs.unlinkSync(path.join(dir, name));
      } catch {
        /* harmless */
      }
    }
  }
}

export class Vault {
  static exists(dir: string, fs: VaultFs = realFs): boolean {
    return fs.existsSync(path.join(dir, HEADER_FILE));
  }

  /**
   * First run: creates the vault with the Member's key slot, and returns the Member's session.
   * Either `create(dir, { member, kdf?, ...options })` or `create(dir, member, options)`.
   */
  static async create(dir: string, options: CreateOptions): Promise<VaultSession>;
  static async create(
    dir: string,
    member: { name: string; passphrase: string },
    options?: VaultOptions & { kdf?: KdfCost },
  ): Promise<VaultSession>;
  static async create(
    dir: string,
    memberOrOptions: CreateOptions | { name: string; passphrase: string },
    legacyOptions: VaultOptions & { kdf?: KdfCost } = {},
  ): Promise<VaultSession> {
    const { member, ...options }: CreateOptions =
      'member' in memberOrOptions ? memberOrOptions : { ...legacyOptions, member: memberOrOptions };
    const fs = options.fs ?? realFs;
    const now = options.now ?? (() => new Date());
    if (Vault.exists(dir, fs)) throw new VaultError('exists', 'A vault already exists in this folder; it was left untouched.');
    requireStrongPassphrase(member.passphrase, [member.name]);
    ensureDir(fs, dir);
    const header = newHeader(now());
    const keys: Keys = { shared: newDataKey(), member: newDataKey() };
    const slot: UserSlot = {
      id: randomUUID(),
      name: member.name,
      role: 'member',
      kdf: newKdfParams(options.kdf ?? DEFAULT_KDF),
      keys: { shared: '' },
    };
    const kek = await deriveKek(member.passphrase, slot.kdf);
    slot.keys = {
      shared: wrapKey(kek, keys.shared, wrapAad(header, slot, 'shared')),
      member: wrapKey(kek, keys.member!, wrapAad(header, slot, 'member')),
    };
    wipe(kek);
    header.users.push(slot);
    header.memberBox = memberBoxFor(header, keys.member!);
    atomicWrite(
      fs,
      path.join(dir, HEADER_FILE),
      serializeHeader(header, keys.shared, headerMemberMac(header, keys.member!).toString('hex')),
      'the vault header',
    );
    const locked = Vault.open(dir, options);
    return locked.openWithKeys(slot.id, keys);
  }

  /** Reads the header only: the user list before unlock. Throws 'cannot-open' / 'newer-format'; writes nothing. */
  static open(dir: string, options: VaultOptions = {}): LockedVault {
    const fs = options.fs ?? realFs;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(dir, HEADER_FILE));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new VaultError('not-found', 'There is no vault in this folder yet.');
      throw cannotOpen('the vault header cannot be read', error);
    }
    return new LockedVault(dir, parseHeader(bytes), fs, options);
  }

  /**
   * Restores a backup file into `dir` (a fresh data folder). An existing vault there is refused
   * with 'exists' unless `{ overwrite: true }`, and even then it is renamed aside, never deleted.
   */
  static restore(
    backupFile: string,
    dir: string,
    options: { overwrite?: boolean } & Pick<VaultOptions, 'fs' | 'now'> = {},
  ): { replacedFolder: string | null } {
    return restoreBackup(backupFile, dir, options);
  }
}

export class LockedVault {
  constructor(
    readonly dir: string,
    private readonly header: ParsedHeader,
    private readonly fs: VaultFs,
    private readonly options: VaultOptions,
  ) {}

  users(): VaultUser[] {
    return this.header.body.users.map(toUser);
  }

  private slot(userId: string): UserSlot {
    const slot = this.header.body.users.find((u) => u.id === userId);
    if (!slot) throw new VaultError('not-found', 'There is no such user in this vault.');
    return slot;
  }

  /** Passphrase -> keys. A wrong passphrase throws 'wrong-passphrase' and nothing is written. */
  async unlock(userId: string, passphrase: string): Promise<VaultSession> {
    const slot = this.slot(userId);
    const { keys, kek } = await unwrapSlotKeepingKek(this.header.body, slot, passphrase);
    try {
      return this.openWithKeys(userId, keys, kek);
    } finally {
      wipe(kek);
    }
  }

  /** Opens with keys already unwrapped (vault creation, quick unlock). Verifies the header first. */
  /** `kek` (a passphrase unlock) lets the Member's unlock upgrade a format-1 vault, which re-wraps the Member's slot. */
  openWithKeys(userId: string, keys: Keys, kek?: Buffer): VaultSession {
    const slot = this.slot(userId);
    const now = this.options.now ?? (() => new Date());
    try {
      verifyHeaderMac(this.header, keys.shared);
      if (slot.role !== 'member') keys.member = null; // whatever was passed, a PA never holds it (R-USE-2)
      if (keys.member) verifyHeaderMemberMac(this.header, keys.member);
      const body = this.header.body;
      Object.assign(keys, olderKeys(body, keys.shared));
      const warnings: VaultWarning[] = [];
      const checkpoints = keys.member ? this.options.checkpoints : undefined;
      const checkpoint = checkpoints ? decodeCheckpoint(keys.member!, body.vaultId, checkpoints.read(body.vaultId)) : null;
      if (checkpoint === 'altered') {
        warnings.push({
          kind: 'checkpoint-altered',
          message: "This computer's record of the last save was altered, so the app cannot tell whether saves are missing.",
        });
      }
      const cp = checkpoint === 'altered' ? null : checkpoint;
      const { store, tornAt } = RecordStore.load(this.fs, this.dir, keys, this.options.compaction ?? DEFAULT_COMPACTION, {
        upgraded: body.version >= 2,
        watch: cp?.lastSeq,
      });
      removeStaleTemps(this.fs, this.dir);
      const setAside = tornAt === null ? null : store.repairTornTail(tornAt, now());
      if (cp) warnings.push(...rollbackWarnings(cp, store, body.version));
      if (store.setAside.size) warnings.push(setAsideWarning([...store.setAside.values()]));
      if (setAside !== null) {
        warnings.push({
          kind: 'unfinished-save',
          message: `A save that had not finished when the app last stopped was set aside (it was never confirmed, so nothing confirmed is lost). It is kept in the vault folder as ${setAside}.`,
        });
      }
      let header = body;
      let memberMac = this.header.memberMac;
      if (keys.member && kek && body.version < HEADER_VERSION) {
        // Migration from format 1: the records as found become the Member's, under a snapshot with
        // the Member's MAC, and only then does the header say "upgraded" (a crash between leaves format 1).
        store.compact();
        const upgraded = { ...body, version: HEADER_VERSION };
        const memberSlot: UserSlot = {
          ...slot,
          keys: {
            shared: wrapKey(kek, keys.shared, wrapAad(upgraded, slot, 'shared')),
            member: wrapKey(kek, keys.member, wrapAad(upgraded, slot, 'member')),
          },
        };
        header = {
          ...upgraded,
          users: body.users.map((u) => (u.id === slot.id ? memberSlot : u)),
          memberBox: memberBoxFor(body, keys.member),
        };
        Object.assign(slot, memberSlot);
        memberMac = headerMemberMac(header, keys.member).toString('hex');
        atomicWrite(this.fs, path.join(this.dir, HEADER_FILE), serializeHeader(header, keys.shared, memberMac), 'the vault header');
        warnings.push({ kind: 'upgraded', message: 'The vault was upgraded to the current format. Nothing was lost.' });
      }
      const session = new VaultSession(this.dir, header, slot, keys, store, this.fs, this.options, memberMac);
      session.recovery = setAside === null ? null : { setAside };
      session.warnings = warnings;
      session.saveCheckpoint();
      return session;
    } catch (error) {
      wipe(keys.shared, keys.member);
      throw error;
    }
  }
}

/** The shared keys of earlier epochs, unwrapped with the current one (after a PA was removed). */
function olderKeys(header: HeaderBody, current: Buffer): Pick<Keys, 'epoch' | 'older'> {
  const ring = header.keyring;
  if (!ring || ring.epoch === 0) return { epoch: 0, older: new Map() };
  const older = new Map<number, Buffer>();
  for (const o of ring.older) {
    const key = unwrapKey(current, o.key, ringAad(header, 'older', o.epoch));
    if (!key) throw cannotOpen('the list of keys in the vault header has been altered (authentication failed)');
    older.set(o.epoch, key);
  }
  return { epoch: ring.epoch, older };
}

/** The Member's X25519 key pair for write-only arrivals, its private half sealed under the Member-only key. */
function memberBoxFor(header: Pick<HeaderBody, 'vaultId'>, memberKey: Buffer): { publicKey: string; privateKey: string } {
  const box = newMemberBox();
  const sealed = packSealed(
    sealBytes(memberKey, box.privateKey, Buffer.from(`ntk-member-box|${header.vaultId}|${box.publicKey}`)),
  ).toString('base64');
  wipe(box.privateKey);
  return { publicKey: box.publicKey, privateKey: sealed };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Compares the vault as found with the Member's checkpoint: anything behind it is named, in words. */
function rollbackWarnings(
  cp: { generation: number; lastSeq: number; head: string; at: string; format: number },
  store: RecordStore,
  format: number,
): VaultWarning[] {
  const now = store.position();
  const when = ukDate(cp.at);
  if (format < cp.format) {
    return [
      {
        kind: 'rollback',
        message: `This vault is an older copy in an earlier format than the one last saved on this computer on ${when}: saves made since may be missing.`,
      },
    ];
  }
  if (now.lastSeq < cp.lastSeq) {
    const missing = cp.lastSeq - now.lastSeq;
    return [
      {
        kind: 'rollback',
        message: `${plural(missing, 'save', 'saves')} made up to ${when} ${missing === 1 ? 'is' : 'are'} missing from this vault. It may have been replaced by an older copy, or cut short.`,
      },
    ];
  }
  if (now.generation < cp.generation) {
    return [
      {
        kind: 'rollback',
        message: `This vault is an older copy than the one last saved on this computer on ${when}: saves made since may be missing.`,
      },
    ];
  }
  if (store.watchedHead !== null && store.watchedHead !== cp.head) {
    return [
      { kind: 'rollback', message: `The saves up to ${when} were replaced by different ones after they were made: some may be missing.` },
    ];
  }
  return [];
}

function setAsideWarning(frames: SetAsideFrame[]): VaultWarning {
  const first = frames[0]!;
  return {
    kind: 'set-aside',
    message: `${plural(frames.length, 'change', 'changes')} in the vault ${frames.length === 1 ? 'was' : 'were'} not made by the Member's app and ${frames.length === 1 ? 'was' : 'were'} set aside, not applied (for example save ${first.seq}: ${first.reason}). They are kept in the vault folder; nothing was deleted.`,
  };
}

/** Passphrase -> this slot's keys (the current shared key resolved through the keyring), and the key-encryption key (the caller wipes it). */
async function unwrapSlotKeepingKek(header: HeaderBody, slot: UserSlot, passphrase: string): Promise<{ keys: Keys; kek: Buffer }> {
  const kek = await deriveKek(passphrase, slot.kdf);
  try {
    const shared = unwrapKey(kek, slot.keys.shared, wrapAad(header, slot, 'shared'));
    if (!shared) throw new VaultError('wrong-passphrase', `That passphrase is not right for ${slot.name}. Nothing was changed.`);
    let member: Buffer | null = null;
    if (slot.role === 'member') {
      if (!slot.keys.member) throw cannotOpen("the Member's key slot is incomplete");
      member = unwrapKey(kek, slot.keys.member, wrapAad(header, slot, 'member'));
      if (!member) throw cannotOpen("the Member's key slot has been altered (authentication failed)");
    }
    const ring = header.keyring;
    if (ring && ring.epoch > 0) {
      // A PA has been removed since this slot was written: the current shared key comes from the keyring.
      let current: Buffer | null;
      if (member) {
        current = unwrapKey(member, ring.member, ringAad(header, 'member', ring.epoch));
      } else {
        const slotKey = slot.keys.slot ? unwrapKey(kek, slot.keys.slot, wrapAad(header, slot, 'slot')) : null;
        const grant = Object.hasOwn(ring.grants, slot.id) ? ring.grants[slot.id] : undefined;
        if (!slotKey || typeof grant !== 'string') {
          wipe(shared, slotKey);
          throw new VaultError('not-permitted', `${slot.name} no longer has access to this vault. Ask the Member to add you again.`);
        }
        current = unwrapKey(slotKey, grant, ringAad(header, slot.id, ring.epoch));
        wipe(slotKey);
      }
      wipe(shared);
      if (!current) throw cannotOpen('the list of keys in the vault header has been altered (authentication failed)');
      return { keys: { shared: current, member, epoch: ring.epoch }, kek };
    }
    return { keys: { shared, member }, kek };
  } catch (error) {
    wipe(kek);
    throw error;
  }
}

export class VaultSession {
  private locked = false;
  /**
   * Set when unlocking found a save that never finished (the app was killed mid-write): it was not
   * acknowledged, so nothing acknowledged is lost; its bytes were kept in this file beside the journal.
   */
  recovery: { setAside: string } | null = null;
  /** What the user must be told at unlock: rollback, frames set aside, an unfinished save, an upgrade. */
  warnings: VaultWarning[] = [];
  readonly attachments: BlobStore;

  constructor(
    readonly dir: string,
    private header: HeaderBody,
    private readonly slot: UserSlot,
    private keys: Keys,
    private readonly store: RecordStore,
    private readonly fs: VaultFs,
    private readonly options: VaultOptions,
    private memberMac: string | undefined,
  ) {
    this.attachments = new BlobStore(path.join(dir, 'blobs'), fs, () => this.requireKeys(), {
      seal: (bytes, label) => this.sealForMember(bytes, label),
      open: (sealed, label) => this.openSealed(sealed, label),
    });
  }

  /** Member only: how many saves this vault is behind this computer's checkpoint for it (null: no checkpoint, altered, or not the Member). */
  savesBehindCheckpoint(checkpoints: CheckpointStore | undefined): number | null {
    const keys = this.requireKeys();
    if (!keys.member || !checkpoints) return null;
    const cp = decodeCheckpoint(keys.member, this.header.vaultId, checkpoints.read(this.header.vaultId));
    return cp && cp !== 'altered' ? Math.max(0, cp.lastSeq - this.store.position().lastSeq) : null;
  }

  get user(): VaultUser {
    return toUser(this.slot);
  }

  get isLocked(): boolean {
    return this.locked;
  }

  private requireKeys(): Keys {
    if (this.locked) throw new VaultError('locked', 'The vault is locked. Unlock it to carry on.');
    return this.keys;
  }

  canRead(tier: Tier): boolean {
    return tier === 'shared' || this.requireKeys().member !== null;
  }

  users(): VaultUser[] {
    this.requireKeys();
    return this.header.users.map(toUser);
  }

  /** Saves a record; resolves only after its journal frame is fsynced. */
  put<T>(record: { id: string; tier: Tier; type: string; data: T }): VaultRecord<T> {
    this.requireKeys();
    // A PA cannot overwrite what it cannot read.
    if (this.store.records.get(record.id)?.readable === false) throw new VaultError('not-permitted', 'This record is Member-only.');
    const seq = this.store.append('put', record.tier, record.id, record.type, Buffer.from(JSON.stringify(record.data)));
    // The save is durable from here: a failing compaction must not report it as failed.
    if (this.store.needsCompaction()) {
      try {
        this.compact();
      } catch {
        /* the journal keeps growing; the next save tries again */
      }
    }
    this.saveCheckpoint();
    return { ...record, seq };
  }

  delete(id: string): void {
    this.requireKeys();
    const existing = this.store.records.get(id);
    if (!existing) return;
    if (!this.canRead(existing.tier)) throw new VaultError('not-permitted', 'This record is Member-only.');
    this.store.append('delete', existing.tier, id, existing.type, Buffer.alloc(0));
    this.saveCheckpoint();
  }

  /**
   * After each of the Member's saves: records where the chain ends, outside the data folder, with
   * the Member's MAC. A PA's app cannot make one (it lacks the key) and does not try.
   */
  saveCheckpoint(): void {
    const store = this.options.checkpoints;
    // Behind the checkpoint, keep it until the Member has been told (acknowledgeWarnings), so the evidence survives.
    if (!store || !this.keys.member || this.locked || this.warnings.some((w) => w.kind === 'rollback' || w.kind === 'checkpoint-altered'))
      return;
    const at = (this.options.now ?? (() => new Date()))().toISOString();
    try {
      store.write(
        this.header.vaultId,
        encodeCheckpoint(this.keys.member, this.header.vaultId, { ...this.store.position(), at, format: this.header.version }),
      );
    } catch {
      /* a checkpoint that cannot be written weakens rollback detection but must not fail a save that is durable */
    }
  }

  /**
   * The Member has seen the warnings (the Unlock/Today screen showed them): the vault as it is now
   * becomes the checkpoint, so the same rollback is not reported again.
   */
  acknowledgeWarnings(): void {
    this.requireKeys();
    this.warnings = [];
    this.saveCheckpoint();
  }

  /**
   * Seals bytes to the Member (write-only): any session, a PA's included, can call it; only the
   * Member's openSealed() opens the result. `label` (e.g. the arrival record's id) must match on opening.
   */
  sealForMember(bytes: Buffer, label: string): Buffer {
    this.requireKeys();
    const box = this.header.memberBox;
    if (!box)
      throw new VaultError(
        'not-permitted',
        'The Member has not opened this vault since it was upgraded, so nothing can be sealed for them yet.',
      );
    return sealTo(box.publicKey, bytes, label);
  }

  /** Member only: opens what sealForMember() made. Throws when it was altered, or sealed under another label. */
  openSealed(sealed: Buffer, label: string): Buffer {
    const keys = this.requireKeys();
    const box = this.header.memberBox;
    if (!keys.member || !box) throw new VaultError('not-permitted', 'Only the Member can open this.');
    const privateKey = openSealedBytes(
      keys.member,
      unpackSealed(Buffer.from(box.privateKey, 'base64')),
      Buffer.from(`ntk-member-box|${this.header.vaultId}|${box.publicKey}`),
    );
    if (!privateKey) throw cannotOpen("the Member's key for items sealed to them has been altered");
    try {
      const plain = openBox(privateKey, box.publicKey, sealed, label);
      if (!plain) throw cannotOpen('this item sealed for the Member was altered, or belongs to another record');
      return plain;
    } finally {
      wipe(privateKey);
    }
  }

  get<T = unknown>(id: string): VaultRecord<T> | undefined {
    this.requireKeys();
    const r = this.store.records.get(id);
    const plain = r ? this.store.read(r) : null;
    if (!r || !plain) return undefined;
    return { id: r.id, tier: r.tier, type: r.type, seq: r.seq, data: JSON.parse(plain.toString('utf8')) as T };
  }

  /** Records this user can read, optionally of one type or tier. Member-only records never reach a PA. */
  list<T = unknown>(filter?: RecordFilter): VaultRecord<T>[] {
    return [...this.iterate<T>(filter)];
  }

  /**
   * As list(), one record at a time: fills a working set in batches without holding every record
   * decrypted at once. Checks the lock before each record, so a lock mid-way stops it.
   */
  *iterate<T = unknown>(filter?: RecordFilter): Generator<VaultRecord<T>> {
    this.requireKeys();
    const { type, tier } = typeof filter === 'string' ? { type: filter, tier: undefined } : (filter ?? {});
    for (const r of [...this.store.records.values()]) {
      if (!r.readable || (type !== undefined && r.type !== type) || (tier !== undefined && r.tier !== tier)) continue;
      this.requireKeys();
      const plain = this.store.read(r);
      if (plain) yield { id: r.id, tier: r.tier, type: r.type, seq: r.seq, data: JSON.parse(plain.toString('utf8')) as T };
    }
  }

  /**
   * Calls `each` with the index entry (id, tier, sequence number) of every readable record of `type`,
   * decrypting nothing: a caller can tell which records changed since it last read them.
   */
  forEachEntry(type: string, each: (entry: { id: string; tier: Tier; seq: number }) => void): void {
    this.requireKeys();
    for (const r of this.store.records.values()) if (r.readable && r.type === type) each(r);
  }

  /**
   * Raised by every save and deletion: while it is unchanged no record has changed, so a caller that
   * keeps something derived from the records need not look at them again.
   */
  get changeMark(): number {
    this.requireKeys();
    return this.store.lastSavedSeq;
  }

  /** Who wrote the current version of a record, as far as this session can tell (undefined when there is none). */
  authorOf(id: string): Author | 'unknown' | undefined {
    this.requireKeys();
    return this.store.records.get(id)?.author;
  }

  /** Ids of records this user cannot open (shown to a PA as locked "Member only" placeholders). */
  sealedIds(type?: string): Array<{ id: string; type: string }> {
    this.requireKeys();
    const out: Array<{ id: string; type: string }> = [];
    for (const r of this.store.records.values())
      if (!r.readable && (type === undefined || r.type === type)) out.push({ id: r.id, type: r.type });
    return out;
  }

  /**
   * R-USE-3: an audit event (view, export, disclosure, classification change), chained into the
   * journal like any save and fsynced before this returns. Its detail is sealed under `tier`; a PA
   * recording an event about Member-only material seals it under the shared key.
   */
  appendAudit(event: { recordId: string; action: string; tier: Tier; detail: Record<string, unknown> }): number {
    this.requireKeys();
    const tier = this.canRead(event.tier) ? event.tier : 'shared';
    const seq = this.store.append('audit', tier, event.recordId, event.action, Buffer.from(JSON.stringify(event.detail)));
    this.saveCheckpoint();
    return seq;
  }

  /** Audit events in order, re-verifying the snapshot's MAC and the journal's hash chain as it reads. */
  auditTrail(recordId?: string): AuditEvent[] {
    this.requireKeys();
    return this.store.auditEvents(recordId);
  }

  /** Writes one encrypted backup file (the vault's sealed files as they are); it opens with the same passphrases. */
  backup(file: string): { file: string; bytes: number } {
    this.requireKeys();
    return writeBackup(this.dir, file, { fs: this.fs, now: this.options.now });
  }

  /** Writes the next snapshot. Only the Member's app does (it carries the Member's MAC); false from a PA's. */
  compact(): boolean {
    this.requireKeys();
    const done = this.store.compact();
    if (done) this.saveCheckpoint();
    return done;
  }

  stats() {
    return this.store.stats();
  }

  /** Member only: adds a PA whose slot wraps the shared key and nothing else. */
  async addUser(user: { name: string; passphrase: string; role: 'pa' }, kdf: KdfCost = DEFAULT_KDF): Promise<VaultUser> {
    const keys = this.requireKeys();
    if (this.slot.role !== 'member') throw new VaultError('not-permitted', 'Only the Member can add a PA.');
    requireStrongPassphrase(user.passphrase, [user.name]);
    const slot: UserSlot = { id: randomUUID(), name: user.name, role: 'pa', kdf: newKdfParams(kdf), keys: { shared: '' } };
    const kek = await deriveKek(user.passphrase, slot.kdf);
    const slotKey = newDataKey();
    slot.keys = {
      shared: wrapKey(kek, keys.shared, wrapAad(this.header, slot, 'shared')),
      slot: wrapKey(kek, slotKey, wrapAad(this.header, slot, 'slot')),
      slotForMember: wrapKey(keys.member!, slotKey, ringAad(this.header, `slot:${slot.id}`, 0)),
    };
    wipe(kek);
    const ring = this.header.keyring;
    const next: HeaderBody =
      ring && ring.epoch > 0
        ? {
            ...this.header,
            users: [...this.header.users, slot],
            keyring: {
              ...ring,
              grants: { ...ring.grants, [slot.id]: wrapKey(slotKey, keys.shared, ringAad(this.header, slot.id, ring.epoch)) },
            },
          }
        : { ...this.header, users: [...this.header.users, slot] };
    wipe(slotKey);
    this.writeHeader(next);
    return toUser(slot);
  }

  /**
   * Member only: removes a PA's slot and rotates the shared key. New saves use the new key; every
   * older shared key is kept wrapped under it, so history still opens for the Member and the other
   * PAs, while the removed PA cannot read anything written after. A PA added before format 2 has no
   * slot key the Member can grant to: they lose access too and are named in `mustBeAddedAgain`.
   */
  removeUser(userId: string): { removed: VaultUser; mustBeAddedAgain: string[] } {
    const keys = this.requireKeys();
    if (this.slot.role !== 'member' || !keys.member) throw new VaultError('not-permitted', 'Only the Member can remove a PA.');
    const target = this.header.users.find((u) => u.id === userId);
    if (!target) throw new VaultError('not-found', 'There is no such person in this vault.');
    if (target.role !== 'pa') throw new VaultError('not-permitted', 'The Member cannot be removed.');
    const epoch = (keys.epoch ?? 0) + 1;
    const next = newDataKey();
    const all = new Map(keys.older ?? []);
    all.set(keys.epoch ?? 0, keys.shared);
    const grants: Record<string, string> = {};
    const mustBeAddedAgain: string[] = [];
    const remaining = this.header.users.filter((u) => u.id !== userId);
    for (const u of remaining) {
      if (u.role !== 'pa') continue;
      const slotKey = u.keys.slotForMember ? unwrapKey(keys.member, u.keys.slotForMember, ringAad(this.header, `slot:${u.id}`, 0)) : null;
      if (!slotKey) {
        mustBeAddedAgain.push(u.name);
        continue;
      }
      grants[u.id] = wrapKey(slotKey, next, ringAad(this.header, u.id, epoch));
      wipe(slotKey);
    }
    const keyring: Keyring = {
      epoch,
      member: wrapKey(keys.member, next, ringAad(this.header, 'member', epoch)),
      grants,
      older: [...all].map(([e, k]) => ({ epoch: e, key: wrapKey(next, k, ringAad(this.header, 'older', e)) })),
    };
    const header: HeaderBody = { ...this.header, users: remaining, keyring };
    const memberMac = headerMemberMac(header, keys.member).toString('hex');
    // The header is written first: if that fails nothing changes; once it is written, the new key is the current one.
    atomicWrite(this.fs, path.join(this.dir, HEADER_FILE), serializeHeader(header, next, memberMac), 'the vault header');
    this.header = header;
    this.memberMac = memberMac;
    keys.older = all;
    keys.epoch = epoch;
    keys.shared = next;
    return { removed: toUser(target), mustBeAddedAgain };
  }

  /** Re-wraps this user's keys under a new passphrase; no record is touched. */
  async changePassphrase(current: string, next: string, kdf?: KdfCost): Promise<void> {
    const keys = this.requireKeys();
    const check = await unwrapSlotKeepingKek(this.header, this.slot, current);
    wipe(check.keys.shared, check.keys.member);
    const slotKey = this.slot.keys.slot ? unwrapKey(check.kek, this.slot.keys.slot, wrapAad(this.header, this.slot, 'slot')) : null;
    wipe(check.kek);
    requireStrongPassphrase(next, [this.slot.name]);
    const cost = kdf ?? { m: this.slot.kdf.m, t: this.slot.kdf.t, p: this.slot.kdf.p };
    const updated: UserSlot = { ...this.slot, kdf: newKdfParams(cost) };
    const kek = await deriveKek(next, updated.kdf);
    updated.keys = {
      shared: wrapKey(kek, keys.shared, wrapAad(this.header, updated, 'shared')),
      slotForMember: this.slot.keys.slotForMember,
    };
    if (slotKey) updated.keys.slot = wrapKey(kek, slotKey, wrapAad(this.header, updated, 'slot'));
    wipe(slotKey);
    if (this.slot.role === 'member' && keys.member)
      updated.keys.member = wrapKey(kek, keys.member, wrapAad(this.header, updated, 'member'));
    wipe(kek);
    this.writeHeader({ ...this.header, users: this.header.users.map((u) => (u.id === updated.id ? updated : u)) });
    Object.assign(this.slot, updated);
  }

  private writeHeader(next: HeaderBody): void {
    const keys = this.requireKeys();
    // A PA changes only their own slot, which the Member's MAC leaves out, so it carries over unchanged.
    const memberMac = keys.member ? headerMemberMac(next, keys.member).toString('hex') : this.memberMac;
    atomicWrite(this.fs, path.join(this.dir, HEADER_FILE), serializeHeader(next, keys.shared, memberMac), 'the vault header');
    this.header = next;
    this.memberMac = memberMac;
  }

  /** The user's unwrapped keys, for quick unlock to wrap with the OS keychain. */
  exportKeysForQuickUnlock(): { userId: string; shared: string; member: string | null } {
    const keys = this.requireKeys();
    return { userId: this.slot.id, shared: keys.shared.toString('base64'), member: keys.member?.toString('base64') ?? null };
  }

  /** Drops the keys (zeroed) and every decrypted record from memory. */
  lock(): void {
    if (this.locked) return;
    this.locked = true;
    wipe(this.keys.shared, this.keys.member, ...(this.keys.older?.values() ?? []));
    this.keys = { shared: Buffer.alloc(0), member: null };
    this.store.close();
  }

  /** For tests: true when no key material is left. */
  keysCleared(): boolean {
    return this.keys.shared.length === 0 && this.keys.member === null && this.store.records.size === 0;
  }
}

export type { Tier, AuditEvent };

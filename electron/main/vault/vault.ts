// The vault (DESIGN §3): the main process's store of record. Keys live only in an unlocked
// VaultSession; lock() zeroes them. Nothing here imports electron: safeStorage is injected.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_KDF, deriveKek, newDataKey, newKdfParams, unwrapKey, wipe, wrapKey } from './crypto';
import { VaultError, cannotOpen } from './errors';
import type { Tier } from './frames';
import { atomicWrite, ensureDir, realFs, type VaultFs } from './fsio';
import { HEADER_FILE, newHeader, parseHeader, serializeHeader, verifyHeaderMac, wrapAad, type HeaderBody, type ParsedHeader, type Role, type UserSlot } from './header';
import { RecordStore, DEFAULT_COMPACTION, type AuditEvent, type CompactionPolicy, type Keys } from './store';
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
  static async create(dir: string, member: { name: string; passphrase: string }, options?: VaultOptions & { kdf?: KdfCost }): Promise<VaultSession>;
  static async create(
    dir: string,
    memberOrOptions: CreateOptions | { name: string; passphrase: string },
    legacyOptions: VaultOptions & { kdf?: KdfCost } = {},
  ): Promise<VaultSession> {
    const { member, ...options }: CreateOptions = 'member' in memberOrOptions ? memberOrOptions : { ...legacyOptions, member: memberOrOptions };
    const fs = options.fs ?? realFs;
    const now = options.now ?? (() => new Date());
    if (Vault.exists(dir, fs)) throw new VaultError('exists', 'A vault already exists in this folder; it was left untouched.');
    requireStrongPassphrase(member.passphrase, [member.name]);
    ensureDir(fs, dir);
    const header = newHeader(now());
    const keys: Keys = { shared: newDataKey(), member: newDataKey() };
    const slot: UserSlot = { id: randomUUID(), name: member.name, role: 'member', kdf: newKdfParams(options.kdf ?? DEFAULT_KDF), keys: { shared: '' } };
    const kek = await deriveKek(member.passphrase, slot.kdf);
    slot.keys = { shared: wrapKey(kek, keys.shared, wrapAad(header, slot, 'shared')), member: wrapKey(kek, keys.member!, wrapAad(header, slot, 'member')) };
    wipe(kek);
    header.users.push(slot);
    atomicWrite(fs, path.join(dir, HEADER_FILE), serializeHeader(header, keys.shared), 'the vault header');
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
  static restore(backupFile: string, dir: string, options: { overwrite?: boolean } & Pick<VaultOptions, 'fs' | 'now'> = {}): { replacedFolder: string | null } {
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
    const keys = await unwrapSlot(this.header.body, slot, passphrase);
    return this.openWithKeys(userId, keys);
  }

  /** Opens with keys already unwrapped (vault creation, quick unlock). Verifies the header first. */
  openWithKeys(userId: string, keys: Keys): VaultSession {
    const slot = this.slot(userId);
    try {
      verifyHeaderMac(this.header, keys.shared);
      if (slot.role !== 'member') keys.member = null; // whatever was passed, a PA never holds it (R-USE-2)
      const { store, tornAt } = RecordStore.load(this.fs, this.dir, keys, this.options.compaction ?? DEFAULT_COMPACTION);
      removeStaleTemps(this.fs, this.dir);
      const setAside = tornAt === null ? null : store.repairTornTail(tornAt, (this.options.now ?? (() => new Date()))());
      const session = new VaultSession(this.dir, this.header.body, slot, keys, store, this.fs, this.options);
      session.recovery = setAside === null ? null : { setAside };
      return session;
    } catch (error) {
      wipe(keys.shared, keys.member);
      throw error;
    }
  }
}

async function unwrapSlot(header: HeaderBody, slot: UserSlot, passphrase: string): Promise<Keys> {
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
    return { shared, member };
  } finally {
    wipe(kek);
  }
}

export class VaultSession {
  private locked = false;
  /**
   * Set when unlocking found a save that never finished (the app was killed mid-write): it was not
   * acknowledged, so nothing acknowledged is lost; its bytes were kept in this file beside the journal.
   */
  recovery: { setAside: string } | null = null;
  readonly attachments: BlobStore;

  constructor(
    readonly dir: string,
    private header: HeaderBody,
    private readonly slot: UserSlot,
    private keys: Keys,
    private readonly store: RecordStore,
    private readonly fs: VaultFs,
    private readonly options: VaultOptions,
  ) {
    this.attachments = new BlobStore(path.join(dir, 'blobs'), fs, () => this.requireKeys());
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
    if (this.store.needsCompaction()) this.compact();
    return { ...record, seq };
  }

  delete(id: string): void {
    this.requireKeys();
    const existing = this.store.records.get(id);
    if (!existing) return;
    if (!this.canRead(existing.tier)) throw new VaultError('not-permitted', 'This record is Member-only.');
    this.store.append('delete', existing.tier, id, existing.type, Buffer.alloc(0));
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

  /** Ids of records this user cannot open (shown to a PA as locked "Member only" placeholders). */
  sealedIds(type?: string): Array<{ id: string; type: string }> {
    this.requireKeys();
    const out: Array<{ id: string; type: string }> = [];
    for (const r of this.store.records.values()) if (!r.readable && (type === undefined || r.type === type)) out.push({ id: r.id, type: r.type });
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
    return this.store.append('audit', tier, event.recordId, event.action, Buffer.from(JSON.stringify(event.detail)));
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

  compact(): void {
    this.requireKeys();
    this.store.compact();
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
    slot.keys = { shared: wrapKey(kek, keys.shared, wrapAad(this.header, slot, 'shared')) };
    wipe(kek);
    this.writeHeader({ ...this.header, users: [...this.header.users, slot] });
    return toUser(slot);
  }

  /** Re-wraps this user's keys under a new passphrase; no record is touched. */
  async changePassphrase(current: string, next: string, kdf?: KdfCost): Promise<void> {
    const keys = this.requireKeys();
    const check = await unwrapSlot(this.header, this.slot, current);
    wipe(check.shared, check.member);
    requireStrongPassphrase(next, [this.slot.name]);
    const cost = kdf ?? { m: this.slot.kdf.m, t: this.slot.kdf.t, p: this.slot.kdf.p };
    const updated: UserSlot = { ...this.slot, kdf: newKdfParams(cost) };
    const kek = await deriveKek(next, updated.kdf);
    updated.keys = { shared: wrapKey(kek, keys.shared, wrapAad(this.header, updated, 'shared')) };
    if (this.slot.role === 'member' && keys.member) updated.keys.member = wrapKey(kek, keys.member, wrapAad(this.header, updated, 'member'));
    wipe(kek);
    this.writeHeader({ ...this.header, users: this.header.users.map((u) => (u.id === updated.id ? updated : u)) });
    Object.assign(this.slot, updated);
  }

  private writeHeader(next: HeaderBody): void {
    atomicWrite(this.fs, path.join(this.dir, HEADER_FILE), serializeHeader(next, this.requireKeys().shared), 'the vault header');
    this.header = next;
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
    wipe(this.keys.shared, this.keys.member);
    this.keys = { shared: Buffer.alloc(0), member: null };
    this.store.close();
  }

  /** For tests: true when no key material is left. */
  keysCleared(): boolean {
    return this.keys.shared.length === 0 && this.keys.member === null && this.store.records.size === 0;
  }
}

export type { Tier, AuditEvent };

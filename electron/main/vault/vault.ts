// The vault: the main process's store of record. Vault creates and opens one; a LockedVault knows
// only the header's user list until a passphrase (or quick unlock) gives the keys, and then hands
// back a VaultSession (session.ts). Nothing here imports electron: safeStorage is injected.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_KDF, deriveKek, newDataKey, newKdfParams, wipe } from './crypto';
import { VaultError, cannotOpen } from './errors';
import { atomicWrite, ensureDir, realFs, type VaultFs } from './fsio';
import {
  HEADER_FILE,
  HEADER_VERSION,
  headerMemberMac,
  newHeader,
  parseHeader,
  serializeHeader,
  verifyHeaderMac,
  verifyHeaderMemberMac,
  type HeaderBody,
  type ParsedHeader,
  type UserSlot,
} from './header';
import { RecordStore, DEFAULT_COMPACTION, type EarlySnapshot } from './store';
import { decodeCheckpoint, type Checkpoint } from './checkpoint';
import { memberBoxFor, olderKeys, unwrapSlotKeepingKek, wrapMemberSlot, type KdfCost, type Keys } from './keys';
import { VaultSession } from './session';
import {
  checkpointAlteredWarning,
  noCheckpointWarning,
  rollbackWarnings,
  setAsideWarning,
  unfinishedSaveWarning,
  upgradedWarning,
} from './unlock-warnings';
import { requireStrongPassphrase, toUser, type CreateOptions, type VaultOptions, type VaultUser, type VaultWarning } from './vault-types';

export { HEADER_FILE, VaultSession };
export type { VaultUser, VaultRecord, VaultOptions, VaultWarning, RecordFilter, CreateOptions } from './vault-types';
export type { KdfCost } from './keys';
export type { Tier } from './frames';
export type { AuditEvent } from './store';

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
    slot.keys = wrapMemberSlot(header, slot, kek, keys);
    wipe(kek);
    header.users.push(slot);
    header.memberBox = memberBoxFor(header, keys.member!);
    const file = path.join(dir, HEADER_FILE);
    atomicWrite(fs, file, serializeHeader(header, keys.shared, headerMemberMac(header, keys.member!).toString('hex')), 'the vault header');
    return Vault.open(dir, options).openWithKeys(slot.id, keys);
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
    const derived = unwrapSlotKeepingKek(this.header.body, slot, passphrase);
    derived.catch(() => undefined); // awaited below, after the snapshot is read
    // Reading and hashing the snapshot needs no key, so it is done while Argon2id runs in its worker
    // (given a turn first to start it); nothing read is trusted before load checks its MACs.
    await new Promise((resolve) => setImmediate(resolve));
    const early = RecordStore.readAhead(this.fs, this.dir, { isMember: slot.role === 'member', upgraded: this.header.body.version >= 2 });
    const { keys, kek } = await derived;
    try {
      return this.openWithKeys(userId, keys, kek, early);
    } finally {
      wipe(kek);
    }
  }

  /**
   * Opens with keys already unwrapped (vault creation, quick unlock). Verifies the header first.
   * `kek` (a passphrase unlock) lets the Member's unlock upgrade a format-1 vault, which re-wraps the Member's slot;
   * `early` is the snapshot read while the passphrase was checked (RecordStore.readAhead).
   */
  openWithKeys(userId: string, keys: Keys, kek?: Buffer, early: EarlySnapshot = null): VaultSession {
    const slot = this.slot(userId);
    const now = this.options.now ?? (() => new Date());
    try {
      verifyHeaderMac(this.header, keys.shared);
      if (slot.role !== 'member') keys.member = null; // whatever was passed, a PA never holds it (R-USE-2)
      if (keys.member) verifyHeaderMemberMac(this.header, keys.member);
      const body = this.header.body;
      Object.assign(keys, olderKeys(body, keys.shared));
      const warnings: VaultWarning[] = [];
      const cp = this.readCheckpoint(keys, warnings);
      const noCheckpoint = cp === null && !warnings.length && !!keys.member && !!this.options.checkpoints;
      const { store, tornAt } = RecordStore.load(
        this.fs,
        this.dir,
        keys,
        this.options.compaction ?? DEFAULT_COMPACTION,
        {
          upgraded: body.version >= 2,
          watch: cp?.lastSeq,
        },
        early,
      );
      removeStaleTemps(this.fs, this.dir);
      const setAside = tornAt === null ? null : store.repairTornTail(tornAt, now());
      if (cp)
        warnings.push(...rollbackWarnings(cp, { ...store.position(), watchedHead: store.watchedHead, epoch: keys.epoch }, body.version));
      // Rollback with the checkpoint gone must not be silent: Member-written history and no checkpoint is said.
      else if (noCheckpoint && store.hasMemberHistory()) warnings.push(noCheckpointWarning);
      if (store.setAside.size) warnings.push(setAsideWarning([...store.setAside.values()]));
      if (setAside !== null) warnings.push(unfinishedSaveWarning(setAside));
      let header = { body, memberMac: this.header.memberMac };
      if (keys.member && kek && body.version < HEADER_VERSION) {
        header = this.upgradeFromFormat1(store, slot, keys, kek);
        warnings.push(upgradedWarning);
      }
      const session = new VaultSession(this.dir, header.body, slot, keys, store, this.fs, this.options, header.memberMac);
      session.recovery = setAside === null ? null : { setAside };
      session.warnings = warnings;
      session.saveCheckpoint();
      return session;
    } catch (error) {
      wipe(keys.shared, keys.member);
      throw error;
    }
  }

  /** The Member's rollback checkpoint for this vault (null for a PA, none kept, or altered: then a warning says so). */
  private readCheckpoint(keys: Keys, warnings: VaultWarning[]): Checkpoint | null {
    const checkpoints = keys.member ? this.options.checkpoints : undefined;
    const vaultId = this.header.body.vaultId;
    const checkpoint = checkpoints ? decodeCheckpoint(keys.member!, vaultId, checkpoints.read(vaultId)) : null;
    if (checkpoint === 'altered') warnings.push(checkpointAlteredWarning);
    return checkpoint === 'altered' ? null : checkpoint;
  }

  /**
   * Migration from format 1: the records as found become the Member's, under a snapshot with the
   * Member's MAC, and only then does the header say "upgraded" (a crash between leaves format 1).
   */
  private upgradeFromFormat1(store: RecordStore, slot: UserSlot, keys: Keys, kek: Buffer): { body: HeaderBody; memberMac: string } {
    const body = this.header.body;
    store.compact();
    const upgraded = { ...body, version: HEADER_VERSION };
    const memberSlot: UserSlot = { ...slot, keys: wrapMemberSlot(upgraded, slot, kek, keys) };
    const header: HeaderBody = {
      ...upgraded,
      users: body.users.map((u) => (u.id === slot.id ? memberSlot : u)),
      memberBox: memberBoxFor(body, keys.member!),
    };
    Object.assign(slot, memberSlot);
    const memberMac = headerMemberMac(header, keys.member!).toString('hex');
    atomicWrite(this.fs, path.join(this.dir, HEADER_FILE), serializeHeader(header, keys.shared, memberMac), 'the vault header');
    return { body: header, memberMac };
  }
}

// An unlocked vault: the keys live only here, and lock() zeroes them. Reads and writes go through
// the record store; users and passphrases change the header (keys.ts does the wrapping).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_KDF, deriveKek, kdfLane, newKdfParams, open as openSealedBytes, unpackSealed, unwrapKey, wipe, wrapKey } from './crypto';
import { VaultError, cannotOpen } from './errors';
import type { Author, Tier } from './frames';
import { atomicWrite, type VaultFs } from './fsio';
import { HEADER_FILE, headerMemberMac, serializeHeader, wrapAad, type HeaderBody, type UserSlot } from './header';
import { AUDIT_AT, type AuditEvent, type RecordStore } from './store';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointStore } from './checkpoint';
import { openBox, sealTo } from './sealed-box';
import { BlobStore } from './blobs';
import { epochWindows, memberBoxAad, newPaSlot, rotateSharedKey, unwrapSlotKeepingKek, type KdfCost, type Keys } from './keys';
import {
  requireStrongPassphrase,
  toUser,
  type RecordFilter,
  type VaultOptions,
  type VaultRecord,
  type VaultUser,
  type VaultWarning,
} from './vault-types';

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
    if (
      !store ||
      !this.keys.member ||
      this.locked ||
      this.warnings.some((w) => w.kind === 'rollback' || w.kind === 'checkpoint-altered' || w.kind === 'no-checkpoint')
    )
      return;
    const at = (this.options.now ?? (() => new Date()))().toISOString();
    try {
      store.write(
        this.header.vaultId,
        encodeCheckpoint(this.keys.member, this.header.vaultId, {
          ...this.store.position(),
          at,
          format: this.header.version,
          epoch: this.keys.epoch ?? 0,
        }),
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
      memberBoxAad(this.header, box.publicKey),
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
   * journal like any save and fsynced before this returns. Its detail is sealed under `tier` (the
   * shared key when this user cannot read that tier); its time under the vault's own key, `AUDIT_AT`.
   * An event about a Member-only record is the Member's alone: a PA's is refused (authorship.ts).
   */
  appendAudit(event: { recordId: string; action: string; tier: Tier; detail: Record<string, unknown>; at?: string }): number {
    this.requireKeys();
    const tier = this.canRead(event.tier) ? event.tier : 'shared';
    // The time goes in under the vault's own key, so no detail can set it; AuditEvent.at reads it back.
    const at = event.at ?? (this.options.now ?? (() => new Date()))().toISOString();
    const payload = { ...event.detail, [AUDIT_AT]: at };
    const seq = this.store.append('audit', tier, event.recordId, event.action, Buffer.from(JSON.stringify(payload)));
    this.saveCheckpoint();
    return seq;
  }

  /** Audit events in order, re-verifying the snapshot's MAC and the journal's hash chain as it reads. */
  auditTrail(recordId?: string): AuditEvent[] {
    this.requireKeys();
    return this.store.auditEvents(recordId);
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
    const { slot, header } = await newPaSlot(this.header, keys, user, kdf, randomUUID());
    this.writeHeader(header);
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
    const rotated = rotateSharedKey(this.header, { ...keys, member: keys.member }, userId, this.store.position().lastSeq);
    const memberMac = headerMemberMac(rotated.header, keys.member).toString('hex');
    // The header is written first: if that fails nothing changes; once it is written, the new key is the current one.
    atomicWrite(this.fs, path.join(this.dir, HEADER_FILE), serializeHeader(rotated.header, rotated.next, memberMac), 'the vault header');
    this.header = rotated.header;
    this.memberMac = memberMac;
    keys.older = rotated.all;
    keys.epoch = rotated.epoch;
    keys.shared = rotated.next;
    keys.windows = epochWindows(rotated.header.keyring);
    // The checkpoint records the new epoch at once, so an old header put back is noticed even before the next save.
    this.saveCheckpoint();
    return { removed: toUser(target), mustBeAddedAgain: rotated.mustBeAddedAgain };
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
    // The KDF worker's memory still holds the last passphrase's encoding: end the thread with the session.
    kdfLane.end();
  }
}

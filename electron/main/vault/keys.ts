// The vault's keys: the data keys a session holds (the shared key of the current epoch, older
// epochs' shared keys, and the Member-only key), how user slots wrap them under a passphrase, and
// the keyring that rotates the shared key when a PA is removed. Keys live only in an unlocked
// session; every key-encryption key is wiped as soon as it has been used.
import { deriveKek, deriveSubkey, hmacUnder, newDataKey, newKdfParams, packSealed, seal, unwrapKey, wipe, wrapKey } from './crypto';
import { VaultError, cannotOpen } from './errors';
import type { Author, Tier } from './frames';
import { ringAad, wrapAad, type HeaderBody, type Keyring, type UserSlot } from './header';
import { newMemberBox } from './sealed-box';
import type { SnapshotFacts, SnapshotMacs } from './snapshot';

export interface Keys {
  /** The current shared key (epoch `epoch`). */
  shared: Buffer;
  member: Buffer | null;
  /** The current shared key's epoch (0 until a PA is first removed). */
  epoch?: number;
  /** Shared keys of earlier epochs, so history still opens after a rotation. */
  older?: Map<number, Buffer>;
  /** Where each epoch was in force, from the Member-authenticated keyring (epochWindows). */
  windows?: Map<number, EpochWindow>;
}

/** The saves an epoch's key was in force for: sequence numbers after `after`, up to `until` (null: still in force, or not recorded). */
export interface EpochWindow {
  after: number;
  until: number | null;
}

/** Whether a frame sealed under `epoch` at `seq` was written while that key was in force. */
export type EpochStanding = 'in-force' | 'unknown' | 'ended';

/**
 * Each epoch's window from the keyring: epoch e began after the save that ended epoch e-1 and
 * ended at its own `until`. The keyring is covered by the header's Member MAC, so only the
 * Member's app can move these bounds.
 */
export function epochWindows(ring: Keyring | undefined): Map<number, EpochWindow> {
  const windows = new Map<number, EpochWindow>();
  const current = ring?.epoch ?? 0;
  const until = new Map<number, number>();
  for (const o of ring?.older ?? []) if (Number.isSafeInteger(o.until) && o.until! >= 0) until.set(o.epoch, o.until!);
  for (let e = 0; e <= current; e++) {
    windows.set(e, { after: e === 0 ? 0 : (until.get(e - 1) ?? 0), until: e === current ? null : (until.get(e) ?? null) });
  }
  return windows;
}

export interface KdfCost {
  m: number;
  t: number;
  p: number;
}

/**
 * The keys as the record store uses them: which key seals a tier, the author MAC keys, and the
 * snapshot MACs. Shares the session's Keys object, so a rotation (removeUser) is seen at once.
 */
export class RecordKeys implements SnapshotMacs {
  private readonly authorKeys = new Map<string, Buffer>();
  private closed = false;

  constructor(private keys: Keys) {}

  /** The key that seals `tier` (at `epoch` for shared frames); null when this session has none. */
  keyFor(tier: Tier, epoch?: number): Buffer | null {
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

  /** Epochs end (docs/ARCHITECTURE.md, "Trust model"): was `epoch`'s key in force at save `seq`? */
  standing(epoch: number, seq: number): EpochStanding {
    const window = (this.keys.windows ?? epochWindows(undefined)).get(epoch);
    if (!window) return 'unknown';
    return seq > window.after && (window.until === null || seq <= window.until) ? 'in-force' : 'ended';
  }

  get isMember(): boolean {
    return this.keys.member !== null;
  }

  /** Who this session writes as: only a session holding the Member-only key is the Member. */
  get author(): Author {
    return this.keys.member ? 'member' : 'pa';
  }

  /** The MAC key for frames by `author`: the Member's is derived from the Member-only key, which no PA holds. */
  authorKey(author: Author, epoch = this.currentEpoch): Buffer | null {
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

  /** The snapshot MAC under the shared key of the snapshot's epoch. */
  shared(f: SnapshotFacts): Buffer | null {
    const shared = this.sharedKey(f.epoch);
    if (!shared) return null;
    return hmacUnder(
      shared,
      'snapshot',
      `${f.generation}|${f.lastSeq}|${f.head.toString('hex')}|${f.count}|${f.framesDigest.toString('hex')}`,
    );
  }

  /** The Member's MAC over a snapshot: no PA can write a snapshot the Member's app accepts. */
  member(f: SnapshotFacts): Buffer | null {
    if (!this.keys.member) return null;
    return hmacUnder(
      this.keys.member,
      'snapshot:member',
      `${f.generation}|${f.lastSeq}|${f.head.toString('hex')}|${f.count}|${f.framesDigest.toString('hex')}|${f.epoch}`,
    );
  }

  /** Forgets the derived keys (zeroed) and the session's keys (the session zeroes those). */
  close(): void {
    this.closed = true;
    for (const k of this.authorKeys.values()) k.fill(0);
    this.authorKeys.clear();
    this.keys = { shared: Buffer.alloc(0), member: null };
  }
}

/** Passphrase -> this slot's keys (the current shared key resolved through the keyring), and the key-encryption key (the caller wipes it). */
export async function unwrapSlotKeepingKek(header: HeaderBody, slot: UserSlot, passphrase: string): Promise<{ keys: Keys; kek: Buffer }> {
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
      wipe(shared);
      return { keys: { shared: currentFromKeyring(header, ring, slot, kek, member), member, epoch: ring.epoch }, kek };
    }
    return { keys: { shared, member }, kek };
  } catch (error) {
    wipe(kek);
    throw error;
  }
}

/** A PA has been removed since this slot was written: the current shared key comes from the keyring. */
function currentFromKeyring(header: HeaderBody, ring: Keyring, slot: UserSlot, kek: Buffer, member: Buffer | null): Buffer {
  let current: Buffer | null;
  if (member) {
    current = unwrapKey(member, ring.member, ringAad(header, 'member', ring.epoch));
  } else {
    const slotKey = slot.keys.slot ? unwrapKey(kek, slot.keys.slot, wrapAad(header, slot, 'slot')) : null;
    const grant = Object.hasOwn(ring.grants, slot.id) ? ring.grants[slot.id] : undefined;
    if (!slotKey || typeof grant !== 'string') {
      wipe(slotKey);
      throw new VaultError('not-permitted', `${slot.name} no longer has access to this vault. Ask the Member to add you again.`);
    }
    current = unwrapKey(slotKey, grant, ringAad(header, slot.id, ring.epoch));
    wipe(slotKey);
  }
  if (!current) throw cannotOpen('the list of keys in the vault header has been altered (authentication failed)');
  return current;
}

/** The shared keys of earlier epochs, unwrapped with the current one (after a PA was removed). */
export function olderKeys(header: HeaderBody, current: Buffer): Pick<Keys, 'epoch' | 'older' | 'windows'> {
  const ring = header.keyring;
  if (!ring || ring.epoch === 0) return { epoch: 0, older: new Map(), windows: epochWindows(undefined) };
  const older = new Map<number, Buffer>();
  for (const o of ring.older) {
    const key = unwrapKey(current, o.key, ringAad(header, 'older', o.epoch));
    if (!key) throw cannotOpen('the list of keys in the vault header has been altered (authentication failed)');
    older.set(o.epoch, key);
  }
  return { epoch: ring.epoch, older, windows: epochWindows(ring) };
}

/** The Member's X25519 key pair for write-only arrivals, its private half sealed under the Member-only key. */
export function memberBoxFor(header: Pick<HeaderBody, 'vaultId'>, memberKey: Buffer): { publicKey: string; privateKey: string } {
  const box = newMemberBox();
  const sealed = packSealed(seal(memberKey, box.privateKey, Buffer.from(`ntk-member-box|${header.vaultId}|${box.publicKey}`))).toString(
    'base64',
  );
  wipe(box.privateKey);
  return { publicKey: box.publicKey, privateKey: sealed };
}

/** The associated data the Member's sealed private box key is bound with. */
export const memberBoxAad = (header: Pick<HeaderBody, 'vaultId'>, publicKey: string) =>
  Buffer.from(`ntk-member-box|${header.vaultId}|${publicKey}`);

/** The Member's slot: the shared and Member-only keys wrapped under the Member's passphrase key. */
export function wrapMemberSlot(header: HeaderBody, slot: UserSlot, kek: Buffer, keys: Keys): UserSlot['keys'] {
  return {
    shared: wrapKey(kek, keys.shared, wrapAad(header, slot, 'shared')),
    member: wrapKey(kek, keys.member!, wrapAad(header, slot, 'member')),
  };
}

/**
 * A new PA's slot: the shared key under their passphrase, plus a slot key (under their passphrase
 * and under the Member-only key) that later grants of a rotated shared key are wrapped to.
 */
export async function newPaSlot(
  header: HeaderBody,
  keys: Keys,
  user: { name: string; passphrase: string },
  kdf: KdfCost,
  id: string,
): Promise<{ slot: UserSlot; header: HeaderBody }> {
  const slot: UserSlot = { id, name: user.name, role: 'pa', kdf: newKdfParams(kdf), keys: { shared: '' } };
  const kek = await deriveKek(user.passphrase, slot.kdf);
  const slotKey = newDataKey();
  slot.keys = {
    shared: wrapKey(kek, keys.shared, wrapAad(header, slot, 'shared')),
    slot: wrapKey(kek, slotKey, wrapAad(header, slot, 'slot')),
    slotForMember: wrapKey(keys.member!, slotKey, ringAad(header, `slot:${slot.id}`, 0)),
  };
  wipe(kek);
  const ring = header.keyring;
  const next: HeaderBody =
    ring && ring.epoch > 0
      ? {
          ...header,
          users: [...header.users, slot],
          keyring: { ...ring, grants: { ...ring.grants, [slot.id]: wrapKey(slotKey, keys.shared, ringAad(header, slot.id, ring.epoch)) } },
        }
      : { ...header, users: [...header.users, slot] };
  wipe(slotKey);
  return { slot, header: next };
}

/**
 * Rotates the shared key without `removedId`: a new key for the next epoch, granted to every
 * remaining PA through their slot key, with every older shared key kept wrapped under it. The
 * ending epoch is recorded as ending at save `endsAt` (the chain's last sequence number now).
 * A PA added before format 2 has no slot key the Member can grant to: they are named in `mustBeAddedAgain`.
 */
export function rotateSharedKey(
  header: HeaderBody,
  keys: Keys & { member: Buffer },
  removedId: string,
  endsAt: number,
): { header: HeaderBody; next: Buffer; epoch: number; all: Map<number, Buffer>; mustBeAddedAgain: string[] } {
  const epoch = (keys.epoch ?? 0) + 1;
  const next = newDataKey();
  const all = new Map(keys.older ?? []);
  all.set(keys.epoch ?? 0, keys.shared);
  const grants: Record<string, string> = {};
  const mustBeAddedAgain: string[] = [];
  const remaining = header.users.filter((u) => u.id !== removedId);
  for (const u of remaining) {
    if (u.role !== 'pa') continue;
    const slotKey = u.keys.slotForMember ? unwrapKey(keys.member, u.keys.slotForMember, ringAad(header, `slot:${u.id}`, 0)) : null;
    if (!slotKey) {
      mustBeAddedAgain.push(u.name);
      continue;
    }
    grants[u.id] = wrapKey(slotKey, next, ringAad(header, u.id, epoch));
    wipe(slotKey);
  }
  const keyring: Keyring = {
    epoch,
    member: wrapKey(keys.member, next, ringAad(header, 'member', epoch)),
    grants,
    older: [...all].map(([e, k]) => {
      const until = e === (keys.epoch ?? 0) ? endsAt : header.keyring?.older.find((o) => o.epoch === e)?.until;
      return { epoch: e, key: wrapKey(next, k, ringAad(header, 'older', e)), ...(until === undefined ? {} : { until }) };
    }),
  };
  return { header: { ...header, users: remaining, keyring }, next, epoch, all, mustBeAddedAgain };
}

// The vault header (vault.json): who can unlock, their Argon2id parameters and wrapped keys.
// Authenticated twice: a SHA-256 checksum catches damage before any key is derived, and an HMAC
// under a key derived from the shared data key catches deliberate edits once a user unlocks.
// Format 2 adds a Member MAC (key derived from the Member-only key) over everything that decides
// who may do what: the users and their roles, the Member's slot, the Member's public key. A PA's
// own slot (their KDF settings and wrapped key) is left out, so a PA can change their passphrase.
import { randomUUID } from 'node:crypto';
import { checkKdfParams, equalBytes, hmacUnder, sha256, type KdfParams } from './crypto';
import { VaultError, cannotOpen } from './errors';

export const HEADER_FILE = 'vault.json';
export const HEADER_FORMAT = 'need-to-know-vault';
export const HEADER_VERSION = 2;

export type Role = 'member' | 'pa';

export interface UserSlot {
  id: string;
  name: string;
  role: Role;
  kdf: KdfParams;
  /** Base64 wrapped data keys. A PA's slot has `shared` only (R-USE-2). */
  keys: {
    shared: string;
    member?: string;
    /** A PA's own slot key (wrapped under their passphrase): opens their grant of the current shared key after a rotation. */
    slot?: string;
    /** The same slot key wrapped under the Member-only key, so the Member can grant a new shared key (covered by the Member's MAC). */
    slotForMember?: string;
  };
}

export interface HeaderBody {
  format: typeof HEADER_FORMAT;
  version: number;
  vaultId: string;
  created: string;
  users: UserSlot[];
  /** Format 2: the Member's X25519 public key (SPKI DER, base64) and its private key sealed under the Member-only key. */
  memberBox?: { publicKey: string; privateKey: string };
  /** After a PA is removed: the current shared key's epoch, who holds it, and the older keys under it (Member-MACed). */
  keyring?: Keyring;
}

export interface Keyring {
  epoch: number;
  /** The current shared key wrapped under the Member-only key. */
  member: string;
  /** The current shared key wrapped under each remaining PA's slot key. */
  grants: Record<string, string>;
  /**
   * Every earlier shared key wrapped under the current one, so history still opens, and `until`:
   * the sequence number of the last save made before that epoch ended (the Member's save count at
   * the removal), so a frame sealed later under an ended key is set aside. Keyrings written before
   * this was recorded have no `until`: those epochs cannot be bounded.
   */
  older: Array<{ epoch: number; key: string; until?: number }>;
}

/** Associated data for keyring entries: binds each to this vault, its holder and its epoch. */
export const ringAad = (header: Pick<HeaderBody, 'vaultId'>, holder: string, epoch: number) =>
  Buffer.from(`ntk-ring|${header.vaultId}|${holder}|${epoch}`);

interface HeaderFile extends HeaderBody {
  mac: string;
  memberMac?: string;
  checksum: string;
}

/** The part of the header only the Member may change. */
function memberView(body: HeaderBody): unknown {
  return {
    ...body,
    users: body.users.map((u) => (u.role === 'member' ? u : { id: u.id, name: u.name, role: u.role, slotForMember: u.keys.slotForMember })),
  };
}

export const headerMemberMac = (body: HeaderBody, memberKey: Buffer): Buffer =>
  hmacUnder(memberKey, 'header:member', canonicalJson(memberView(body)));

/** JSON with sorted keys, so the MAC does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function newHeader(now: Date): HeaderBody {
  return { format: HEADER_FORMAT, version: HEADER_VERSION, vaultId: randomUUID(), created: now.toISOString(), users: [] };
}

/** Associated data for a wrapped key: binds it to this vault, user, role, tier and KDF settings. */
export function wrapAad(
  header: Pick<HeaderBody, 'vaultId' | 'version'>,
  user: Pick<UserSlot, 'id' | 'role' | 'kdf'>,
  tier: 'shared' | 'member' | 'slot',
): Buffer {
  const { m, t, p, salt } = user.kdf;
  // From format 2 the Member's keys are wrapped under a different label, so a header turned back
  // to format 1 (to escape the Member's MAC) no longer opens the Member's slot.
  const label = user.role === 'member' && header.version >= 2 ? 'ntk-key2' : 'ntk-key';
  return Buffer.from(`${label}|${header.vaultId}|${user.id}|${user.role}|${tier}|${m}|${t}|${p}|${salt}`);
}

const macOf = (body: HeaderBody, sharedKey: Buffer) => hmacUnder(sharedKey, 'header', canonicalJson(body));

/**
 * `memberMac`: the Member's MAC when the Member writes it, or the one already there when a PA
 * changes only their own slot (the Member's MAC does not cover it).
 */
export function serializeHeader(body: HeaderBody, sharedKey: Buffer, memberMac: string | undefined): Buffer {
  const mac = macOf(body, sharedKey).toString('hex');
  const checksum = sha256(Buffer.from(canonicalJson({ ...body, mac, memberMac }))).toString('hex');
  return Buffer.from(`${JSON.stringify({ ...body, mac, memberMac, checksum }, null, 2)}\n`);
}

export interface ParsedHeader {
  body: HeaderBody;
  mac: string;
  memberMac?: string;
}

/** Parses and checks the header's shape and checksum. No key needed; nothing is written. */
export function parseHeader(bytes: Buffer): ParsedHeader {
  let file: HeaderFile;
  try {
    file = JSON.parse(bytes.toString('utf8')) as HeaderFile;
  } catch (error) {
    throw cannotOpen('the vault header is not readable (it may be damaged)', error);
  }
  if (!file || typeof file !== 'object' || file.format !== HEADER_FORMAT) throw cannotOpen('this is not a Need to Know vault header');
  if (typeof file.version !== 'number') throw cannotOpen('the vault header has no format version');
  if (file.version > HEADER_VERSION) {
    throw new VaultError(
      'newer-format',
      `cannot open: this vault was written by a newer version of Need to Know (format ${file.version}); update the app. The vault was not changed.`,
    );
  }
  const { mac, memberMac, checksum, ...body } = file;
  if (typeof mac !== 'string' || typeof checksum !== 'string') throw cannotOpen('the vault header is incomplete');
  if (file.version >= 2 && typeof memberMac !== 'string') throw cannotOpen("the vault header is missing the Member's check");
  const expected = sha256(Buffer.from(canonicalJson({ ...body, mac, memberMac }))).toString('hex');
  if (!equalBytes(Buffer.from(expected), Buffer.from(checksum))) throw cannotOpen('the vault header is damaged (checksum mismatch)');
  if (typeof body.vaultId !== 'string' || !Array.isArray(body.users) || body.users.length === 0) {
    throw cannotOpen('the vault header lists no users');
  }
  for (const user of body.users) {
    if (!user || typeof user.id !== 'string' || typeof user.name !== 'string' || (user.role !== 'member' && user.role !== 'pa')) {
      throw cannotOpen('the vault header has a malformed user entry');
    }
    if (!user.keys || typeof user.keys.shared !== 'string') throw cannotOpen('the vault header has a user without keys');
    checkKdfParams(user.kdf);
  }
  if (body.users.filter((u) => u.role === 'member').length !== 1) throw cannotOpen('the vault header does not list exactly one Member');
  return { body: body as HeaderBody, mac, memberMac };
}

/** The Member's app: proves the users, roles and the Member's keys are as the Member last wrote them. */
export function verifyHeaderMemberMac(parsed: ParsedHeader, memberKey: Buffer): void {
  if (parsed.body.version < 2) return; // format 1 had no Member MAC: upgraded at this unlock
  const expected = headerMemberMac(parsed.body, memberKey);
  if (!parsed.memberMac || !equalBytes(expected, Buffer.from(parsed.memberMac, 'hex'))) {
    throw cannotOpen(
      "the list of people or their keys in the vault header was changed by someone other than the Member (the Member's check failed)",
    );
  }
}

/** After unwrapping the shared key: proves nobody edited the header. */
export function verifyHeaderMac(parsed: ParsedHeader, sharedKey: Buffer): void {
  const expected = macOf(parsed.body, sharedKey);
  if (!equalBytes(expected, Buffer.from(parsed.mac, 'hex'))) {
    throw cannotOpen('the vault header has been altered since it was written (authentication failed)');
  }
}

// The vault header (vault.json): who can unlock, their Argon2id parameters and wrapped keys.
// Authenticated twice: a SHA-256 checksum catches damage before any key is derived, and an HMAC
// under a key derived from the shared data key catches deliberate edits once a user unlocks.
import { randomUUID } from 'node:crypto';
import { checkKdfParams, deriveSubkey, equalBytes, hmac, sha256, type KdfParams } from './crypto';
import { VaultError, cannotOpen } from './errors';

export const HEADER_FILE = 'vault.json';
export const HEADER_FORMAT = 'need-to-know-vault';
export const HEADER_VERSION = 1;

export type Role = 'member' | 'pa';

export interface UserSlot {
  id: string;
  name: string;
  role: Role;
  kdf: KdfParams;
  /** Base64 wrapped data keys. A PA's slot has `shared` only (R-USE-2). */
  keys: { shared: string; member?: string };
}

export interface HeaderBody {
  format: typeof HEADER_FORMAT;
  version: number;
  vaultId: string;
  created: string;
  users: UserSlot[];
}

interface HeaderFile extends HeaderBody {
  mac: string;
  checksum: string;
}

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
export function wrapAad(header: Pick<HeaderBody, 'vaultId'>, user: Pick<UserSlot, 'id' | 'role' | 'kdf'>, tier: 'shared' | 'member'): Buffer {
  const { m, t, p, salt } = user.kdf;
  return Buffer.from(`ntk-key|${header.vaultId}|${user.id}|${user.role}|${tier}|${m}|${t}|${p}|${salt}`);
}

const macOf = (body: HeaderBody, sharedKey: Buffer) => hmac(deriveSubkey(sharedKey, 'header'), canonicalJson(body));

export function serializeHeader(body: HeaderBody, sharedKey: Buffer): Buffer {
  const mac = macOf(body, sharedKey).toString('hex');
  const checksum = sha256(Buffer.from(canonicalJson({ ...body, mac }))).toString('hex');
  return Buffer.from(`${JSON.stringify({ ...body, mac, checksum }, null, 2)}\n`);
}

export interface ParsedHeader {
  body: HeaderBody;
  mac: string;
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
  const { mac, checksum, ...body } = file;
  if (typeof mac !== 'string' || typeof checksum !== 'string') throw cannotOpen('the vault header is incomplete');
  const expected = sha256(Buffer.from(canonicalJson({ ...body, mac }))).toString('hex');
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
  return { body: body as HeaderBody, mac };
}

/** After unwrapping the shared key: proves nobody edited the header. */
export function verifyHeaderMac(parsed: ParsedHeader, sharedKey: Buffer): void {
  const expected = macOf(parsed.body, sharedKey);
  if (!equalBytes(expected, Buffer.from(parsed.mac, 'hex'))) {
    throw cannotOpen('the vault header has been altered since it was written (authentication failed)');
  }
}

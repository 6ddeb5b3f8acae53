// The vault's cryptography: Argon2id (hash-wasm) for passphrases, AES-256-GCM for everything
// sealed, HKDF for derived keys, SHA-256 for the journal's hash chain (docs/ARCHITECTURE.md, "The vault").
import { argon2id } from 'hash-wasm';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { VaultError } from './errors';
import { KeptWorker } from '../workers/run';
import type { KdfJob } from './kdf-worker';

export interface KdfParams {
  alg: 'argon2id';
  /** Memory in KiB. */
  m: number;
  t: number;
  p: number;
  /** Base64 salt, 16 bytes. */
  salt: string;
}

export const DEFAULT_KDF = { m: 64 * 1024, t: 3, p: 1 } as const;
/** The floor: a header asking for less is refused (OWASP's minimum for Argon2id). */
export const MIN_KDF = { m: 19 * 1024, t: 2 } as const;

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newKdfParams(cost: { m: number; t: number; p: number } = DEFAULT_KDF): KdfParams {
  return { alg: 'argon2id', m: cost.m, t: cost.t, p: cost.p, salt: randomBytes(16).toString('base64') };
}

/**
 * The ceiling: twice the memory and passes this app writes (DEFAULT_KDF), so an unlock never costs
 * more than about four times the usual second or more than 128 MiB. A header asking for more was not
 * written by this app; it would freeze or exhaust the machine on every attempt, so it is refused.
 */
export const MAX_KDF = { m: 2 * DEFAULT_KDF.m, t: 2 * DEFAULT_KDF.t, p: 4 } as const;

/** Key-derivation settings this app never writes: refused in words that do not blame the passphrase. */
const outsideWhatTheAppAccepts = (why: string) =>
  new VaultError(
    'cannot-open',
    `cannot open: this vault's settings are outside what the app accepts (${why}). The vault header may have been altered: restore it from a backup, or ask whoever looks after this computer.`,
  );

export function checkKdfParams(params: KdfParams | null | undefined): void {
  if (!params || typeof params !== 'object')
    throw new VaultError('cannot-open', 'cannot open: a user in the vault header has no key-derivation settings');
  if (params.alg !== 'argon2id') throw new VaultError('cannot-open', `cannot open: unknown key derivation "${String(params.alg)}"`);
  const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n);
  // The app writes a 16-byte salt; one under Argon2id's own minimum (8 bytes) or over 64 was not written by it.
  const saltBytes = typeof params.salt === 'string' && params.salt.length <= 128 ? Buffer.from(params.salt, 'base64').length : -1;
  if (saltBytes >= 0 && (saltBytes < 8 || saltBytes > 64))
    throw outsideWhatTheAppAccepts('its passphrase protection is not one Need to Know writes');
  if (!whole(params.m) || !whole(params.t) || !whole(params.p) || typeof params.salt !== 'string' || saltBytes < 0) {
    throw new VaultError('cannot-open', 'cannot open: the key-derivation settings in the vault header are not readable');
  }
  if (!(params.m >= MIN_KDF.m) || !(params.t >= MIN_KDF.t) || !(params.p >= 1))
    throw outsideWhatTheAppAccepts('its passphrase protection is weaker than Need to Know ever writes');
  if (params.m > MAX_KDF.m || params.t > MAX_KDF.t || params.p > MAX_KDF.p) {
    throw outsideWhatTheAppAccepts('checking a passphrase would take far more memory or time than Need to Know ever uses');
  }
}

function kdfJob(passphrase: string, params: KdfParams): KdfJob {
  return {
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(params.salt, 'base64'),
    parallelism: params.p,
    iterations: params.t,
    memorySize: params.m,
    hashLength: KEY_BYTES,
  };
}

/**
 * Passphrase -> 32-byte key-encryption key. Argon2id runs in a worker thread (kdf-worker.ts): it
 * takes a second or more by design, and on main's thread it would freeze the window and IPC.
 */
const kdfWorker = new KeptWorker('kdf');

export async function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  checkKdfParams(params);
  try {
    const derived = await kdfWorker.run<Uint8Array>(kdfJob(passphrase, params));
    // A view, not a copy: when the caller wipes the key, no other copy of it is left in main's heap.
    return Buffer.from(derived.buffer, derived.byteOffset, derived.byteLength);
  } catch (error) {
    throw new VaultError('cannot-open', 'cannot open: the passphrase could not be checked (the key derivation failed)', { cause: error });
  }
}

/**
 * The KDF worker, so a lock can end it: its WebAssembly memory still holds the last passphrase's
 * encoding and Argon2id's blocks until the thread is gone. The next derivation starts a fresh one.
 */
export const kdfLane = {
  end: (): void => kdfWorker.end(),
  get running(): boolean {
    return kdfWorker.running;
  },
};

/** The same derivation on the calling thread: the known-answer reference the worker is tested against. */
export async function deriveKekInThread(passphrase: string, params: KdfParams): Promise<Buffer> {
  checkKdfParams(params);
  return Buffer.from(await argon2id({ ...kdfJob(passphrase, params), outputType: 'binary' }));
}

export interface Sealed {
  iv: Buffer;
  ct: Buffer;
  tag: Buffer;
}

export function seal(key: Buffer, plaintext: Buffer, aad: Buffer, iv: Buffer = randomBytes(IV_BYTES)): Sealed {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
}

/** Returns null when the key, the associated data or any byte is wrong. */
export function open(key: Buffer, sealed: Sealed, aad: Buffer): Buffer | null {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    const body = decipher.update(sealed.ct);
    const tail = decipher.final(); // GCM emits nothing here, so skip the copy a concat would make
    return tail.length ? Buffer.concat([body, tail]) : body;
  } catch {
    return null;
  }
}

/** iv | tag | ct in one buffer, for wrapped keys and small sealed values. */
export const packSealed = (s: Sealed): Buffer => Buffer.concat([s.iv, s.tag, s.ct]);
export function unpackSealed(buf: Buffer): Sealed {
  return { iv: buf.subarray(0, IV_BYTES), tag: buf.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), ct: buf.subarray(IV_BYTES + TAG_BYTES) };
}

export function wrapKey(kek: Buffer, dataKey: Buffer, aad: Buffer): string {
  return packSealed(seal(kek, dataKey, aad)).toString('base64');
}

export function unwrapKey(kek: Buffer, wrapped: string, aad: Buffer): Buffer | null {
  return open(kek, unpackSealed(Buffer.from(wrapped, 'base64')), aad);
}

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

export function deriveSubkey(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), Buffer.from(`need-to-know:${purpose}`), KEY_BYTES));
}

export const hmac = (key: Buffer, data: Buffer | string): Buffer => createHmac('sha256', key).update(data).digest();

/** An HMAC under a subkey derived for `purpose`; the subkey is wiped at once, so no copy outlives the call. */
export function hmacUnder(key: Buffer, purpose: string, data: Buffer | string): Buffer {
  const subkey = deriveSubkey(key, purpose);
  try {
    return hmac(subkey, data);
  } finally {
    subkey.fill(0);
  }
}
export const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
export const equalBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/** Overwrites key material in place, so a locked vault leaves no key bytes in its buffers. */
export function wipe(...buffers: Array<Buffer | null | undefined>): void {
  for (const b of buffers) b?.fill(0);
}

import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { checkKdfParams, deriveKek, open, seal, unwrapKey, wrapKey, packSealed } from '../../../../electron/main/vault/crypto';

describe('vault cryptography known-answer vectors', () => {
  it('Argon2id matches the reference implementation vector (password/somesalt, t=2, m=64 MiB, p=1)', async () => {
    const hex = await argon2id({
      password: 'password',
      salt: 'somesalt',
      parallelism: 1,
      iterations: 2,
      memorySize: 65536,
      hashLength: 32,
      outputType: 'hex',
    });
    expect(hex).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
    // deriveKek is that function with the salt from the header.
    const kek = await deriveKek('password', { alg: 'argon2id', m: 65536, t: 2, p: 1, salt: Buffer.from('somesalt').toString('base64') });
    expect(kek.toString('hex')).toBe(hex);
  });

  // NIST GCM specification, test case 16 (AES-256, 96-bit IV, with associated data).
  const K = Buffer.from('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308', 'hex');
  const IV = Buffer.from('cafebabefacedbaddecaf888', 'hex');
  const A = Buffer.from('feedfacedeadbeeffeedfacedeadbeefabaddad2', 'hex');
  const P = Buffer.from(
    'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    'hex',
  );
  const C = '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662';
  const T = '76fc6ece0f4e1768cddf8853bb2d551b';

  it('AES-256-GCM sealing matches NIST test case 16', () => {
    const sealed = seal(K, P, A, IV);
    expect(sealed.ct.toString('hex')).toBe(C);
    expect(sealed.tag.toString('hex')).toBe(T);
    expect(open(K, sealed, A)).toEqual(P);
  });

  it('key unwrapping opens the NIST vector and refuses any other associated data or a changed byte', () => {
    const wrapped = packSealed({ iv: IV, tag: Buffer.from(T, 'hex'), ct: Buffer.from(C, 'hex') }).toString('base64');
    expect(unwrapKey(K, wrapped, A)).toEqual(P);
    expect(unwrapKey(K, wrapped, Buffer.from('another user'))).toBeNull();
    const flipped = Buffer.from(wrapped, 'base64');
    flipped[20] = flipped[20]! ^ 1;
    expect(unwrapKey(K, flipped.toString('base64'), A)).toBeNull();
    const dataKey = Buffer.alloc(32, 7);
    expect(unwrapKey(K, wrapKey(K, dataKey, A), A)).toEqual(dataKey);
  });

  it('refuses key-derivation settings below m = 19 MiB or t = 2', () => {
    const salt = Buffer.alloc(16).toString('base64');
    expect(() => checkKdfParams({ alg: 'argon2id', m: 19 * 1024 - 1, t: 3, p: 1, salt })).toThrow(
      /outside what the app accepts \(its passphrase protection is weaker/,
    );
    expect(() => checkKdfParams({ alg: 'argon2id', m: 64 * 1024, t: 1, p: 1, salt })).toThrow(
      /outside what the app accepts \(its passphrase protection is weaker/,
    );
    expect(() => checkKdfParams({ alg: 'argon2id', m: 19 * 1024, t: 2, p: 1, salt })).not.toThrow();
  });
});

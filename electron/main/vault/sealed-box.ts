// Write-only arrivals: anyone with the vault's header can seal bytes to the Member's
// X25519 public key (a fresh ephemeral key, ECDH, HKDF, AES-256-GCM); only the Member's private
// key, itself sealed under the Member-only key, opens them. A PA can write for the Member but
// cannot read back what it wrote.
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { open, packSealed, seal, unpackSealed } from './crypto';

const VERSION = 1;
/** An X25519 SPKI DER public key is always this long (12-byte prefix + 32-byte key). */
const SPKI_BYTES = 44;

export interface MemberBoxKeys {
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER private key. */
  privateKey: Buffer;
}

export function newMemberBox(): MemberBoxKeys {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

const boxKey = (secret: Buffer, ephemeral: Buffer, recipient: Buffer, label: string) =>
  Buffer.from(
    hkdfSync('sha256', secret, Buffer.concat([ephemeral, recipient]), Buffer.from(`need-to-know:sealed-for-member:${label}`), 32),
  );

/**
 * Seals `plain` to the Member. `label` (e.g. the arrival's record id) is bound in, so a sealed
 * value moved to another record does not open there.
 */
export function sealTo(publicKeyB64: string, plain: Buffer, label: string): Buffer {
  const recipientDer = Buffer.from(publicKeyB64, 'base64');
  const recipient = createPublicKey({ key: recipientDer, format: 'der', type: 'spki' });
  const eph = generateKeyPairSync('x25519');
  const ephDer = eph.publicKey.export({ type: 'spki', format: 'der' });
  const key = boxKey(diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }), ephDer, recipientDer, label);
  const sealed = packSealed(seal(key, plain, Buffer.from(`ntk-box|${VERSION}|${label}`)));
  key.fill(0);
  return Buffer.concat([Buffer.from([VERSION]), ephDer, sealed]);
}

/** Opens what sealTo made; null when it was not sealed to this key, under this label, or was altered. */
export function openBox(privateKeyDer: Buffer, publicKeyB64: string, box: Buffer, label: string): Buffer | null {
  if (box.length < 1 + SPKI_BYTES + 28 || box[0] !== VERSION) return null;
  const ephDer = box.subarray(1, 1 + SPKI_BYTES);
  let eph: KeyObject;
  let priv: KeyObject;
  try {
    eph = createPublicKey({ key: ephDer, format: 'der', type: 'spki' });
    priv = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
  const key = boxKey(diffieHellman({ privateKey: priv, publicKey: eph }), ephDer, Buffer.from(publicKeyB64, 'base64'), label);
  const plain = open(key, unpackSealed(box.subarray(1 + SPKI_BYTES)), Buffer.from(`ntk-box|${VERSION}|${label}`));
  key.fill(0);
  return plain;
}

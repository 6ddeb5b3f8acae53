// Quick unlock on this device: the user's data keys wrapped by Electron's safeStorage (DPAPI,
// Keychain, libsecret). Optional and never the only copy: the passphrase slot always remains.
// Refused when the OS offers only 'basic_text' (no real protection); if the backend changes or the
// blob no longer decrypts, the user is told and unlocks with the passphrase.
import path from 'node:path';
import { VaultError } from './errors';
import { atomicWrite, realFs, type VaultFs } from './fsio';
import type { LockedVault, VaultSession } from './vault';

export const QUICK_UNLOCK_FILE = 'quick-unlock.json';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

interface QuickUnlockFile {
  userId: string;
  backend: string;
  blob: string;
}

const backendOf = (safe: SafeStorageLike) => safe.getSelectedStorageBackend?.() ?? process.platform;
const unavailable = (message: string) => new VaultError('quick-unlock-unavailable', message);

export function quickUnlockAvailable(safe: SafeStorageLike): { available: boolean; reason?: string } {
  if (!safe.isEncryptionAvailable()) return { available: false, reason: 'This computer offers no protected key store.' };
  if (backendOf(safe) === 'basic_text') {
    return { available: false, reason: 'This computer only offers plain-text key storage, which would not protect the vault.' };
  }
  return { available: true };
}

export function enableQuickUnlock(session: VaultSession, safe: SafeStorageLike, fs: VaultFs = realFs): void {
  const check = quickUnlockAvailable(safe);
  if (!check.available) throw unavailable(`Quick unlock cannot be turned on: ${check.reason}`);
  const keys = session.exportKeysForQuickUnlock();
  const blob = safe.encryptString(JSON.stringify(keys)).toString('base64');
  const file: QuickUnlockFile = { userId: keys.userId, backend: backendOf(safe), blob };
  atomicWrite(fs, path.join(session.dir, QUICK_UNLOCK_FILE), Buffer.from(JSON.stringify(file)), 'the quick-unlock setting');
}

export function disableQuickUnlock(dir: string, fs: VaultFs = realFs): void {
  const file = path.join(dir, QUICK_UNLOCK_FILE);
  if (fs.existsSync(file)) fs.unlinkSync(file);
}

export function quickUnlockUser(dir: string, fs: VaultFs = realFs): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, QUICK_UNLOCK_FILE)).toString('utf8')) as QuickUnlockFile).userId;
  } catch {
    return null;
  }
}

/** Unlocks without the passphrase, or throws 'quick-unlock-unavailable' explaining why to use it instead. */
export function quickUnlock(locked: LockedVault, safe: SafeStorageLike, fs: VaultFs = realFs): VaultSession {
  let file: QuickUnlockFile;
  try {
    file = JSON.parse(fs.readFileSync(path.join(locked.dir, QUICK_UNLOCK_FILE)).toString('utf8')) as QuickUnlockFile;
  } catch {
    throw unavailable('Quick unlock is not set up on this computer. Unlock with your passphrase.');
  }
  const check = quickUnlockAvailable(safe);
  if (!check.available) throw unavailable(`Quick unlock is not available any more: ${check.reason} Unlock with your passphrase.`);
  if (file.backend !== backendOf(safe)) {
    throw unavailable(
      "This computer's key store has changed since quick unlock was set up. Unlock with your passphrase, then turn quick unlock on again.",
    );
  }
  let keys: { userId: string; shared: string; member: string | null };
  try {
    keys = JSON.parse(safe.decryptString(Buffer.from(file.blob, 'base64'))) as typeof keys;
  } catch {
    throw unavailable('The quick-unlock key could not be read on this computer. Unlock with your passphrase.');
  }
  if (keys.userId !== file.userId) throw unavailable('The quick-unlock key does not match. Unlock with your passphrase.');
  try {
    return locked.openWithKeys(keys.userId, {
      shared: Buffer.from(keys.shared, 'base64'),
      member: keys.member ? Buffer.from(keys.member, 'base64') : null,
    });
  } catch (error) {
    if (error instanceof VaultError && error.code === 'cannot-open') {
      throw unavailable(
        'The quick-unlock key no longer opens this vault (was a passphrase or the vault replaced?). Unlock with your passphrase.',
      );
    }
    throw error;
  }
}

import { describe, expect, it } from 'vitest';
import { enableQuickUnlock, quickUnlock, type SafeStorageLike } from '../../../../electron/main/vault/quick-unlock';
import { Vault } from '../../../../electron/main/vault/vault';
import { MEMBER_PASS, newVault, sampleRequest } from './support';

function fakeSafeStorage(backend: string): SafeStorageLike & { backend: string; broken: boolean } {
  return {
    backend,
    broken: false,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend() {
      return this.backend;
    },
    encryptString: (s) => Buffer.from(s).map((b) => b ^ 0x5a) as Buffer,
    decryptString(b) {
      if (this.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.map((x) => x ^ 0x5a)).toString();
    },
  };
}

describe('quick unlock', () => {
  it('unlocks on this device without the passphrase, which still works too', async () => {
    const { dir, session } = await newVault();
    session.put({ id: 'r1', tier: 'member', type: 'request', data: sampleRequest(1) });
    const safe = fakeSafeStorage('gnome_libsecret');
    enableQuickUnlock(session, safe);
    session.lock();
    expect(quickUnlock(Vault.open(dir), safe).get('r1')?.data).toEqual(sampleRequest(1));
    await expect(Vault.open(dir).unlock(session.user.id, MEMBER_PASS)).resolves.toBeDefined();
  });

  it('is refused when the only backend is basic_text', async () => {
    const { session } = await newVault();
    expect(() => enableQuickUnlock(session, fakeSafeStorage('basic_text'))).toThrow(
      expect.objectContaining({ code: 'quick-unlock-unavailable', message: expect.stringMatching(/plain-text/) }),
    );
  });

  it('falls back to the passphrase with an explanation when the backend changes or the blob no longer decrypts', async () => {
    const { dir, session } = await newVault();
    const safe = fakeSafeStorage('kwallet5');
    enableQuickUnlock(session, safe);
    session.lock();
    safe.backend = 'gnome_libsecret';
    expect(() => quickUnlock(Vault.open(dir), safe)).toThrow(/key store has changed.*passphrase/);
    safe.backend = 'kwallet5';
    safe.broken = true;
    expect(() => quickUnlock(Vault.open(dir), safe)).toThrow(/could not be read.*passphrase/);
  });
});

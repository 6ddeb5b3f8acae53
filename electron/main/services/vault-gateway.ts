import path from 'node:path';
import { DEFAULT_KDF, Vault, disableQuickUnlock, enableQuickUnlock, quickUnlock, quickUnlockAvailable, quickUnlockUser, type KdfCost, type SafeStorageLike, type VaultSession } from '../vault';
import type { UnlockedVault, VaultGateway } from './session-service';

/** The unlocked vault as the session sees it; other services reach the records through `records`. */
export class OpenVault implements UnlockedVault {
  constructor(
    readonly records: VaultSession,
    private readonly kdf: KdfCost,
  ) {}
  get user() {
    return this.records.user;
  }
  users() {
    return this.records.users();
  }
  addPa(name: string, passphrase: string) {
    return this.records.addUser({ name, passphrase, role: 'pa' }, this.kdf);
  }
  changePassphrase(current: string, next: string) {
    return this.records.changePassphrase(current, next, this.kdf);
  }
  lock() {
    this.records.lock();
  }
}

export interface VaultLocation {
  /** The data folder; the vault lives in its `vault` subfolder. */
  dataFolder: string;
  /** Argon2id cost for new and changed passphrases (DESIGN §3 defaults unless told otherwise). */
  kdf?: KdfCost;
  safeStorage?: SafeStorageLike;
}

export const vaultDir = (dataFolder: string) => path.join(dataFolder, 'vault');

export class FileVaultGateway implements VaultGateway<OpenVault> {
  readonly dir: string;
  private readonly kdf: KdfCost;
  constructor(private readonly location: VaultLocation) {
    this.dir = vaultDir(location.dataFolder);
    this.kdf = location.kdf ?? DEFAULT_KDF;
  }
  exists() {
    return Vault.exists(this.dir);
  }
  async users() {
    return Vault.open(this.dir).users();
  }
  async create(memberName: string, passphrase: string) {
    return new OpenVault(await Vault.create(this.dir, { name: memberName, passphrase }, { kdf: this.kdf }), this.kdf);
  }
  async unlock(userId: string, passphrase: string) {
    return new OpenVault(await Vault.open(this.dir).unlock(userId, passphrase), this.kdf);
  }
  async quickUnlock() {
    return new OpenVault(quickUnlock(Vault.open(this.dir), this.safe()), this.kdf);
  }
  quickUnlockUser(): string | null {
    return this.exists() && quickUnlockAvailable(this.safe()).available ? quickUnlockUser(this.dir) : null;
  }
  setQuickUnlock(vault: OpenVault, enabled: boolean) {
    if (enabled) enableQuickUnlock(vault.records, this.safe());
    else disableQuickUnlock(this.dir);
  }
  quickUnlockAvailability() {
    return quickUnlockAvailable(this.safe());
  }
  private safe(): SafeStorageLike {
    return (
      this.location.safeStorage ?? {
        isEncryptionAvailable: () => false,
        encryptString: () => Buffer.alloc(0),
        decryptString: () => '',
      }
    );
  }
}

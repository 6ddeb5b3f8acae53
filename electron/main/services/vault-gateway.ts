import path from 'node:path';
import {
  DEFAULT_KDF,
  disableQuickUnlock,
  enableQuickUnlock,
  quickUnlock,
  quickUnlockAvailable,
  quickUnlockUser,
  Vault,
  type CheckpointStore,
  type KdfCost,
  type SafeStorageLike,
  type VaultFs,
  type VaultSession,
} from '../vault';
import type { SettingsStore } from '../settings/settings-store';
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
  removePa(userId: string) {
    return this.records.removeUser(userId);
  }
  warnings() {
    return this.records.warnings.map((w) => w.message);
  }
  acknowledgeWarnings() {
    this.records.acknowledgeWarnings();
  }
  lock() {
    this.records.lock();
  }
}

export interface VaultLocation {
  /** The data folder; the vault lives in its `vault` subfolder. */
  dataFolder: string;
  /** Argon2id cost for new and changed passphrases (64 MiB, 3 passes unless told otherwise; see docs/ARCHITECTURE.md, "Keys and tiers"). */
  kdf?: KdfCost;
  safeStorage?: SafeStorageLike;
  /** Where the Member's rollback checkpoint is kept, outside the data folder (see settingsCheckpointStore). */
  checkpoints?: CheckpointStore;
  /** The file layer under the vault (node:fs unless a test injects an in-memory one). */
  fs?: VaultFs;
}

/**
 * The rollback checkpoint in `store` (in the app, a file in the OS user's own folder outside the data
 * folder: settings/checkpoint-file.ts), sealed with the OS key store through safeStorage when it has
 * a real backend; either way the vault MACs it with a key only the Member holds, so editing it is
 * detected, and a PA's app cannot write one. `earlier` is where an earlier version kept it (the
 * settings file), read only until the first checkpoint is written to `store`.
 */
export function settingsCheckpointStore(
  store: Pick<SettingsStore, 'get' | 'set'>,
  safeStorage?: SafeStorageLike,
  earlier?: Pick<SettingsStore, 'get'>,
): CheckpointStore {
  const KEY = 'vaultCheckpoints';
  const sealed = () => !!safeStorage?.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  const entriesOf = (raw: unknown): Record<string, string> =>
    raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, string>) } : {};
  const all = (): Record<string, string> => entriesOf(store.get(KEY));
  return {
    read(vaultId) {
      const own = all();
      const entries = Object.hasOwn(own, vaultId) ? own : entriesOf(earlier?.get(KEY));
      const value = Object.hasOwn(entries, vaultId) ? entries[vaultId] : undefined;
      if (typeof value !== 'string') return null;
      if (!value.startsWith('safe:')) return value;
      try {
        return safeStorage ? safeStorage.decryptString(Buffer.from(value.slice(5), 'base64')) : value;
      } catch {
        return value; // undecryptable: the vault reports it as altered
      }
    },
    write(vaultId, value) {
      const next = all();
      next[vaultId] = sealed() ? `safe:${safeStorage!.encryptString(value).toString('base64')}` : value;
      store.set(KEY, next);
    },
  };
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
    return Vault.exists(this.dir, this.location.fs);
  }
  /** Vault options for restore and backup: the same checkpoints (so an older backup is recognised) and file layer. */
  get checkpoints() {
    return this.location.checkpoints;
  }
  get fs() {
    return this.location.fs;
  }
  private get options() {
    return { checkpoints: this.location.checkpoints, fs: this.location.fs };
  }
  async users() {
    return Vault.open(this.dir, this.options).users();
  }
  async create(memberName: string, passphrase: string) {
    return new OpenVault(await Vault.create(this.dir, { name: memberName, passphrase }, { kdf: this.kdf, ...this.options }), this.kdf);
  }
  async unlock(userId: string, passphrase: string) {
    return new OpenVault(await Vault.open(this.dir, this.options).unlock(userId, passphrase), this.kdf);
  }
  async quickUnlock() {
    return new OpenVault(quickUnlock(Vault.open(this.dir, this.options), this.safe(), this.location.fs), this.kdf);
  }
  quickUnlockUser(): string | null {
    return this.exists() && quickUnlockAvailable(this.safe()).available ? quickUnlockUser(this.dir, this.location.fs) : null;
  }
  setQuickUnlock(vault: OpenVault, enabled: boolean) {
    if (enabled) enableQuickUnlock(vault.records, this.safe(), this.location.fs);
    else disableQuickUnlock(this.dir, this.location.fs);
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

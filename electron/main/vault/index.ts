// The vault's public surface (DESIGN §3). Node-only, no electron import: Electron's safeStorage and
// powerMonitor reach it through SafeStorageLike and a plain lock() call.
export { Vault, LockedVault, VaultSession, HEADER_FILE } from './vault';
export type { VaultUser, VaultRecord, VaultOptions, VaultWarning, KdfCost, CreateOptions, RecordFilter, Tier, AuditEvent } from './vault';
export { memoryCheckpointStore, type CheckpointStore } from './checkpoint';
export { VaultError, type VaultErrorCode } from './errors';
export { DEFAULT_KDF, MIN_KDF, MAX_KDF } from './crypto';
export { AutoLock, DEFAULT_AUTO_LOCK_MINUTES, type AutoLockOptions, type TimersLike } from './auto-lock';
export { assessPassphrase, MIN_PASSPHRASE_LENGTH, type PassphraseStrength } from '../../../shared/domain/passphrase-strength';
export { enableQuickUnlock, disableQuickUnlock, quickUnlock, quickUnlockAvailable, quickUnlockUser, type SafeStorageLike } from './quick-unlock';
export { writeBackup, restoreBackup } from './backup';
export type { BlobInfo } from './blobs';
export type { VaultFs } from './fsio';
export type { CompactionPolicy } from './store';

// The vault's public surface. Node-only, no electron import: Electron's safeStorage and
// powerMonitor reach it through SafeStorageLike and a plain lock() call.
//
// Trust between the Member and the PA:
// - Authorship: every frame carries its author; the Member's frames, snapshots and header carry a
//   MAC under a key derived from the Member-only key. The Member's app refuses a failed Member MAC
//   (cannot-open, naming where) and sets aside, with a warning, any well-formed frame a PA may not
//   write (Member tier, isMemberWritten types, changes to Member records). A PA's app never lets a
//   shared frame replace a Member-tier record. Only the Member's app compacts.
// - Write-only arrivals: session.sealForMember(bytes, label) (any session) and the Member-only
//   session.openSealed(sealed, label); attachments.addForMember(stream, ownerId) for files. An
//   "arrival" record can keep the sealed title/summary as base64 in a shared-tier record and the
//   files as attachments sealed for the Member; the PA cannot read either back.
// - Attachments name their owner: attachments.add(stream, tier, ownerId) / read(id, ownerId).
// - session.removeUser(paId) (Member only) rotates the shared key (epochs in a Member-MACed keyring).
// - Rollback: VaultOptions.checkpoints (CheckpointStore) keeps the Member's checkpoint outside the
//   data folder; session.warnings lists rollback / set-aside / unfinished-save / upgraded in words,
//   kept until session.acknowledgeWarnings().
export { Vault, LockedVault, VaultSession, HEADER_FILE } from './vault';
export type { VaultUser, VaultRecord, VaultOptions, VaultWarning, KdfCost, CreateOptions, RecordFilter, Tier, AuditEvent } from './vault';
export { memoryCheckpointStore, type CheckpointStore } from './checkpoint';
export { VaultError, type VaultErrorCode } from './errors';
export { DEFAULT_KDF, MIN_KDF, MAX_KDF } from './crypto';
export { AutoLock, DEFAULT_AUTO_LOCK_MINUTES, type AutoLockOptions, type TimersLike } from './auto-lock';
export { assessPassphrase, MIN_PASSPHRASE_LENGTH, type PassphraseStrength } from '../../../shared/domain/passphrase-strength';
export {
  enableQuickUnlock,
  disableQuickUnlock,
  quickUnlock,
  quickUnlockAvailable,
  quickUnlockUser,
  type SafeStorageLike,
} from './quick-unlock';
export { writeBackup, restoreBackup } from './backup';
export { restoreVerified, type RestoreOutcome, type RestoreRequest } from './restore';
export type { BlobInfo } from './blobs';
export type { VaultFs } from './fsio';
export type { CompactionPolicy } from './store';

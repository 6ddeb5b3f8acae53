// Restore (a backup may come from anyone with the files): a backup is unpacked beside the vault, opened with the passphrase of a user
// in it (keyed checks: header MAC, snapshot and journal MACs and chain, every attachment's sealed
// chunks), checked complete, and compared with the vault it would replace. Only then is it
// swapped in; the vault that was there is renamed aside, never deleted. Any failure leaves the
// vault folder exactly as it was.
import path from 'node:path';
import { VaultError, cannotOpen, ioError } from './errors';
import { realFs, type VaultFs } from './fsio';
import { HEADER_FILE, parseHeader } from './header';
import { removeStaging, swapIn, unpackBackup } from './backup';
import { ukDate } from './checkpoint';
import { Vault, type VaultOptions, type VaultSession } from './vault';

export interface RestoreRequest {
  backupFile: string;
  /** The vault folder to restore into. */
  dir: string;
  /** A passphrase of any user (Member or PA) in the backup: the copy must open before anything is swapped. */
  passphrase: string;
  /** Replace a vault that is already there (it is kept aside). */
  overwrite?: boolean;
  /** The second confirmation: restore even though the backup is behind the vault it replaces. */
  confirmOlder?: boolean;
  options?: VaultOptions;
}

export type RestoreOutcome =
  | { status: 'restored'; replacedFolder: string | null }
  /** The backup is older than the vault here: nothing was changed; ask again with `confirmOlder`. */
  | { status: 'confirm-older'; message: string; savesLost: number | null; backupDate: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Attachment ids a record names (fields called …blob… or …attachment…), found at any depth. */
function blobIdsIn(value: unknown, key = '', out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (/blob|attachment/i.test(key) && UUID.test(value)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) blobIdsIn(v, key, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) blobIdsIn(v, k, out);
  }
  return out;
}

/** Opens the staged copy with the passphrase of whichever of its users it belongs to. */
async function openStaged(staging: string, passphrase: string, options: VaultOptions): Promise<VaultSession> {
  // No checkpoint store: opening a copy must not move this computer's record of the last save.
  const locked = Vault.open(staging, { ...options, checkpoints: undefined });
  for (const user of locked.users()) {
    try {
      return await locked.unlock(user.id, passphrase);
    } catch (error) {
      if (error instanceof VaultError && error.code === 'wrong-passphrase') continue;
      throw error;
    }
  }
  throw new VaultError(
    'wrong-passphrase',
    'That passphrase does not open this backup. Enter the passphrase of a user in the backup. Nothing was changed.',
  );
}

/** Keyed completeness: the copy loaded whole, and every attachment it names is there and opens. */
async function checkComplete(session: VaultSession, staging: string, fs: VaultFs): Promise<void> {
  if (session.warnings.some((w) => w.kind === 'unfinished-save')) throw cannotOpen('the backup is incomplete: its last save was cut short');
  // A journal after a compaction continues a snapshot: without that snapshot most records are missing.
  for (const name of fs.readdirSync(staging)) {
    const gen = /^journal-(\d{6})\.log$/.exec(name)?.[1];
    if (gen && Number(gen) > 0 && !fs.existsSync(path.join(staging, `snapshot-${gen}.bin`)))
      throw cannotOpen('the backup is incomplete: the snapshot its saves continue from is missing');
  }
  const named = new Set<string>();
  for (const r of session.iterate()) blobIdsIn(r.data, '', named);
  const blobDir = path.join(staging, 'blobs');
  const present = new Set(
    fs.existsSync(blobDir)
      ? fs
          .readdirSync(blobDir)
          .filter((b) => b.endsWith('.blob'))
          .map((b) => b.slice(0, -5))
      : [],
  );
  const missing = [...named].filter((id) => !present.has(id));
  if (missing.length)
    throw cannotOpen(
      `the backup is incomplete: ${missing.length === 1 ? 'an attachment is' : `${missing.length} attachments are`} missing from it`,
    );
  for (const id of present) {
    try {
      // Integrity, not use: each file is read as the owner its own header names (any, for the old format).
      const owner = session.attachments.header(id).owner ?? id;
      for await (const _chunk of session.attachments.read(id, owner, { ownerless: () => true })) void _chunk; // every chunk authenticated
    } catch (error) {
      // A Member-only attachment cannot be opened by a PA: its presence is all a PA can check.
      if (error instanceof VaultError && error.code === 'not-permitted') continue;
      throw cannotOpen('an attachment in the backup is damaged or was altered', error);
    }
  }
}

/** How far the vault here is ahead of the copy (saves), or null when it cannot be told. */
async function savesAhead(
  dir: string,
  staged: VaultSession,
  stagedVaultId: string,
  passphrase: string,
  options: VaultOptions,
  fs: VaultFs,
): Promise<number | null> {
  if (!fs.existsSync(path.join(dir, HEADER_FILE))) return null;
  let currentId: string;
  try {
    currentId = parseHeader(fs.readFileSync(path.join(dir, HEADER_FILE))).body.vaultId;
  } catch {
    return null;
  }
  if (currentId !== stagedVaultId) return null; // a different vault: the replace confirmation covers it
  const stagedSeq = staged.stats().lastSeq;
  try {
    const current = await Vault.open(dir, options).unlock(staged.user.id, passphrase);
    try {
      return Math.max(0, current.stats().lastSeq - stagedSeq);
    } finally {
      current.lock();
    }
  } catch {
    // The passphrase changed since the backup, or the vault here is damaged: the Member's checkpoint still tells.
  }
  return staged.savesBehindCheckpoint(options.checkpoints);
}

export async function restoreVerified(request: RestoreRequest): Promise<RestoreOutcome> {
  const options = request.options ?? {};
  const fs = options.fs ?? realFs;
  const now = (options.now ?? (() => new Date()))();
  const { dir } = request;
  if (fs.existsSync(path.join(dir, HEADER_FILE)) && !request.overwrite) {
    throw new VaultError(
      'exists',
      'There is already a vault here. Confirm that it should be replaced (it will be kept aside, not deleted).',
    );
  }
  const unpacked = unpackBackup(request.backupFile, dir, fs);
  let session: VaultSession | null = null;
  try {
    const stagedVaultId = parseHeader(fs.readFileSync(path.join(unpacked.staging, HEADER_FILE))).body.vaultId;
    session = await openStaged(unpacked.staging, request.passphrase, { ...options, fs });
    await checkComplete(session, unpacked.staging, fs);
    const ahead = await savesAhead(dir, session, stagedVaultId, request.passphrase, { ...options, fs }, fs);
    if (ahead && !request.confirmOlder) {
      const backupDate = ukDate(unpacked.created);
      return {
        status: 'confirm-older',
        backupDate,
        savesLost: ahead,
        message: `This backup is from ${backupDate}; ${ahead} ${ahead === 1 ? 'save' : 'saves'} made since will be lost.`,
      };
    }
    session.lock();
    session = null;
    const { replacedFolder } = swapIn(fs, unpacked.staging, dir, now);
    return { status: 'restored', replacedFolder };
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw ioError('restore the backup', error);
  } finally {
    session?.lock();
    removeStaging(fs, unpacked.staging);
  }
}

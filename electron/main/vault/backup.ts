// Backup: one file holding the vault's files exactly as they are on disk (already encrypted), so
// it opens with the same passphrases. Restore writes into a new folder next to the target and
// renames it into place; an existing vault is never overwritten without explicit confirmation,
// and even then it is moved aside, not deleted.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { VaultError, cannotOpen, ioError } from './errors';
import { FILE_MODE, ensureDir, fsyncDir, renameWithRetry, writeAll, realFs, type VaultFs } from './fsio';
import { listGenerations, journalName, snapshotName } from './generations';
import { HEADER_FILE, parseHeader } from './header';

const MAGIC = Buffer.from('NTKBACK1', 'latin1');

interface Manifest {
  format: 'need-to-know-backup';
  version: 1;
  created: string;
  files: Array<{ name: string; size: number; sha256: string }>;
}

/** The files that make up the current state: header, current generation, attachments. */
function filesToBackUp(fs: VaultFs, dir: string): string[] {
  const gens = listGenerations(fs, dir);
  const names = [HEADER_FILE];
  if (gens.current > 0) names.push(snapshotName(gens.current));
  if (fs.existsSync(path.join(dir, journalName(gens.current)))) names.push(journalName(gens.current));
  const blobDir = path.join(dir, 'blobs');
  if (fs.existsSync(blobDir)) for (const b of fs.readdirSync(blobDir)) if (b.endsWith('.blob')) names.push(`blobs/${b}`);
  return names;
}

function hashFile(fs: VaultFs, file: string): { size: number; sha256: string } {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1024 * 1024);
  let size = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, size);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      size += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

function copyRange(fs: VaultFs, fromFd: number, fromPos: number, size: number, toFd: number): void {
  const buf = Buffer.alloc(1024 * 1024);
  let done = 0;
  while (done < size) {
    const n = fs.readSync(fromFd, buf, 0, Math.min(buf.length, size - done), fromPos + done);
    if (n === 0) throw cannotOpen('the backup is truncated');
    writeAll(fs, toFd, buf.subarray(0, n));
    done += n;
  }
}

/** Writes a backup of the vault in `dir` to `target` (atomically: a temp file renamed into place). */
export function writeBackup(
  dir: string,
  target: string,
  options: { fs?: VaultFs; now?: () => Date } = {},
): { file: string; bytes: number } {
  const fs = options.fs ?? realFs;
  const names = filesToBackUp(fs, dir);
  const manifest: Manifest = {
    format: 'need-to-know-backup',
    version: 1,
    created: (options.now ?? (() => new Date()))().toISOString(),
    files: names.map((name) => ({ name, ...hashFile(fs, path.join(dir, name)) })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(manifestBytes.length);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  let bytes = 0;
  try {
    fd = fs.openSync(temp, 'wx', FILE_MODE);
    writeAll(fs, fd, Buffer.concat([MAGIC, len, manifestBytes]));
    bytes = MAGIC.length + 4 + manifestBytes.length;
    for (const entry of manifest.files) {
      const src = fs.openSync(path.join(dir, entry.name), 'r');
      try {
        copyRange(fs, src, 0, entry.size, fd);
      } finally {
        fs.closeSync(src);
      }
      bytes += entry.size;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    renameWithRetry(fs, temp, target);
    fsyncDir(fs, path.dirname(target));
    return { file: target, bytes };
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    if (fs.existsSync(temp)) fs.unlinkSync(temp);
    if (error instanceof VaultError) throw error;
    throw ioError('write the backup', error);
  }
}

/** A backup unpacked into a staging folder beside `dir`: nothing in `dir` is touched yet. */
export interface Unpacked {
  staging: string;
  /** When the backup says it was made (unkeyed: shown to the user, never trusted for checks). */
  created: string;
  files: string[];
}

/**
 * Unpacks a backup into a new staging folder next to `dir`, checking every file against the
 * manifest's size and SHA-256. The checksums are unkeyed: they catch damage, not tampering (the
 * caller opens the staged vault with keys for that). On failure nothing is left behind.
 */
export function unpackBackup(backupFile: string, dir: string, fs: VaultFs = realFs): Unpacked {
  let fd: number;
  try {
    fd = fs.openSync(backupFile, 'r');
  } catch (error) {
    throw ioError('open the backup file', error);
  }
  const staging = `${dir}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    const head = Buffer.alloc(12);
    if (fs.readSync(fd, head, 0, 12, 0) !== 12 || !head.subarray(0, 8).equals(MAGIC))
      throw cannotOpen('this is not a Need to Know backup file');
    const manifestLen = head.readUInt32BE(8);
    const manifestBytes = Buffer.alloc(manifestLen);
    if (fs.readSync(fd, manifestBytes, 0, manifestLen, 12) !== manifestLen) throw cannotOpen('the backup is truncated');
    let manifest: Manifest;
    try {
      manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    } catch (error) {
      throw cannotOpen('the backup index is damaged', error);
    }
    if (manifest.format !== 'need-to-know-backup' || !Array.isArray(manifest.files))
      throw cannotOpen('this is not a Need to Know backup file');
    if (manifest.version > 1) throw new VaultError('newer-format', 'cannot open: this backup was made by a newer version of Need to Know');
    ensureDir(fs, path.dirname(staging));
    ensureDir(fs, staging);
    ensureDir(fs, path.join(staging, 'blobs'));
    let pos = 12 + manifestLen;
    for (const entry of manifest.files) {
      if (typeof entry.name !== 'string' || !/^(blobs\/)?[A-Za-z0-9._-]+$/.test(entry.name) || entry.name.includes('..'))
        throw cannotOpen(`the backup names an unsafe file (${String(entry.name)})`);
      const out = path.join(staging, entry.name);
      const outFd = fs.openSync(out, 'wx', FILE_MODE);
      try {
        copyRange(fs, fd, pos, entry.size, outFd);
        fs.fsyncSync(outFd);
      } finally {
        fs.closeSync(outFd);
      }
      pos += entry.size;
      if (hashFile(fs, out).sha256 !== entry.sha256) throw cannotOpen(`${entry.name} in the backup is damaged (checksum mismatch)`);
    }
    parseHeader(fs.readFileSync(path.join(staging, HEADER_FILE)));
    fsyncDir(fs, staging);
    return { staging, created: String(manifest.created), files: manifest.files.map((f) => f.name) };
  } catch (error) {
    removeStaging(fs, staging);
    if (error instanceof VaultError) throw error;
    throw ioError('restore the backup', error);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a staging folder: it holds only copies from the backup file, so this loses nothing. */
export function removeStaging(fs: VaultFs, staging: string): void {
  if (!fs.existsSync(staging)) return;
  const blobs = path.join(staging, 'blobs');
  const names = [...(fs.existsSync(blobs) ? fs.readdirSync(blobs).map((b) => `blobs/${b}`) : []), ...fs.readdirSync(staging)];
  for (const name of names) {
    try {
      fs.unlinkSync(path.join(staging, name));
    } catch {
      /* a folder entry, or already gone */
    }
  }
  try {
    if (fs.existsSync(blobs)) fs.rmdirSync(blobs);
    fs.rmdirSync(staging);
  } catch {
    /* leave an empty folder rather than mask the real error */
  }
}

/** Puts a checked staging folder in place of `dir`; the vault that was there is renamed aside, never deleted. */
export function swapIn(fs: VaultFs, staging: string, dir: string, now: Date): { replacedFolder: string | null } {
  let replacedFolder: string | null = null;
  if (fs.existsSync(dir)) {
    replacedFolder = `${dir}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameWithRetry(fs, dir, replacedFolder);
  }
  try {
    renameWithRetry(fs, staging, dir);
  } catch (error) {
    // Put the old vault back where it was rather than leave the folder empty.
    if (replacedFolder) renameWithRetry(fs, replacedFolder, dir);
    throw error;
  }
  fsyncDir(fs, path.dirname(dir));
  return { replacedFolder };
}

/**
 * Restores a backup into `dir` with the unkeyed checks only (a new laptop's empty folder, and the
 * tests). The app restores through restore.ts, which opens the copy with a passphrase first.
 * An existing vault is refused unless `overwrite` is true, and is then renamed aside.
 */
export function restoreBackup(
  backupFile: string,
  dir: string,
  options: { overwrite?: boolean; fs?: VaultFs; now?: () => Date } = {},
): { replacedFolder: string | null } {
  const fs = options.fs ?? realFs;
  const now = (options.now ?? (() => new Date()))();
  if (fs.existsSync(path.join(dir, HEADER_FILE)) && !options.overwrite) {
    throw new VaultError(
      'exists',
      'There is already a vault here. Confirm that it should be replaced (it will be kept aside, not deleted).',
    );
  }
  const { staging } = unpackBackup(backupFile, dir, fs);
  try {
    return swapIn(fs, staging, dir, now);
  } catch (error) {
    removeStaging(fs, staging);
    if (error instanceof VaultError) throw error;
    throw ioError('restore the backup', error);
  }
}

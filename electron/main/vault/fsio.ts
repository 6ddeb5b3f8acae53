// File operations the vault uses, behind one small interface so tests can inject ENOSPC, EACCES
// and read-only folders (tests run as root, where chmod alone does not stop writes).
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { VaultError, ioError } from './errors';

/** How a file is opened: read, read-write, append, create-new (fails if it exists). */
export type OpenFlags = 'r' | 'r+' | 'a' | 'wx';

/**
 * The vault's file layer: exactly the calls the vault, its attachments and backups make, with
 * node:fs's signatures. Production uses `realFs`; service tests inject an in-memory one so they do
 * not wait on fsync (the vault's own tests keep the real disk, which is what they test).
 */
export interface VaultFs {
  openSync(file: string, flags: OpenFlags, mode?: number): number;
  writeSync(fd: number, buffer: Buffer, offset: number, length: number, position?: number | null): number;
  readSync(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  fstatSync(fd: number): { size: number };
  ftruncateSync(fd: number, length: number): void;
  fsyncSync(fd: number): void;
  fdatasyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  readFileSync(file: string): Buffer;
  existsSync(file: string): boolean;
  readdirSync(dir: string): string[];
  unlinkSync(file: string): void;
  mkdirSync(dir: string, options: { recursive: true; mode: number }): unknown;
  chmodSync(file: string, mode: number): void;
  rmdirSync(dir: string): void;
}

export const realFs: VaultFs = nodeFs;

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Windows: antivirus and indexers hold files briefly, so a rename can fail with EPERM/EBUSY. Retry, never fall back. */
export function renameWithRetry(fs: VaultFs, from: string, to: string, attempts = 10): void {
  for (let i = 1; ; i++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES') || i >= attempts) throw error;
      sleepSync(Math.min(20 * i, 200));
    }
  }
}

export function fsyncDir(fs: VaultFs, dir: string): void {
  // Windows cannot open a directory for fsync; NTFS metadata journaling covers the rename there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function writeAll(fs: VaultFs, fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
}

export function writeAllAt(fs: VaultFs, fd: number, data: Buffer, position: number): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset, position + offset);
}

/** Gathers small writes (one per frame) into large ones. */
export class BufferedWriter {
  private readonly buf = Buffer.alloc(1024 * 1024);
  private used = 0;
  constructor(
    private readonly fs: VaultFs,
    private readonly fd: number,
  ) {}
  write(data: Buffer): void {
    if (this.used + data.length > this.buf.length) this.flush();
    if (data.length >= this.buf.length) return writeAll(this.fs, this.fd, data);
    data.copy(this.buf, this.used);
    this.used += data.length;
  }
  flush(): void {
    if (this.used > 0) writeAll(this.fs, this.fd, this.buf.subarray(0, this.used));
    this.used = 0;
  }
}

/**
 * Replaces `file` atomically: temp file in the same folder (0600) -> `write` -> fsync -> rename ->
 * fsync the folder. If any step fails the old file is untouched and the temp file is removed.
 * There is no direct-write fallback: a failure is reported, never worked around.
 */
export function atomicWriteWith(fs: VaultFs, file: string, what: string, write: (fd: number) => void): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', FILE_MODE);
    write(fd);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    renameWithRetry(fs, temp, file);
    fsyncDir(fs, dir);
  } catch (error) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already failing: report the first error */
      }
    }
    try {
      if (fs.existsSync(temp)) fs.unlinkSync(temp);
    } catch {
      /* the temp file is harmless; the next unlock removes it */
    }
    if (error instanceof VaultError) throw error;
    throw ioError(`save ${what}`, error);
  }
}

export function atomicWrite(fs: VaultFs, file: string, data: Buffer, what: string): void {
  atomicWriteWith(fs, file, what, (fd) => writeAll(fs, fd, data));
}

export function ensureDir(fs: VaultFs, dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    if (process.platform !== 'win32') fs.chmodSync(dir, DIR_MODE);
  } catch (error) {
    throw ioError(`create the folder ${dir}`, error);
  }
}

// An in-memory file layer for the vault (test-only, never shipped): the same calls as node:fs,
// with the same error codes, and fsync a no-op. Service tests run the real vault on it so they do
// not wait on the disk; the vault's own tests and the crash tests keep the real file system.
import path from 'node:path';
import type { OpenFlags, VaultFs } from '../../../electron/main/vault/fsio';

/** A file's bytes; open descriptors hold the node itself, so a rename or unlink does not move them. */
interface FileNode {
  kind: 'file';
  bytes: Buffer;
  size: number;
}

interface DirNode {
  kind: 'dir';
}

interface OpenFile {
  node: FileNode;
  append: boolean;
  writable: boolean;
  /** Where a write without a position goes (files opened for append always write at the end). */
  pos: number;
}

const fail = (code: string, call: string, file: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${call} '${file}'`), { code, syscall: call, path: file });

export class MemoryFiles implements VaultFs {
  private readonly nodes = new Map<string, FileNode | DirNode>([[path.resolve('/'), { kind: 'dir' }]]);
  private readonly fds = new Map<number, OpenFile>();
  private nextFd = 1000;
  /** How many fsync/fdatasync calls were made (they cost nothing here). */
  syncs = 0;

  private parentOf(file: string, call: string): void {
    const parent = this.nodes.get(path.dirname(file));
    if (!parent) throw fail('ENOENT', call, file);
    if (parent.kind !== 'dir') throw fail('ENOTDIR', call, file);
  }

  private fileAt(file: string, call: string): FileNode {
    const node = this.nodes.get(path.resolve(file));
    if (!node) throw fail('ENOENT', call, file);
    if (node.kind !== 'file') throw fail('EISDIR', call, file);
    return node;
  }

  private open(fd: number, call: string): OpenFile {
    const open = this.fds.get(fd);
    if (!open) throw fail('EBADF', call, String(fd));
    return open;
  }

  openSync(file: string, flags: OpenFlags): number {
    const full = path.resolve(file);
    const existing = this.nodes.get(full);
    if (flags === 'wx' && existing) throw fail('EEXIST', 'open', file);
    let node: FileNode;
    if (existing?.kind === 'dir') {
      // A folder opens read-only (to fsync it), as on Linux.
      if (flags !== 'r') throw fail('EISDIR', 'open', file);
      node = { kind: 'file', bytes: Buffer.alloc(0), size: 0 };
    } else if (existing) {
      node = existing;
    } else {
      if (flags === 'r' || flags === 'r+') throw fail('ENOENT', 'open', file);
      this.parentOf(full, 'open');
      node = { kind: 'file', bytes: Buffer.alloc(0), size: 0 };
      this.nodes.set(full, node);
    }
    const fd = this.nextFd++;
    this.fds.set(fd, { node, append: flags === 'a', writable: flags !== 'r', pos: 0 });
    return fd;
  }

  writeSync(fd: number, buffer: Buffer, offset: number, length: number, position?: number | null): number {
    const open = this.open(fd, 'write');
    if (!open.writable) throw fail('EBADF', 'write', String(fd));
    const { node } = open;
    const at = open.append ? node.size : (position ?? open.pos);
    const end = at + length;
    if (end > node.bytes.length) {
      const grown = Buffer.alloc(Math.max(end, node.bytes.length * 2, 4096));
      node.bytes.copy(grown, 0, 0, node.size);
      node.bytes = grown;
    }
    if (at > node.size) node.bytes.fill(0, node.size, at);
    buffer.copy(node.bytes, at, offset, offset + length);
    node.size = Math.max(node.size, end);
    if (position === undefined || position === null) open.pos = end;
    return length;
  }

  readSync(fd: number, buffer: Buffer, offset: number, length: number, position: number): number {
    const { node } = this.open(fd, 'read');
    const n = Math.max(0, Math.min(length, node.size - position));
    node.bytes.copy(buffer, offset, position, position + n);
    return n;
  }

  fstatSync(fd: number): { size: number } {
    return { size: this.open(fd, 'fstat').node.size };
  }

  ftruncateSync(fd: number, length: number): void {
    const { node } = this.open(fd, 'ftruncate');
    if (length < node.size) node.bytes.fill(0, length, node.size);
    else if (length > node.bytes.length) {
      const grown = Buffer.alloc(length);
      node.bytes.copy(grown, 0, 0, node.size);
      node.bytes = grown;
    }
    node.size = length;
  }

  fsyncSync(fd: number): void {
    this.open(fd, 'fsync');
    this.syncs++;
  }

  fdatasyncSync(fd: number): void {
    this.open(fd, 'fdatasync');
    this.syncs++;
  }

  closeSync(fd: number): void {
    this.open(fd, 'close');
    this.fds.delete(fd);
  }

  renameSync(from: string, to: string): void {
    const src = path.resolve(from);
    const dst = path.resolve(to);
    const node = this.nodes.get(src);
    if (!node) throw fail('ENOENT', 'rename', from);
    this.parentOf(dst, 'rename');
    const target = this.nodes.get(dst);
    if (target?.kind === 'dir' && (node.kind !== 'dir' || this.childrenOf(dst).length)) throw fail('ENOTEMPTY', 'rename', to);
    if (target?.kind === 'file' && node.kind === 'dir') throw fail('ENOTDIR', 'rename', to);
    // A folder moves with everything under it.
    const moves = [...this.nodes].filter(([p]) => p === src || p.startsWith(src + path.sep));
    for (const [p] of moves) this.nodes.delete(p);
    for (const [p, n] of moves) this.nodes.set(dst + p.slice(src.length), n);
  }

  readFileSync(file: string): Buffer {
    const node = this.fileAt(file, 'open');
    return Buffer.from(node.bytes.subarray(0, node.size));
  }

  existsSync(file: string): boolean {
    return this.nodes.has(path.resolve(file));
  }

  private childrenOf(dir: string): string[] {
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const names: string[] = [];
    for (const p of this.nodes.keys())
      if (p.startsWith(prefix) && p.length > prefix.length && !p.slice(prefix.length).includes(path.sep))
        names.push(p.slice(prefix.length));
    return names.sort();
  }

  readdirSync(dir: string): string[] {
    const full = path.resolve(dir);
    const node = this.nodes.get(full);
    if (!node) throw fail('ENOENT', 'scandir', dir);
    if (node.kind !== 'dir') throw fail('ENOTDIR', 'scandir', dir);
    return this.childrenOf(full);
  }

  unlinkSync(file: string): void {
    const full = path.resolve(file);
    const node = this.nodes.get(full);
    if (!node) throw fail('ENOENT', 'unlink', file);
    if (node.kind === 'dir') throw fail('EISDIR', 'unlink', file);
    this.nodes.delete(full);
  }

  /** Always recursive, as the vault asks; modes are not modelled. Returns the first folder made, as node:fs does. */
  mkdirSync(dir: string): string | undefined {
    const full = path.resolve(dir);
    const missing: string[] = [];
    for (let p = full; !this.nodes.has(p); p = path.dirname(p)) missing.unshift(p);
    const existing = this.nodes.get(missing.length ? path.dirname(missing[0]!) : full);
    if (existing?.kind !== 'dir') throw fail(missing.length ? 'ENOTDIR' : 'EEXIST', 'mkdir', dir);
    for (const p of missing) this.nodes.set(p, { kind: 'dir' });
    return missing[0];
  }

  chmodSync(file: string): void {
    if (!this.existsSync(file)) throw fail('ENOENT', 'chmod', file);
  }

  /** For tests that alter a vault file the way an attacker or a damaged disk would. */
  writeFileSync(file: string, bytes: Buffer): void {
    const fd = this.openSync(file, 'a');
    try {
      this.ftruncateSync(fd, 0);
      this.writeSync(fd, bytes, 0, bytes.length);
    } finally {
      this.closeSync(fd);
    }
  }

  rmdirSync(dir: string): void {
    const full = path.resolve(dir);
    const node = this.nodes.get(full);
    if (!node) throw fail('ENOENT', 'rmdir', dir);
    if (node.kind !== 'dir') throw fail('ENOTDIR', 'rmdir', dir);
    if (this.childrenOf(full).length) throw fail('ENOTEMPTY', 'rmdir', dir);
    this.nodes.delete(full);
  }
}

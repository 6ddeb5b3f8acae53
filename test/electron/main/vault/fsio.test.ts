import * as nodeFs from 'node:fs';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWrite, atomicWriteWith, ensureDir, renameWithRetry, type VaultFs } from '../../../../electron/main/vault/fsio';
import { tempDir } from './support';

const failure = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** node:fs whose renames fail with `codes`, one per call, before working. */
function flakyRename(codes: string[]): VaultFs & { renames: number } {
  const fs = {
    ...nodeFs,
    renames: 0,
    renameSync: (from: string, to: string) => {
      fs.renames++;
      const code = codes.shift();
      if (code) throw failure(code);
      nodeFs.renameSync(from, to);
    },
  };
  return fs;
}

describe('file layer', () => {
  it('retries a rename that antivirus or an indexer holds (EPERM, EBUSY), and never retries other failures', () => {
    const dir = tempDir('fsio');
    writeFileSync(path.join(dir, 'a'), 'x');
    const held = flakyRename(['EBUSY', 'EPERM']);
    renameWithRetry(held, path.join(dir, 'a'), path.join(dir, 'b'));
    expect([held.renames, readFileSync(path.join(dir, 'b'), 'utf8')]).toEqual([3, 'x']);
    const missing = flakyRename(['ENOENT']);
    expect(() => renameWithRetry(missing, path.join(dir, 'b'), path.join(dir, 'c'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(missing.renames).toBe(1);
    const stuck = flakyRename(Array(10).fill('EBUSY'));
    expect(() => renameWithRetry(stuck, path.join(dir, 'b'), path.join(dir, 'c'), 3)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    expect(stuck.renames).toBe(3);
  });

  it('an atomic write replaces the file whole with mode 0600 and leaves no temp file', () => {
    const dir = tempDir('fsio');
    const file = path.join(dir, 'vault.json');
    writeFileSync(file, 'old');
    atomicWrite(nodeFs, file, Buffer.from('new'), 'the vault header');
    expect(readFileSync(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });

  it('a write that fails part-way leaves the old file as it was, removes the temp file and says why in words', () => {
    const dir = tempDir('fsio');
    const file = path.join(dir, 'vault.json');
    writeFileSync(file, 'old');
    expect(() =>
      atomicWriteWith(nodeFs, file, 'the vault header', (fd) => {
        nodeFs.writeSync(fd, Buffer.from('half'));
        throw failure('ENOSPC');
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'io',
        message: 'Could not save the vault header: the disk is full. Nothing already saved was changed.',
      }),
    );
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });

  it('makes the vault folder 0700', () => {
    const dir = path.join(tempDir('fsio'), 'a', 'vault');
    ensureDir(nodeFs, dir);
    if (process.platform !== 'win32') expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

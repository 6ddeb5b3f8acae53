// The in-memory file layer must behave as node:fs does for every call the vault makes, or service
// tests on it would prove nothing. Each step runs on both and the results and errors are compared.
import * as nodeFs from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultFs } from '../../../electron/main/vault/fsio';
import { MemoryFiles } from './memory-files';

type Step = (fs: VaultFs, root: string, fds: number[]) => unknown;

/** What a step gave: its value (Buffers as text) or its error code. */
function outcome(step: Step, fs: VaultFs, root: string, fds: number[]): unknown {
  try {
    const result = step(fs, root, fds);
    const value = typeof result === 'string' ? result.replace(root, '<root>') : result;
    return Buffer.isBuffer(value)
      ? { bytes: value.toString('latin1') }
      : { value: typeof value === 'number' && value >= 1000 ? 'fd' : value };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code };
  }
}

function sameOnBoth(steps: Step[]) {
  const real = { fs: nodeFs as VaultFs, root: mkdtempSync(path.join(os.tmpdir(), 'ntk-parity-')), fds: [] as number[] };
  const memory = { fs: new MemoryFiles() as VaultFs, root: '/parity', fds: [] as number[] };
  memory.fs.mkdirSync(memory.root, { recursive: true, mode: 0o700 });
  for (const [i, step] of steps.entries()) {
    const a = outcome(step, real.fs, real.root, real.fds);
    const b = outcome(step, memory.fs, memory.root, memory.fds);
    // Real descriptors are small numbers; compare only that both opened.
    const norm = (o: unknown) => (o && typeof o === 'object' && 'value' in o && typeof o.value === 'number' ? { value: 'fd' } : o);
    expect({ step: i, ...(norm(b) as object) }).toEqual({ step: i, ...(norm(a) as object) });
  }
}

const p = (root: string, ...names: string[]) => path.join(root, ...names);
const buf = (s: string) => Buffer.from(s);

describe('in-memory file layer', () => {
  it('opens, appends, writes at positions, reads, truncates and stats as node:fs does', () => {
    sameOnBoth([
      (fs, r, fds) => fds.push(fs.openSync(p(r, 'j.log'), 'a', 0o600)),
      (fs, _r, fds) => fs.writeSync(fds[0]!, buf('hello world'), 0, 11),
      (fs, _r, fds) => fs.writeSync(fds[0]!, buf('XY'), 0, 2, 0), // append mode: lands at the end on Linux
      (fs, _r, fds) => fs.fstatSync(fds[0]!).size,
      (fs, _r, fds) => fs.fdatasyncSync(fds[0]!),
      (fs, _r, fds) => fs.ftruncateSync(fds[0]!, 5),
      (fs, _r, fds) => fs.closeSync(fds[0]!),
      (fs, r) => fs.readFileSync(p(r, 'j.log')),
      (fs, r, fds) => fds.push(fs.openSync(p(r, 'j.log'), 'r+')),
      (fs, _r, fds) => fs.writeSync(fds[1]!, buf('J'), 0, 1, 0),
      (fs, _r, fds) => {
        const out = Buffer.alloc(8);
        const n = fs.readSync(fds[1]!, out, 1, 7, 2);
        return `${n}:${out.toString('latin1')}`;
      },
      (fs, _r, fds) => fs.ftruncateSync(fds[1]!, 9), // grows with zeros
      (fs, _r, fds) => fs.closeSync(fds[1]!),
      (fs, r) => fs.readFileSync(p(r, 'j.log')),
      (fs, _r, fds) => fs.closeSync(fds[1]!), // already closed
    ]);
  });

  it('creates new files only once, and refuses missing files and folders alike', () => {
    sameOnBoth([
      (fs, r, fds) => fds.push(fs.openSync(p(r, 't.tmp'), 'wx', 0o600)),
      (fs, r) => fs.openSync(p(r, 't.tmp'), 'wx', 0o600),
      (fs, _r, fds) => fs.writeSync(fds[0]!, buf('abc'), 1, 2),
      (fs, _r, fds) => fs.fsyncSync(fds[0]!),
      (fs, _r, fds) => fs.closeSync(fds[0]!),
      (fs, r) => fs.openSync(p(r, 'missing'), 'r'),
      (fs, r) => fs.openSync(p(r, 'missing'), 'r+'),
      (fs, r) => fs.openSync(p(r, 'no', 'such', 'folder'), 'a'),
      (fs, r) => fs.readFileSync(p(r, 'missing')),
      (fs, r) => fs.readFileSync(r),
      (fs, r) => fs.unlinkSync(p(r, 'missing')),
      (fs, r) => fs.existsSync(p(r, 't.tmp')),
      (fs, r) => fs.readFileSync(p(r, 't.tmp')),
    ]);
  });

  it('renames files and folders, lists sorted names, removes files and empty folders only', () => {
    sameOnBoth([
      (fs, r) => fs.mkdirSync(p(r, 'v', 'blobs'), { recursive: true, mode: 0o700 }),
      (fs, r) => fs.mkdirSync(p(r, 'v', 'blobs'), { recursive: true, mode: 0o700 }),
      (fs, r) => fs.chmodSync(p(r, 'v'), 0o700),
      (fs, r, fds) => fds.push(fs.openSync(p(r, 'v', 'b.tmp'), 'wx', 0o600)),
      (fs, _r, fds) => fs.closeSync(fds[0]!),
      (fs, r, fds) => fds.push(fs.openSync(p(r, 'v', 'blobs', 'x.blob'), 'a', 0o600)),
      (fs, _r, fds) => fs.closeSync(fds[1]!),
      (fs, r) => fs.renameSync(p(r, 'v', 'b.tmp'), p(r, 'v', 'a.json')),
      (fs, r) => fs.readdirSync(p(r, 'v')),
      (fs, r) => fs.rmdirSync(p(r, 'v', 'blobs')),
      (fs, r) => fs.renameSync(p(r, 'v'), p(r, 'v.replaced')),
      (fs, r) => fs.readdirSync(r),
      (fs, r) => fs.readdirSync(p(r, 'v.replaced', 'blobs')),
      (fs, r) => fs.readdirSync(p(r, 'v')),
      (fs, r) => fs.unlinkSync(p(r, 'v.replaced', 'blobs', 'x.blob')),
      (fs, r) => fs.rmdirSync(p(r, 'v.replaced', 'blobs')),
      (fs, r) => fs.existsSync(p(r, 'v.replaced', 'blobs')),
      (fs, r) => fs.renameSync(p(r, 'missing'), p(r, 'other')),
      (fs, r, fds) => fds.push(fs.openSync(r, 'r')), // a folder opens for fsync
      (fs, _r, fds) => fs.fsyncSync(fds[2]!),
      (fs, _r, fds) => fs.closeSync(fds[2]!),
    ]);
  });

  it('a descriptor keeps its file through a rename, as on Linux', () => {
    sameOnBoth([
      (fs, r, fds) => fds.push(fs.openSync(p(r, 'a'), 'a', 0o600)),
      (fs, r) => fs.renameSync(p(r, 'a'), p(r, 'b')),
      (fs, _r, fds) => fs.writeSync(fds[0]!, buf('still here'), 0, 10),
      (fs, _r, fds) => fs.closeSync(fds[0]!),
      (fs, r) => fs.readFileSync(p(r, 'b')),
      (fs, r) => fs.existsSync(p(r, 'a')),
    ]);
  });
});

import * as nodeFs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Vault, type VaultOptions, type VaultSession } from '../../../../electron/main/vault/vault';
import { deriveSubkey } from '../../../../electron/main/vault/crypto';
import { encodeFrame, readFrame, type DecodedFrame, type FrameMeta } from '../../../../electron/main/vault/frames';
import type { VaultFs } from '../../../../electron/main/vault/fsio';

/** The floor the header accepts (m = 19 MiB, t = 2): real Argon2id, fast enough for tests. */
export const TEST_KDF = { m: 19 * 1024, t: 2, p: 1 };
export const MEMBER_PASS = 'correct horse battery staple';
export const PA_PASS = 'violet kettle harbour ninety';

export const tempDir = (label = 'vault') => mkdtempSync(path.join(os.tmpdir(), `ntk-${label}-`));

export async function newVault(options: VaultOptions = {}) {
  const dir = path.join(tempDir(), 'vault');
  const session = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { ...options, kdf: TEST_KDF });
  return { dir, session };
}

/**
 * Every file under dir with its bytes, to prove an operation wrote nothing. On a file layer other
 * than the disk (`fs`), folders are told from files by listing them.
 */
export function snapshotFolder(dir: string, fs?: VaultFs): Record<string, string> {
  const out: Record<string, string> = {};
  const isDir = (full: string) => {
    if (!fs) return statSync(full).isDirectory();
    try {
      fs.readdirSync(full);
      return true;
    } catch {
      return false;
    }
  };
  const walk = (d: string) => {
    for (const name of fs ? fs.readdirSync(d) : readdirSync(d)) {
      const full = path.join(d, name);
      if (isDir(full)) walk(full);
      else out[path.relative(dir, full)] = (fs ? fs.readFileSync(full) : readFileSync(full)).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/**
 * Test-only: true when a locked session holds no key material and no record index. Reads the
 * session's private state on purpose; nothing in the app needs to ask this.
 */
export function keysCleared(session: VaultSession): boolean {
  const inside = session as unknown as { keys: { shared: Buffer; member: Buffer | null }; store: { records: Map<string, unknown> } };
  return inside.keys.shared.length === 0 && inside.keys.member === null && inside.store.records.size === 0;
}

export const sampleRequest = (n: number) => ({
  subject: `Pothole on Mill Lane (${n})`,
  question: 'When will the reported pothole outside number 12 be repaired?',
  officer: 'Head of Highways',
  ward: 'Riverside',
});

/** Every whole frame of a journal file, in order. */
export function frames(file: string, fs: Pick<VaultFs, 'readFileSync'> = nodeFs): DecodedFrame[] {
  const buf = fs.readFileSync(file);
  const out: DecodedFrame[] = [];
  for (let o = 0; o < buf.length;) {
    const r = readFrame(buf, o);
    if (!r.ok) break;
    out.push(r.frame);
    o = r.next;
  }
  return out;
}

/** The PA at file level: seals a frame with its real shared key, chained after the journal's last frame. */
export function paAppend(
  dir: string,
  shared: Buffer,
  meta: Partial<FrameMeta> & Pick<FrameMeta, 'kind' | 'id' | 'type'>,
  data: unknown,
  claim: 'pa' | 'member' = 'pa',
  fs: VaultFs = nodeFs,
) {
  const journal = path.join(dir, 'journal-000000.log');
  const last = frames(journal, fs).at(-1)!;
  const authorKey = deriveSubkey(shared, 'author:pa'); // all a PA can compute, whatever it claims
  const frame = encodeFrame(
    { tier: 'shared', schema: 2, seq: last.seq + 1, prev: last.hash, author: claim, epoch: 0, ...meta },
    shared,
    Buffer.from(JSON.stringify(data ?? {})),
    authorKey,
  );
  const fd = fs.openSync(journal, 'a');
  try {
    fs.writeSync(fd, frame.bytes, 0, frame.bytes.length);
  } finally {
    fs.closeSync(fd);
  }
}

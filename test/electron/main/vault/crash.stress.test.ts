import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../../electron/main/vault/vault';
import { newVault, tempDir } from './support';

const here = path.dirname(fileURLToPath(import.meta.url));
let childScript = '';

// The child is bundled once to plain CommonJS so each trial starts in tens of milliseconds.
beforeAll(async () => {
  childScript = path.join(tempDir('crash-child'), 'child.cjs');
  await build({
    entryPoints: [path.join(here, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: childScript,
    logLevel: 'error',
  });
});

function runUntilKilled(args: string[], killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d) => {
      out += d;
      // Start the clock at the first acknowledged save, so every kill lands mid-work.
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended without being killed: ${err}`));
      // A half-printed last line means that number's ack was not fully reported: ignore it.
      const lines = out.split('\n');
      lines.pop();
      resolve(lines.map(Number));
    });
  });
}

async function trials(mode: 'save' | 'compact', count: number) {
  const { dir, session } = await newVault();
  const userId = session.user.id;
  const exported = session.exportKeysForQuickUnlock();
  session.lock();
  const keysJson = JSON.stringify({ shared: exported.shared, member: exported.member });
  const keys = () => ({ shared: Buffer.from(exported.shared, 'base64'), member: Buffer.from(exported.member!, 'base64') });
  const latestAcked = new Map<string, number>();
  let next = 0;
  let totalAcked = 0;
  let killedMidSnapshot = 0;
  for (let t = 0; t < count; t++) {
    const acked = await runUntilKilled([dir, userId, keysJson, mode, String(next)], 1 + Math.floor(Math.random() * 25));
    for (const n of acked) latestAcked.set(`k${n % 37}`, n);
    totalAcked += acked.length;
    // A temp file left behind means this kill landed inside a snapshot write.
    if (readdirSync(dir).some((f) => f.endsWith('.tmp'))) killedMidSnapshot++;
    // Reopen: must succeed (never torn), hold every acknowledged save, and leave no temp files.
    const reopened = Vault.open(dir).openWithKeys(userId, keys());
    for (const [id, n] of latestAcked) {
      const value = reopened.get<{ n: number }>(id)?.data.n;
      // A save may reach the disk just before the kill and before its ack was printed: >= is right.
      expect(value, `${mode} trial ${t}: ${id}`).toBeGreaterThanOrEqual(n);
    }
    next = reopened.stats().lastSeq + 1000; // fresh numbers for the next child
    for (const r of reopened.list<{ n: number }>()) latestAcked.set(r.id, r.data.n);
    reopened.lock();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }
  return { totalAcked, killedMidSnapshot, files: readdirSync(dir) };
}

describe('vault crash injection (SIGKILL at random points)', () => {
  it('keeps every acknowledged save across 120 kills during saves', async () => {
    const { totalAcked } = await trials('save', 120);
    expect(totalAcked).toBeGreaterThan(120);
  }, 180_000);

  it('keeps every acknowledged save across 100 kills during compaction, with no temp files left', async () => {
    const { files, killedMidSnapshot } = await trials('compact', 100);
    expect(files.some((f) => f.startsWith('snapshot-'))).toBe(true);
    console.info(`compaction trials killed inside a snapshot write: ${killedMidSnapshot} of 100`);
    expect(killedMidSnapshot).toBeGreaterThan(0);
  }, 180_000);
});

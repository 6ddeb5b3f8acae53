// One vault size per process, so resident memory is measured cleanly. Prints one JSON line.
import Conf from 'conf';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_KDF, deriveKek, unwrapKey } from '../../electron/main/vault/crypto';
import { parseHeader, wrapAad } from '../../electron/main/vault/header';
import { HEADER_FILE, Vault } from '../../electron/main/vault/vault';
import { fixtureRequest } from '../fixtures/requests';
import { readFileSync } from 'node:fs';

const [mode, recordsArg, rootArg] = process.argv.slice(2) as ['fill' | 'measure' | 'baseline', string, string];
const records = Number(recordsArg);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 100) / 100;
const root = rootArg ?? mkdtempSync(path.join(os.tmpdir(), 'ntk-bench-'));
const dir = path.join(root, 'vault');
const passphrase = 'correct horse battery staple';

if (mode === 'fill') {
  // Every record saved the normal way (one fsynced frame each), then compacted.
  const session = await Vault.create(dir, { name: 'Bench Member', passphrase }, { kdf: DEFAULT_KDF });
  for (let i = 0; i < records; i++)
    session.put({ id: `req-${i}`, tier: i % 5 === 0 ? 'member' : 'shared', type: 'request', data: fixtureRequest(i) });
  const t = performance.now();
  session.compact();
  console.log(JSON.stringify({ root, userId: session.user.id, compaction_ms: round(performance.now() - t) }));
} else if (mode === 'measure') {
  // A fresh process: resident memory is what unlocking this vault costs, nothing left from filling it.
  // Unlock split in two: the KDF (passphrase -> key-encryption key), then everything after it.
  const header = parseHeader(readFileSync(path.join(dir, HEADER_FILE))).body;
  const slot = header.users[0]!;
  let t = performance.now();
  const kek = await deriveKek(passphrase, slot.kdf);
  const kdfMs = performance.now() - t;
  const keys = {
    shared: unwrapKey(kek, slot.keys.shared, wrapAad(header, slot, 'shared'))!,
    member: unwrapKey(kek, slot.keys.member!, wrapAad(header, slot, 'member'))!,
  };
  t = performance.now();
  const unlocked = Vault.open(dir).openWithKeys(slot.id, keys);
  const loadMs = performance.now() - t;
  global.gc?.();
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  const saves: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const record = { id: `req-${(i * 7919) % records}`, tier: 'shared' as const, type: 'request', data: fixtureRequest(records + i) };
    const s = performance.now();
    unlocked.put(record);
    saves.push(performance.now() - s);
  }
  unlocked.lock();
  console.log(
    JSON.stringify({
      kdf_ms: round(kdfMs),
      unlock_load_ms: round(loadMs),
      save_p50_ms: round(percentile(saves, 50)),
      save_p99_ms: round(percentile(saves, 99)),
      rss_mb: round(rssMb),
    }),
  );
} else {
  // Baseline: the first attempt most apps make: every record in one encrypted electron-store/conf file, rewritten on each save.
  const conf = new Conf<Record<string, unknown>>({
    cwd: path.join(root, 'baseline'),
    projectName: 'bench',
    encryptionKey: 'not a real key management scheme',
  });
  const all: Record<string, unknown> = {};
  for (let i = 0; i < records; i++) all[`req-${i}`] = fixtureRequest(i);
  conf.set('records', all);
  const baselineSaves: number[] = [];
  const samples = records >= 50_000 ? 8 : records >= 10_000 ? 20 : 50;
  for (let i = 0; i < samples; i++) {
    const s = performance.now();
    all[`req-${i}`] = fixtureRequest(records + i);
    conf.set('records', all);
    baselineSaves.push(performance.now() - s);
  }
  rmSync(root, { recursive: true, force: true });
  console.log(JSON.stringify({ baseline_save_p99_ms: round(percentile(baselineSaves, 99)) }));
}

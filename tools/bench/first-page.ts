// `npx tsx tools/bench/first-page.ts [unlocks] [data folder]`: main's part of the app bench's first
// paint, in Node with no browser (docs/BENCHMARKS.md). Through the harness's core it unlocks as the
// Member (AS=pa: the bench's PA, once the app bench has added one), then sends Today's calls and the
// list's first page together, as the window does, and times each, wall and CPU (main's and its
// workers'). The first unlock of a fresh copy of the bench vault builds the request index ("cold").
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIST_QUERY } from '../../shared/ipc/views';
import { startHarness } from '../harness/server';

const unlocks = Number(process.argv[2] ?? 5);
const given = process.argv[3];
const dataFolder = given ?? mkdtempSync(path.join(os.tmpdir(), 'ntk-first-page-'));
if (!existsSync(path.join(dataFolder, 'vault'))) cpSync(path.resolve('.tmp/bench-vault-50000'), dataFolder, { recursive: true });
const harness = await startHarness({ dataFolder, kdf: { m: 19 * 1024, t: 2, p: 1 } });

async function call(channel: string, input?: unknown): Promise<unknown> {
  const result = (await harness.core.dispatch(channel, input)) as { ok: boolean; value?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result)}`);
  return result.value;
}

/** Wall and CPU milliseconds of `work`. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const { users } = (await call('session:getState')) as { users: Array<{ id: string; role: string }> };
const asPa = process.env.AS === 'pa';
const user = users.find((u) => u.role === (asPa ? 'pa' : 'member'));
if (!user) throw new Error(asPa ? 'This vault has no PA yet (the app bench adds one).' : 'This vault has no Member.');
const passphrase = asPa ? 'another correct horse battery staple' : 'correct horse battery staple';
const warm: Record<string, number[]> = {};
try {
  for (let i = 0; i <= unlocks; i++) {
    const unlock = await timed(() => call('session:unlock', { userId: user.id, passphrase }));
    const page = await timed(async () => {
      const today = Promise.all([call('requests:volume'), call('dashboard:get')]);
      const first = await call('requests:list', { offset: 0, limit: 50, query: DEFAULT_LIST_QUERY });
      return { first, today };
    });
    await page.value.today;
    const row = { unlock: unlock.ms, unlockCpu: unlock.cpu, toPage: page.ms, toPageCpu: page.cpu, total: unlock.ms + page.ms };
    if (i > 0) for (const [key, value] of Object.entries(row)) (warm[key] ??= []).push(value);
    const shown = Object.entries(row).map(([key, value]) => `${key} ${Math.round(value)}`);
    console.log(`unlock ${i}${i === 0 ? ' (first)' : ''}: ${shown.join(', ')} ms`);
    // As the bench: main does its idle-moment work (the words, the search text) before the next lock.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await call('session:lock');
  }
  console.log(
    `medians of ${unlocks}: ${Object.entries(warm)
      .map(([key, values]) => `${key} ${Math.round(median(values))}`)
      .join(', ')} ms`,
  );
} finally {
  await harness.close();
  if (!given) rmSync(dataFolder, { recursive: true, force: true });
}

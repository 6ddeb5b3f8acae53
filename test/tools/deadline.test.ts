import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the repo (.tmp is git-ignored) so the bundle finds node_modules like the real command.
mkdirSync(path.join(repo, '.tmp'), { recursive: true });
const out = mkdtempSync(path.join(repo, '.tmp', 'deadline-'));
const bundle = path.join(out, 'deadline.mjs');

// The command is bundled once, as `npm run deadline` would compile it, then each case is a plain
// `node` process: a tsx start-up per case cost seconds on a busy 2-core machine.
beforeAll(async () => {
  await build({
    entryPoints: [path.join(repo, 'tools/deadline.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
    packages: 'external',
    absWorkingDir: repo,
  });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', cwd: repo });
const runAsync = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd: repo });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

describe('deadline command line', () => {
  it('R-DUE-1 prints acknowledgeBy, respondBy and the explanation as JSON for profile 004', () => {
    const r = run('--received', '2022-09-15', '--profile', '004', '--nation', 'england-and-wales');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    // Thu 15 Sep 2022: Fri 16 (1), Mon 19 funeral skipped, Tue 20 (2) ... Fri 30 (10).
    expect(out).toMatchObject({ acknowledgeBy: '2022-09-20', respondBy: '2022-09-30' });
    expect(out.explanation.join('\n')).toMatch(/Queen Elizabeth's Funeral Day/);
  });

  it('R-DUE-2 FOI in Scotland omits acknowledgeBy and counts Scottish holidays only', () => {
    const r = run('--received', '2025-03-14', '--profile', 'foi-scotland', '--nation', 'scotland');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).not.toHaveProperty('acknowledgeBy');
    expect(out.respondBy).toBe('2025-04-11');
  });

  it('exits 2 with a clear error for bad arguments', async () => {
    const cases = [
      ['--received', '2025-02-30', '--profile', '000', '--nation', 'scotland'],
      ['--received', '2025-02-03', '--profile', '999', '--nation', 'scotland'],
      ['--received', '2025-02-03', '--profile', '000', '--nation', 'wales'],
      ['--received', '2025-02-03', '--profile', '000'],
      ['--bogus', 'x'],
    ];
    // The five processes run side by side: each is a node start-up, most of the time spent waiting.
    const results = await Promise.all(cases.map((args) => runAsync(...args)));
    results.forEach((r, i) => {
      expect(r.status, cases[i]!.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Usage:/);
      expect(r.stdout).toBe('');
    });
  });
});

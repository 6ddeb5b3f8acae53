import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface VaultBenchRow {
  records: number;
  kdf_ms: number;
  unlock_load_ms: number;
  save_p50_ms: number;
  save_p99_ms: number;
  compaction_ms: number;
  rss_mb: number;
  baseline_save_p99_ms: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function worker(...args: string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(here, 'vault-worker.ts'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

/** Each size: fill in one process, unlock and save in a fresh one, then the naive baseline. */
export function runVaultBench(sizes = [1_000, 10_000, 50_000]): VaultBenchRow[] {
  return sizes.map((size) => {
    process.stderr.write(`vault: ${size} records…\n`);
    const filled = worker('fill', String(size));
    const measured = worker('measure', String(size), String(filled.root));
    const baseline = worker('baseline', String(size), String(filled.root));
    return {
      records: size,
      kdf_ms: measured.kdf_ms,
      unlock_load_ms: measured.unlock_load_ms,
      save_p50_ms: measured.save_p50_ms,
      save_p99_ms: measured.save_p99_ms,
      compaction_ms: filled.compaction_ms,
      rss_mb: measured.rss_mb,
      baseline_save_p99_ms: baseline.baseline_save_p99_ms,
    } as VaultBenchRow;
  });
}

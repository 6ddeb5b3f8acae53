// The vault folder's generations: snapshot-<g>.bin holds every live record up to a sequence number,
// journal-<g>.log the frames saved after it. Generation 0 has no snapshot. Compaction writes g+1 and
// keeps g as the previous generation; anything older is removed.
import path from 'node:path';
import type { VaultFs } from './fsio';

export const pad = (g: number) => String(g).padStart(6, '0');
export const snapshotName = (g: number) => `snapshot-${pad(g)}.bin`;
export const journalName = (g: number) => `journal-${pad(g)}.log`;

export interface Generations {
  current: number;
  snapshots: number[];
  journals: number[];
}

export function listGenerations(fs: VaultFs, dir: string): Generations {
  const names = fs.readdirSync(dir);
  const nums = (re: RegExp) =>
    names
      .map((n) => re.exec(n))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  const snapshots = nums(/^snapshot-(\d{6})\.bin$/);
  const journals = nums(/^journal-(\d{6})\.log$/);
  return { current: snapshots.at(-1) ?? 0, snapshots, journals };
}

/** Removes every generation older than `keep` (the previous generation stays as a fallback). */
export function removeGenerationsBefore(fs: VaultFs, dir: string, keep: number): void {
  const gens = listGenerations(fs, dir);
  for (const g of gens.snapshots) if (g < keep) fs.unlinkSync(path.join(dir, snapshotName(g)));
  for (const g of gens.journals) if (g < keep) fs.unlinkSync(path.join(dir, journalName(g)));
}

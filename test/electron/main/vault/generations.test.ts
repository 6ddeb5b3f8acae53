import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalName, listGenerations, removeGenerationsBefore, snapshotName } from '../../../../electron/main/vault/generations';
import { realFs } from '../../../../electron/main/vault/fsio';
import { tempDir } from './support';

describe('generations', () => {
  it('names files with six-digit generations, lists them in order and removes only those before the one kept', () => {
    const dir = tempDir('generations');
    expect(snapshotName(3)).toBe('snapshot-000003.bin');
    expect(journalName(12)).toBe('journal-000012.log');
    for (const name of ['journal-000000.log', 'snapshot-000002.bin', 'journal-000002.log', 'snapshot-000001.bin', 'journal-000001.log'])
      writeFileSync(path.join(dir, name), 'x');
    writeFileSync(path.join(dir, 'snapshot-2.bin'), 'not ours'); // not six digits: never counted, never removed
    writeFileSync(path.join(dir, 'journal-000001.log.torn-2026'), 'kept aside');
    expect(listGenerations(realFs, dir)).toEqual({ current: 2, snapshots: [1, 2], journals: [0, 1, 2] });

    removeGenerationsBefore(realFs, dir, 1);
    expect(realFs.readdirSync(dir).sort()).toEqual([
      'journal-000001.log',
      'journal-000001.log.torn-2026',
      'journal-000002.log',
      'snapshot-000001.bin',
      'snapshot-000002.bin',
      'snapshot-2.bin',
    ]);
  });

  it('generation 0 has no snapshot', () => {
    const dir = tempDir('generations');
    writeFileSync(path.join(dir, 'journal-000000.log'), '');
    expect(listGenerations(realFs, dir)).toEqual({ current: 0, snapshots: [], journals: [0] });
  });
});

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PA_PASS, seededCase } from '../../support/core';

async function withTarget() {
  const target = { file: '' };
  const ctx = await seededCase('2026-11-24', {
    dialogs: { chooseBackupTarget: async () => target.file, chooseBackupSource: async () => null },
  });
  // The vault's files, and so the backup's, are on the test's in-memory file layer (ctx.files).
  const folder = () => {
    const dir = path.join(os.tmpdir(), `ntk-backup-${randomUUID()}`);
    ctx.files.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  };
  target.file = path.join(folder(), 'copy.ntkbackup');
  const trail = async () => ctx.ok('audit:trail', { recordId: 'vault' });
  return { ...ctx, target, trail, folder };
}

describe('BackupService: its audit entries go through the records repository', () => {
  it('a backup is audited before it is written, stamped by the repository with who and when (R-USE-3)', async () => {
    const t = await withTarget();
    const result = await t.ok('vault:backup');
    expect(result.file).toBe(t.target.file);
    expect(t.files.existsSync(t.target.file)).toBe(true);
    expect(await t.trail()).toMatchObject([
      { recordId: 'vault', action: 'backup', detail: { file: t.target.file, by: 'Cllr Jane Smith', at: '2026-11-24T12:00:00.000Z' } },
    ]);
  });

  it('a write that fails is audited as failed too, and the user gets plain words; the PA’s backup names the PA', async () => {
    const t = await withTarget();
    t.target.file = path.join(t.dataFolder, 'no-such-folder', 'copy.ntkbackup');
    const failed = await t.call('vault:backup');
    expect(failed.ok).toBe(false);
    expect(failed.error.message).toMatch(/^Could not write the backup: .*Nothing already saved was changed\.$/);
    expect(failed.error.message).not.toMatch(/\bat\b.*\(|Error:/);
    expect((await t.trail()).map((e: { action: string }) => e.action)).toEqual(['backup', 'backup-failed']);
    const pa = await t.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await t.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    t.target.file = path.join(t.folder(), 'pa.ntkbackup');
    await t.ok('vault:backup');
    expect((await t.trail()).at(-1)).toMatchObject({ action: 'backup', detail: { by: 'Pat Jones', file: t.target.file } });
  });

  it('locked, nothing is asked and nothing is written', async () => {
    const t = await withTarget();
    await t.ok('session:lock');
    expect(await t.call('vault:backup')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.files.existsSync(t.target.file)).toBe(false);
  });
});

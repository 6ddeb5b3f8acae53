// Attacks on rollback (docs/ARCHITECTURE.md, "Rollback checkpoint"): the PA puts back an older copy
// of the vault (files copied back, or a backup restored through the app with the PA's own
// passphrase), cuts the journal short, and deletes this computer's checkpoint to hide it. With the
// checkpoint the Member is told what is missing; without it, a vault with the Member's history still
// opens only with a warning, never silently.
import { cpSync, rmSync, truncateSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Vault, memoryCheckpointStore, restoreVerified, writeBackup, type VaultSession } from '../../../../electron/main/vault';
import { MEMBER_PASS, PA_PASS, TEST_KDF, tempDir } from '../vault/support';
import { attackTable } from './epochs-table';

const table = attackTable();
afterAll(() => console.info(table.print()));

async function memberVault() {
  const dir = path.join(tempDir('rollback'), 'vault');
  const checkpoints = memoryCheckpointStore();
  const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF, checkpoints });
  const pa = await member.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
  for (let i = 0; i < 3; i++) member.put({ id: `early-${i}`, tier: 'shared', type: 'request', data: { i } });
  const older = path.join(tempDir('older'), 'vault');
  cpSync(dir, older, { recursive: true });
  const backup = path.join(tempDir('backup'), 'older.ntkbackup');
  writeBackup(dir, backup);
  for (let i = 0; i < 3; i++) member.put({ id: `late-${i}`, tier: 'member', type: 'request', data: { i } });
  const memberId = member.user.id;
  member.lock();
  return {
    dir,
    older,
    backup,
    paId: pa.id,
    checkpoints,
    forgetCheckpoint: () => checkpoints.values.clear(),
    unlock: () => Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER_PASS),
  };
}

type Setup = Awaited<ReturnType<typeof memberVault>>;

const putBack = (v: Setup) => {
  rmSync(v.dir, { recursive: true });
  cpSync(v.older, v.dir, { recursive: true });
};
const cutJournal = (v: Setup) => {
  const journal = path.join(v.dir, 'journal-000000.log');
  truncateSync(journal, Math.floor(statSync(journal).size / 2));
};
const restoreAsPa = async (v: Setup) => {
  await restoreVerified({ backupFile: v.backup, dir: v.dir, passphrase: PA_PASS, overwrite: true, confirmOlder: true, options: {} });
};

const ATTACKS: Array<{ name: string; act: (v: Setup) => void | Promise<void>; expect: 'rollback' | 'no-checkpoint' | 'any' }> = [
  { name: 'older copy put back', act: putBack, expect: 'rollback' },
  { name: 'older backup restored through the app with the PA passphrase', act: restoreAsPa, expect: 'rollback' },
  { name: 'journal cut short', act: cutJournal, expect: 'any' },
  { name: 'checkpoint deleted (nothing else)', act: (v) => v.forgetCheckpoint(), expect: 'no-checkpoint' },
  {
    name: 'older copy put back and checkpoint deleted',
    act: (v) => {
      putBack(v);
      v.forgetCheckpoint();
    },
    expect: 'no-checkpoint',
  },
  {
    name: 'older backup restored by the PA and checkpoint deleted',
    act: async (v) => {
      await restoreAsPa(v);
      v.forgetCheckpoint();
    },
    expect: 'no-checkpoint',
  },
  {
    name: 'journal cut short and checkpoint deleted',
    act: (v) => {
      cutJournal(v);
      v.forgetCheckpoint();
    },
    expect: 'any',
  },
];

async function outcome(open: () => Promise<VaultSession>): Promise<{ caught: boolean; kinds: string[] }> {
  try {
    const s = await open();
    const kinds = s.warnings.map((w) => w.kind);
    s.lock();
    return { caught: kinds.some((k) => k === 'rollback' || k === 'no-checkpoint' || k === 'unfinished-save'), kinds };
  } catch (error) {
    return { caught: (error as { code?: string }).code === 'cannot-open', kinds: ['cannot-open'] };
  }
}

describe('rollback is never silent', () => {
  for (const attack of ATTACKS) {
    it(`${attack.name}: the Member is warned at the next unlock`, async () => {
      const v = await memberVault();
      await attack.act(v);
      const r = await outcome(v.unlock);
      table.add(attack.name, { caught: r.caught });
      expect(r.caught).toBe(true);
      if (attack.expect !== 'any') expect(r.kinds).toContain(attack.expect);
    }, 60_000);
  }

  it('the warning stays until the Member has seen it, then the vault as it is becomes the checkpoint', async () => {
    const v = await memberVault();
    v.forgetCheckpoint();
    const first = await v.unlock();
    expect(first.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^This computer has no record of this vault's last save/)]);
    first.lock();
    const again = await v.unlock();
    expect(again.warnings.map((w) => w.kind)).toEqual(['no-checkpoint']);
    again.acknowledgeWarnings();
    again.lock();
    const after = await v.unlock();
    expect(after.warnings).toEqual([]);
    after.lock();
  }, 60_000);

  it('a vault with no Member history yet (just created elsewhere) opens without the warning', async () => {
    const dir = path.join(tempDir('fresh'), 'vault');
    const made = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF });
    const id = made.user.id;
    made.lock();
    const s = await Vault.open(dir, { checkpoints: memoryCheckpointStore() }).unlock(id, MEMBER_PASS);
    expect(s.warnings).toEqual([]);
    s.lock();
  }, 60_000);
});

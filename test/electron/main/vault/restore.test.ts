// Restore opens the backup's copy with a passphrase and checks it complete before anything is
// swapped; an older backup needs a second confirmation naming what will be lost; the vault that
// was there is kept aside. Every refusal leaves the vault folder exactly as it was.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeBackup } from '../../../../electron/main/vault/backup';
import { restoreVerified } from '../../../../electron/main/vault/restore';
import { Vault } from '../../../../electron/main/vault/vault';
import { memoryCheckpointStore } from '../../../../electron/main/vault/checkpoint';
import { MEMBER_PASS, PA_PASS, TEST_KDF, newVault, snapshotFolder, tempDir } from './support';

const NOW = new Date('2026-11-12T10:00:00Z');

async function backedUp() {
  const checkpoints = memoryCheckpointStore();
  const { dir, session } = await newVault({ checkpoints, now: () => NOW });
  const pa = await session.addUser({ name: 'Pat', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
  const { id: blobId } = await session.attachments.add(Readable.from([Buffer.from('officer reply')]), 'shared', 'mat-1');
  session.put({ id: 'mat1', tier: 'shared', type: 'material', data: { title: 'Reply', blobId } });
  session.put({ id: 'pink', tier: 'member', type: 'material', data: { title: 'pink paper' } });
  const file = path.join(tempDir('backup'), 'b.ntkbackup');
  writeBackup(dir, file, { now: () => NOW });
  return { dir, session, pa, blobId, file, checkpoints };
}

/** Rewrites a backup file: `edit` may drop or change entries (fixing up the unkeyed checksums, as an attacker would). */
function rewrite(file: string, edit: (entries: Array<{ name: string; body: Buffer }>) => Array<{ name: string; body: Buffer }>): string {
  const bytes = readFileSync(file);
  const len = bytes.readUInt32BE(8);
  const manifest = JSON.parse(bytes.subarray(12, 12 + len).toString()) as { files: Array<{ name: string; size: number; sha256: string }> };
  let pos = 12 + len;
  const entries = manifest.files.map((f) => {
    const body = bytes.subarray(pos, pos + f.size);
    pos += f.size;
    return { name: f.name, body: Buffer.from(body) };
  });
  const out = edit(entries);
  const m = Buffer.from(
    JSON.stringify({
      ...manifest,
      files: out.map((e) => ({ name: e.name, size: e.body.length, sha256: createHash('sha256').update(e.body).digest('hex') })),
    }),
  );
  const head = Buffer.alloc(4);
  head.writeUInt32BE(m.length);
  const target = `${file}.edited`;
  writeFileSync(target, Buffer.concat([bytes.subarray(0, 8), head, m, ...out.map((e) => e.body)]));
  return target;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as Error & { code?: string },
  );

describe('restore needs a passphrase and a complete copy', { timeout: 60_000 }, () => {
  it('restores onto a new laptop with a PA passphrase from the backup', async () => {
    const { session, file, blobId } = await backedUp();
    session.lock();
    const target = path.join(tempDir('new-laptop'), 'vault');
    expect(await restoreVerified({ backupFile: file, dir: target, passphrase: PA_PASS })).toEqual({
      status: 'restored',
      replacedFolder: null,
    });
    const member = await Vault.open(target).unlock(session.user.id, MEMBER_PASS);
    expect(member.get('pink')?.data).toEqual({ title: 'pink paper' });
    expect(member.attachments.exists(blobId)).toBe(true);
    member.lock();
  });

  it('refuses a passphrase that opens no user in the backup, changing nothing', async () => {
    const { dir, session, file } = await backedUp();
    session.lock();
    const before = snapshotFolder(dir);
    const error = await refusal(restoreVerified({ backupFile: file, dir, passphrase: 'not anyone’s passphrase at all', overwrite: true }));
    expect(error?.code).toBe('wrong-passphrase');
    expect(error?.message).toMatch(/does not open this backup/);
    expect(snapshotFolder(dir)).toEqual(before);
    expect(readdirSync(path.dirname(dir)).filter((n) => n.includes('restoring'))).toEqual([]);
  });

  it('refuses a backup missing an attachment its records name (checksums fixed up), changing nothing', async () => {
    const { dir, session, file, blobId } = await backedUp();
    session.lock();
    const edited = rewrite(file, (entries) => entries.filter((e) => e.name !== `blobs/${blobId}.blob`));
    const before = snapshotFolder(dir);
    const error = await refusal(restoreVerified({ backupFile: edited, dir, passphrase: MEMBER_PASS, overwrite: true }));
    expect(error?.message).toMatch(/incomplete: an attachment is missing/);
    expect(snapshotFolder(dir)).toEqual(before);
    expect(readdirSync(path.dirname(dir)).filter((n) => n.includes('restoring'))).toEqual([]);
  });

  it('never swaps in a backup missing its journal or snapshot over a newer vault', async () => {
    const { dir, session, file } = await backedUp();
    session.put({ id: 'after-backup', tier: 'shared', type: 'request', data: {} }); // the vault here is newer
    session.lock();
    const before = snapshotFolder(dir);
    for (const drop of [/^journal-/, /^snapshot-/]) {
      const edited = rewrite(file, (entries) => {
        const kept = entries.filter((e) => !drop.test(e.name));
        return kept;
      });
      // Either refused outright or held for the second confirmation: never restored silently.
      const outcome = await restoreVerified({ backupFile: edited, dir, passphrase: MEMBER_PASS, overwrite: true }).catch((e: Error) => e);
      expect(outcome instanceof Error || outcome.status === 'confirm-older', `dropping ${drop}`).toBe(true);
      expect(snapshotFolder(dir)).toEqual(before);
    }
  });

  it('refuses an attachment altered in the backup even with its checksum fixed up (keyed check)', async () => {
    const { dir, session, file, blobId } = await backedUp();
    session.lock();
    const edited = rewrite(file, (entries) =>
      entries.map((e) => {
        if (e.name !== `blobs/${blobId}.blob`) return e;
        const body = Buffer.from(e.body);
        body[body.length - 3] = body[body.length - 3]! ^ 1;
        return { ...e, body };
      }),
    );
    const before = snapshotFolder(dir);
    const error = await refusal(restoreVerified({ backupFile: edited, dir, passphrase: MEMBER_PASS, overwrite: true }));
    expect(error?.message).toMatch(/damaged or was altered/);
    expect(snapshotFolder(dir)).toEqual(before);
  });
});

describe('an older backup needs a second confirmation', { timeout: 60_000 }, () => {
  it('says what will be lost, changes nothing, and restores only when confirmed, keeping the old vault aside', async () => {
    const { dir, session, file, checkpoints } = await backedUp();
    for (let i = 0; i < 37; i++) session.put({ id: `later-${i}`, tier: 'shared', type: 'request', data: { n: i } });
    session.lock();
    const before = snapshotFolder(dir);
    const options = { checkpoints, now: () => NOW };
    const first = await restoreVerified({ backupFile: file, dir, passphrase: MEMBER_PASS, overwrite: true, options });
    expect(first).toMatchObject({
      status: 'confirm-older',
      savesLost: 37,
      message: 'This backup is from 12/11/2026; 37 saves made since will be lost.',
    });
    expect(snapshotFolder(dir)).toEqual(before);
    const second = await restoreVerified({ backupFile: file, dir, passphrase: MEMBER_PASS, overwrite: true, confirmOlder: true, options });
    expect(second.status).toBe('restored');
    const aside = (second as { replacedFolder: string }).replacedFolder;
    expect(existsSync(aside)).toBe(true);
    expect(snapshotFolder(aside)).toEqual(before);
    const restored = await Vault.open(dir).unlock(session.user.id, MEMBER_PASS);
    expect(restored.get('later-0')).toBeUndefined();
    restored.lock();
  });

  it('uses the Member’s checkpoint when the vault here no longer opens with that passphrase', async () => {
    const { dir, session, file, checkpoints } = await backedUp();
    for (let i = 0; i < 3; i++) session.put({ id: `later-${i}`, tier: 'shared', type: 'request', data: { n: i } });
    await session.changePassphrase(MEMBER_PASS, 'a brand new passphrase for the member', TEST_KDF);
    session.lock();
    const first = await restoreVerified({
      backupFile: file,
      dir,
      passphrase: MEMBER_PASS,
      overwrite: true,
      options: { checkpoints, now: () => NOW },
    });
    expect(first.status).toBe('confirm-older');
    expect((first as { savesLost: number }).savesLost).toBeGreaterThanOrEqual(3);
  });

  it('refuses to replace an existing vault without the replace confirmation', async () => {
    const { dir, session, file } = await backedUp();
    session.lock();
    const error = await refusal(restoreVerified({ backupFile: file, dir, passphrase: MEMBER_PASS }));
    expect(error?.code).toBe('exists');
  });
});

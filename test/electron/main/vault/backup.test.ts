import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../../../../electron/main/vault/backup';
import { Vault } from '../../../../electron/main/vault/vault';
import { MEMBER_PASS, PA_PASS, TEST_KDF, newVault, sampleRequest, snapshotFolder, tempDir } from './support';

async function vaultWithContent() {
  const { dir, session } = await newVault();
  const pa = await session.addUser({ name: 'Pat', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
  session.put({ id: 'r1', tier: 'shared', type: 'request', data: sampleRequest(1) });
  session.put({ id: 'm1', tier: 'member', type: 'material', data: { title: 'pink' } });
  const { id: blobId } = await session.attachments.add(Readable.from([Buffer.from('officer reply')]), 'shared', 'mat-1');
  return { dir, session, pa, blobId };
}

describe('vault backup and restore', () => {
  it('restores onto a fresh data folder, opening with the same passphrases', async () => {
    const { dir, session, pa, blobId } = await vaultWithContent();
    const file = path.join(tempDir('backup'), 'need-to-know.ntkbackup');
    writeBackup(dir, file);
    session.lock();
    const target = path.join(tempDir('new-laptop'), 'vault');
    restoreBackup(file, target);
    const member = await Vault.open(target).unlock(session.user.id, MEMBER_PASS);
    expect(member.get('m1')?.data).toEqual({ title: 'pink' });
    const chunks: Buffer[] = [];
    for await (const c of member.attachments.read(blobId, 'mat-1')) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('officer reply');
    member.lock();
    const paSession = await Vault.open(target).unlock(pa.id, PA_PASS);
    expect(paSession.get('r1')?.data).toEqual(sampleRequest(1));
    expect(paSession.get('m1')).toBeUndefined();
  });

  it('never overwrites an existing vault without confirmation, and keeps it aside when confirmed', async () => {
    const { dir, session } = await vaultWithContent();
    const file = path.join(tempDir('backup'), 'b.ntkbackup');
    writeBackup(dir, file);
    session.put({ id: 'after-backup', tier: 'shared', type: 'request', data: {} });
    session.lock();
    const before = snapshotFolder(dir);
    expect(() => restoreBackup(file, dir)).toThrow(expect.objectContaining({ code: 'exists' }));
    expect(snapshotFolder(dir)).toEqual(before);
    const { replacedFolder } = restoreBackup(file, dir, { overwrite: true });
    expect(replacedFolder && existsSync(replacedFolder)).toBeTruthy();
    expect(snapshotFolder(replacedFolder!)).toEqual(before);
    const restored = await Vault.open(dir).unlock(session.user.id, MEMBER_PASS);
    expect(restored.get('after-backup')).toBeUndefined();
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { dir, session } = await vaultWithContent();
    const file = path.join(tempDir('backup'), 'b.ntkbackup');
    writeBackup(dir, file);
    session.lock();
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 1;
    writeFileSync(file, bytes);
    const parent = tempDir('restore-target');
    const target = path.join(parent, 'vault');
    expect(() => restoreBackup(file, target)).toThrow(/cannot open: .*damaged/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});

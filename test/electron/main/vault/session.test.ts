import * as nodeFs from 'node:fs';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { encodeFrame, readFrame } from '../../../../electron/main/vault/frames';
import type { VaultFs } from '../../../../electron/main/vault/fsio';
import { HEADER_FILE, Vault, VaultError, restoreBackup, writeBackup } from '../../../../electron/main/vault';
import { MEMBER_PASS, PA_PASS, TEST_KDF, newVault, sampleRequest, snapshotFolder, tempDir } from './support';

const JOURNAL = 'journal-000000.log';

describe('vault API', () => {
  it('creates with Vault.create(dir, { member, kdf }) and lists by type or tier', async () => {
    const dir = path.join(tempDir(), 'vault');
    expect(Vault.exists(dir)).toBe(false);
    const session = await Vault.create(dir, { member: { name: 'Cllr Ann Lee', passphrase: MEMBER_PASS }, kdf: TEST_KDF });
    expect(Vault.exists(dir)).toBe(true);
    session.put({ id: 'r1', tier: 'shared', type: 'request', data: 1 });
    session.put({ id: 'm1', tier: 'member', type: 'request', data: 2 });
    session.put({ id: 'o1', tier: 'shared', type: 'officer', data: 3 });
    expect(session.list({ tier: 'member' }).map((r) => r.id)).toEqual(['m1']);
    expect(session.list('request').map((r) => r.id)).toEqual(['r1', 'm1']);
    expect(session.list({ type: 'request', tier: 'shared' }).map((r) => r.id)).toEqual(['r1']);
    expect(Vault.open(dir).users()).toEqual([{ id: session.user.id, name: 'Cllr Ann Lee', role: 'member' }]);
  });

  it('refuses a weak passphrase with a reason at set-up, for a PA and on change, writing nothing', async () => {
    const dir = path.join(tempDir(), 'vault');
    const weak = Vault.create(dir, { member: { name: 'Jane Smith', passphrase: 'janesmith2024' }, kdf: TEST_KDF });
    await expect(weak).rejects.toMatchObject({ code: 'weak-passphrase', message: expect.stringMatching(/too weak.*your name/) });
    expect(existsSync(dir)).toBe(false);

    const { dir: vaultDir, session } = await newVault();
    const before = snapshotFolder(vaultDir);
    await expect(session.addUser({ name: 'Pat', passphrase: 'password1234', role: 'pa' }, TEST_KDF)).rejects.toMatchObject({
      code: 'weak-passphrase',
    });
    await expect(session.changePassphrase(MEMBER_PASS, 'qwertyuiop12')).rejects.toMatchObject({
      code: 'weak-passphrase',
      message: expect.stringMatching(/run of keys/),
    });
    expect(snapshotFolder(vaultDir)).toEqual(before);
  });

  it('writeBackup(dir, file) and restoreBackup(file, dir) round-trip; restore refuses to overwrite unless told', async () => {
    const { dir, session } = await newVault();
    const pa = await session.addUser({ name: 'Pat', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    session.put({ id: 'm1', tier: 'member', type: 'material', data: { title: 'pink' } });
    const blob = await session.attachments.add(Readable.from([Buffer.from('reply')]), 'shared', 'mat-1');
    const file = path.join(tempDir('backup'), 'vault.ntkbackup');
    writeBackup(dir, file);
    session.lock();
    const fresh = path.join(tempDir('laptop'), 'vault');
    expect(restoreBackup(file, fresh)).toEqual({ replacedFolder: null });
    const member = await Vault.open(fresh).unlock(session.user.id, MEMBER_PASS);
    expect(member.get('m1')?.data).toEqual({ title: 'pink' });
    expect(blob.tier).toBe('shared');
    member.lock();
    expect((await Vault.open(fresh).unlock(pa.id, PA_PASS)).get('m1')).toBeUndefined();
    expect(() => restoreBackup(file, dir)).toThrow(expect.objectContaining({ code: 'exists' }));
    const { replacedFolder } = restoreBackup(file, dir, { overwrite: true });
    expect(existsSync(path.join(replacedFolder!, HEADER_FILE))).toBe(true);
  });

  it('auditTrail() re-verifies the chain: a frame removed or changed after unlock is reported', async () => {
    const { dir, session } = await newVault();
    for (let i = 0; i < 4; i++)
      session.appendAudit({ recordId: 'm1', action: i % 2 ? 'viewed' : 'exported', tier: 'member', detail: { i } });
    expect(session.auditTrail('m1').map((e) => e.detail)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }]);
    const file = path.join(dir, JOURNAL);
    const original = readFileSync(file);
    const first = readFrame(original, 0);
    if (!first.ok) throw new Error('bad fixture');
    const second = readFrame(original, first.next);
    if (!second.ok) throw new Error('bad fixture');
    writeFileSync(file, Buffer.concat([original.subarray(0, first.next), original.subarray(second.next)]));
    expect(() => session.auditTrail()).toThrow(/^cannot open: .*(hash chain|no longer ends|cut short)/);
    const flipped = Buffer.from(original);
    flipped[original.length - 3] = flipped[original.length - 3]! ^ 1;
    writeFileSync(file, flipped);
    expect(() => session.auditTrail()).toThrow(/^cannot open: /);
    writeFileSync(file, original);
    expect(session.auditTrail()).toHaveLength(4);
  });

  it('refuses a record written with a newer schema, leaving the files untouched', async () => {
    const { dir, session } = await newVault();
    session.put({ id: 'r1', tier: 'shared', type: 'request', data: sampleRequest(1) });
    const keys = session.exportKeysForQuickUnlock();
    const userId = session.user.id;
    session.lock();
    const file = path.join(dir, JOURNAL);
    const last = readFrame(readFileSync(file), 0);
    if (!last.ok) throw new Error('bad fixture');
    const shared = Buffer.from(keys.shared, 'base64');
    const future = encodeFrame(
      { kind: 'put', tier: 'shared', schema: 3, seq: 2, prev: last.frame.hash, id: 'r2', type: 'request', author: 'member' },
      shared,
      Buffer.from('{}'),
      shared,
    );
    appendFileSync(file, future.bytes);
    const before = snapshotFolder(dir);
    await expect(Vault.open(dir).unlock(userId, MEMBER_PASS)).rejects.toMatchObject({ code: 'newer-format' });
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('a failed header write (adding a PA on a full disk) leaves the old header and users intact', async () => {
    const state = { fail: false };
    const fs: VaultFs = {
      ...nodeFs,
      writeSync: ((...args: Parameters<typeof nodeFs.writeSync>) => {
        if (state.fail) throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
        return (nodeFs.writeSync as (...a: unknown[]) => number)(...args);
      }) as typeof nodeFs.writeSync,
    };
    const { dir, session } = await newVault({ fs });
    const before = snapshotFolder(dir);
    state.fail = true;
    await expect(session.addUser({ name: 'Pat', passphrase: PA_PASS, role: 'pa' }, TEST_KDF)).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/disk is full/),
    });
    await expect(session.changePassphrase(MEMBER_PASS, PA_PASS)).rejects.toBeInstanceOf(VaultError);
    expect(snapshotFolder(dir)).toEqual(before);
    expect(session.users()).toHaveLength(1);
    session.lock();
    await expect(Vault.open(dir).unlock(session.user.id, MEMBER_PASS)).resolves.toBeDefined();
  });

  it('reports a save that never finished as set aside, and iterate() stops at a lock', async () => {
    const { dir, session } = await newVault();
    for (let i = 0; i < 5; i++) session.put({ id: `r${i}`, tier: 'shared', type: 'request', data: sampleRequest(i) });
    const keys = session.exportKeysForQuickUnlock();
    const userId = session.user.id;
    session.lock();
    const file = path.join(dir, JOURNAL);
    writeFileSync(file, readFileSync(file).subarray(0, -10));
    const reopened = Vault.open(dir).openWithKeys(userId, {
      shared: Buffer.from(keys.shared, 'base64'),
      member: Buffer.from(keys.member!, 'base64'),
    });
    expect(reopened.recovery?.setAside).toMatch(/^journal-000000\.log\.torn-/);
    expect(existsSync(path.join(dir, reopened.recovery!.setAside))).toBe(true);
    const seen: string[] = [];
    expect(() => {
      for (const r of reopened.iterate('request')) {
        seen.push(r.id);
        if (seen.length === 2) reopened.lock();
      }
    }).toThrow(expect.objectContaining({ code: 'locked' }));
    expect(seen).toEqual(['r0', 'r1']);
  });

  it('every key-needing call answers "locked" after lock, attachments included', async () => {
    const { session } = await newVault();
    session.lock();
    await expect(session.attachments.add(Readable.from([Buffer.from('x')]), 'shared', 'mat-1')).rejects.toMatchObject({ code: 'locked' });
    for (const call of [
      () => session.delete('r1'),
      () => session.appendAudit({ recordId: 'r', action: 'viewed', tier: 'shared', detail: {} }),
      () => session.users(),
      () => session.compact(),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'locked' }));
    }
    await expect(session.addUser({ name: 'Pat', passphrase: PA_PASS, role: 'pa' })).rejects.toMatchObject({ code: 'locked' });
  });
});

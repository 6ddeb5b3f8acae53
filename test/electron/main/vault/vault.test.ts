import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveKek, unwrapKey } from '../../../../electron/main/vault/crypto';
import { openFrame, readFrame } from '../../../../electron/main/vault/frames';
import { parseHeader, wrapAad } from '../../../../electron/main/vault/header';
import { Vault, HEADER_FILE } from '../../../../electron/main/vault/vault';
import { MEMBER_PASS, PA_PASS, TEST_KDF, keysCleared, newVault, sampleRequest, snapshotFolder } from './support';

describe('vault: users and keys', () => {
  it('creates the vault for the Member, who can read and write both tiers', async () => {
    const { dir, session } = await newVault();
    expect(session.user).toMatchObject({ name: 'Cllr Jane Smith', role: 'member' });
    session.put({ id: 'r1', tier: 'shared', type: 'request', data: sampleRequest(1) });
    session.put({ id: 'm1', tier: 'member', type: 'material', data: { title: 'Pink paper: land sale' } });
    session.lock();
    const again = await Vault.open(dir).unlock(session.user.id, MEMBER_PASS);
    expect(again.get('r1')?.data).toEqual(sampleRequest(1));
    expect(again.get('m1')?.data).toEqual({ title: 'Pink paper: land sale' });
  });

  it('makes the folder 0700 and its files 0600', async () => {
    const { dir, session } = await newVault();
    session.put({ id: 'r1', tier: 'shared', type: 'request', data: {} });
    if (process.platform === 'win32') return;
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) expect(statSync(path.join(dir, name)).mode & 0o777, name).toBe(0o600);
  });

  it('gives a wrong passphrase a clear error and writes nothing', async () => {
    const { dir, session } = await newVault();
    session.put({ id: 'r1', tier: 'shared', type: 'request', data: sampleRequest(1) });
    session.lock();
    const before = snapshotFolder(dir);
    await expect(Vault.open(dir).unlock(session.user.id, 'not my passphrase at all')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: expect.stringMatching(/not right for Cllr Jane Smith/),
    });
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('reads the snapshot while the passphrase is checked, yet a wrong passphrase is still what a damaged snapshot reports, and a damaged one refuses to open', async () => {
    const { dir, session } = await newVault();
    for (let i = 1; i <= 3; i++) session.put({ id: `r${i}`, tier: i === 2 ? 'member' : 'shared', type: 'request', data: sampleRequest(i) });
    session.compact();
    const pa = await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    session.lock();
    // Read ahead and checked afterwards: the Member and a PA each see what the snapshot holds for them.
    const member = await Vault.open(dir).unlock(session.user.id, MEMBER_PASS);
    expect(member.list('request').map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    member.lock();
    const paSession = await Vault.open(dir).unlock(pa.id, PA_PASS);
    expect(paSession.list('request').map((r) => r.id)).toEqual(['r1', 'r3']);
    paSession.lock();
    const file = readdirSync(dir).find((n) => n.startsWith('snapshot-'))!;
    const bytes = readFileSync(path.join(dir, file));
    bytes[bytes.length - 40]! ^= 1;
    writeFileSync(path.join(dir, file), bytes);
    const before = snapshotFolder(dir);
    await expect(Vault.open(dir).unlock(session.user.id, 'not my passphrase at all')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const users: Array<[string, string]> = [
      [session.user.id, MEMBER_PASS],
      [pa.id, PA_PASS],
    ];
    for (const [who, pass] of users)
      await expect(Vault.open(dir).unlock(who, pass)).rejects.toMatchObject({
        code: 'cannot-open',
        message: expect.stringMatching(/altered or damaged/),
      });
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('R-USE-2: a PA cannot decrypt Member-only records, even reading the files with their own keys', async () => {
    const { dir, session } = await newVault();
    const pa = await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    session.put({ id: 'shared-1', tier: 'shared', type: 'request', data: sampleRequest(1) });
    session.put({ id: 'secret-1', tier: 'member', type: 'material', data: { title: 'Exempt: para 3 contract bids' } });
    session.lock();

    const paSession = await Vault.open(dir).unlock(pa.id, PA_PASS);
    expect(paSession.get('shared-1')?.data).toEqual(sampleRequest(1));
    expect(paSession.get('secret-1')).toBeUndefined();
    expect(paSession.list().map((r) => r.id)).toEqual(['shared-1']);
    expect(paSession.sealedIds()).toEqual([{ id: 'secret-1', type: 'material' }]);
    expect(() => paSession.put({ id: 'secret-1', tier: 'shared', type: 'material', data: {} })).toThrow(/Member-only/);
    expect(() => paSession.put({ id: 'x', tier: 'member', type: 'material', data: {} })).toThrow(/no key for Member-only/);

    // Directly from the files: the PA's slot wraps one key only; it opens no member-tier frame.
    const header = parseHeader(readFileSync(path.join(dir, HEADER_FILE)));
    const slot = header.body.users.find((u) => u.id === pa.id)!;
    // Its slot key (for a later key rotation) is its own, and the Member-only key is nowhere in it.
    expect(Object.keys(slot.keys).sort()).toEqual(['shared', 'slot', 'slotForMember']);
    expect(slot.keys.member).toBeUndefined();
    const kek = await deriveKek(PA_PASS, slot.kdf);
    const paShared = unwrapKey(kek, slot.keys.shared, wrapAad(header.body, slot, 'shared'))!;
    expect(paShared).not.toBeNull();
    const journal = readFileSync(path.join(dir, 'journal-000000.log'));
    let offset = 0;
    let memberFrames = 0;
    while (offset < journal.length) {
      const r = readFrame(journal, offset);
      if (!r.ok) throw new Error('unreadable frame');
      if (r.frame.tier === 'member') {
        memberFrames++;
        for (const key of [kek, paShared]) expect(openFrame(r.frame, key)).toBeNull();
      }
      offset = r.next;
    }
    expect(memberFrames).toBe(1);
    // Nor can the PA's key-encryption key unwrap the Member's member-key slot.
    const memberSlot = header.body.users.find((u) => u.role === 'member')!;
    expect(unwrapKey(kek, memberSlot.keys.member!, wrapAad(header.body, memberSlot, 'member'))).toBeNull();
  });

  it('only the Member can add a PA', async () => {
    const { dir, session } = await newVault();
    const pa = await session.addUser({ name: 'Pat', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    session.lock();
    const paSession = await Vault.open(dir).unlock(pa.id, PA_PASS);
    await expect(paSession.addUser({ name: 'Other', passphrase: PA_PASS, role: 'pa' }, TEST_KDF)).rejects.toMatchObject({
      code: 'not-permitted',
    });
  });

  it('changing a passphrase re-wraps keys only: no record file changes', async () => {
    const { dir, session } = await newVault();
    session.put({ id: 'r1', tier: 'member', type: 'request', data: sampleRequest(1) });
    const before = snapshotFolder(dir);
    await session.changePassphrase(MEMBER_PASS, 'new passphrase with four words');
    const after = snapshotFolder(dir);
    for (const name of Object.keys(before)) if (name !== HEADER_FILE) expect(after[name], name).toBe(before[name]);
    expect(after[HEADER_FILE]).not.toBe(before[HEADER_FILE]);
    session.lock();
    await expect(Vault.open(dir).unlock(session.user.id, MEMBER_PASS)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const reopened = await Vault.open(dir).unlock(session.user.id, 'new passphrase with four words');
    expect(reopened.get('r1')?.data).toEqual(sampleRequest(1));
  });

  it('refuses to change the passphrase when the current one is wrong', async () => {
    const { session } = await newVault();
    await expect(session.changePassphrase('wrong current one', 'new passphrase with four words')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });
});

describe('vault: locking and refusing to open', () => {
  it('lock zeroes the keys, drops every decrypted record and answers "locked"', async () => {
    const { session } = await newVault();
    session.put({ id: 'r1', tier: 'shared', type: 'request', data: sampleRequest(1) });
    const keyRef = (session as unknown as { keys: { shared: Buffer } }).keys.shared;
    session.lock();
    expect(keyRef.every((b) => b === 0)).toBe(true);
    expect(keysCleared(session)).toBe(true);
    for (const call of [
      () => session.get('r1'),
      () => session.list(),
      () => session.put({ id: 'x', tier: 'shared', type: 't', data: 1 }),
      () => session.auditTrail(),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'locked' }));
    }
  });

  it('refuses a newer format version and leaves it untouched', async () => {
    const { dir, session } = await newVault();
    session.lock();
    const file = path.join(dir, HEADER_FILE);
    const header = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...header, version: 3 }));
    const before = snapshotFolder(dir);
    expect(() => Vault.open(dir)).toThrow(expect.objectContaining({ code: 'newer-format' }));
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('gives "cannot open: <reason>" for a header that does not parse, and keeps every byte', async () => {
    const { dir, session } = await newVault();
    session.lock();
    writeFileSync(path.join(dir, HEADER_FILE), '{"format": "need-to-know-vault", ');
    const before = snapshotFolder(dir);
    expect(() => Vault.open(dir)).toThrow(/^cannot open: /);
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('refuses to create over an existing vault', async () => {
    const { dir } = await newVault();
    await expect(Vault.create(dir, { name: 'X', passphrase: MEMBER_PASS }, { kdf: TEST_KDF })).rejects.toMatchObject({ code: 'exists' });
  });
});

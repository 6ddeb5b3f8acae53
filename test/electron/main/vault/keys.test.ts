// The session's keys, and removing a PA (Member only), which removes their slot and rotates the
// shared key: history still opens for the Member and the remaining PA, and the removed PA, even
// with a copy of their old keys and every file, cannot read anything written after.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../../electron/main/vault';
import { readFrame } from '../../../../electron/main/vault/frames';
import { openFrame } from '../../../../electron/main/vault/frames';
import { newDataKey, newKdfParams, wrapKey } from '../../../../electron/main/vault/crypto';
import { RecordKeys, unwrapSlotKeepingKek } from '../../../../electron/main/vault/keys';
import { newHeader, wrapAad } from '../../../../electron/main/vault/header';
import { MEMBER_PASS, PA_PASS, TEST_KDF, tempDir } from './support';

const OTHER_PASS = 'marble lantern copper seventeen';

async function readAll(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

describe('record keys', () => {
  it('seal each tier with its key, older epochs with theirs, and refuse everything once closed', () => {
    const [shared, member, old] = [newDataKey(), newDataKey(), newDataKey()];
    const keys = new RecordKeys({ shared, member, epoch: 1, older: new Map([[0, old]]) });
    expect([keys.keyFor('shared'), keys.keyFor('member'), keys.keyFor('shared', 0), keys.keyFor('shared', 5)]).toEqual([
      shared,
      member,
      old,
      null,
    ]);
    expect([keys.author, keys.isMember, keys.currentEpoch]).toEqual(['member', true, 1]);
    const pa = new RecordKeys({ shared, member: null });
    expect([pa.author, pa.keyFor('member'), pa.authorKey('member')]).toEqual(['pa', null, null]);
    // Author keys are derived apart from the data keys and per epoch.
    expect(keys.authorKey('pa', 1)!.equals(shared)).toBe(false);
    expect(keys.authorKey('pa', 0)!.equals(keys.authorKey('pa', 1)!)).toBe(false);
    const derived = keys.authorKey('member')!;
    keys.close();
    expect(derived.every((b) => b === 0)).toBe(true);
    expect(() => keys.keyFor('shared')).toThrow(expect.objectContaining({ code: 'locked' }));
  });

  it('a wrong passphrase is refused in words, naming the user and that nothing changed', async () => {
    const header = newHeader(new Date('2026-11-24T10:00:00Z'));
    const slot = { id: 'u1', name: 'Pat Assistant', role: 'pa' as const, kdf: newKdfParams(TEST_KDF), keys: { shared: '' } };
    slot.keys.shared = wrapKey(newDataKey(), newDataKey(), wrapAad(header, slot, 'shared')); // under some other passphrase
    await expect(unwrapSlotKeepingKek(header, slot, 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: 'That passphrase is not right for Pat Assistant. Nothing was changed.',
    });
  });
});

describe('removing a PA', () => {
  it('rotates the shared key: history opens for those who remain, nothing new opens for the removed PA', async () => {
    const dir = path.join(tempDir('remove'), 'vault');
    const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF });
    const leaving = await member.addUser({ name: 'Pat Leaving', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    const staying = await member.addUser({ name: 'Sam Staying', passphrase: OTHER_PASS, role: 'pa' }, TEST_KDF);
    member.put({ id: 'old', tier: 'shared', type: 'request', data: { subject: 'Before' } });
    const oldBlob = await member.attachments.add(Readable.from([Buffer.from('old shared file')]), 'shared', 'old');
    member.compact();
    const leaver = await Vault.open(dir).unlock(leaving.id, PA_PASS);
    const leaverKey = Buffer.from(leaver.exportKeysForQuickUnlock().shared, 'base64');
    leaver.lock();

    const result = member.removeUser(leaving.id);
    expect(result).toEqual({ removed: { id: leaving.id, name: 'Pat Leaving', role: 'pa' }, mustBeAddedAgain: [] });
    member.put({ id: 'new', tier: 'shared', type: 'request', data: { subject: 'After: the removed PA must not read this' } });
    expect(member.users().map((u) => u.name)).toEqual(['Cllr Jane Smith', 'Sam Staying']);
    member.lock();

    // The removed PA has no slot any more.
    await expect(Vault.open(dir).unlock(leaving.id, PA_PASS)).rejects.toMatchObject({ code: 'not-found' });
    // With their old shared key and every file, the new frame does not open.
    const journal = readFileSync(path.join(dir, 'journal-000001.log'));
    let opened = 0;
    for (let o = 0; o < journal.length;) {
      const r = readFrame(journal, o);
      if (!r.ok) break;
      if (r.frame.id === 'new' && openFrame(r.frame, leaverKey)) opened++;
      o = r.next;
    }
    expect(opened).toBe(0);

    // The PA who stays reads old and new, attachment included; so does the Member.
    const stayer = await Vault.open(dir).unlock(staying.id, OTHER_PASS);
    expect(
      stayer
        .list()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['new', 'old']);
    expect(await readAll(stayer.attachments.read(oldBlob.id, 'old'))).toBe('old shared file');
    stayer.put({ id: 'by-stayer', tier: 'shared', type: 'request', data: { subject: 'After, by Sam' } });
    await stayer.changePassphrase(OTHER_PASS, 'granite willow meadow forty');
    stayer.lock();
    const again = await Vault.open(dir).unlock(staying.id, 'granite willow meadow forty');
    expect(again.list()).toHaveLength(3);
    again.lock();
    const m = await Vault.open(dir).unlock(member.user.id, MEMBER_PASS);
    expect(
      m
        .list()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['by-stayer', 'new', 'old']);
    m.compact();
    m.lock();
    const m2 = await Vault.open(dir).unlock(m.user.id, MEMBER_PASS);
    expect(m2.list()).toHaveLength(3);
    m2.lock();
  }, 120_000);

  it('a PA cannot remove anyone, and the Member cannot be removed', async () => {
    const dir = path.join(tempDir('remove2'), 'vault');
    const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF });
    const pa = await member.addUser({ name: 'Pat Assistant', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    expect(() => member.removeUser(member.user.id)).toThrow(expect.objectContaining({ code: 'not-permitted' }));
    member.lock();
    const session = await Vault.open(dir).unlock(pa.id, PA_PASS);
    expect(() => session.removeUser(pa.id)).toThrow(expect.objectContaining({ code: 'not-permitted' }));
    session.lock();
  }, 60_000);
});

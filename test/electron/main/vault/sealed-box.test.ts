// Write-only arrivals: a PA seals bytes and attachments for the Member and cannot read them back;
// an attachment names the record that owns it, so a forged record cannot borrow another's file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../../electron/main/vault';
import { MEMBER_PASS, PA_PASS, TEST_KDF, tempDir } from './support';

async function readAll(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

async function twoUsers() {
  const dir = path.join(tempDir('sealed'), 'vault');
  const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF });
  const paUser = await member.addUser({ name: 'Pat Assistant', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
  const mk = member.exportKeysForQuickUnlock();
  member.lock();
  const pa = await Vault.open(dir).unlock(paUser.id, PA_PASS);
  const openMember = () =>
    Vault.open(dir).openWithKeys(mk.userId, { shared: Buffer.from(mk.shared, 'base64'), member: Buffer.from(mk.member!, 'base64') });
  return { dir, pa, openMember };
}

describe('sealed for the Member', () => {
  it('a PA seals bytes for the Member and cannot open them; the label must match', async () => {
    const { pa, openMember } = await twoUsers();
    const sealed = pa.sealForMember(Buffer.from('Letter from the Chief Executive'), 'arrival-1');
    expect(() => pa.openSealed(sealed, 'arrival-1')).toThrow(expect.objectContaining({ code: 'not-permitted' }));
    pa.lock();
    const member = openMember();
    expect(member.openSealed(sealed, 'arrival-1').toString()).toBe('Letter from the Chief Executive');
    expect(() => member.openSealed(sealed, 'arrival-2')).toThrow(expect.objectContaining({ code: 'cannot-open' }));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => member.openSealed(flipped, 'arrival-1')).toThrow(expect.objectContaining({ code: 'cannot-open' }));
    member.lock();
  }, 60_000);

  it('a PA streams an attachment sealed for the Member and cannot read it back', async () => {
    const { dir, pa, openMember } = await twoUsers();
    const blob = await pa.attachments.addForMember(Readable.from([Buffer.from('x'.repeat(150_000))]), 'arrival-1');
    await expect(readAll(pa.attachments.read(blob.id, 'arrival-1'))).rejects.toMatchObject({ code: 'not-permitted' });
    expect(readFileSync(path.join(dir, 'blobs', `${blob.id}.blob`)).includes(Buffer.from('xxxxxxxx'))).toBe(false);
    pa.lock();
    const member = openMember();
    expect(await readAll(member.attachments.read(blob.id, 'arrival-1'))).toBe('x'.repeat(150_000));
    member.lock();
  }, 60_000);

  it('an attachment opens only for the record that owns it', async () => {
    const { pa, openMember } = await twoUsers();
    pa.lock();
    const member = openMember();
    const blob = await member.attachments.add(Readable.from([Buffer.from('%PDF pink paper')]), 'member', 'mat-1');
    expect(await readAll(member.attachments.read(blob.id, 'mat-1'))).toBe('%PDF pink paper');
    await expect(readAll(member.attachments.read(blob.id, 'mat-forged'))).rejects.toMatchObject({ code: 'cannot-open' });
    member.lock();
  }, 60_000);
});

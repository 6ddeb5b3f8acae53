// Every blob has an owner: written with one, read only by naming it, thrown away only as its own, and an
// old-format blob (no owner) read only when the caller vouches for the record naming it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { editedHeader, oldFormatBlob, paMadeBlob } from '../attacks/blobs-support';
import { newVault } from './support';

async function text(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

async function vaultWithBlobs() {
  const { dir, session } = await newVault();
  const blobs = session.attachments;
  const keys = session.exportKeysForQuickUnlock();
  const member = Buffer.from(keys.member!, 'base64');
  const shared = Buffer.from(keys.shared, 'base64');
  const file = (id: string) => path.join(dir, 'blobs', `${id}.blob`);
  const pink = await blobs.add(Readable.from([Buffer.from('pink paper')]), 'member', 'mat-pink');
  return { dir, session, blobs, member, shared, file, pink };
}

describe('blob owners', () => {
  it('an owner is required to write and to read, and a blob opens only for its own', async () => {
    const { blobs, pink } = await vaultWithBlobs();
    await expect(blobs.add(Readable.from([Buffer.from('x')]), 'shared', '')).rejects.toMatchObject({ code: 'not-permitted' });
    expect(() => blobs.read(pink.id, '')).toThrow(/must belong to a record/);
    expect(await text(blobs.read(pink.id, 'mat-pink'))).toBe('pink paper');
    await expect(text(blobs.read(pink.id, 'mat-other'))).rejects.toThrow(/belongs to another record/);
    expect(blobs.header(pink.id)).toEqual({ tier: 'member', owner: 'mat-pink', sealedForMember: false });
    expect(blobs.list()).toEqual([pink.id]);
  });

  it('an old-format blob opens only when the caller vouches for the record naming it, and never as an arrival’s', async () => {
    const { blobs, member, file } = await vaultWithBlobs();
    const old = oldFormatBlob(member, 'member', Buffer.from('old pink'));
    writeFileSync(file(old.id), old.file);
    await expect(text(blobs.read(old.id, 'mat-any'))).rejects.toThrow(/old format/);
    await expect(text(blobs.read(old.id, 'mat-any', { ownerless: (tier) => tier === 'shared' }))).rejects.toThrow(/old format/);
    expect(await text(blobs.read(old.id, 'mat-any', { ownerless: () => true }))).toBe('old pink');
    await expect(text(blobs.read(old.id, 'arrival-1', { ownerless: () => true, sealedForMember: true }))).rejects.toThrow(/old format/);
    expect(blobs.header(old.id)).toEqual({ tier: 'member', owner: null, sealedForMember: false });
  });

  it('an arrival reads only a blob sealed for the Member; a Member-only record only a blob under the Member key', async () => {
    const { blobs, shared, file, pink } = await vaultWithBlobs();
    const sealed = await blobs.addForMember(Readable.from([Buffer.from('agenda')]), 'arrival-1');
    expect(await text(blobs.read(sealed.id, 'arrival-1', { sealedForMember: true }))).toBe('agenda');
    await expect(text(blobs.read(pink.id, 'mat-pink', { sealedForMember: true }))).rejects.toThrow(/not sealed for the Member/);
    const planted = paMadeBlob(shared, 'mat-pink', Buffer.from('planted'), pink.id);
    writeFileSync(file(pink.id), planted.file);
    expect(await text(blobs.read(pink.id, 'mat-pink'))).toBe('planted'); // the clear header alone cannot tell
    await expect(text(blobs.read(pink.id, 'mat-pink', { memberTier: true }))).rejects.toThrow(/not under the Member key/);
  });

  it('discard() lets go only of a blob whose header names the owner (an old-format one only when vouched for)', async () => {
    const { blobs, member, file, pink } = await vaultWithBlobs();
    expect(blobs.discard(pink.id, 'mat-other')).toBe(false);
    const old = oldFormatBlob(member, 'member', Buffer.from('old'));
    writeFileSync(file(old.id), old.file);
    expect(blobs.discard(old.id, 'mat-any')).toBe(false);
    expect(blobs.exists(pink.id) && blobs.exists(old.id)).toBe(true);
    expect(blobs.discard(old.id, 'mat-any', true)).toBe(true);
    expect(blobs.discard(pink.id, 'mat-pink')).toBe(true);
    expect(blobs.list()).toEqual([]);
  });

  it('remove() and proveOwner() trust the sealed parts, not the clear header: a re-headed blob is never deleted as another’s', async () => {
    const { blobs, file, pink } = await vaultWithBlobs();
    const original = readFileSync(file(pink.id));
    expect(blobs.proveOwner(pink.id, 'mat-pink')).toBe(true);
    for (const [owner, tier] of [
      ['mat-forged', undefined],
      ['mat-forged', 0],
      ['mat-pink', 0],
    ] as const) {
      writeFileSync(file(pink.id), editedHeader(original, owner, tier));
      expect(blobs.proveOwner(pink.id, owner)).toBe(false);
      expect(() => blobs.remove(pink.id, owner)).toThrow(/belongs to another record, or was altered/);
      expect(blobs.exists(pink.id)).toBe(true);
    }
    writeFileSync(file(pink.id), original);
    blobs.remove(pink.id, 'mat-pink');
    expect(blobs.exists(pink.id)).toBe(false);
  });
});

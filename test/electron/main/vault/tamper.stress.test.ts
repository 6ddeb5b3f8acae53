import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../../electron/main/vault/frames';
import { HEADER_FILE, Vault } from '../../../../electron/main/vault/vault';
import { MEMBER_PASS, newVault, sampleRequest, snapshotFolder } from './support';

const JOURNAL = 'journal-000000.log';

async function vaultWithFrames(count = 6) {
  const { dir, session } = await newVault();
  for (let i = 0; i < count; i++) session.put({ id: `r${i}`, tier: i % 2 ? 'member' : 'shared', type: 'request', data: sampleRequest(i) });
  const userId = session.user.id;
  const exported = session.exportKeysForQuickUnlock();
  session.lock();
  // Fresh copies each time: opening wipes the buffers it is given when it fails or locks.
  const keys = () => ({ shared: Buffer.from(exported.shared, 'base64'), member: Buffer.from(exported.member!, 'base64') });
  return { dir, userId, keys };
}

function frameOffsets(buf: Buffer): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let offset = 0;
  while (offset < buf.length) {
    const r = readFrame(buf, offset);
    if (!r.ok) break;
    out.push({ start: offset, end: r.next });
    offset = r.next;
  }
  return out;
}

type KeysFn = () => { shared: Buffer; member: Buffer };

/** Opening must fail (not open, not lose): any error is fine, silence is not. Skips the KDF when keys are given. */
async function expectRefused(dir: string, userId: string, keys?: KeysFn) {
  let opened = false;
  try {
    const locked = Vault.open(dir);
    if (keys) locked.openWithKeys(userId, keys());
    else await locked.unlock(userId, MEMBER_PASS);
    opened = true;
  } catch (error) {
    expect((error as { code?: string }).code).toMatch(/cannot-open|wrong-passphrase|not-found|newer-format/);
  }
  expect(opened).toBe(false);
}

describe('vault tamper matrix', () => {
  it('detects a flip of every byte of the header', async () => {
    const { dir, userId } = await vaultWithFrames(1);
    const file = path.join(dir, HEADER_FILE);
    const original = readFileSync(file);
    // Only the first check (parse + checksum) runs before the KDF, so flips are cheap to test.
    for (let i = 0; i < original.length; i++) {
      const tampered = Buffer.from(original);
      tampered[i] = tampered[i]! ^ 0x01;
      writeFileSync(file, tampered);
      let opened = true;
      try {
        Vault.open(dir);
      } catch {
        opened = false;
      }
      if (opened) await expectRefused(dir, userId); // a flip that keeps the checksum valid still fails at unlock
    }
    writeFileSync(file, original);
    await expect(Vault.open(dir).unlock(userId, MEMBER_PASS)).resolves.toBeDefined();
  }, 120_000);

  it('detects a flipped byte anywhere in a sample of frames', async () => {
    const { dir, userId, keys } = await vaultWithFrames();
    const file = path.join(dir, JOURNAL);
    const original = readFileSync(file);
    const frames = frameOffsets(original);
    for (const frame of [frames[0]!, frames[3]!, frames.at(-1)!]) {
      for (let i = frame.start; i < frame.end; i++) {
        const tampered = Buffer.from(original);
        // A low bit in a length byte makes a frame claim a little more than is there, as a torn write would.
        tampered[i] = tampered[i]! ^ (i - frame.start < 4 ? 0x01 : 0x80);
        writeFileSync(file, tampered);
        const before = snapshotFolder(dir);
        await expectRefused(dir, userId, keys);
        expect(snapshotFolder(dir)).toEqual(before); // refusing writes nothing
      }
    }
  }, 120_000);

  it('detects a flip of every byte of a compacted snapshot (header, shared and Member-only frames)', async () => {
    const { dir, session } = await newVault();
    for (let i = 0; i < 6; i++) session.put({ id: `r${i}`, tier: i % 2 ? 'member' : 'shared', type: 'request', data: sampleRequest(i) });
    session.compact();
    const userId = session.user.id;
    const exported = session.exportKeysForQuickUnlock();
    session.lock();
    const keys = () => ({ shared: Buffer.from(exported.shared, 'base64'), member: Buffer.from(exported.member!, 'base64') });
    const file = path.join(dir, 'snapshot-000001.bin');
    const original = readFileSync(file);
    for (let i = 0; i < original.length; i++) {
      // Spaces padding the reserved header are JSON whitespace: a flip there changes no meaning, so skip them.
      if (original[i] === 0x20 && i < 12 + 512) continue;
      const tampered = Buffer.from(original);
      tampered[i] = tampered[i]! ^ 0x01;
      writeFileSync(file, tampered);
      await expectRefused(dir, userId, keys);
    }
    writeFileSync(file, original);
    expect(Vault.open(dir).openWithKeys(userId, keys()).list()).toHaveLength(6);
  }, 120_000);

  it('detects ciphertexts swapped between two records', async () => {
    const { dir, userId } = await vaultWithFrames();
    const file = path.join(dir, JOURNAL);
    const buf = readFileSync(file);
    const a = readFrame(buf, 0);
    const [, second] = frameOffsets(buf);
    const b = readFrame(buf, second!.start);
    if (!a.ok || !b.ok) throw new Error('bad fixture');
    // Same tier (both shared: r0 and r2) so only the ciphertexts move.
    const third = frameOffsets(buf)[2]!;
    const c = readFrame(buf, third.start);
    if (!c.ok) throw new Error('bad fixture');
    const tampered = Buffer.from(buf);
    const ivStartA = a.frame.aad.length + 4;
    const ivStartC = third.start + 4 + c.frame.aad.length;
    const lenA = a.frame.bytes.length - 4 - a.frame.aad.length;
    const lenC = c.frame.bytes.length - 4 - c.frame.aad.length;
    expect(lenA).toBe(lenC);
    buf.copy(tampered, ivStartA, ivStartC, ivStartC + lenC);
    buf.copy(tampered, ivStartC, ivStartA, ivStartA + lenA);
    writeFileSync(file, tampered);
    await expectRefused(dir, userId);
  });

  it('detects frames reordered, or a middle frame dropped', async () => {
    const { dir, userId } = await vaultWithFrames();
    const file = path.join(dir, JOURNAL);
    const buf = readFileSync(file);
    const f = frameOffsets(buf);
    const piece = (i: number) => buf.subarray(f[i]!.start, f[i]!.end);
    writeFileSync(file, Buffer.concat([piece(0), piece(2), piece(1), piece(3), piece(4), piece(5)]));
    await expectRefused(dir, userId);
    writeFileSync(file, Buffer.concat([piece(0), piece(1), piece(3), piece(4), piece(5)]));
    await expectRefused(dir, userId);
    writeFileSync(file, buf);
    await expect(Vault.open(dir).unlock(userId, MEMBER_PASS)).resolves.toBeDefined();
  });

  it('opens with every acknowledged save after the journal is cut at any offset of its last frame', async () => {
    const { dir, userId, keys } = await vaultWithFrames(5);
    const file = path.join(dir, JOURNAL);
    const full = readFileSync(file);
    const last = frameOffsets(full).at(-1)!;
    for (let cut = last.start; cut < last.end; cut++) {
      writeFileSync(file, full.subarray(0, cut));
      const session = Vault.open(dir).openWithKeys(userId, keys());
      expect(
        session
          .list()
          .map((r) => r.id)
          .sort(),
      ).toEqual(['r0', 'r1', 'r2', 'r3']);
      // The unfinished save is kept aside, and the journal accepts new saves after it.
      session.put({ id: 'after', tier: 'shared', type: 'request', data: { cut } });
      session.lock();
      const again = Vault.open(dir).openWithKeys(userId, keys());
      expect(again.get('after')?.data).toEqual({ cut });
      again.lock();
    }
  }, 180_000);
});

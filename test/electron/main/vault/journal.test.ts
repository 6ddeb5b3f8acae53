import * as nodeFs from 'node:fs';
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataKey } from '../../../../electron/main/vault/crypto';
import { GENESIS_HASH, encodeFrame, openFrame, type DecodedFrame } from '../../../../electron/main/vault/frames';
import type { VaultFs } from '../../../../electron/main/vault/fsio';
import { JournalWriter, scanJournal, type ChainEnd } from '../../../../electron/main/vault/journal';
import { tempDir } from './support';

const key = newDataKey();
const opens = (frame: DecodedFrame) => openFrame(frame, key) !== null;

/** A chain of `n` sealed frames after `from`. */
function chain(n: number, from: ChainEnd = { seq: 0, head: GENESIS_HASH }): DecodedFrame[] {
  const out: DecodedFrame[] = [];
  let { seq, head } = from;
  for (let i = 0; i < n; i++) {
    const frame = encodeFrame(
      { kind: 'put', tier: 'shared', schema: 2, seq: ++seq, prev: head, id: `r${seq}`, type: 't', author: 'pa', epoch: 0 },
      key,
      Buffer.from(`data ${seq}`),
      key,
    );
    out.push(frame);
    head = frame.hash;
  }
  return out;
}

function written(n: number) {
  const dir = tempDir('journal');
  const journal = new JournalWriter(nodeFs, dir, 0);
  const frames = chain(n);
  const offsets = frames.map((f) => journal.append(f.bytes));
  journal.close();
  return { dir, file: path.join(dir, 'journal-000000.log'), frames, offsets, journal };
}

const scan = (dir: string, limit?: number) => {
  const seen: number[] = [];
  const end = scanJournal(nodeFs, dir, 0, { seq: 0, head: GENESIS_HASH }, (f) => seen.push(f.seq), opens, limit);
  return { ...end, seen };
};

describe('journal', () => {
  it('appends frames at growing offsets and reads them back in order along the hash chain', () => {
    const { dir, frames, offsets, journal } = written(3);
    expect(offsets).toEqual([0, frames[0]!.bytes.length, frames[0]!.bytes.length + frames[1]!.bytes.length]);
    expect([journal.bytes, journal.frames]).toEqual([statSync(path.join(dir, 'journal-000000.log')).size, 3]);
    const end = scan(dir);
    expect(end).toMatchObject({ seq: 3, tornAt: null, seen: [1, 2, 3] });
    expect(end.head.equals(frames[2]!.hash)).toBe(true);
  });

  it('a journal not there yet is empty', () => {
    expect(scan(tempDir('journal'))).toMatchObject({ end: 0, seq: 0, tornAt: null, seen: [] });
  });

  it('a torn last frame is reported where it starts; repairing keeps its bytes aside and truncates', () => {
    const { dir, file, frames } = written(2);
    const whole = statSync(file).size;
    appendFileSync(file, chain(1, { seq: 2, head: frames[1]!.hash })[0]!.bytes.subarray(0, 30));
    const end = scan(dir);
    expect(end).toMatchObject({ seq: 2, tornAt: whole, seen: [1, 2] });
    const writer = new JournalWriter(nodeFs, dir, 0);
    const aside = writer.repairTornTail(whole, new Date('2026-11-24T10:00:00Z'));
    expect(aside).toBe('journal-000000.log.torn-2026-11-24T10-00-00-000Z');
    expect(readFileSync(path.join(dir, aside))).toHaveLength(30);
    expect(statSync(file).size).toBe(whole);
    expect(writer.bytes).toBe(whole);
  });

  it('a length edited to hide the frames after it is refused, not taken as a torn save', () => {
    const { dir, file, offsets } = written(3);
    const bytes = readFileSync(file);
    bytes.writeUInt32BE(bytes.length, offsets[1]!); // frame 2 claims to run past the end
    writeFileSync(file, bytes);
    expect(() => scan(dir)).toThrow(expect.objectContaining({ code: 'cannot-open', message: expect.stringMatching(/length was altered/) }));
  });

  it('a skipped save, a broken chain and a journal cut short after unlock are refused', () => {
    const { dir, file, frames } = written(3);
    writeFileSync(file, Buffer.concat([frames[0]!.bytes, frames[2]!.bytes]));
    expect(() => scan(dir)).toThrow(expect.objectContaining({ message: expect.stringMatching(/skips or repeats a save/) }));
    const other = chain(1)[0]!; // sequence 1 again, but the second frame's place
    const rechained = encodeFrame(
      { kind: 'put', tier: 'shared', schema: 2, seq: 2, prev: other.hash, id: 'x', type: 't', author: 'pa', epoch: 0 },
      key,
      Buffer.from('x'),
      key,
    );
    writeFileSync(file, Buffer.concat([frames[0]!.bytes, rechained.bytes]));
    expect(() => scan(dir)).toThrow(expect.objectContaining({ message: expect.stringMatching(/breaks its hash chain/) }));
    writeFileSync(file, frames[0]!.bytes);
    expect(() => scan(dir, frames[0]!.bytes.length + 1)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/cut short after the vault was unlocked/) }),
    );
  });

  it('a failed save takes its partial frame back off, so the next save lands after the last whole one', () => {
    const dir = tempDir('journal');
    let fail = false;
    const fs: VaultFs = {
      ...nodeFs,
      writeSync: (fd, buffer, offset, length, position) => {
        if (!fail) return nodeFs.writeSync(fd, buffer, offset, length, position);
        nodeFs.writeSync(fd, buffer, offset, Math.floor(length / 2), position);
        throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
      },
    };
    const journal = new JournalWriter(fs, dir, 0);
    const [a, b] = chain(2);
    journal.append(a!.bytes);
    fail = true;
    expect(() => journal.append(b!.bytes)).toThrow(expect.objectContaining({ code: 'io', message: expect.stringMatching(/disk is full/) }));
    fail = false;
    journal.append(b!.bytes);
    journal.close();
    expect(scan(dir)).toMatchObject({ seq: 2, tornAt: null });
    expect(existsSync(path.join(dir, 'journal-000000.log'))).toBe(true);
  });
});

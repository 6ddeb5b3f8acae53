import * as nodeFs from 'node:fs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataKey } from '../../../../electron/main/vault/crypto';
import { GENESIS_HASH, encodeFrame, type DecodedFrame } from '../../../../electron/main/vault/frames';
import { RecordKeys } from '../../../../electron/main/vault/keys';
import {
  BytesNotKept,
  SNAPSHOT_FRAMES_START,
  checkSnapshot,
  frameSize,
  readSnapshot,
  scanSnapshot,
  writeSnapshot,
} from '../../../../electron/main/vault/snapshot';
import { RecordStore } from '../../../../electron/main/vault/store';
import { tempDir } from './support';

const shared = newDataKey();
const member = newDataKey();

function frames(n: number, memberOnly: number[] = []): DecodedFrame[] {
  const out: DecodedFrame[] = [];
  let head: Buffer = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const meta = {
      kind: 'put' as const,
      tier: memberOnly.includes(seq) ? ('member' as const) : ('shared' as const),
      schema: 2,
      seq,
      prev: head,
      id: `r${seq}`,
      type: 't',
      author: 'member' as const,
      epoch: 0,
    };
    out.push(encodeFrame(meta, memberOnly.includes(seq) ? member : shared, Buffer.from(`record ${seq}`), shared));
    head = out.at(-1)!.hash;
  }
  return out;
}

function written(keys = new RecordKeys({ shared, member }), memberOnly: number[] = []) {
  const dir = tempDir('snapshot');
  const all = frames(3, memberOnly);
  const offsets: number[] = [];
  const chain = { generation: 1, lastSeq: 3, head: all[2]!.hash, epoch: 0 };
  const result = writeSnapshot(nodeFs, dir, chain, keys, (put) => all.forEach((f) => offsets.push(put(f.bytes))));
  return { dir, file: path.join(dir, 'snapshot-000001.bin'), all, offsets, result };
}

const scan = (dir: string, keys: RecordKeys, upgraded = true) => {
  const seen: Array<[number, number, boolean]> = [];
  const out = scanSnapshot(nodeFs, dir, 1, { macs: keys, upgraded }, (f, offset, trusted) => seen.push([f.seq, offset, trusted]));
  return { ...out, seen };
};

describe('snapshot', () => {
  it('writes the frames after the reserved header and reads them back at the offsets it gave, MACs checked', () => {
    const { dir, file, all, offsets, result } = written();
    expect(offsets[0]).toBe(SNAPSHOT_FRAMES_START);
    expect(result).toEqual({ size: readFileSync(file).length, count: 3 });
    expect(
      readFileSync(file)
        .subarray(offsets[1]!, offsets[1]! + all[1]!.bytes.length)
        .equals(all[1]!.bytes),
    ).toBe(true);
    const memberScan = scan(dir, new RecordKeys({ shared, member }));
    expect(memberScan.seen).toEqual(offsets.map((o, i) => [i + 1, o, true]));
    expect(memberScan.meta).toMatchObject({ generation: 1, lastSeq: 3, count: 3, version: 2 });
    // A PA's app checks the shared MAC only, so nothing in it is vouched for by the Member.
    expect(scan(dir, new RecordKeys({ shared, member: null })).seen.every(([, , trusted]) => !trusted)).toBe(true);
    expect(readdirTemps(dir)).toEqual([]);
  });

  it('a changed frame, a snapshot not written with the Member key, and a newer version are refused', () => {
    const { dir, file, offsets } = written();
    const bytes = readFileSync(file);
    bytes[offsets[1]! + 60]! ^= 1;
    writeFileSync(file, bytes);
    expect(() => scan(dir, new RecordKeys({ shared, member }))).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/altered or damaged/) }),
    );

    const forged = written(new RecordKeys({ shared, member: newDataKey() })); // someone holding the shared key only
    expect(() => scan(forged.dir, new RecordKeys({ shared, member }))).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/not written by the Member's app/) }),
    );

    const newer = written();
    const head = readFileSync(newer.file);
    const meta = head.subarray(12, SNAPSHOT_FRAMES_START).toString('utf8').replace('"version":2', '"version":9');
    head.write(meta, 12, 'utf8');
    writeFileSync(newer.file, head);
    expect(() => scan(newer.dir, new RecordKeys({ shared, member }))).toThrow(expect.objectContaining({ code: 'newer-format' }));
  });

  it('a snapshot with a wrong shared key does not open', () => {
    const { dir } = written();
    expect(() => scan(dir, new RecordKeys({ shared: newDataKey(), member }))).toThrow(expect.objectContaining({ code: 'cannot-open' }));
  });
});

describe('a snapshot read before the keys are known (unlock reads it while Argon2id runs)', () => {
  const readAhead = (dir: string, keep: (f: DecodedFrame) => boolean = () => false) =>
    readSnapshot(nodeFs, dir, 1, { isMember: true, upgraded: true }, keep);
  const checked = (read: ReturnType<typeof readAhead>, keys: RecordKeys) => {
    const seen: Array<[number, number, boolean]> = [];
    checkSnapshot(read, keys, (f, offset, trusted) => seen.push([f.seq, offset, trusted]));
    return seen;
  };

  it('gives out its frames only once the MACs over exactly the bytes read are checked, as a scan does', () => {
    const { dir, all, offsets } = written();
    const read = readAhead(dir, (f) => f.seq === 2);
    expect(checked(read, new RecordKeys({ shared, member }))).toEqual(scan(dir, new RecordKeys({ shared, member })).seen);
    // Only the frames asked for keep their bytes; the others are their clear facts, and asking them for bytes is refused.
    expect(read.frames[1]!.frame.bytes.equals(all[1]!.bytes)).toBe(true);
    expect(() => read.frames[0]!.frame.bytes).toThrow(BytesNotKept);
    expect(() => read.frames[0]!.frame.sealed).toThrow(BytesNotKept);
    expect(read.frames.map(({ frame }) => frameSize(frame))).toEqual(all.map((f) => f.bytes.length));
    expect(read.frames.map(({ offset }) => offset)).toEqual(offsets);
  });

  it('a changed frame, a forged Member MAC or a wrong key is refused before any frame is given out', () => {
    const { dir, file, offsets } = written();
    const bytes = readFileSync(file);
    bytes[offsets[1]! + 60]! ^= 1;
    writeFileSync(file, bytes);
    const seen: number[] = [];
    const changed = readAhead(dir);
    expect(() => checkSnapshot(changed, new RecordKeys({ shared, member }), (f) => seen.push(f.seq))).toThrow(/altered or damaged/);
    const forged = written(new RecordKeys({ shared, member: newDataKey() }));
    const read = readAhead(forged.dir);
    expect(() => checkSnapshot(read, new RecordKeys({ shared, member }), (f) => seen.push(f.seq))).toThrow(
      /not written by the Member's app/,
    );
    expect(() => checkSnapshot(read, new RecordKeys({ shared: newDataKey(), member }), (f) => seen.push(f.seq))).toThrow(
      /altered or damaged/,
    );
    expect(seen).toEqual([]);
  });

  it('the store opens the Member-only frames it kept, and reads the snapshot again as usual when a check needs bytes it did not keep', () => {
    const { dir } = written(new RecordKeys({ shared, member }), [2]);
    const keys = () => ({ shared, member });
    const records = (early: Parameters<typeof RecordStore.load>[5]) =>
      [...RecordStore.load(nodeFs, dir, keys(), undefined, { upgraded: true }, early).store.records.values()].map((r) => [r.id, r.tier]);
    const usual = records(null);
    expect(usual).toEqual([
      ['r1', 'shared'],
      ['r2', 'member'],
      ['r3', 'shared'],
    ]);
    expect(records(RecordStore.readAhead(nodeFs, dir, { isMember: true, upgraded: true }))).toEqual(usual);
    // Read ahead keeping nothing: opening the Member-only frame needs its bytes, so the store reads the file again.
    expect(records(readAhead(dir))).toEqual(usual);
    // A Member-only frame altered on disk fails to open either way.
    const file = path.join(dir, 'snapshot-000001.bin');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('r2')) + 40;
    bytes[at]! ^= 1;
    writeFileSync(file, bytes);
    expect(() => records(RecordStore.readAhead(nodeFs, dir, { isMember: true, upgraded: true }))).toThrow(/altered|fails authentication/);
  });
});

const readdirTemps = (dir: string) => nodeFs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

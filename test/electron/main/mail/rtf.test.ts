import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decompressRTF } from '@kenjiuno/decompressrtf';
import { MAX_RTF_BYTES, RtfDamaged, decompressRtf, rtfCrc } from '../../../../electron/main/mail/rtf';
import { lzfuCompress, withHeader } from './lzfu';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
/** The general-purpose library's answer, for comparison on honest input only (it trusts the header). */
const library = (input: Uint8Array) => latin1(Uint8Array.from(decompressRTF([...input])));
const damaged = (input: Uint8Array) => expect(() => decompressRtf(input)).toThrow(RtfDamaged);

// [MS-OXRTFCP] section 3.1, examples 1 and 2: the specification's own compressed bytes.
const SIMPLE = Uint8Array.from([
  0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5, 0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70,
  0x67, 0x31, 0x32, 0x35, 0x42, 0x32, 0x0a, 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xb0, 0x6c, 0x64, 0x7d, 0x0a,
  0x80, 0x0f, 0xa0,
]);
const CROSSING = Uint8Array.from([
  0x1a, 0x00, 0x00, 0x00, 0x1c, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xe2, 0xd4, 0x4b, 0x51, 0x41, 0x00, 0x04, 0x20, 0x57, 0x58, 0x59,
  0x5a, 0x0d, 0x6e, 0x7d, 0x01, 0x0e, 0xb0,
]);

describe('compressed RTF: the bounded LZFu decoder', () => {
  it('decodes the specification’s examples, CRC included, as the library does', () => {
    expect(latin1(decompressRtf(SIMPLE))).toBe('{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n');
    expect(latin1(decompressRtf(CROSSING))).toBe('{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}');
    expect(library(SIMPLE)).toBe(latin1(decompressRtf(SIMPLE)));
    expect(library(CROSSING)).toBe(latin1(decompressRtf(CROSSING)));
    expect(rtfCrc(SIMPLE.subarray(16))).toBe(0xa7c7c5f1);
  });

  it('the test encoder reproduces the specification’s bytes', () => {
    expect([...lzfuCompress(bytesOf('{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n'))]).toEqual([...SIMPLE]);
    expect([...lzfuCompress(bytesOf('{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}'))]).toEqual([...CROSSING]);
  });

  it('agrees with the library on real RTF longer than the dictionary (the ring wraps)', () => {
    const paragraph = (n: number) =>
      `\\pard\\plain\\f0\\fs20 Item ${n}: the depot disposal report, revised figures \\'a3${n * 1000}, see appendix ${n % 7}.\\par\r\n`;
    const rtf = `{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 {\\*\\htmltag64 <html>}${Array.from({ length: 120 }, (_, i) => paragraph(i)).join('')}}`;
    expect(rtf.length).toBeGreaterThan(3 * 4096);
    const compressed = lzfuCompress(bytesOf(rtf));
    expect(compressed.length).toBeLessThan(rtf.length / 2);
    expect(latin1(decompressRtf(compressed))).toBe(rtf);
    expect(library(compressed)).toBe(rtf);
  });

  it('round-trips any bytes, matching the library', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 6 }), (chunk, times) => {
        const raw = new Uint8Array(chunk.length * times);
        for (let t = 0; t < times; t++) raw.set(chunk, t * chunk.length);
        const compressed = lzfuCompress(raw);
        const ours = decompressRtf(compressed);
        expect([...ours]).toEqual([...raw]);
        expect(library(compressed)).toBe(latin1(raw));
      }),
      { numRuns: 60 },
    );
  });

  it('reads the uncompressed form (MELA) within its stated size', () => {
    const body = bytesOf('{\\rtf1 plain}');
    const input = new Uint8Array(16 + body.length);
    const view = new DataView(input.buffer);
    view.setUint32(0, body.length + 12, true);
    view.setUint32(4, body.length, true);
    view.setUint32(8, 0x414c454d, true);
    input.set(body, 16);
    expect(latin1(decompressRtf(input))).toBe('{\\rtf1 plain}');
    view.setUint32(4, body.length + 1, true);
    damaged(input);
  });
});

describe('compressed RTF: hostile and damaged input is refused, quickly and without growing', () => {
  const honest = lzfuCompress(bytesOf('{\\rtf1\\ansi budget figures budget figures budget figures}'));
  const rawSizeOf = (input: Uint8Array) => new DataView(input.buffer, input.byteOffset).getUint32(4, true);

  it('a header lying about the size: more than the cap, more than the data could hold, or more than it holds', () => {
    const data = honest.subarray(16);
    damaged(withHeader(data, 0xffffffff));
    damaged(withHeader(data, MAX_RTF_BYTES + 1));
    damaged(withHeader(data, data.length * 8 + 1));
    damaged(withHeader(data, rawSizeOf(honest) + 1)); // under-fills
    damaged(withHeader(data, rawSizeOf(honest) - 1)); // overruns
    damaged(withHeader(data, rawSizeOf(honest), { compSize: data.length + 13 }));
    damaged(withHeader(data, rawSizeOf(honest), { crc: rtfCrc(data) ^ 1 }));
  });

  it('truncated input: as cut (its header disagrees) and with the header made to agree', () => {
    damaged(honest.subarray(0, honest.length - 3));
    damaged(honest.subarray(0, 10));
    const cut = honest.subarray(16, 16 + Math.floor((honest.length - 16) / 2));
    damaged(withHeader(cut, rawSizeOf(honest)));
    // Ends between the two bytes of a reference.
    damaged(withHeader(Uint8Array.from([0x01, 0x00]), 2));
  });

  it('a 10 MB back-reference bomb is refused at the cap, having written no more than the cap', () => {
    // Every token a 17-byte reference to the byte before: 10 MB would decode to 80 MB.
    const groups = Math.floor((10 * 1024 * 1024) / 17);
    const data = new Uint8Array(groups * 17);
    for (let g = 0; g < groups; g++) {
      data[g * 17] = 0xff;
      for (let t = 0; t < 8; t++) {
        data[g * 17 + 1 + t * 2] = 0x00;
        data[g * 17 + 2 + t * 2] = 0x0f;
      }
    }
    const started = performance.now();
    damaged(withHeader(data, MAX_RTF_BYTES));
    damaged(withHeader(data, 1000));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('an unknown compression type is refused', () => {
    const input = honest.slice();
    new DataView(input.buffer).setUint32(8, 0x12345678, true);
    damaged(input);
  });
});

// A tiny compressed-RTF (LZFu) encoder for tests: greedy longest match over the 4096-byte ring
// dictionary, references that cross the write position included, and the end marker, with the
// header's sizes and CRC. Slow (it tries every ring position) but small inputs are all tests need.
import { rtfCrc } from '../../../../electron/main/mail/rtf';

export const LZFU_PREFIX =
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx';

const RING = 4096;

/** The header the format puts before the data: compSize, rawSize, 'LZFu' and the CRC of the data. */
export function withHeader(data: Uint8Array, rawSize: number, overrides: { compSize?: number; crc?: number } = {}): Uint8Array {
  const out = new Uint8Array(16 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, overrides.compSize ?? data.length + 12, true);
  view.setUint32(4, rawSize, true);
  view.setUint32(8, 0x75465a4c, true);
  view.setUint32(12, overrides.crc ?? rtfCrc(data), true);
  out.set(data, 16);
  return out;
}

export function lzfuCompress(raw: Uint8Array): Uint8Array {
  const ring = new Uint8Array(RING);
  ring.set(Buffer.from(LZFU_PREFIX, 'latin1'));
  let write = LZFU_PREFIX.length;
  const out: number[] = [];
  let pos = 0;
  const put = (byte: number) => {
    ring[write] = byte;
    write = (write + 1) % RING;
  };
  for (;;) {
    const group: number[] = [];
    let control = 0;
    let ended = false;
    for (let bit = 0; bit < 8; bit++) {
      if (pos >= raw.length) {
        control |= 1 << bit;
        group.push(write >> 4, (write & 0xf) << 4);
        ended = true;
        break;
      }
      const [start, length] = longestMatch(ring, write, raw, pos);
      if (length >= 2) {
        control |= 1 << bit;
        group.push(start >> 4, ((start & 0xf) << 4) | (length - 2));
        for (let k = 0; k < length; k++) put(raw[pos + k]!);
        pos += length;
      } else {
        group.push(raw[pos]!);
        put(raw[pos]!);
        pos += 1;
      }
    }
    out.push(control, ...group);
    if (ended) break;
  }
  return withHeader(Uint8Array.from(out), raw.length);
}

/** The longest run (2 to 17 bytes) of `raw` at `pos` the ring can give, reading on past the write position. */
function longestMatch(ring: Uint8Array, write: number, raw: Uint8Array, pos: number): [number, number] {
  let best: [number, number] = [0, 0];
  const max = Math.min(17, raw.length - pos);
  for (let start = 0; start < RING; start++) {
    if (start === write || ring[start] !== raw[pos]) continue;
    let length = 0;
    while (length < max) {
      const at = (start + length) % RING;
      const behind = (at - write + RING) % RING;
      // Bytes this very reference writes are read back once the read passes the write position.
      const byte = behind < length ? raw[pos + behind]! : ring[at]!;
      if (byte !== raw[pos + length]) break;
      length++;
    }
    if (length > best[1]) best = [start, length];
  }
  return best;
}

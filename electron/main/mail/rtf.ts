// Compressed RTF (PidTagRtfCompressed, the body classic Outlook keeps), decoded by a small bounded
// decoder of our own: the format is the LZ77 variant "LZFu" of [MS-OXRTFCP]. A general library
// decoder trusted the header and grew its output without limit, so one 7 KB .msg could take a
// worker's whole process down; here every size is checked against the real input first, the output
// is one preallocated buffer of the size the header states, and anything that would write past it,
// or stop short of it, is refused.

/** The most formatted text one email's body may decode to: far beyond any real message. */
export const MAX_RTF_BYTES = 32 * 1024 * 1024;

/** Raised for compressed RTF that is damaged or lies about its size; parse.ts words it for the user. */
export class RtfDamaged extends Error {
  override readonly name = 'RtfDamaged';
}

const HEADER_BYTES = 16;
const COMPRESSED = 0x75465a4c; // 'LZFu'
const UNCOMPRESSED = 0x414c454d; // 'MELA'
const DICTIONARY_BYTES = 4096;
/**
 * Each control byte introduces 8 tokens and a token is at most 2 bytes for 17 out, so LZFu never
 * expands more than 8-fold: a header claiming more is lying.
 */
const MAX_RATIO = 8;

/** The dictionary's initial contents, fixed by the format. */
const PREFIX = Buffer.from(
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx',
  'latin1',
);

let crcTable: Uint32Array | null = null;

/** The format's CRC-32: the usual table (polynomial 0xEDB88320), started at 0 and not inverted at the end. */
export function rtfCrc(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return crc >>> 0;
}

/**
 * The RTF inside a compressed-RTF stream. Throws RtfDamaged when the header disagrees with the
 * input's length, states more than `maxBytes` (or more than the data could hold), the CRC is wrong,
 * or the data would overrun or under-fill the stated size. Time and memory are bounded by the
 * input length and the stated size.
 */
export function decompressRtf(input: Uint8Array, maxBytes = MAX_RTF_BYTES): Uint8Array {
  if (input.length < HEADER_BYTES) throw new RtfDamaged('shorter than its header');
  const view = new DataView(input.buffer, input.byteOffset, input.length);
  const compSize = view.getUint32(0, true);
  const rawSize = view.getUint32(4, true);
  const compType = view.getUint32(8, true);
  const crc = view.getUint32(12, true);
  // compSize counts everything after itself.
  if (compSize !== input.length - 4) throw new RtfDamaged('its stated length is not its length');
  if (rawSize > maxBytes) throw new RtfDamaged('it states a size beyond the limit');
  const data = input.subarray(HEADER_BYTES);
  if (compType === UNCOMPRESSED) {
    if (rawSize > data.length) throw new RtfDamaged('it states more text than it holds');
    return data.slice(0, rawSize);
  }
  if (compType !== COMPRESSED) throw new RtfDamaged('unknown compression');
  if (rawSize > data.length * MAX_RATIO) throw new RtfDamaged('it states more text than it could hold');
  if (rtfCrc(data) !== crc) throw new RtfDamaged('its checksum is wrong');
  return inflate(data, rawSize);
}

/** The LZFu tokens of `data` decoded into exactly `rawSize` bytes. */
function inflate(data: Uint8Array, rawSize: number): Uint8Array {
  const dictionary = new Uint8Array(DICTIONARY_BYTES);
  dictionary.set(PREFIX);
  let write = PREFIX.length;
  const out = new Uint8Array(rawSize);
  let o = 0;
  let i = 0;
  const end = data.length;
  decode: while (i < end) {
    const control = data[i++]!;
    for (let bit = 0; bit < 8 && i < end; bit++) {
      if ((control & (1 << bit)) === 0) {
        if (o >= rawSize) throw new RtfDamaged('it holds more text than it states');
        const byte = data[i++]!;
        out[o++] = byte;
        dictionary[write] = byte;
        write = (write + 1) & (DICTIONARY_BYTES - 1);
        continue;
      }
      if (i + 2 > end) throw new RtfDamaged('it ends part way through a reference');
      const token = (data[i]! << 8) | data[i + 1]!;
      i += 2;
      let read = token >> 4;
      // A reference to the write position itself marks the end of the data.
      if (read === write) break decode;
      const length = (token & 0xf) + 2;
      if (o + length > rawSize) throw new RtfDamaged('it holds more text than it states');
      for (let k = 0; k < length; k++) {
        const byte = dictionary[read]!;
        out[o++] = byte;
        dictionary[write] = byte;
        write = (write + 1) & (DICTIONARY_BYTES - 1);
        read = (read + 1) & (DICTIONARY_BYTES - 1);
      }
    }
  }
  if (o !== rawSize) throw new RtfDamaged('it holds less text than it states');
  return out;
}

// Reads frames from a file through a fixed-size window, so unlocking, compacting or reading the
// audit trail of a 50,000-record vault never holds the whole snapshot in memory at once.
import { MAX_FRAME_BYTES, MIN_FRAME_BODY, readFrame, type ScanResult } from './frames';
import type { VaultFs } from './fsio';

const WINDOW_BYTES = 1024 * 1024;

export class FrameFileReader {
  private buf = Buffer.alloc(WINDOW_BYTES);
  /** File offset of buf[0], and how many bytes of buf are filled. */
  private bufStart: number;
  private bufLen = 0;

  constructor(
    private readonly fs: VaultFs,
    private readonly fd: number,
    /** File offset of the next frame. */
    public pos: number,
    private readonly end: number,
  ) {
    this.bufStart = pos;
  }

  /** Makes file bytes [pos, pos + n) available in the window, as far as the file goes; returns how many are. */
  private fill(n: number): number {
    const have = this.bufStart + this.bufLen - this.pos;
    if (have >= n) return n;
    // Slide what is left to the front; earlier frames' views into the window become stale here.
    this.buf.copyWithin(0, this.pos - this.bufStart, this.bufLen);
    this.bufLen = have;
    this.bufStart = this.pos;
    if (n > this.buf.length) {
      const bigger = Buffer.alloc(Math.max(n, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.bufLen);
      this.buf = bigger;
    }
    while (this.bufLen < n && this.bufStart + this.bufLen < this.end) {
      const want = Math.min(this.buf.length - this.bufLen, this.end - this.bufStart - this.bufLen);
      const got = this.fs.readSync(this.fd, this.buf, this.bufLen, want, this.bufStart + this.bufLen);
      if (got === 0) break;
      this.bufLen += got;
    }
    return Math.min(n, this.bufLen);
  }

  /**
   * The frame at `pos` with absolute offsets (`at`/`next`), or null at the end. A frame, and its
   * `bytes`, are views valid only until the next call.
   */
  next(): (ScanResult & { offset: number }) | null {
    if (this.pos >= this.end) return null;
    const offset = this.pos;
    if (this.fill(4) < 4) return { ok: false, torn: true, at: offset, offset };
    const length = this.buf.readUInt32BE(this.pos - this.bufStart);
    // Judge the length before reading that far: an altered one must not make us allocate it.
    if (length > MAX_FRAME_BYTES || length < MIN_FRAME_BODY) {
      const r = readFrame(this.buf.subarray(this.pos - this.bufStart, this.pos - this.bufStart + 4), 0);
      return { ...r, at: offset, offset } as ScanResult & { offset: number };
    }
    if (offset + 4 + length > this.end) return { ok: false, torn: true, at: offset, offset };
    const available = this.fill(4 + length);
    const view = this.buf.subarray(this.pos - this.bufStart, this.pos - this.bufStart + available);
    const r = readFrame(view, 0);
    if (!r.ok) return { ...r, at: offset, offset };
    this.pos = offset + r.next;
    // r is this call's own object: filled in place rather than copied (once per frame at unlock).
    return Object.assign(r, { next: this.pos, offset });
  }
}

/** Reads file bytes [from, to) into one buffer (small ranges: a journal's unfinished tail). */
export function readRange(fs: VaultFs, fd: number, from: number, to: number): Buffer {
  const out = Buffer.alloc(Math.max(0, to - from));
  let got = 0;
  while (got < out.length) {
    const n = fs.readSync(fd, out, got, out.length - got, from + got);
    if (n === 0) break;
    got += n;
  }
  return out.subarray(0, got);
}

// Attachments (officer replies, pink-paper PDFs): sealed in 64 KiB chunks as they stream in and
// out, so a 200 MB file never sits whole in memory. Each chunk's associated data names the blob,
// its tier, its index and whether it is the last, so truncation, reordering or a changed byte fails.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { open, seal } from './crypto';
import { VaultError, cannotOpen, ioError } from './errors';
import type { Tier } from './frames';
import { FILE_MODE, ensureDir, fsyncDir, renameWithRetry, writeAll, type VaultFs } from './fsio';
import type { Keys } from './keys';

const MAGIC = Buffer.from('NTKBLOB1', 'latin1');
/**
 * Format 2 names the record that owns the attachment (a material's id) in the header and in every
 * chunk's associated data, so a forged record listing another material's blob id cannot open or
 * re-seal it. Tier code 2 is "sealed for the Member": chunks under a fresh random key that is itself
 * sealed to the Member's public key, so the PA who wrote it cannot read it back.
 */
const MAGIC2 = Buffer.from('NTKBLOB2', 'latin1');
export const CHUNK_BYTES = 64 * 1024;
const FOR_MEMBER = 2;

const chunkAad = (id: string, tier: Tier, index: number, final: boolean, owner: string | null) =>
  Buffer.from(
    owner === null ? `ntk-blob|${id}|${tier}|${index}|${final ? 1 : 0}` : `ntk-blob2|${id}|${owner}|${tier}|${index}|${final ? 1 : 0}`,
  );

/** Sealing to the Member, from the session (sealForMember / openSealed). */
export interface MemberSealer {
  seal(bytes: Buffer, label: string): Buffer;
  open(sealed: Buffer, label: string): Buffer;
}

export interface BlobInfo {
  id: string;
  tier: Tier;
  size: number;
}

/**
 * What a reader accepts beyond "this blob's owner is this record". A blob in the old format names no
 * owner: `ownerless` decides, from the blob's tier, whether the record naming it may still use it
 * (acceptsOwnerlessFile in shared/domain/attachments.ts); without it such a blob is refused.
 * `sealedForMember` accepts only a blob sealed for the Member (write-only), as an arrival's are.
 */
export interface BlobAccess {
  ownerless?: (tier: Tier) => boolean;
  sealedForMember?: boolean;
  /** Only a blob under the Member key: a Member-only record's file, which a PA's shared-key file must never stand in for. */
  memberTier?: boolean;
}

/** What a blob's clear header says, read without any key. */
export interface BlobHeader {
  tier: Tier;
  /** null for the old format, which names no owner. */
  owner: string | null;
  sealedForMember: boolean;
}

const checkOwner = (owner: string) => {
  if (typeof owner !== 'string' || owner.length === 0 || owner.length > 400)
    throw new VaultError('not-permitted', 'An attachment must belong to a record.');
};

export class BlobStore {
  constructor(
    private readonly dir: string,
    private readonly fs: VaultFs,
    private readonly keys: () => Keys,
    private readonly sealer?: MemberSealer,
  ) {}

  private key(tier: Tier): Buffer {
    const k = tier === 'member' ? this.keys().member : this.keys().shared;
    if (!k) throw new VaultError('not-permitted', 'This attachment is Member-only.');
    return k;
  }

  private file(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new VaultError('not-found', 'There is no such attachment.');
    return path.join(this.dir, `${id}.blob`);
  }

  /**
   * Streams `source` in, sealing chunk by chunk; the file appears (atomically) only when complete.
   * `owner` is the id of the record the attachment belongs to; read() must name the same owner.
   */
  async add(source: AsyncIterable<Buffer | Uint8Array | string>, tier: Tier, owner: string): Promise<BlobInfo> {
    checkOwner(owner);
    this.key(tier); // refuse at once when locked or not permitted
    return this.write(source, tier, owner, null);
  }

  /**
   * Write-only: streams `source` in sealed for the Member (any session, a PA's included). The PA
   * who wrote it cannot read it back; the Member reads it with read(id, owner) like any other.
   */
  async addForMember(source: AsyncIterable<Buffer | Uint8Array | string>, owner: string): Promise<BlobInfo> {
    checkOwner(owner);
    this.keys(); // refuse at once when locked
    if (!this.sealer) throw new VaultError('not-permitted', 'Items cannot be sealed for the Member here.');
    return this.write(source, 'member', owner, randomBytes(32));
  }

  private async write(
    source: AsyncIterable<Buffer | Uint8Array | string>,
    tier: Tier,
    owner: string,
    fresh: Buffer | null,
  ): Promise<BlobInfo> {
    ensureDir(this.fs, this.dir);
    const id = randomUUID();
    const keyNow = () => {
      this.keys(); // 'locked' after a lock mid-stream
      return fresh ?? this.key(tier);
    };
    const final = this.file(id);
    const temp = path.join(this.dir, `.${id}.blob.${randomBytes(6).toString('hex')}.tmp`);
    let fd: number | null = null;
    let size = 0;
    let index = 0;
    let pending: Buffer = Buffer.alloc(0);
    let held: Buffer | null = null; // one chunk is held back: only at the end do we know which is last
    const writeChunk = (plain: Buffer, last: boolean) => {
      // The key is looked up for every chunk: a lock() mid-stream zeroes it, and must stop the
      // stream ('locked') rather than let later chunks be sealed under an all-zero key.
      const s = seal(keyNow(), plain, chunkAad(id, tier, index++, last, owner));
      const len = Buffer.alloc(4);
      len.writeUInt32BE(s.ct.length);
      writeAll(this.fs, fd!, Buffer.concat([len, s.iv, s.tag, s.ct]));
    };
    try {
      fd = this.fs.openSync(temp, 'wx', FILE_MODE);
      const idBytes = Buffer.from(id);
      const head = Buffer.alloc(3);
      head.writeUInt8(fresh ? FOR_MEMBER : tier === 'member' ? 1 : 0, 0);
      head.writeUInt16BE(idBytes.length, 1);
      // Only format 2 is written: every new blob names its owner.
      const ownerBytes = Buffer.from(owner);
      const sealedKey = fresh ? this.sealer!.seal(fresh, `blob|${id}|${owner}`) : Buffer.alloc(0);
      const lens = Buffer.alloc(4);
      lens.writeUInt16BE(ownerBytes.length, 0);
      lens.writeUInt16BE(sealedKey.length, 2);
      writeAll(this.fs, fd, Buffer.concat([MAGIC2, head, idBytes, lens, ownerBytes, sealedKey]));
      for await (const piece of source) {
        const buf = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        size += buf.length;
        pending = pending.length ? Buffer.concat([pending, buf]) : buf;
        while (pending.length >= CHUNK_BYTES) {
          if (held) writeChunk(held, false);
          held = Buffer.from(pending.subarray(0, CHUNK_BYTES));
          pending = pending.subarray(CHUNK_BYTES);
        }
      }
      if (pending.length > 0) {
        if (held) writeChunk(held, false);
        held = Buffer.from(pending);
      }
      writeChunk(held ?? Buffer.alloc(0), true);
      this.fs.fsyncSync(fd);
      this.fs.closeSync(fd);
      fd = null;
      renameWithRetry(this.fs, temp, final);
      fsyncDir(this.fs, this.dir);
      return { id, tier, size };
    } catch (error) {
      if (fd !== null) this.fs.closeSync(fd);
      if (this.fs.existsSync(temp)) this.fs.unlinkSync(temp);
      if (error instanceof VaultError) throw error;
      throw ioError('save the attachment', error);
    } finally {
      fresh?.fill(0);
    }
  }

  /**
   * Streams the attachment back out, verifying each chunk; fails on any truncation, reorder or change,
   * and on a blob that belongs to another record than `owner` (see BlobAccess for the old format).
   */
  read(id: string, owner: string, accept: BlobAccess = {}): Readable {
    checkOwner(owner);
    const file = this.file(id);
    const fs = this.fs;
    const access: BlobKeyAccess = { keys: this.keys, keyFor: (tier) => this.key(tier), sealer: this.sealer };
    async function* chunks(): AsyncGenerator<Buffer> {
      let fd: number;
      try {
        fd = fs.openSync(file, 'r');
      } catch {
        throw new VaultError('not-found', 'There is no such attachment.');
      }
      let head: BlobHead | null = null;
      try {
        const reader = new ExactReader(fs, fd);
        head = readBlobHead(reader, id, owner, access, accept);
        yield* openChunks(reader, id, head, access);
      } finally {
        fs.closeSync(fd);
        head?.fresh?.fill(0);
      }
    }
    return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
  }

  /**
   * Removes an attachment `owner` no longer refers to (an attach that failed or was overtaken
   * part-way, the old copy after a move). Only a blob whose header names `owner`, or an old-format one
   * when `ownerless` is true (the caller vouches for the record naming it): a record naming another
   * record's blob can never get it thrown away. Returns whether it was removed.
   */
  discard(id: string, owner: string, ownerless = false): boolean {
    checkOwner(owner);
    const file = this.file(id);
    if (!this.fs.existsSync(file)) return false;
    const header = this.header(id);
    if (header.owner === null ? !ownerless : header.owner !== owner) return false;
    this.fs.unlinkSync(file);
    return true;
  }

  /**
   * Whether the blob is `owner`'s, proven with its key rather than taken from the clear header: its
   * first part opens with `owner` in its associated data. A header edited to name another owner (or
   * tier) fails here, so nothing that trusts the answer can be tricked into deleting another's file.
   */
  proveOwner(id: string, owner: string, ownerless = false): boolean {
    checkOwner(owner);
    const access: BlobKeyAccess = { keys: this.keys, keyFor: (tier) => this.key(tier), sealer: this.sealer };
    let fd: number;
    try {
      fd = this.fs.openSync(this.file(id), 'r');
    } catch {
      return false;
    }
    let head: BlobHead | null = null;
    try {
      const reader = new ExactReader(this.fs, fd);
      head = readBlobHead(reader, id, owner, access, { ownerless: () => ownerless });
      openChunks(reader, id, head, access).next();
      return true;
    } catch (error) {
      if (error instanceof VaultError && (error.code === 'not-permitted' || error.code === 'locked')) throw error;
      return false;
    } finally {
      this.fs.closeSync(fd);
      head?.fresh?.fill(0);
    }
  }

  /**
   * Deletes an attachment for good (erasure, destruction: R-CLS-6, R-USE-4). Needs the key of its
   * tier, so a PA cannot delete a Member-only attachment, and proof that it is `owner`'s (proveOwner),
   * so erasing a record never deletes another record's file; one already gone is not an error.
   */
  remove(id: string, owner: string, ownerless = false): void {
    checkOwner(owner);
    const file = this.file(id);
    if (!this.fs.existsSync(file)) return;
    this.key(this.header(id).tier);
    if (!this.proveOwner(id, owner, ownerless))
      throw new VaultError('not-permitted', 'This attachment belongs to another record, or was altered, so it was not deleted.');
    try {
      this.fs.unlinkSync(file);
      fsyncDir(this.fs, this.dir);
    } catch (error) {
      throw ioError('delete the attachment', error);
    }
  }

  /** The ids of every stored attachment (finished files only, never a temp file being written). */
  list(): string[] {
    if (!this.fs.existsSync(this.dir)) return [];
    return this.fs
      .readdirSync(this.dir)
      .filter((name) => /^[0-9a-f-]{36}\.blob$/.test(name))
      .map((name) => name.slice(0, -5));
  }

  exists(id: string): boolean {
    return this.fs.existsSync(this.file(id));
  }

  /** A stored attachment's tier and owner, read from its clear header without any key. */
  header(id: string): BlobHeader {
    const file = this.file(id);
    let fd: number;
    try {
      fd = this.fs.openSync(file, 'r');
    } catch {
      throw new VaultError('not-found', 'There is no such attachment.');
    }
    try {
      const reader = new ExactReader(this.fs, fd);
      const magic = reader.read(8);
      const v2 = magic.equals(MAGIC2);
      if (!v2 && !magic.equals(MAGIC)) throw cannotOpen('this is not a sealed attachment');
      const head = reader.read(3);
      const code = head.readUInt8(0);
      if (code > (v2 ? FOR_MEMBER : 1)) throw cannotOpen('the attachment is damaged');
      if (reader.read(head.readUInt16BE(1)).toString() !== id) throw cannotOpen('the attachment belongs to another record');
      const tier: Tier = code === 0 ? 'shared' : 'member';
      if (!v2) return { tier, owner: null, sealedForMember: false };
      const lens = reader.read(4);
      return { tier, owner: reader.read(lens.readUInt16BE(0)).toString(), sealedForMember: code === FOR_MEMBER };
    } finally {
      this.fs.closeSync(fd);
    }
  }
}

/** What reading a blob needs of the session: its keys (checked live: a lock mid-stream stops it) and the Member sealer. */
interface BlobKeyAccess {
  keys: () => Keys;
  keyFor: (tier: Tier) => Buffer;
  sealer: MemberSealer | undefined;
}

/** Reads exact byte counts from an open blob file, front to back. */
class ExactReader {
  pos = 0;
  readonly total: number;
  constructor(
    private readonly fs: VaultFs,
    private readonly fd: number,
  ) {
    this.total = fs.fstatSync(fd).size;
  }
  read(n: number): Buffer {
    const buf = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const r = this.fs.readSync(this.fd, buf, got, n - got, this.pos + got);
      if (r === 0) throw cannotOpen('the attachment is truncated');
      got += r;
    }
    this.pos += n;
    return buf;
  }
}

/** A blob's header as read: its tier, owner, and the fresh key of one sealed for the Member. */
interface BlobHead {
  tier: Tier;
  storedOwner: string | null;
  fresh: Buffer | null;
}

function readBlobHead(reader: ExactReader, id: string, owner: string, access: BlobKeyAccess, accept: BlobAccess): BlobHead {
  const magic = reader.read(8);
  const v2 = magic.equals(MAGIC2);
  if (!v2 && !magic.equals(MAGIC)) throw cannotOpen('this is not a sealed attachment');
  const head = reader.read(3);
  const code = head.readUInt8(0);
  const tier: Tier = code === 0 ? 'shared' : 'member';
  const storedId = reader.read(head.readUInt16BE(1)).toString();
  if (storedId !== id) throw cannotOpen('the attachment belongs to another record');
  if (accept.memberTier && tier !== 'member')
    throw cannotOpen('the attachment of a Member-only record is not under the Member key (it was replaced)');
  if (!v2) {
    if (code > 1) throw cannotOpen('the attachment is damaged');
    // The old format names no owner: any record could name it, so only a record the caller accepts for it may.
    if (accept.sealedForMember || !accept.ownerless?.(tier))
      throw cannotOpen(
        'the attachment is in the old format, which does not say which record it belongs to, and this record may not open it',
      );
    return { tier, storedOwner: null, fresh: null };
  }
  const lens = reader.read(4);
  const storedOwner = reader.read(lens.readUInt16BE(0)).toString();
  // The owner is also in every chunk's associated data: editing it here only makes them fail.
  if (storedOwner !== owner) throw cannotOpen('the attachment belongs to another record');
  if (accept.sealedForMember && code !== FOR_MEMBER) throw cannotOpen('the attachment was not sealed for the Member');
  const sealedKey = reader.read(lens.readUInt16BE(2));
  if (code !== FOR_MEMBER) return { tier, storedOwner, fresh: null };
  if (!access.sealer || !access.keys().member) throw new VaultError('not-permitted', 'This attachment is Member-only.');
  return { tier, storedOwner, fresh: access.sealer.open(sealedKey, `blob|${id}|${storedOwner}`) };
}

/** Yields each chunk opened; the first tells which shared key (epoch) the rest are under. */
function* openChunks(reader: ExactReader, id: string, head: BlobHead, access: BlobKeyAccess): Generator<Buffer> {
  const { tier, storedOwner, fresh } = head;
  // A shared attachment may be under an earlier shared key (a PA was removed since): the first
  // part tells which, by opening; the current key is tried first.
  let epoch: number | undefined;
  const chunkKey = () => {
    const k = access.keys(); // 'locked' after a lock mid-stream
    if (fresh) return fresh;
    if (tier === 'shared' && epoch !== undefined && epoch !== (k.epoch ?? 0)) return k.older!.get(epoch)!;
    return access.keyFor(tier);
  };
  const candidates = (): Array<[number | undefined, Buffer]> => {
    const k = access.keys();
    if (fresh || tier !== 'shared' || !k.older?.size) return [[undefined, chunkKey()]];
    return [[k.epoch ?? 0, k.shared], ...[...k.older].sort((x, y) => y[0] - x[0])];
  };
  chunkKey();
  for (let index = 0; ; index++) {
    if (reader.pos >= reader.total) throw cannotOpen('the attachment is truncated (its last part is missing)');
    const len = reader.read(4).readUInt32BE(0);
    if (len > CHUNK_BYTES) throw cannotOpen('the attachment is damaged');
    const iv = reader.read(12);
    const tag = reader.read(16);
    const ct = reader.read(len);
    const last = reader.pos === reader.total;
    const aad = chunkAad(id, tier, index, last, storedOwner);
    let plain: Buffer | null = null;
    if (index === 0) {
      for (const [e, key] of candidates()) {
        plain = open(key, { iv, tag, ct }, aad);
        if (plain) {
          epoch = e;
          break;
        }
      }
    } else {
      plain = open(chunkKey(), { iv, tag, ct }, aad);
    }
    // Either the bytes changed, parts were reordered, or a last part was cut off.
    if (!plain) throw cannotOpen(`part ${index + 1} of the attachment fails authentication (altered, reordered or truncated)`);
    yield plain;
    if (last) return;
  }
}

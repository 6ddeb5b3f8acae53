// The files a record names (a material's attachments, an email's original), used only as that record's
// own: the blob store binds the owner into every chunk, and an old-format file with no owner is used, moved
// and let go only as acceptsOwnerlessFile, mayMoveOwnerlessFile and mayEraseOwnerlessFile
// (shared/domain/attachments.ts) allow, judged on the file's tier and the naming record's, never its author.
import type { Readable } from 'node:stream';
import { acceptsOwnerlessFile, mayEraseOwnerlessFile, mayMoveOwnerlessFile } from '../../../shared/domain/attachments';
import type { RecordTier } from '../../../shared/domain/record-tier';
import type { SchemaType } from './record-schemas';
import { lockedBefore } from '../../../shared/ipc/errors';
import type { RecordsRepository } from './records-repository';
import type { SessionGuard } from './session-service';

/** A record as it names its files: its type, its id and the tier it is stored under now. */
export interface FileOwner {
  type: SchemaType;
  id: string;
  tier: RecordTier;
}

/** One record's files, judged on the record as it is when this is made (before any save replaces it). */
export interface OwnedFiles {
  read(blobId: string): Readable;
  /** Lets go of a file the record no longer names; never another record's (returns false then). */
  discard(blobId: string): boolean;
  /** Deletes a file for good (erasure, destruction); refused for another record's file. */
  remove(blobId: string): void;
  /** An old-format file this record names may be sealed again as its own and the old copy let go (mayMoveOwnerlessFile). */
  mayMove(blobId: string): boolean;
}

/** The records this session can read that name a file. */
type Namers = (blobId: string) => Array<{ id: string; tier: RecordTier }>;

export function filesOf(records: RecordsRepository, owner: FileOwner, namers: Namers = (b) => namersOf(records, b)): OwnedFiles {
  const record = { tier: owner.tier };
  // Only the Member's session sees every record, so only there can "no other record names it" be known for a move.
  const mayMove = (blobId: string) => {
    const file = ownerlessFile(records, blobId, owner.id, namers);
    return file !== null && records.isMember && mayMoveOwnerlessFile(file, record);
  };
  return {
    // A Member-only record's file must be under the Member key: a PA can write a shared-key file under its id and owner.
    read: (blobId) =>
      records.blobs.read(blobId, owner.id, {
        ownerless: (tier) => acceptsOwnerlessFile({ tier }, record),
        memberTier: owner.tier === 'member',
      }),
    mayMove,
    discard: (blobId) => records.blobs.discard(blobId, owner.id, mayMove(blobId)),
    remove: (blobId) => {
      const file = ownerlessFile(records, blobId, owner.id, namers);
      records.blobs.remove(blobId, owner.id, file !== null && mayEraseOwnerlessFile(file, record));
    },
  };
}

/**
 * An old-format file's tier (from its clear header; removal proves it with the key) and whether another
 * record this session can read names it; null when the file has an owner, is gone or is damaged.
 */
function ownerlessFile(
  records: RecordsRepository,
  blobId: string,
  ownerId: string,
  namers: Namers,
): { tier: 'shared' | 'member'; namedElsewhere: boolean } | null {
  let tier: 'shared' | 'member';
  try {
    const header = records.blobs.header(blobId);
    if (header.owner !== null) return null;
    tier = header.tier;
  } catch {
    return null;
  }
  // A record that may not use the file (a shared one naming a Member-only file) takes nothing from its owner.
  const others = namers(blobId).filter((r) => r.id !== ownerId && acceptsOwnerlessFile({ tier }, r));
  return { tier, namedElsewhere: others.length > 0 };
}

function namersOf(records: RecordsRepository, blobId: string): Array<{ id: string; tier: RecordTier }> {
  const out: Array<{ id: string; tier: RecordTier }> = [];
  for (const [type, named] of Object.entries(NAMED) as Array<[SchemaType, (data: unknown) => string[]]>)
    for (const r of records.listStored(type)) if (named(r.data).includes(blobId)) out.push({ id: r.id, tier: r.tier });
  return out;
}

/** Who names each file, read once (a move only ever takes a file no other record named, so it never goes stale). */
function namersIndex(records: RecordsRepository): Namers {
  const index = new Map<string, Array<{ id: string; tier: RecordTier }>>();
  for (const [type, named] of Object.entries(NAMED) as Array<[SchemaType, (data: unknown) => string[]]>)
    for (const r of records.listStored(type))
      for (const b of named(r.data)) index.set(b, [...(index.get(b) ?? []), { id: r.id, tier: r.tier }]);
  return (blobId) => index.get(blobId) ?? [];
}

/** The files each kind of record names. */
const NAMED: Partial<Record<SchemaType, (data: unknown) => string[]>> = {
  material: (d) => ((d as { attachments?: Array<{ id: string }> }).attachments ?? []).map((a) => a.id),
  correspondence: (d) => ((d as { kind?: string; blobId?: string }).kind === 'message' ? [(d as { blobId: string }).blobId] : []),
  arrival: (d) => ((d as { files?: Array<{ blobId: string }> }).files ?? []).map((f) => f.blobId),
};

/**
 * Member only, at unlock: a file whose owner record is there and readable but names other files is a
 * copy left by a move that a crash or a lock cut short after the record was saved (new before old);
 * it goes, once its key proves that owner. A file whose owner cannot be read (damaged, set aside,
 * absent), with no owner, or whose header does not match its sealed parts stays.
 * Returns how many went.
 */
export async function sweepLeftoverFiles(records: RecordsRepository, guard: SessionGuard): Promise<number> {
  if (!records.isMember) return 0;
  const byOwner = new Map<string, string[]>();
  for await (const { blobId, owner } of headers(records, guard)) {
    if (owner !== null) byOwner.set(owner, [...(byOwner.get(owner) ?? []), blobId]);
  }
  let swept = 0;
  let seen = 0;
  for (const [owner, blobIds] of byOwner) {
    if (++seen % BATCH === 0) await breathe();
    if (!guard.current) break;
    const named = namedBy(records, owner);
    if (named === null) continue;
    // The clear header is anyone's to edit: the owner is proven with the key before anything goes.
    for (const blobId of blobIds)
      if (!named.includes(blobId) && provenOwner(records, blobId, owner) && records.blobs.discard(blobId, owner)) swept++;
  }
  return swept;
}

/** The files the record with this id names, or null when there is no such record this session can read. */
function namedBy(records: RecordsRepository, id: string): string[] | null {
  for (const [type, named] of Object.entries(NAMED) as Array<[SchemaType, (data: unknown) => string[]]>) {
    let record;
    try {
      record = records.find(type, id);
    } catch {
      return null; // its record cannot be read: keep its files
    }
    if (record) return named(record.data);
  }
  return null;
}

/** Files are looked at this many at a time, with a pause between, so a large vault never holds main up. */
const BATCH = 16;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every stored file's id and owner from its clear header (a damaged one is skipped: reported when read). */
async function* headers(records: RecordsRepository, guard: SessionGuard): AsyncGenerator<{ blobId: string; owner: string | null }> {
  const ids = records.blobs.list();
  for (let i = 0; i < ids.length; i++) {
    if (i > 0 && i % BATCH === 0) await breathe();
    if (!guard.current) return;
    try {
      yield { blobId: ids[i]!, owner: records.blobs.header(ids[i]!).owner };
    } catch {
      // damaged: never thrown away here
    }
  }
}

function provenOwner(records: RecordsRepository, blobId: string, owner: string): boolean {
  try {
    return records.blobs.proveOwner(blobId, owner);
  } catch {
    return false;
  }
}

/** The record with each old file id it names replaced by the new one. */
function renamed(type: 'material' | 'correspondence', data: unknown, replaced: Map<string, string>): unknown {
  if (type === 'material') {
    const d = data as { attachments: Array<{ id: string }> };
    return { ...d, attachments: d.attachments.map((a) => ({ ...a, id: replaced.get(a.id) ?? a.id })) };
  }
  const d = data as { blobId: string };
  return { ...d, blobId: replaced.get(d.blobId) ?? d.blobId };
}

/**
 * R-USE-2, at the Member's unlock: every old-format file (no owner) that a record may move
 * (mayMoveOwnerlessFile: never a Member-only file into a shared record, never one another record names)
 * is sealed again in the current format, under the record's tier, with the record as its owner; the
 * record is saved naming it, then the old file goes (new before old: a crash between leaves a copy the
 * sweep removes). After this such a file is used only through the record that owns it. Any other is left
 * as it is. Costs one header read per file when none is left.
 */
export async function adoptOwnerlessFiles(records: RecordsRepository): Promise<number> {
  if (!records.isMember) return 0;
  const guard = records.begin(lockedBefore('the old attachments were given their owners', 'it is done'));
  const ownerless = new Set<string>();
  for await (const { blobId, owner } of headers(records, guard)) if (owner === null) ownerless.add(blobId);
  if (ownerless.size === 0) return 0;
  let adopted = 0;
  const namers = namersIndex(records);
  for (const type of ['material', 'correspondence'] as const) {
    for (const record of records.listStored(type)) {
      if (!guard.current) return adopted;
      const files = filesOf(records, { type, id: record.id, tier: record.tier }, namers);
      const named = NAMED[type]!(record.data).filter((id) => ownerless.has(id) && files.mayMove(id));
      if (named.length === 0) continue;
      const replaced = new Map<string, string>();
      try {
        for (const old of named) {
          const blob = await records.blobs.add(files.read(old), record.tier, record.id);
          replaced.set(old, blob.id);
          guard.check();
        }
        const now = records.find(type, record.id);
        if (!now || JSON.stringify(now.data) !== JSON.stringify(record.data)) throw new Error('changed meanwhile');
        records.save(type, renamed(type, record.data, replaced) as never);
      } catch {
        for (const fresh of replaced.values()) records.blobs.discard(fresh, record.id);
        continue; // unreadable or changed: left as it is, tried again at the next unlock
      }
      for (const old of named) {
        files.discard(old);
        ownerless.delete(old);
      }
      adopted++;
    }
  }
  return adopted;
}

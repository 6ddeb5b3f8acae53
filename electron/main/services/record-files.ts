// The files a record names (a material's attachments, an email's original), used only as that record's
// own: the blob store binds the owner into every chunk, and an old-format file with no owner is used only
// as acceptsOwnerlessFile (shared/domain/attachments.ts) allows, judged on who wrote the naming record.
import type { Readable } from 'node:stream';
import { acceptsOwnerlessFile, memberVouches, type RecordAuthor } from '../../../shared/domain/attachments';
import type { RecordTier } from '../../../shared/domain/record-tier';
import type { SchemaType } from './record-schemas';
import type { RecordsRepository } from './records-repository';

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
}

export function filesOf(records: RecordsRepository, owner: FileOwner): OwnedFiles {
  const record: { tier: RecordTier; author: RecordAuthor } = {
    tier: owner.tier,
    author: records.authorOf(owner.type, owner.id) ?? 'unknown',
  };
  const vouched = memberVouches(record);
  return {
    read: (blobId) => records.blobs.read(blobId, owner.id, { ownerless: (tier) => acceptsOwnerlessFile({ tier }, record) }),
    discard: (blobId) => records.blobs.discard(blobId, owner.id, vouched),
    remove: (blobId) => records.blobs.remove(blobId, owner.id, vouched),
  };
}

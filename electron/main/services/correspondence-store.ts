import { buildMatchIndex, type CorrespondenceItem, type MatchIndex } from '../../../shared/domain/correspondence';
import type { StoredDraft, StoredMessage } from '../../../shared/domain/correspondence-records';
import { importerToSave } from '../../../shared/domain/message-clash';
import { AppError } from '../../../shared/ipc/errors';
import type { RecordTier } from '../../../shared/domain/record-tier';
import type { RecordsRepository } from './records-repository';
import type { RequestLookup } from './correspondence-ports';

const TYPE = 'correspondence';

/** A draft as kept in the vault, with the id it is saved under (its data does not carry one). */
export interface DraftRecord {
  id: string;
  data: StoredDraft;
}

/**
 * The correspondence records (drafts out, emails in), read and written only through the records
 * repository: it checks each against its stored schema, works its tier out and refuses a PA what
 * only the Member may write. Shared by the drafts, import and filing services.
 */
export class CorrespondenceStore {
  constructor(private readonly records: RecordsRepository) {}

  /** A command's hold on the session that began it (see SessionService.begin). */
  begin(interrupted: string) {
    return this.records.begin(interrupted);
  }

  /** Every draft this user can read. */
  drafts(): DraftRecord[] {
    return this.records.listStored(TYPE).flatMap((r) => (r.data.kind === 'draft' ? [{ id: r.id, data: r.data }] : []));
  }

  /** Every correspondence record this user can read, with its id and the tier it is stored under. */
  stored() {
    return this.records.listStored(TYPE);
  }

  /** Every imported email this user can read. */
  messages(): StoredMessage[] {
    return this.records.list(TYPE).flatMap((d) => (d.kind === 'message' ? [d] : []));
  }

  /** One imported email and its tier; 'not found' or 'forbidden' (Member only) in words. */
  message(id: string): { tier: RecordTier; data: StoredMessage } {
    const record = this.records.find(TYPE, id);
    if (record?.data.kind === 'message') return { tier: record.tier, data: record.data };
    // A Member-only email is 'forbidden' in the repository's words; a draft's id is no email at all.
    if (!record) this.records.require(TYPE, id);
    throw new AppError('not-found', 'There is no such email.');
  }

  /** How many correspondence records this user cannot open (the PA's "Member only" count). */
  sealedCount(): number {
    return this.records.sealedIds(TYPE).length;
  }

  saveDraft(id: string, data: StoredDraft): void {
    this.records.save(TYPE, { ...data, id });
  }

  /** Saves an email; who imported it is worked out here (importerToSave), never taken from the data handed in. */
  saveMessage(data: StoredMessage): StoredMessage {
    const existing = this.records.get(TYPE, data.id);
    const importedBy = importerToSave(
      existing?.kind === 'message' ? { author: this.records.authorOf('correspondence', data.id), claimed: existing.importedBy } : undefined,
      this.records.isMember ? 'member' : 'pa',
    );
    return this.records.save(TYPE, { ...data, importedBy }) as StoredMessage;
  }

  /** The tier the email would be sealed under, refused (as saving it would be) when this user may not write it. */
  writableTier(data: StoredMessage): RecordTier {
    return this.records.writableTier(TYPE, data.id, data);
  }

  /** What matching an imported email needs: every readable request's reference and every draft's headers. */
  matchIndex(requests: RequestLookup): {
    index: MatchIndex;
    requests: Map<string, { reference: string; memberOnly: boolean; fromEmail: string }>;
  } {
    const known = new Map<string, { reference: string; memberOnly: boolean; fromEmail: string }>();
    for (const r of requests.references()) known.set(r.id, r);
    const index = buildMatchIndex(
      [...known].map(([id, r]) => ({ id, reference: r.reference })),
      this.drafts().map((d) => d.data),
    );
    return { index, requests: known };
  }
}

/** The email as the screens show it: without its blob, headers and tier facts. */
export function messageView(m: StoredMessage): CorrespondenceItem {
  const {
    kind: _k,
    format: _f,
    blobId: _b,
    messageId: _m,
    inReplyTo: _i,
    references: _r,
    threadIndex: _t,
    threadTopic: _tt,
    onMemberOnlyRequest: _o,
    ...item
  } = m;
  return item;
}

/** Bytes already in memory, handed to the blob store a megabyte at a time. */
export async function* inChunks(bytes: Uint8Array): AsyncGenerator<Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < buf.length; i += 1024 * 1024) yield buf.subarray(i, i + 1024 * 1024);
}

/** A blob's bytes, whole. */
export async function readAll(chunks: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of chunks) out.push(Buffer.from(c));
  return Buffer.concat(out);
}

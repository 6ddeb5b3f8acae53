// The stored shape of the vault's correspondence records: the drafts the app wrote for the mail
// program (kept so an officer's reply is matched to its request) and the emails imported. The
// records repository checks every correspondence record against this on each save and read.
import { z } from 'zod';
import { correspondenceItemSchema } from './correspondence';
import { draftKindSchema } from './requests';

/**
 * Whether the request the record belongs to is Member only: the tier rule reads it (record-tier.ts).
 * Optional because records saved before it was kept lack it; every save now writes it afresh.
 */
const onMemberOnlyRequest = z.boolean().optional();

/** A draft written for the mail program: its Message-ID and Thread-Index match the reply. */
export const storedDraftSchema = z.object({
  kind: z.literal('draft'),
  requestId: z.string().min(1).max(200),
  draftKind: draftKindSchema,
  messageId: z.string().max(1000),
  threadIndex: z.string().max(1000),
  subject: z.string().max(10_000),
  createdAt: z.string().max(40),
  sentOn: z.string().max(40).nullable(),
  onMemberOnlyRequest,
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

/** An imported email: what the screens show, plus its original's blob and the headers that match it. */
export const storedMessageSchema = correspondenceItemSchema.extend({
  kind: z.literal('message'),
  format: z.enum(['eml', 'msg']),
  /** The original's blob, owned by this email (the blob names the email's id; see electron/main/vault/blobs.ts). */
  blobId: z.string().min(1).max(200),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  threadIndex: z.string().nullable(),
  threadTopic: z.string().nullable(),
  onMemberOnlyRequest,
  /** What the council's mail server said of the sender (shared/domain/sender-checks.ts); absent before it was kept. */
  senderCheck: z.enum(['passed', 'failed', 'unauthenticated', 'not-checked']).optional(),
  /** SHA-256 of the original file, hex: the same bytes imported again are "already imported". */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /**
   * Whose session imported it, as that save said. Believed only where the vault's author of the
   * record agrees (correspondence-provenance.ts); a Member save over a PA's keeps "pa" or makes it "unverified".
   */
  importedBy: z.enum(['member', 'pa', 'unverified']).optional(),
});
export type StoredMessage = z.infer<typeof storedMessageSchema>;

export const storedCorrespondenceSchema = z.discriminatedUnion('kind', [storedDraftSchema, storedMessageSchema]);
export type StoredCorrespondence = z.infer<typeof storedCorrespondenceSchema>;

/** What a correspondence record holds for the tier rule: a message's attachments, and its request being Member only. */
export function correspondenceTierFacts(data: unknown): { requestMemberOnly: boolean; attachmentCount: number } {
  const d = (data ?? {}) as { onMemberOnlyRequest?: unknown; attachments?: unknown };
  return { requestMemberOnly: d.onMemberOnlyRequest === true, attachmentCount: Array.isArray(d.attachments) ? d.attachments.length : 0 };
}

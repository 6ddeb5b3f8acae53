// What came back for a request: the material record, its files, third-party consent and disposal.
// The rules over it are in classification.ts and material-lifecycle.ts.
import { z } from 'zod';
import { isoDateSchema } from './dates';
import { classificationSchema, personalDataSchema } from './classification';
import { capacitySchema } from './need-to-know';

const text = (max: number, what = 'This') =>
  z.string().max(max, { error: `${what} can be at most ${max.toLocaleString('en-GB')} characters` });

export const CONSENTS = ['not-asked', 'asked', 'given', 'refused'] as const;
export type Consent = (typeof CONSENTS)[number];
/** R-ASK-11: one recorded step of asking a third party for consent. */
export const consentStepSchema = z.object({ status: z.enum(['asked', 'given', 'refused']), on: isoDateSchema, note: z.string() });
export type ConsentStep = z.infer<typeof consentStepSchema>;
export const thirdPartySchema = z.object({
  name: z.string(),
  consent: z.enum(CONSENTS),
  /** Each consent step recorded (asked, given, refused), oldest first. */
  history: z.array(consentStepSchema).optional(),
});
export type ThirdParty = z.infer<typeof thirdPartySchema>;

export const DISPOSALS = ['destroyed', 'returned'] as const;
/** R-USE-4: how protected material left the Member's hands. */
export const disposalSchema = z.object({
  how: z.enum(DISPOSALS),
  on: isoDateSchema,
  returnedTo: z.string().nullable(),
  reason: z.string(),
});
export type Disposal = z.infer<typeof disposalSchema>;

/** R-CLS-2: which officer confirmed the status of material that was "unsure", and when. */
export const officerConfirmationSchema = z.object({
  officer: z
    .string()
    .trim()
    .min(1, { error: 'Name the officer who confirmed it' })
    .max(120, { error: 'The name can be at most 120 characters' }),
  on: isoDateSchema,
});
export type OfficerConfirmation = z.infer<typeof officerConfirmationSchema>;

/** A file attached to material: sealed in the vault under the material's tier; the name is the file's own, never its path. */
export const attachmentSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), addedOn: z.string() });
export type Attachment = z.infer<typeof attachmentSchema>;

/** R-CLS-5: the requesting Member's recorded permission to share a briefing with another Member. */
export const briefingPermissionSchema = z.object({
  givenBy: z.string(),
  givenOn: isoDateSchema,
  sharedWith: z.string().nullable().optional(),
});
/** R-CLS-5: a briefing given in confidence: who asked for it, and their permission to share it once recorded. */
export const briefingSchema = z.object({ requestedBy: z.string(), permission: briefingPermissionSchema.nullable() });
export type Briefing = z.infer<typeof briefingSchema>;

/** Material as recorded by the Member or PA. */
export const materialInputSchema = z.object({
  requestId: z.string(),
  title: z.string().trim().min(1, { error: 'Give the material a title' }).max(200, { error: 'The title can be at most 200 characters' }),
  receivedOn: isoDateSchema,
  summary: text(8000, 'The summary'),
  classification: classificationSchema,
  personalData: personalDataSchema,
  isBriefing: z.boolean(),
  /** R-CLS-5: for a briefing, the Member who asked for it (the Member recording it when not given). */
  briefingRequestedBy: text(120, 'The name').optional(),
  thirdPartyName: text(120, 'The name').optional(),
});
export type MaterialInput = z.infer<typeof materialInputSchema>;

export const materialSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  title: z.string(),
  receivedOn: z.string(),
  summary: z.string(),
  classification: classificationSchema,
  personalData: personalDataSchema,
  isBriefing: z.boolean(),
  briefing: briefingSchema.nullable().optional(),
  givenForCapacity: capacitySchema,
  givenForPurpose: z.string(),
  meetingId: z.string().nullable(),
  thirdParty: thirdPartySchema.nullable(),
  attachments: z.array(attachmentSchema),
  erasedOn: z.string().nullable(),
  /** R-USE-2: recorded against a Member-only request, so Member-only whatever its level (set when it is recorded). */
  onMemberOnlyRequest: z.boolean().optional(),
  /** R-USE-4: set when the material was destroyed or returned (its content is then wiped). */
  disposal: disposalSchema.nullable().optional(),
});
export type Material = z.infer<typeof materialSchema>;

export const consentInputSchema = z.object({
  id: z.string().min(1),
  status: consentStepSchema.shape.status,
  on: isoDateSchema,
  note: z.string().trim().max(1000, { error: 'The note can be at most 1,000 characters' }),
});

export const keepUntilInputSchema = z.object({
  id: z.string().min(1),
  until: isoDateSchema,
  reason: z
    .string()
    .trim()
    .min(1, { error: 'Say why it is still needed' })
    .max(1000, { error: 'The reason can be at most 1,000 characters' }),
});

export const disposalInputSchema = z.object({
  id: z.string().min(1),
  how: z.enum(DISPOSALS),
  on: isoDateSchema,
  returnedTo: z.string().trim().max(200, { error: 'The name can be at most 200 characters' }).optional(),
  reason: z
    .string()
    .trim()
    .min(1, { error: 'Say why (for example end of term)' })
    .max(1000, { error: 'The reason can be at most 1,000 characters' }),
});

/** R-CLS-5: recording the requesting Member's permission to share a briefing. */
export const briefingPermissionInputSchema = z.object({
  id: z.string().min(1),
  givenBy: z.string().trim().min(1, { error: 'Say who gave permission' }).max(120, { error: 'The name can be at most 120 characters' }),
  givenOn: isoDateSchema,
  sharedWith: z.string().trim().max(120, { error: 'The name can be at most 120 characters' }).optional(),
});

/**
 * A new material's id names its request, so a PA (who cannot open Member-only material) can still be
 * told how many Member-only items are on THAT request, never the count for the whole vault.
 * `unique` is made in main (a random UUID).
 */
export function materialIdFor(requestId: string, unique: string): string {
  return `${requestId}.m.${unique}`;
}

/** The request a material id names, or null for material recorded before ids named their request. */
export function requestOfMaterialId(id: string): string | null {
  const at = id.lastIndexOf('.m.');
  return at > 0 ? id.slice(0, at) : null;
}

/** Material as stored: the view plus whether it was ever protected (every later export of it is audited, R-USE-3). */
export const storedMaterialSchema = materialSchema.extend({ everProtected: z.boolean().optional() });
export type StoredMaterial = z.infer<typeof storedMaterialSchema>;

// R-USE-1 (000 §17.9.3): a pink paper belongs to the meeting its own classification names (committee and date), not to
// its request's meeting: only that meeting's private session shows it. Null when no meeting in the directory is that one.
export function pinkPaperMeetingId(
  classification: { level: string; committee?: string; meetingDate?: string },
  meetings: ReadonlyArray<{ id: string; committee: string; date: string }>,
): string | null {
  if (classification.level !== 'pink-paper' || !classification.committee || !classification.meetingDate) return null;
  const committee = classification.committee.trim().toLowerCase();
  const same = (m: { committee: string; date: string }) =>
    m.date === classification.meetingDate && m.committee.trim().toLowerCase() === committee;
  return meetings.find(same)?.id ?? null;
}

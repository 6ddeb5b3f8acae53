// A request as the vault keeps it: the draft as asked, the entries its timeline can hold, and what
// was worked out when it was sent. Main validates every stored request with storedRequestSchema.
import { z } from 'zod';
import { isoDateSchema } from './dates';
import { nationSchema } from './calendar';
import { councilProfileSchema } from './profiles';
import { requestDraftSchema } from './request-draft';

/** The rungs of the escalation ladder (R-DUE-4), lowest first. */
export const ESCALATION_LEVELS = ['officer', 'head-of-service', 'chief-executive', 'monitoring-officer'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

const text = (max: number) => z.string().max(max, { error: `You can enter up to ${max.toLocaleString('en-GB')} characters` });

/** The emails the app can draft for a request (shared/domain/correspondence). */
export const DRAFT_KINDS = ['request', 'chaser', 'escalation', 'chair-notice', 'mo-referral', 'foi'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
export const draftKindSchema = z.enum(DRAFT_KINDS);

/** What happened to a request after it was sent, each on the day it happened. */
export const requestEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledged'), on: isoDateSchema, note: text(2000) }),
  z.object({ type: z.literal('holding'), on: isoDateSchema, note: text(2000), promisedBy: isoDateSchema }),
  z.object({ type: z.literal('answered'), on: isoDateSchema, note: text(4000) }),
  z.object({ type: z.literal('chased'), on: isoDateSchema, note: text(2000) }),
  z.object({ type: z.literal('escalated'), on: isoDateSchema, note: text(2000), informationWithheld: z.boolean() }),
  /** An email drafted by the app (the request itself, a Monitoring Officer referral, an FOI request) that the Member says was sent. */
  z.object({ type: z.literal('emailed'), on: isoDateSchema, note: text(2000), kind: draftKindSchema.optional() }),
  z.object({
    type: z.literal('mo-decision'),
    on: isoDateSchema,
    note: text(2000),
    accepted: z.boolean(),
    decidedBy: z.string().trim().min(1, { error: 'Say who decided' }),
  }),
]);
export type RequestEvent = z.infer<typeof requestEventSchema>;

// Every entry a request's timeline can hold once stored: what the Member logs (requestEventSchema, as
// entered) plus the records the domain's commands return (escalation to a named person, chair notice,
// edits, withdrawing, closing, reopening, corrections). Ids and entry times let corrections name an
// entry and same-day entries keep their order. Main should store these and validate stored requests with it.
// `by: 'pa'` marks an entry a PA's app recorded: the vault sets aside a PA's save adding an entry without
// it (shared/domain/pa-record-changes.ts), so the request page can say so and a PA cannot pass as the Member.
const stored = { id: z.string().max(100).optional(), recordedAt: z.string().max(40).optional(), by: z.literal('pa').optional() };
const changeSchema = z.object({
  field: z.string(),
  label: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  fromText: z.string(),
  toText: z.string(),
});
export const timelineEntrySchema = z.discriminatedUnion('type', [
  z.object({ ...stored, type: z.literal('acknowledged'), on: isoDateSchema, note: text(2000) }),
  z.object({ ...stored, type: z.literal('holding'), on: isoDateSchema, note: text(2000), promisedBy: isoDateSchema }),
  z.object({ ...stored, type: z.literal('answered'), on: isoDateSchema, note: text(4000) }),
  z.object({ ...stored, type: z.literal('chased'), on: isoDateSchema, note: text(2000) }),
  z.object({
    ...stored,
    type: z.literal('escalated'),
    on: isoDateSchema,
    note: text(2000),
    informationWithheld: z.boolean(),
    level: z.enum(ESCALATION_LEVELS).optional(),
    to: text(200).optional(),
    role: text(200).optional(),
  }),
  z.object({
    ...stored,
    type: z.literal('emailed'),
    on: isoDateSchema,
    note: text(2000),
    kind: draftKindSchema.optional(),
    /** R-ASK-8: whom a chair notice went to (correctable like any entry's "sent to"). */
    to: text(200).optional(),
  }),
  z.object({
    ...stored,
    type: z.literal('mo-decision'),
    on: isoDateSchema,
    note: text(2000),
    accepted: z.boolean(),
    decidedBy: z.string().trim().min(1, { error: 'Say who decided' }),
  }),
  z.object({ ...stored, type: z.literal('chair-notice-sent'), on: isoDateSchema, note: text(2000), to: z.string().trim().min(1).max(200) }),
  z.object({
    ...stored,
    type: z.literal('edited'),
    on: isoDateSchema,
    note: text(2000),
    changes: z.array(changeSchema).min(1).max(20),
    reason: text(2000).nullable(),
  }),
  z.object({ ...stored, type: z.literal('withdrawn'), on: isoDateSchema, note: text(2000), reason: text(2000) }),
  z.object({
    ...stored,
    type: z.literal('closed'),
    on: isoDateSchema,
    note: text(2000),
    reason: text(2000),
    outcome: z.enum(['answered', 'abandoned']),
  }),
  z.object({ ...stored, type: z.literal('reopened'), on: isoDateSchema, note: text(2000), reason: text(2000) }),
  z.object({
    ...stored,
    type: z.literal('correction'),
    on: isoDateSchema,
    corrects: z.string().min(1).max(100),
    reason: text(2000),
    note: text(2000).optional(),
    changes: z
      .array(
        z.object({ field: z.enum(['on', 'promisedBy', 'note', 'to', 'decidedBy']), label: z.string(), from: z.string(), to: z.string() }),
      )
      .min(1)
      .max(5),
  }),
]);
export type StoredTimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A request as the vault keeps it: the draft as asked (never its blind copies), its timeline and what was worked out when it was sent. */
export const storedRequestSchema = requestDraftSchema.omit({ blindCopies: true }).extend({
  id: z.string().min(1),
  reference: z.string(),
  officerName: z.string(),
  service: z.string(),
  /** Appended only: edits, endings and corrections are entries of their own (shared/domain/timeline). */
  events: z.array(timelineEntrySchema),
  acknowledgeBy: isoDateSchema.nullable(),
  respondBy: isoDateSchema,
  explanation: z.array(z.string()),
  profile: councilProfileSchema,
  nation: nationSchema,
  verdict: z.enum(['sufficient', 'weak', 'refused']),
  assessmentSummary: z.string(),
  chairNotice: z.object({ text: z.string(), sentOn: z.string().nullable(), sentTo: z.string().max(200).optional() }).nullable(),
  moReferral: z
    .object({ reason: z.string(), decision: z.object({ accepted: z.boolean(), decidedBy: z.string(), on: z.string() }).nullable() })
    .nullable(),
  escalatedTo: z.enum(ESCALATION_LEVELS).nullable(),
  /** R-DUE-4: each escalation, to whom (the person and their role) and when. */
  escalations: z
    .array(
      z.object({
        on: z.string(),
        level: z.enum(ESCALATION_LEVELS),
        to: z.string().max(200),
        role: z.string().max(200),
        informationWithheld: z.boolean(),
      }),
    )
    .optional(),
});
export type StoredRequest = z.infer<typeof storedRequestSchema>;

// The shape of every record the vault keeps, one zod schema per record type. The records repository
// validates each record with its schema before it is saved and again when it is read back, so a
// malformed or forged record is refused (or set aside) instead of breaking a screen.
// Built from the aggregates' schemas in shared/domain; only what the vault adds (bookkeeping) is here.
import { z } from 'zod';
import { councilProfileSchema } from '../../../shared/domain/profiles';
import { capacitySchema } from '../../../shared/domain/need-to-know';
import { ESCALATION_LEVELS, requestDraftSchema, timelineEntrySchema } from '../../../shared/domain/requests';
import type { RecordType } from '../../../shared/domain/record-types';
import { councilSettingsSchema } from '../../../shared/domain/council';
import { holidayEditsSchema, nationSchema as nation } from '../../../shared/domain/calendar';
import { gateSchema, registerEntrySchema } from '../../../shared/domain/disclosure';
import { materialSchema } from '../../../shared/domain/material';
import { meetingSchema, officerSchema } from '../../../shared/domain/directory';
import { storedArrivalSchema } from '../../../shared/domain/arrivals';

export const storedRequestSchema = requestDraftSchema.omit({ blindCopies: true }).extend({
  id: z.string().min(1),
  reference: z.string(),
  officerName: z.string(),
  service: z.string(),
  /** Appended only: edits, endings and corrections are entries of their own (shared/domain/timeline). */
  events: z.array(timelineEntrySchema),
  acknowledgeBy: z.string().nullable(),
  respondBy: z.string(),
  explanation: z.array(z.string()),
  profile: councilProfileSchema,
  nation,
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

/** Material as stored: the view plus whether it was ever protected (every later export of it is audited, R-USE-3). */
export const storedMaterialSchema = materialSchema.extend({ everProtected: z.boolean().optional() });
export type StoredMaterial = z.infer<typeof storedMaterialSchema>;

/** A disclosure pins the council profile in force when it started (R-DIS-2): switching profiles later changes nothing for it. */
export const storedDisclosureSchema = z.object({
  id: z.string().min(1),
  materialId: z.string().min(1),
  gate: gateSchema,
  profile: councilProfileSchema.optional(),
  /** R-CLS-4: the capacity and purpose the disclosure is made for, checked against the material's when it started. */
  capacity: capacitySchema.optional(),
  purpose: z.string().optional(),
});
export type StoredDisclosure = z.infer<typeof storedDisclosureSchema>;

/** The rule-bearing council settings, written by the Member into the vault (never settings.json). */
export const storedCouncilSettingsSchema = z.strictObject({
  id: z.literal('council-settings'),
  settings: councilSettingsSchema,
  holidayEdits: holidayEditsSchema,
});
export type StoredCouncilSettings = z.infer<typeof storedCouncilSettingsSchema>;

/** The data each record type holds. Index records are checked by the request index itself. */
export const recordSchemas = {
  request: storedRequestSchema,
  material: storedMaterialSchema,
  officer: officerSchema,
  meeting: meetingSchema,
  disclosure: storedDisclosureSchema,
  'register-entry': registerEntrySchema,
  'council-settings': storedCouncilSettingsSchema,
  'council-profile': councilProfileSchema,
  /** Something a PA recorded as arrived for the Member: its content sealed to the Member (issue 10). */
  arrival: storedArrivalSchema,
} as const satisfies Partial<Record<RecordType, z.ZodType>>;

export type SchemaType = keyof typeof recordSchemas;
export type RecordData<T extends SchemaType> = z.infer<(typeof recordSchemas)[T]>;

// The shape of every record the vault keeps, one zod schema per record type. The records repository
// validates each record with its schema before it is saved and again when it is read back, so a
// malformed or forged record is refused (or set aside) instead of breaking a screen.
// Each aggregate's stored schema lives with the aggregate in shared/domain; this is only the map from record type to schema.
import { z } from 'zod';
import type { RecordType } from '../../../shared/domain/record-types';
import { meetingSchema, officerSchema } from '../../../shared/domain/directory';
import { storedRequestSchema } from '../../../shared/domain/requests';
import { storedMaterialSchema } from '../../../shared/domain/material';
import { registerEntrySchema, storedDisclosureSchema } from '../../../shared/domain/disclosure';
import { storedCouncilSettingsSchema } from '../../../shared/domain/council';
import { councilProfileSchema } from '../../../shared/domain/profiles';
import { storedArrivalSchema } from '../../../shared/domain/arrivals';
import { storedCorrespondenceSchema } from '../../../shared/domain/correspondence-records';

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
  /** Something a PA recorded as arrived for the Member: its content sealed to the Member, write-only for a PA. */
  arrival: storedArrivalSchema,
  /** Drafts written for the mail program and officers' emails imported. */
  correspondence: storedCorrespondenceSchema,
} as const satisfies Partial<Record<RecordType, z.ZodType>>;

export type SchemaType = keyof typeof recordSchemas;
export type RecordData<T extends SchemaType> = z.infer<(typeof recordSchemas)[T]>;

// Schemas for what happens to material after it arrives (consent, retention, erasure, destroy or
// return). Shapes only; the rules are in shared/domain/material-lifecycle.ts.
import { z } from 'zod';
import { classificationSchema } from '../domain/classification';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date written as YYYY-MM-DD' });

export const consentInputSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['asked', 'given', 'refused']),
  on: isoDate,
  note: z.string().trim().max(1000, { error: 'At most 1000 characters' }),
});

export const keepUntilInputSchema = z.object({
  id: z.string().min(1),
  until: isoDate,
  reason: z.string().trim().min(1, { error: 'Say why it is still needed' }).max(1000, { error: 'At most 1000 characters' }),
});

export const disposalInputSchema = z.object({
  id: z.string().min(1),
  how: z.enum(['destroyed', 'returned']),
  on: isoDate,
  returnedTo: z.string().trim().max(200).optional(),
  reason: z.string().trim().min(1, { error: 'Say why (for example end of term)' }).max(1000, { error: 'At most 1000 characters' }),
});

/** One material in a work list (due for erasure, protected still held), with the request it came for. */
export const materialListItemSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  requestReference: z.string(),
  requestSubject: z.string(),
  title: z.string(),
  receivedOn: z.string(),
  classification: classificationSchema,
  retainUntil: z.string().nullable(),
});
export type MaterialListItem = z.infer<typeof materialListItemSchema>;

/** R-CLS-2: which officer confirmed the status of material that was "unsure", and when. */
export const officerConfirmationSchema = z.object({ officer: z.string().trim().min(1, { error: 'Name the officer who confirmed it' }).max(120), on: isoDate });

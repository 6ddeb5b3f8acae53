// The Member's directory: the officers they write to and the meetings requests relate to.
import { z } from 'zod';
import { isoDateSchema } from './dates';
import { meetingSourceSchema, privateItemsSchema } from './meeting-import';

export const SENIORITIES = ['chief-officer', 'director', 'head-of-service', 'manager', 'officer'] as const;
export type Seniority = (typeof SENIORITIES)[number];
export const seniorityNames: Record<Seniority, string> = {
  'chief-officer': 'Chief Officer',
  director: 'Director',
  'head-of-service': 'Head of Service',
  manager: 'Manager',
  officer: 'Officer',
};

/** An officer as entered; the id is given only when changing an officer already saved. */
export const officerInputSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, { error: 'Enter the officer’s name' }).max(120, { error: 'The name can be at most 120 characters' }),
  service: z.string().trim().min(1, { error: 'Enter the service' }).max(120, { error: 'The service can be at most 120 characters' }),
  role: z.string().trim().min(1, { error: 'Enter the role' }).max(120, { error: 'The role can be at most 120 characters' }),
  seniority: z.enum(SENIORITIES, { error: 'Choose how senior the officer is' }),
  email: z.string().trim().email({ error: 'Enter the officer’s council email address' }),
});
export const officerSchema = officerInputSchema.extend({ id: z.string() });
export type Officer = z.infer<typeof officerSchema>;

/** A committee meeting and its agenda items (s.100F requests and private sessions pick from these). */
export const meetingInputSchema = z.object({
  id: z.string().optional(),
  committee: z.string().trim().min(1, { error: 'Enter the committee' }).max(120, { error: 'The committee can be at most 120 characters' }),
  date: isoDateSchema,
  agendaItems: z
    .array(
      z
        .string()
        .trim()
        .min(1, { error: 'An agenda item cannot be empty' })
        .max(200, { error: 'An agenda item can be at most 200 characters' }),
    )
    .max(100, { error: 'A meeting can have at most 100 agenda items' }),
  /** Agenda items taken in private (pink papers), each one of `agendaItems` (shared/domain/meeting-import). */
  privateItems: privateItemsSchema.optional(),
  /** Set when the meeting came from a calendar file or the democracy site: a re-import updates it rather than adding another. */
  source: meetingSourceSchema.optional(),
});
export const meetingSchema = meetingInputSchema.extend({ id: z.string() });
export type Meeting = z.infer<typeof meetingSchema>;

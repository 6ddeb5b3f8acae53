// What the request page shows and offers after a request is sent: the Monitoring
// Officer's decision and what follows it (R-ASK-4, R-ASK-5), who to escalate to (R-DUE-4) and the
// chair notice (R-ASK-8); and the gov.uk bank-holidays import preview (R-DUE-2, R-DUE-3).
import { z } from 'zod';
import { ESCALATION_LEVELS } from '../domain/requests';
import { isoDateSchema } from '../domain/dates';
import { holidayEditsSchema, nationSchema } from '../domain/calendar';
import { affectedRequestSchema } from './views';

const escalationLevel = z.enum(ESCALATION_LEVELS);

export const followUpViewSchema = z.object({
  /** R-ASK-4: the referral, the decision once recorded, and the steps that can follow it. */
  moReferral: z
    .object({
      reason: z.string(),
      /** R-USE-1: why the reason and who decided are not shown (the meeting mode hides the Monitoring Officer's advice), or null. */
      withheld: z.string().nullable(),
      referredOn: z.string(),
      decision: z.object({ accepted: z.boolean(), decidedBy: z.string(), on: z.string() }).nullable(),
      steps: z.array(
        z.object({ step: z.string(), label: z.string(), foiProfileId: z.string().optional(), explanation: z.string().optional() }),
      ),
    })
    .nullable(),
  /** R-ASK-8: the notice to the chair or executive member. */
  chairNotice: z.object({ text: z.string(), sentOn: z.string().nullable(), sentTo: z.string().nullable() }).nullable(),
  /** R-DUE-4: escalations so far, and who is next (a person from the directory where one fits). */
  escalation: z.object({
    overdue: z.boolean(),
    history: z.array(z.object({ on: z.string(), level: escalationLevel, to: z.string(), role: z.string() })),
    next: z.object({
      level: escalationLevel,
      role: z.string(),
      explanation: z.string(),
      officerId: z.string().nullable(),
      name: z.string().nullable(),
    }),
    /** When information needed for the Member's duties is withheld: the Monitoring Officer. */
    withheld: z.object({
      level: escalationLevel,
      role: z.string(),
      explanation: z.string(),
      officerId: z.string().nullable(),
      name: z.string().nullable(),
    }),
  }),
});
export type FollowUpView = z.infer<typeof followUpViewSchema>;

// The one strict date rule: 2026-02-30 is refused here as it is everywhere else.
const isoDate = isoDateSchema;
const note = z.string().max(2000, { error: 'You can enter up to 2,000 characters' });
const id = z.string().min(1).max(200);

export const moDecisionInputSchema = z.strictObject({
  id,
  accepted: z.boolean(),
  decidedBy: z.string().trim().min(1, { error: 'Say who decided' }).max(200, { error: 'The name can be at most 200 characters' }),
  on: isoDate,
  note,
});

export const escalateInputSchema = z.strictObject({
  id,
  on: isoDate,
  /** Information needed for the Member's duties is being withheld: goes to the Monitoring Officer (004 §11.10). */
  informationWithheld: z.boolean(),
  /** The officer from the directory; or null and a name for someone not in it. */
  officerId: z.string().min(1).max(200).nullable(),
  name: z.string().trim().max(200, { error: 'The name can be at most 200 characters' }),
  note,
});

export const chairNoticeInputSchema = z.strictObject({
  id,
  on: isoDate,
  to: z.string().trim().min(1, { error: 'Say who the notice was sent to' }).max(200, { error: 'The name can be at most 200 characters' }),
});

const named = z.object({ date: z.string(), name: z.string() });
export const govUkImportPreviewSchema = z.object({
  /** Null when the user cancelled the file dialog. */
  file: z.string().nullable(),
  nation: nationSchema,
  years: z.object({ from: z.number(), to: z.number() }).nullable(),
  added: z.array(named),
  removed: z.array(named),
  weekend: z.array(named.extend({ question: z.string() })),
  /** The holiday list to save (through holidays:save) if the user accepts. */
  edits: holidayEditsSchema,
  /** R-DUE-3: the requests whose due dates would move, listed before anything is saved. */
  affected: z.array(affectedRequestSchema),
});
export type GovUkImportPreview = z.infer<typeof govUkImportPreviewSchema>;

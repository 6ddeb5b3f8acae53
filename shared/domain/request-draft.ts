// A request as the Member writes it, and each of its field rules, written once: the New request form
// checks a draft with newRequestSchema before the check-your-answers page, the IPC contract parses it
// with requestDraftSchema, and main checks it again with newRequestSchema and today's UK date.
import { z } from 'zod';
import { compareIso, isoDateSchema, type IsoDate } from './dates';
import { emailAddressSchema } from './email';
import { capacitySchema, routeSchema } from './need-to-know';

/** The most characters each text field of a request may hold: the form's counters, the schema and editing after sending all read these. */
export const REQUEST_LIMITS = {
  subject: 200,
  informationSought: 4000,
  capacityDetail: 200,
  purpose: 1000,
  justification: 4000,
  ward: 120,
  agendaItem: 200,
  monitoringOfficerReason: 2000,
  fromEmail: 200,
} as const;
/** The most people a request may copy in. */
export const MAX_COPIES = 20;
/** The fewest characters a subject may have. */
export const MIN_SUBJECT = 3;

// Zod's own wording for limits is what the page's error wording (renderer/app/errors) turns into
// "<field> must be N characters or fewer", in the label of whichever form shows it.
const text = (max: number) => z.string().max(max);

/** R-ASK-1 (000 §17.8.1): a request needs a short subject; the form and main refuse a blank one in the same words. */
export const subjectSchema = z
  .string()
  .trim()
  .superRefine((subject, ctx) => {
    // One problem at a time, and no abort: the draft's other rules are still checked and shown together.
    if (!subject) ctx.addIssue({ code: 'custom', message: 'Give the request a short subject' });
    else if (subject.length < MIN_SUBJECT)
      ctx.addIssue({ code: 'too_small', origin: 'string', minimum: MIN_SUBJECT, inclusive: true, input: subject });
  })
  .max(REQUEST_LIMITS.subject);

/** R-ASK-10 (001 §24.11(a)): everyone copied is an email address, recorded; at most MAX_COPIES. */
export const copiesSchema = z.array(emailAddressSchema).max(MAX_COPIES);

/** A request as the Member writes it (R-ASK-1 capacity and purpose, R-ASK-2 route, R-ASK-3 justification). */
export const requestDraftSchema = z.object({
  subject: subjectSchema,
  informationSought: text(REQUEST_LIMITS.informationSought),
  capacity: capacitySchema.nullable(),
  capacityDetail: text(REQUEST_LIMITS.capacityDetail).optional(),
  purpose: text(REQUEST_LIMITS.purpose),
  route: routeSchema.nullable(),
  justification: text(REQUEST_LIMITS.justification),
  officerId: z.string().min(1, { error: 'Choose the officer' }),
  ward: text(REQUEST_LIMITS.ward),
  meetingId: z.string().nullable(),
  agendaItem: text(REQUEST_LIMITS.agendaItem).nullable(),
  mayBeRaisedAtMeeting: z.boolean(),
  seeksProtectedMaterial: z.boolean(),
  fromEmail: z.string().trim().max(REQUEST_LIMITS.fromEmail),
  copies: copiesSchema,
  blindCopies: z.array(z.string()).max(MAX_COPIES),
  sentOn: isoDateSchema,
  memberOnly: z.boolean(),
  /** R-ASK-4: a refused or weak case goes to the Monitoring Officer with this reason. */
  monitoringOfficerReason: text(REQUEST_LIMITS.monitoringOfficerReason).optional(),
});
export type RequestDraft = z.infer<typeof requestDraftSchema>;

/** What the form and main say when the date sent is after today. */
export const SENT_IN_FUTURE = 'Date sent must be today or in the past';

// R-DUE-1 (000 §17.8.2): the deadlines count from the day the request was sent, which cannot be after today (the UK date).
export function sentOnProblem(sentOn: IsoDate, today: IsoDate): string | null {
  return compareIso(sentOn, today) > 0 ? SENT_IN_FUTURE : null;
}

// R-ASK-2 (000 §17.8.3): a request that names a meeting names one of its agenda items too.
export function agendaItemMissing(draft: { meetingId: string | null; agendaItem: string | null }): boolean {
  return !!draft.meetingId && !draft.agendaItem?.trim();
}

/**
 * A new request on `today` (the UK date from the injected clock): the draft's field rules, plus the
 * rules that need today or more than one field. The form and main both check with this.
 */
export function newRequestSchema(today: IsoDate) {
  return requestDraftSchema.superRefine((draft, ctx) => {
    const sent = sentOnProblem(draft.sentOn, today);
    if (sent) ctx.addIssue({ code: 'custom', path: ['sentOn'], message: sent });
    if (agendaItemMissing(draft)) ctx.addIssue({ code: 'custom', path: ['agendaItem'], message: 'Choose the agenda item' });
  });
}

/** Each field that may change after sending, checked with the same rule as when the request was made. */
export const requestFieldSchemas = {
  subject: subjectSchema,
  informationSought: requestDraftSchema.shape.informationSought,
  purpose: requestDraftSchema.shape.purpose,
  justification: requestDraftSchema.shape.justification,
  capacityDetail: text(REQUEST_LIMITS.capacityDetail),
  ward: requestDraftSchema.shape.ward,
  agendaItem: requestDraftSchema.shape.agendaItem,
  copies: copiesSchema,
} as const;

// The Member's directory: the officers they write to and the meetings requests relate to.
import { z } from 'zod';
import { formatUk, isoDateSchema } from './dates';
import { requiredEmailAddressSchema } from './email';
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

/** The most characters an officer's name, service or role, or a meeting's committee, may hold. */
export const DIRECTORY_TEXT_MAX = 120;

/** An officer as entered (the form checks with this too); the id is given only when changing an officer already saved. */
export const officerInputSchema = z.object({
  id: z.string().optional(),
  // Zod's own words for the limits: the page words them with the form's label ("Role must be 120 characters or fewer").
  name: z.string().trim().min(1, { error: 'Enter the officer’s name' }).max(DIRECTORY_TEXT_MAX),
  service: z.string().trim().min(1, { error: 'Enter the service' }).max(DIRECTORY_TEXT_MAX),
  role: z.string().trim().min(1, { error: 'Enter the officer’s role' }).max(DIRECTORY_TEXT_MAX),
  seniority: z.enum(SENIORITIES, { error: 'Choose how senior the officer is' }),
  email: requiredEmailAddressSchema('Enter the officer’s email address'),
});
/**
 * The date an officer or meeting was retired (the UK date, set by main from its clock, never by the
 * page). A retired record is kept: everything that names it still shows it; it is only no longer offered.
 */
const retirement = { retiredOn: isoDateSchema.optional() };
export const officerSchema = officerInputSchema.extend({ id: z.string(), ...retirement });
export type Officer = z.infer<typeof officerSchema>;

/** The most characters an agenda item may hold (a request naming one has the same limit). */
export const AGENDA_ITEM_MAX = 200;

/** A committee meeting and its agenda items (s.100F requests and private sessions pick from these; the form checks with this too). */
export const meetingInputSchema = z.object({
  id: z.string().optional(),
  committee: z.string().trim().min(1, { error: 'Enter the committee' }).max(DIRECTORY_TEXT_MAX),
  date: isoDateSchema,
  agendaItems: z
    .array(
      z
        .string()
        .trim()
        .min(1, { error: 'An agenda item cannot be empty' })
        .max(AGENDA_ITEM_MAX, { error: `Each agenda item must be ${AGENDA_ITEM_MAX} characters or fewer` }),
    )
    .max(100, { error: 'A meeting can have at most 100 agenda items' }),
  /** Agenda items taken in private (pink papers), each one of `agendaItems` (shared/domain/meeting-import). */
  privateItems: privateItemsSchema.optional(),
  /** Set when the meeting came from a calendar file or the democracy site: a re-import updates it rather than adding another. */
  source: meetingSourceSchema.optional(),
});
export const meetingSchema = meetingInputSchema.extend({ id: z.string(), ...retirement });
export type Meeting = z.infer<typeof meetingSchema>;

/** Retire or reinstate one officer or meeting: only its id crosses; the date is main's. */
export const retireInputSchema = z.object({ id: z.string().min(1).max(200) });

/** How many requests (that the signed-in user can read) name each officer or meeting, by id. */
export const requestCountsSchema = z.record(z.string(), z.number().int().nonnegative());

// Correcting and ending things: the retired stay in every list that shows history, and
// are left out wherever something new is chosen (a new request, an escalation, a private session).
export const isRetired = (record: { retiredOn?: string | undefined }): boolean => record.retiredOn !== undefined;

/** The officers or meetings that may be chosen for something new: the retired are left out. */
export const offeredForNewChoices = <T extends { retiredOn?: string | undefined }>(records: readonly T[]): T[] =>
  records.filter((r) => !isRetired(r));

// R-ASK-2 (000 §17.8.3): a request naming a meeting names one of that meeting's agenda items; null when it does.
export function agendaItemProblem(
  meeting: Pick<Meeting, 'committee' | 'date' | 'agendaItems'>,
  item: string | null | undefined,
): string | null {
  if (!item?.trim() || meeting.agendaItems.includes(item)) return null;
  return `“${item}” is not on the agenda of the ${meeting.committee} meeting of ${formatUk(meeting.date)}. Choose one of its items.`;
}

/**
 * R-ASK-2 (000 §17.8.3): a request under s.100F names its meeting and agenda item, and a private item
 * decides which pink papers a private session shows (R-USE-1), so changing a meeting may not drop an
 * agenda item a request names, nor one taken in private. Returns the problems in plain words.
 */
export function droppedItemProblems(
  before: Pick<Meeting, 'agendaItems' | 'privateItems'>,
  afterItems: readonly string[],
  requestsByItem: ReadonlyMap<string, number>,
): string[] {
  const kept = new Set(afterItems);
  const problems: string[] = [];
  for (const item of before.agendaItems) {
    if (kept.has(item)) continue;
    const n = requestsByItem.get(item) ?? 0;
    if (n > 0)
      problems.push(
        `“${item}” cannot be removed or renamed: ${n === 1 ? '1 request names it' : `${n} requests name it`}. Keep it as it is; you can add other items.`,
      );
    else if (before.privateItems?.includes(item))
      problems.push(`“${item}” cannot be removed or renamed: it is taken in private (pink papers), so a private session needs it.`);
  }
  return problems;
}

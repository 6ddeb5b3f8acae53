// View projections sent to the screens: rows, details and counts built from the domain's schemas
// (shared/domain). Nothing here is stored; the aggregates themselves are defined once in shared/domain.
import { z } from 'zod';
import { classificationSchema } from '../domain/classification';
import { REQUEST_STATUSES, requestDraftSchema, timelineEntrySchema } from '../domain/requests';
import { LIFECYCLE_COMMANDS, REQUEST_STATES } from '../domain/request-lifecycle';
import { GATE_STATES, gateSchema } from '../domain/disclosure';
import { materialSchema, thirdPartySchema } from '../domain/material';
import { requestTextWords, rowSearchWords, type PageWords } from '../domain/search';

/** One row of the requests list, as the signed-in role may see it. */
export const requestRowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  /** A PA sees Member-only requests as a locked placeholder: no subject, no details. */
  locked: z.boolean(),
  subject: z.string(),
  question: z.string(),
  notes: z.string(),
  officerName: z.string(),
  service: z.string(),
  ward: z.string(),
  meetingId: z.string().nullable(),
  meetingLabel: z.string(),
  capacity: z.string(),
  route: z.string(),
  classification: z.string(),
  status: z.enum(REQUEST_STATUSES),
  sentOn: z.string(),
  acknowledgeBy: z.string().nullable(),
  target: z.string(),
  workingDaysLate: z.number(),
  awaitingMonitoringOfficer: z.boolean(),
  chairNoticePending: z.boolean(),
  /** An acknowledgement or answer due in the next three working days (shared/domain/worklist). */
  dueSoon: z.boolean(),
});
export type RequestRow = z.infer<typeof requestRowSchema>;

/**
 * A row as the requests list holds it: the question and notes are only searched in the list, so it
 * leaves them out; its page carries the words they are found by (`pageWordsSchema`). The request
 * page reads them whole.
 */
export const requestListRowSchema = requestRowSchema.omit({ question: true, notes: true });
export type RequestListRow = z.infer<typeof requestListRowSchema>;

/** A page's search words (shared/domain/search `PageWords`): positions are of the page's rows. */
export const pageWordsSchema = z.object({ terms: z.string(), counts: z.string(), gaps: z.string() }) satisfies z.ZodType<PageWords>;

/** Where a page of the requests list starts and how many rows it holds (10,000 at most). */
export const listPlaceSchema = z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(10_000) });
export type ListPlace = z.infer<typeof listPlaceSchema>;

/** One page of the requests list, with the words its rows are found by. */
export const requestListPageSchema = z.object({
  total: z.number(),
  rows: z.array(requestListRowSchema),
  words: pageWordsSchema,
});
export type RequestListPage = z.infer<typeof requestListPageSchema>;

export function listRowOf(row: RequestRow): RequestListRow {
  const { question: _question, notes: _notes, ...rest } = row;
  return rest;
}

/** The words a row is found by in the list, space-separated; a locked placeholder has none (nothing of the request to find it by). */
export const listWordsOf = (row: RequestRow): string => (row.locked ? '' : rowSearchWords(requestTextWords(row), row.officerName));

/** A disclosure on its way through the gate, with the material's title and the steps its ground needs. */
export const disclosureViewSchema = z.object({
  id: z.string(),
  materialId: z.string(),
  materialTitle: z.string(),
  gate: gateSchema,
  steps: z.array(z.enum(GATE_STATES)),
  /** R-ASK-11: whose information it is and whether they consented, for the screen to explain. */
  thirdParty: thirdPartySchema.nullable().optional(),
});
export type DisclosureView = z.infer<typeof disclosureViewSchema>;

export const auditEventSchema = z.object({
  seq: z.number(),
  recordId: z.string(),
  action: z.string(),
  /** Who wrote the event, as the vault authenticated it; 'unknown' when this app cannot check. */
  author: z.enum(['member', 'pa', 'unknown']),
  /** That author in words (the Member's name, a PA's); never a name the detail claims. */
  by: z.string(),
  /** What the event records, as its writer wrote it: a "by" in it is only a claim, never shown as who did it. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});

/** One timeline entry as the request page shows it. */
export const timelineItemSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  on: z.string(),
  note: z.string(),
  promisedBy: z.string().nullable(),
  /** Extra lines: who it went to, what an edit changed. */
  details: z.array(z.string()),
  /** Whether the date, note or promised date can be corrected (an edit record cannot). */
  correctable: z.boolean(),
  corrections: z.array(
    z.object({ on: z.string(), reason: z.string(), changes: z.array(z.object({ label: z.string(), from: z.string(), to: z.string() })) }),
  ),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const requestDetailSchema = z.object({
  row: requestRowSchema,
  draft: requestDraftSchema.omit({ blindCopies: true }).nullable(),
  /** The entries as stored, in the order they were entered (corrections included). */
  events: z.array(timelineEntrySchema),
  /** The timeline as shown: date order, corrections applied, each with what it was and why it changed. */
  timeline: z.array(timelineItemSchema),
  /** Open, withdrawn or closed, and what can be done next. */
  lifecycle: z.object({
    state: z.enum(REQUEST_STATES),
    since: z.string().nullable(),
    reason: z.string().nullable(),
    allowed: z.array(z.enum(LIFECYCLE_COMMANDS)),
  }),
  explanation: z.array(z.string()),
  assessmentSummary: z.string(),
  verdict: z.enum(['sufficient', 'weak', 'refused']),
  profileName: z.string(),
  materials: z.array(materialSchema),
  lockedMaterials: z.number(),
  foiOffered: z.boolean(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const dashboardSchema = z.object({
  today: z.string(),
  overdue: z.number(),
  dueSoon: z.number(),
  awaitingMonitoringOfficer: z.number(),
  chairNoticesPending: z.number(),
  retentionDue: z.number(),
  /** R-DIS-2: disclosures waiting for the Monitoring Officer's advice (0 for a PA, who cannot read disclosures). */
  disclosuresAwaitingMonitoringOfficer: z.number(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** R-DUE-3: a request whose due dates would move under a new holiday list. */
export const affectedRequestSchema = z.object({
  id: z.string(),
  reference: z.string(),
  subject: z.string(),
  before: z.object({ acknowledgeBy: z.string().nullable(), respondBy: z.string() }),
  after: z.object({ acknowledgeBy: z.string().nullable(), respondBy: z.string() }),
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
  /** R-CLS-1: it holds special-category personal data (shown beside its erase-by date). */
  specialCategory: z.boolean(),
});
export type MaterialListItem = z.infer<typeof materialListItemSchema>;

// View projections sent to the screens: rows, details and counts built from the domain's schemas
// (shared/domain). Nothing here is stored; the aggregates themselves are defined once in shared/domain.
import { z } from 'zod';
import { classificationSchema } from '../domain/classification';
import { REQUEST_STATUSES, requestDraftSchema, timelineEntrySchema } from '../domain/requests';
import { LIFECYCLE_COMMANDS, REQUEST_STATES } from '../domain/request-lifecycle';
import { GATE_STATES, gateSchema } from '../domain/disclosure';
import { materialSchema, thirdPartySchema } from '../domain/material';
import { inView, REQUEST_VIEWS } from '../domain/worklist';
import type { VolumeByMonth } from '../domain/request-volume';
import { withoutNames } from '../domain/protection';

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

/** A row as the requests list shows it: the question and notes are only searched (in main), never shown there. */
export const requestListRowSchema = requestRowSchema.omit({ question: true, notes: true });
export type RequestListRow = z.infer<typeof requestListRowSchema>;

export function listRowOf(row: RequestRow): RequestListRow {
  const { question: _question, notes: _notes, ...rest } = row;
  return rest;
}

/** The list's sort columns. */
export const LIST_SORT_KEYS = ['target', 'sentOn', 'reference', 'subject', 'status', 'service', 'officerName'] as const;
export type ListSortKey = (typeof LIST_SORT_KEYS)[number];

/** The filters that match a row's value exactly, and where the row keeps it. */
export const LIST_FILTERS = {
  status: (r: RequestListRow) => r.status,
  service: (r: RequestListRow) => r.service,
  ward: (r: RequestListRow) => r.ward,
  classification: (r: RequestListRow) => r.classification,
  capacity: (r: RequestListRow) => r.capacity,
  route: (r: RequestListRow) => r.route,
  officer: (r: RequestListRow) => r.officerName,
  meetingId: (r: RequestListRow) => r.meetingId ?? '',
} as const;
export type ListFilterField = keyof typeof LIST_FILTERS;

const filterValue = z.string().max(1_000).default('');

/** What the list shows: a worklist view, exact filter values ('' for any), the words typed into search, and the order. */
export const listQuerySchema = z.object({
  view: z.enum(REQUEST_VIEWS).default('all'),
  status: filterValue,
  service: filterValue,
  ward: filterValue,
  classification: filterValue,
  capacity: filterValue,
  route: filterValue,
  officer: filterValue,
  meetingId: filterValue,
  search: z.string().max(1_000).default(''),
  sort: z.enum(LIST_SORT_KEYS).default('target'),
  descending: z.boolean().default(false),
}) satisfies z.ZodType<Record<ListFilterField, string>>;
export type ListQuery = z.infer<typeof listQuerySchema>;
export const DEFAULT_LIST_QUERY: ListQuery = listQuerySchema.parse({});

/** Lower-cased with numbers padded, so "Item 9" sorts before "Item 10". */
export const sortKeyOf = (text: string): string => text.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'));

/** A row's value in a sort column, or null when it is not sorted there (locked, or no value: those go last). */
export function sortValue(row: RequestListRow, key: ListSortKey): string | null {
  if (row.locked) return null;
  const value = key === 'subject' ? sortKeyOf(row.subject) : row[key];
  return value ? value : null;
}

/**
 * Whether a row is in the query's view and has every filter value asked for (search is main's, by
 * words), or null when the query filters nothing. Worked out once per query, then run per row.
 */
export function listFilterOf(query: ListQuery): ((row: RequestListRow) => boolean) | null {
  const asked = (Object.keys(LIST_FILTERS) as ListFilterField[]).filter((f) => query[f]);
  if (asked.length === 0 && query.view === 'all') return null;
  return (row) => inView(query.view, row) && asked.every((f) => LIST_FILTERS[f](row) === query[f]);
}

/** Where a page of the requests list starts and how many rows it holds (10,000 at most), and what it lists. */
export const listPageInputSchema = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(10_000),
  query: listQuerySchema.optional(),
});

/** One page of the requests list: `total` rows match the query, of `all` the signed-in user can see. */
export const requestListPageSchema = z.object({
  total: z.number(),
  all: z.number(),
  rows: z.array(requestListRowSchema),
});
export type RequestListPage = z.infer<typeof requestListPageSchema>;

/** The values each list filter offers, from every request the user can see (meetings with their labels). */
export const listFilterOptionsSchema = z.object({
  service: z.array(z.string()),
  ward: z.array(z.string()),
  classification: z.array(z.string()),
  capacity: z.array(z.string()),
  route: z.array(z.string()),
  officer: z.array(z.string()),
  meeting: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type ListFilterOptions = z.infer<typeof listFilterOptionsSchema>;

/** R-ASK-7: requests per service per month (shared/domain/request-volume `VolumeByMonth`). */
export const volumeByMonthSchema = z.object({
  months: z.array(z.string()),
  rows: z.array(z.object({ service: z.string(), counts: z.array(z.number()), total: z.number(), nudge: z.string().nullable() })),
}) satisfies z.ZodType<VolumeByMonth>;

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
  /** R-USE-1: why the meeting mode hides this request's own words (its subject, question and timeline), or null when it shows them. */
  withheld: z.string().nullable(),
  /** R-USE-1: material the meeting mode hides, named only by its kind ("Protected material (pink paper)"), never its title. */
  withheldMaterials: z.array(z.object({ id: z.string(), name: z.string(), receivedOn: z.string() })),
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

/**
 * R-USE-1: a request's detail with every withheld item's names (namesOf) taken out of its own words
 * wherever they repeat them: subject, question, notes, timeline notes, details and corrections.
 */
export function withoutNamesInDetail(detail: RequestDetail, names: readonly string[]): RequestDetail {
  if (names.length === 0) return detail;
  const w = (text: string) => withoutNames(text, names);
  return {
    ...detail,
    row: { ...detail.row, subject: w(detail.row.subject), question: w(detail.row.question), notes: w(detail.row.notes) },
    draft: detail.draft && { ...detail.draft, subject: w(detail.draft.subject), informationSought: w(detail.draft.informationSought) },
    events: detail.events.map((e) => ('note' in e && typeof e.note === 'string' ? { ...e, note: w(e.note) } : e)),
    timeline: detail.timeline.map((t) => ({
      ...t,
      note: w(t.note),
      details: t.details.map(w),
      corrections: t.corrections.map((c) => ({
        ...c,
        reason: w(c.reason),
        changes: c.changes.map((ch) => ({ ...ch, from: w(ch.from), to: w(ch.to) })),
      })),
    })),
  };
}

/** A row that shows only that a request is there and why no more of it shows (locked, hidden, could not be read). */
export function placeholderRow(id: string, label: string): RequestRow {
  return {
    id,
    reference: label,
    locked: true,
    subject: label,
    question: '',
    notes: '',
    officerName: '',
    service: '',
    ward: '',
    meetingId: null,
    meetingLabel: '',
    capacity: '',
    route: '',
    classification: label,
    status: 'awaiting-acknowledgement',
    sentOn: '',
    acknowledgeBy: null,
    target: '',
    workingDaysLate: 0,
    awaitingMonitoringOfficer: false,
    chairNoticePending: false,
    dueSoon: false,
  };
}

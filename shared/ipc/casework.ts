// Schemas for casework over IPC: what the renderer sends and receives. The rules stay in
// shared/domain; these only fix the shapes checked at the boundary.
import { z } from 'zod';
import { classificationSchema, personalDataSchema } from '../domain/classification';
import { capacitySchema, routeSchema } from '../domain/need-to-know';
import { REQUEST_STATUSES, SENIORITIES } from '../domain/requests';
import { GATE_STATES } from '../domain/disclosure';
import { draftKindSchema } from '../domain/correspondence';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date written as YYYY-MM-DD' });
const text = (max: number) => z.string().max(max, { error: `At most ${max} characters` });

export const officerInputSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, { error: 'Enter the officer’s name' }).max(120),
  service: z.string().trim().min(1, { error: 'Enter the service' }).max(120),
  role: z.string().trim().min(1, { error: 'Enter the role' }).max(120),
  seniority: z.enum(SENIORITIES),
  email: z.string().trim().email({ error: 'Enter the officer’s council email address' }),
});
export const officerSchema = officerInputSchema.extend({ id: z.string() });
export type OfficerView = z.infer<typeof officerSchema>;

export const meetingInputSchema = z.object({
  id: z.string().optional(),
  committee: z.string().trim().min(1).max(120),
  date: isoDate,
  agendaItems: z.array(z.string().trim().min(1).max(200)).max(100),
});
export const meetingSchema = meetingInputSchema.extend({ id: z.string() });
export type MeetingView = z.infer<typeof meetingSchema>;

export const requestDraftSchema = z.object({
  subject: z.string().trim().min(3, { error: 'Give the request a short subject' }).max(200),
  informationSought: text(4000),
  capacity: capacitySchema.nullable(),
  capacityDetail: text(200).optional(),
  purpose: text(1000),
  route: routeSchema.nullable(),
  justification: text(4000),
  officerId: z.string().min(1, { error: 'Choose the officer' }),
  ward: text(120),
  meetingId: z.string().nullable(),
  agendaItem: text(200).nullable(),
  mayBeRaisedAtMeeting: z.boolean(),
  seeksProtectedMaterial: z.boolean(),
  fromEmail: z.string().trim().max(200),
  copies: z.array(z.string().trim().email()).max(20),
  blindCopies: z.array(z.string()).max(20),
  sentOn: isoDate,
  memberOnly: z.boolean(),
  /** R-ASK-4: a refused or weak case goes to the Monitoring Officer with this reason. */
  monitoringOfficerReason: text(2000).optional(),
});
export type RequestDraft = z.infer<typeof requestDraftSchema>;

export const requestEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledged'), on: isoDate, note: text(2000) }),
  z.object({ type: z.literal('holding'), on: isoDate, note: text(2000), promisedBy: isoDate }),
  z.object({ type: z.literal('answered'), on: isoDate, note: text(4000) }),
  z.object({ type: z.literal('chased'), on: isoDate, note: text(2000) }),
  z.object({ type: z.literal('escalated'), on: isoDate, note: text(2000), informationWithheld: z.boolean() }),
  /** An email drafted by the app (the request itself, a Monitoring Officer referral, an FOI request) that the Member says was sent. */
  z.object({ type: z.literal('emailed'), on: isoDate, note: text(2000), kind: draftKindSchema.optional() }),
  z.object({ type: z.literal('mo-decision'), on: isoDate, note: text(2000), accepted: z.boolean(), decidedBy: z.string().trim().min(1) }),
]);
export type RequestEvent = z.infer<typeof requestEventSchema>;

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

export const materialInputSchema = z.object({
  requestId: z.string(),
  title: z.string().trim().min(1, { error: 'Give the material a title' }).max(200),
  receivedOn: isoDate,
  summary: text(8000),
  classification: classificationSchema,
  personalData: personalDataSchema,
  isBriefing: z.boolean(),
  thirdPartyName: text(120).optional(),
});

/** A file attached to material: sealed in the vault under the material's tier; the name is the file's own, never its path. */
export const attachmentSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), addedOn: z.string() });
export type AttachmentView = z.infer<typeof attachmentSchema>;

export const materialSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  title: z.string(),
  receivedOn: z.string(),
  summary: z.string(),
  classification: classificationSchema,
  personalData: personalDataSchema,
  isBriefing: z.boolean(),
  givenForCapacity: capacitySchema,
  givenForPurpose: z.string(),
  meetingId: z.string().nullable(),
  thirdParty: z
    .object({
      name: z.string(),
      consent: z.enum(['not-asked', 'asked', 'given', 'refused']),
      /** R-ASK-11: each consent step recorded (asked, given, refused), oldest first. */
      history: z.array(z.object({ status: z.enum(['asked', 'given', 'refused']), on: z.string(), note: z.string() })).optional(),
    })
    .nullable(),
  attachments: z.array(attachmentSchema),
  erasedOn: z.string().nullable(),
  /** R-USE-4: set when the material was destroyed or returned (its content is then wiped). */
  disposal: z.object({ how: z.enum(['destroyed', 'returned']), on: z.string(), returnedTo: z.string().nullable(), reason: z.string() }).nullable().optional(),
});
export type MaterialView = z.infer<typeof materialSchema>;

export const gateSchema = z.object({
  state: z.enum(GATE_STATES),
  ground: z.enum(['a', 'b', 'c', 'd']).optional(),
  evidence: z.record(z.string(), z.unknown()).optional(),
  consultation: z.object({ requestedOn: z.string(), monitoringOfficer: z.string(), advice: z.string(), adviceOn: z.string() }).optional(),
  regard: z.object({ hadRegard: z.literal(true), followsAdvice: z.boolean(), reasons: z.string().optional() }).optional(),
  officerCheck: z.object({ checked: z.boolean(), note: z.string() }).optional(),
  disclosure: z.object({ to: z.string(), on: z.string(), what: z.string() }).optional(),
});
export const disclosureSchema = z.object({
  id: z.string(),
  materialId: z.string(),
  materialTitle: z.string(),
  gate: gateSchema,
  steps: z.array(z.enum(GATE_STATES)),
  /** R-ASK-11: whose information it is and whether they consented, for the screen to explain. */
  thirdParty: materialSchema.shape.thirdParty.optional(),
});
export type DisclosureView = z.infer<typeof disclosureSchema>;

export const gateEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choose-ground'), ground: z.enum(['a', 'b', 'c', 'd']) }),
  z.object({ type: z.literal('complete-evidence'), evidence: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('record-consultation'), consultation: z.object({ requestedOn: isoDate, monitoringOfficer: z.string(), advice: z.string(), adviceOn: isoDate }) }),
  z.object({ type: z.literal('record-regard'), regard: z.object({ hadRegard: z.literal(true), followsAdvice: z.boolean(), reasons: z.string().optional() }) }),
  z.object({ type: z.literal('approve'), officerCheck: z.object({ checked: z.boolean(), note: z.string() }) }),
  z.object({ type: z.literal('disclose'), to: z.string(), on: isoDate, what: z.string() }),
]);

export const registerEntrySchema = z.object({
  id: z.string(),
  materialId: z.string(),
  what: z.string(),
  to: z.string(),
  on: z.string(),
  ground: z.enum(['a', 'b', 'c', 'd']),
  evidence: z.record(z.string(), z.unknown()),
  moAdvice: z.string().nullable(),
  recordedAt: z.string(),
});

export const auditEventSchema = z.object({ seq: z.number(), recordId: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()).nullable() });

export const requestDetailSchema = z.object({
  row: requestRowSchema,
  draft: requestDraftSchema.omit({ blindCopies: true }).nullable(),
  events: z.array(requestEventSchema),
  explanation: z.array(z.string()),
  assessmentSummary: z.string(),
  verdict: z.enum(['sufficient', 'weak', 'refused']),
  profileName: z.string(),
  materials: z.array(materialSchema),
  lockedMaterials: z.number(),
  foiOffered: z.boolean(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const councilSettingsSchema = z.object({
  profileId: z.string(),
  nation: z.enum(['england-and-wales', 'scotland', 'northern-ireland']),
  emailDomain: z.string().trim().max(120),
});
export type CouncilSettings = z.infer<typeof councilSettingsSchema>;

export const dashboardSchema = z.object({
  today: z.string(),
  overdue: z.number(),
  dueSoon: z.number(),
  awaitingMonitoringOfficer: z.number(),
  chairNoticesPending: z.number(),
  retentionDue: z.number(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const meetingModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('normal') }),
  z.object({ kind: z.literal('public-meeting') }),
  z.object({ kind: z.literal('private-session'), meetingId: z.string() }),
]);

export const holidayEditsSchema = z.object({
  added: z.array(z.object({ date: isoDate, name: z.string().trim().min(1, { error: 'Name the holiday' }).max(120), nations: z.array(z.enum(['england-and-wales', 'scotland', 'northern-ireland'])).min(1) })).max(200),
  removed: z.array(z.object({ date: isoDate, nations: z.array(z.enum(['england-and-wales', 'scotland', 'northern-ireland'])).min(1) })).max(200),
});

/** R-DUE-3: a request whose due dates would move under a new holiday list. */
export const affectedRequestSchema = z.object({
  id: z.string(),
  reference: z.string(),
  subject: z.string(),
  before: z.object({ acknowledgeBy: z.string().nullable(), respondBy: z.string() }),
  after: z.object({ acknowledgeBy: z.string().nullable(), respondBy: z.string() }),
});

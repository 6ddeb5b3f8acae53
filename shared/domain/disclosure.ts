import { z } from 'zod';
import { compareIso, formatUk, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
import { isoDateSchema } from './dates';
import { councilProfileSchema, type CouncilProfile } from './profiles';
import { capacitySchema } from './need-to-know';
import { valuesOf } from './named-values';

// R-DIS-1 (000 §17.9.2; 003 §5.2): the four grounds on which protected material may be disclosed.
export const GROUNDS = {
  a: 'Consent of a person authorised to give it',
  b: 'Required by law',
  c: 'To a third party for professional advice, who agrees to keep it confidential',
  d: 'Reasonable and in the public interest, in good faith, and in line with the authority’s reasonable requirements',
} as const;
export type Ground = keyof typeof GROUNDS;
export const groundSchema = z.enum(Object.keys(GROUNDS) as [Ground, ...Ground[]], { error: 'Choose a ground' });

// R-DIS-1: each ground has its own evidence fields.
export const evidenceSchemas = {
  a: z.object({ consentGivenBy: z.string().trim().min(1), authority: z.string().trim().min(3), consentDate: isoDateSchema }),
  b: z.object({ legalProvision: z.string().trim().min(3), requestedBy: z.string().trim().min(1) }),
  c: z.object({ adviser: z.string().trim().min(1), profession: z.string().trim().min(1), confidentialityAgreed: z.literal(true) }),
  d: z.object({
    publicInterestReasons: z.string().trim().min(20),
    goodFaith: z.literal(true),
    consistentWithAuthorityRequirements: z.literal(true),
  }),
} as const;
export type Evidence = z.infer<(typeof evidenceSchemas)[Ground]>;

/** Each evidence field in the words the Member sees, so no field name reaches the screen. */
const EVIDENCE_WORDS: Record<string, string> = {
  consentGivenBy: 'who gave consent',
  authority: 'why they may give it (at least 3 characters)',
  consentDate: 'the date consent was given',
  legalProvision: 'the law that requires it (at least 3 characters)',
  requestedBy: 'who requires it',
  adviser: 'the adviser’s name',
  profession: 'the adviser’s profession',
  confidentialityAgreed: 'confirmation the adviser agrees to keep it confidential',
  publicInterestReasons: 'the public interest reasons (at least 20 characters)',
  goodFaith: 'confirmation you act in good faith',
  consistentWithAuthorityRequirements: 'confirmation it is in line with the council’s reasonable requirements',
};

export const gateStateNames = {
  draft: 'Draft',
  'ground-chosen': 'Ground chosen',
  'evidence-complete': 'Evidence complete',
  'mo-asked': 'Waiting for the Monitoring Officer',
  'mo-consulted': 'Monitoring Officer consulted',
  'regard-recorded': 'Regard to advice recorded',
  approved: 'Approved',
  disclosed: 'Disclosed',
  abandoned: 'Abandoned',
} as const satisfies Record<string, string>;
export const GATE_STATES = valuesOf(gateStateNames);
export type GateState = (typeof GATE_STATES)[number];

export const moConsultationSchema = z.object({
  requestedOn: isoDateSchema,
  monitoringOfficer: z.string(),
  advice: z.string(),
  adviceOn: isoDateSchema,
});
export type MoConsultation = z.infer<typeof moConsultationSchema>;
/** The first half of a consultation: when the Monitoring Officer was asked, and who (R-DIS-2); the advice follows later. */
export const moRequestSchema = z.object({ requestedOn: isoDateSchema, monitoringOfficer: z.string() });
export type MoRequest = z.infer<typeof moRequestSchema>;
/** R-DIS-2: the Member had regard to the advice; reasons are required when departing from it. */
export const regardSchema = z.object({ hadRegard: z.literal(true), followsAdvice: z.boolean(), reasons: z.string().optional() });
export type Regard = z.infer<typeof regardSchema>;
/** R-DIS-5: was the officer who gave it checked with before passing it on? */
export const officerCheckSchema = z.object({ checked: z.boolean(), note: z.string() });
export type OfficerCheck = z.infer<typeof officerCheckSchema>;
const evidenceSchema = z.union([evidenceSchemas.a, evidenceSchemas.b, evidenceSchemas.c, evidenceSchemas.d]);
const disclosedSchema = z.object({ to: z.string(), on: isoDateSchema, what: z.string() });

/** Where a disclosure has got to in the gate, with what was recorded at each step. */
export const gateSchema = z.object({
  state: z.enum(GATE_STATES),
  ground: groundSchema.optional(),
  evidence: evidenceSchema.optional(),
  /** Set when the Monitoring Officer has been asked; the advice follows later (R-DIS-2). */
  moRequest: moRequestSchema.optional(),
  consultation: moConsultationSchema.optional(),
  regard: regardSchema.optional(),
  officerCheck: officerCheckSchema.optional(),
  /** R-DIS-1: what the approval leaves out (for example "no prices"); absent when the whole of it may go. */
  withheld: z.string().optional(),
  disclosure: disclosedSchema.optional(),
  /** A mistaken draft abandoned before approval, and why; kept, never removed. */
  abandoned: z.object({ reason: z.string(), on: isoDateSchema.optional() }).optional(),
});
export type Gate = z.infer<typeof gateSchema>;

/** One step the Member takes through the gate; the evidence is checked against its ground's schema by transition(). */
export const gateEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choose-ground'), ground: groundSchema }),
  z.object({ type: z.literal('complete-evidence'), evidence: z.record(z.string(), z.unknown()) }),
  /** Both halves of the consultation at once, when the advice is already in hand. */
  z.object({ type: z.literal('record-consultation'), consultation: moConsultationSchema }),
  z.object({ type: z.literal('ask-monitoring-officer'), request: moRequestSchema }),
  z.object({ type: z.literal('record-advice'), advice: z.string(), adviceOn: isoDateSchema }),
  z.object({ type: z.literal('record-regard'), regard: regardSchema }),
  z.object({
    type: z.literal('approve'),
    officerCheck: officerCheckSchema,
    withheld: z.string().max(500, { error: 'Say in up to 500 characters what is left out' }).optional(),
  }),
  z.object({ type: z.literal('disclose'), ...disclosedSchema.shape }),
  z.object({
    type: z.literal('abandon'),
    reason: z.string().max(1000, { error: 'The reason can be at most 1,000 characters' }),
    on: isoDateSchema.optional(),
  }),
]);
export type GateEvent = z.infer<typeof gateEventSchema>;
export type GateEventType = GateEvent['type'];
export const GATE_EVENTS: GateEventType[] = [
  'choose-ground',
  'complete-evidence',
  'record-consultation',
  'ask-monitoring-officer',
  'record-advice',
  'record-regard',
  'approve',
  'disclose',
  'abandon',
];

export type TransitionResult = { ok: true; gate: Gate } | { ok: false; reason: string };

export const newGate = (): Gate => ({ state: 'draft' });

// R-DIS-2 (000 §17.9.6; 004 §11.11): ground (d) needs the Monitoring Officer first; where the profile says so, every ground does.
export function requiresMonitoringOfficer(ground: Ground, profile: CouncilProfile): boolean {
  return ground === 'd' || profile.monitoringOfficerBeforeDisclosure === 'every-ground';
}

/** The steps this gate goes through, given its ground and the profile: shown to the user as a checklist. */
export function stepsFor(ground: Ground | undefined, profile: CouncilProfile): GateState[] {
  const mo = ground ? requiresMonitoringOfficer(ground, profile) : false;
  const steps = GATE_STATES.filter((s) => s !== 'abandoned');
  return mo ? steps : steps.filter((s) => s !== 'mo-asked' && s !== 'mo-consulted' && s !== 'regard-recorded');
}

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });
const isDate = (s: unknown): s is string => {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
};
/** A date problem in words, or null: not a real date, or after today when today is known. */
const dateProblem = (value: unknown, what: string, today?: IsoDate): string | null => {
  if (!isDate(value)) return `${what} is not a real date.`;
  if (today && compareIso(value, today) > 0) return `${what} (${formatUk(value)}) is after today.`;
  return null;
};

// R-DIS-1..3, R-DIS-5 (000 §17.9.2, §17.9.6; 003 §4.8, §5.2; 004 §11.11): the disclosure gate; every illegal step is refused with a reason. With `today`, dates after it are refused.
export function transition(gate: Gate, event: GateEvent, profile: CouncilProfile, today?: IsoDate): TransitionResult {
  if (!event || typeof event !== 'object' || !GATE_EVENTS.includes(event.type))
    return refuse('That is not a step of the disclosure process.');
  if (gate.state === 'disclosed') return refuse('This disclosure has already been made and is in the register; it cannot be changed.');
  if (gate.state === 'abandoned') return refuse('This disclosure was abandoned. Start a new one if you still want to pass it on.');
  const mo = gate.ground ? requiresMonitoringOfficer(gate.ground, profile) : false;

  switch (event.type) {
    case 'choose-ground':
      return chooseGround(gate, event);
    case 'complete-evidence':
      return completeEvidence(gate, event);
    case 'record-consultation':
    case 'ask-monitoring-officer':
      return askMonitoringOfficer(gate, event, mo, today);
    case 'record-advice':
      return recordAdvice(gate, event, mo, today);
    case 'record-regard':
      return recordRegard(gate, event, mo);
    case 'approve':
      return approve(gate, event, mo);
    case 'disclose':
      return disclose(gate, event, today);
    case 'abandon':
      return abandon(gate, event, today);
  }
}

/** One kind of gate event, for the step that handles it. */
type EventOf<T extends GateEventType> = Extract<GateEvent, { type: T }>;

// R-DIS-1 (000 §17.9.2; 003 §5.2): the ground is chosen first, and may be changed until its evidence is complete.
function chooseGround(gate: Gate, event: EventOf<'choose-ground'>): TransitionResult {
  if (gate.state !== 'draft' && gate.state !== 'ground-chosen')
    return refuse('The ground can only be chosen before the evidence is complete. Start a new disclosure to use another ground.');
  if (!(event.ground in GROUNDS)) return refuse('Choose one of the grounds (a) to (d).');
  return { ok: true, gate: { state: 'ground-chosen', ground: event.ground } };
}

// R-DIS-1 (000 §17.9.2; 003 §5.2): the evidence must satisfy its ground's schema; what is missing is named in words.
function completeEvidence(gate: Gate, event: EventOf<'complete-evidence'>): TransitionResult {
  if (gate.state !== 'ground-chosen' || !gate.ground)
    return refuse(gate.state === 'draft' ? 'Choose the ground first.' : 'The evidence is already complete.');
  const parsed = evidenceSchemas[gate.ground].safeParse(event.evidence);
  if (!parsed.success) {
    const missing = [...new Set(parsed.error.issues.map((i) => EVIDENCE_WORDS[String(i.path[0])] ?? 'the evidence'))];
    return refuse(`The evidence for ground (${gate.ground}) is incomplete: ${missing.join('; ')}.`);
  }
  return { ok: true, gate: { ...gate, state: 'evidence-complete', evidence: parsed.data } };
}

/** Why the Monitoring Officer cannot be involved in a gate that does not need them. */
const moNotNeeded = (gate: Gate): TransitionResult =>
  refuse(gate.ground ? 'This ground does not need the Monitoring Officer under this council’s protocol.' : 'Choose the ground first.');

// R-DIS-2 (000 §17.9.6; 004 §11.11): asking the Monitoring Officer (who, when) follows complete evidence; the advice may come with it.
function askMonitoringOfficer(
  gate: Gate,
  event: EventOf<'record-consultation' | 'ask-monitoring-officer'>,
  mo: boolean,
  today?: IsoDate,
): TransitionResult {
  if (!mo) return moNotNeeded(gate);
  if (gate.state !== 'evidence-complete') {
    if (gate.state === 'draft' || gate.state === 'ground-chosen')
      return refuse('Complete the evidence before consulting the Monitoring Officer.');
    return refuse(
      gate.state === 'mo-asked'
        ? 'The Monitoring Officer has already been asked: record the advice when it comes.'
        : 'The Monitoring Officer has already been consulted.',
    );
  }
  const asked = event.type === 'record-consultation' ? event.consultation : event.request;
  if (!asked || !asked.monitoringOfficer?.trim()) return refuse('Record who you asked (the Monitoring Officer or their deputy) and when.');
  const askedProblem = dateProblem(asked.requestedOn, 'The date you asked the Monitoring Officer', today);
  if (askedProblem) return refuse(askedProblem);
  const moRequest = { requestedOn: asked.requestedOn, monitoringOfficer: asked.monitoringOfficer.trim() };
  if (event.type === 'ask-monitoring-officer') return { ok: true, gate: { ...gate, state: 'mo-asked', moRequest } };
  return withAdvice({ ...gate, moRequest }, event.consultation.advice, event.consultation.adviceOn, today);
}

// R-DIS-2 (000 §17.9.6; 004 §11.11): the advice is recorded once the Monitoring Officer has been asked, and only once.
function recordAdvice(gate: Gate, event: EventOf<'record-advice'>, mo: boolean, today?: IsoDate): TransitionResult {
  if (!mo) return moNotNeeded(gate);
  if (gate.state !== 'mo-asked' || !gate.moRequest) {
    if (gate.state === 'evidence-complete') return refuse('Record when you asked the Monitoring Officer, and who, first.');
    if (gate.state === 'mo-consulted' || gate.state === 'regard-recorded' || gate.state === 'approved')
      return refuse('The Monitoring Officer’s advice is already recorded.');
    return refuse('Complete the evidence and ask the Monitoring Officer first.');
  }
  return withAdvice(gate, event.advice, event.adviceOn, today);
}

// R-DIS-2 (000 §17.9.6): the Member has regard to the advice, and gives reasons when departing from it.
function recordRegard(gate: Gate, event: EventOf<'record-regard'>, mo: boolean): TransitionResult {
  if (!mo) return refuse('There is no Monitoring Officer advice to have regard to for this ground.');
  if (gate.state !== 'mo-consulted')
    return refuse(
      gate.state === 'regard-recorded' || gate.state === 'approved'
        ? 'Regard to the advice is already recorded.'
        : 'Consult the Monitoring Officer first.',
    );
  const r = event.regard;
  if (!r || r.hadRegard !== true) return refuse('Confirm that you have had regard to the Monitoring Officer’s advice (000 §17.9.6).');
  if (!r.followsAdvice && (r.reasons ?? '').trim().length < 20)
    return refuse('You are departing from the Monitoring Officer’s advice: record your reasons (000 §17.9.6).');
  return { ok: true, gate: { ...gate, state: 'regard-recorded', regard: r } };
}

// R-DIS-2, R-DIS-5 (000 §17.9.6; 003 §4.8; 004 §11.11): approval needs every earlier step and says whether the officer was checked with.
function approve(gate: Gate, event: EventOf<'approve'>, mo: boolean): TransitionResult {
  const ready = mo ? gate.state === 'regard-recorded' : gate.state === 'evidence-complete';
  if (!ready) return refuse(notReadyToApprove(gate, mo));
  const check = event.officerCheck;
  if (!check || typeof check.checked !== 'boolean' || !check.note?.trim())
    return refuse('Say whether you checked with the officer who gave you this, and what they said (003 §4.8).');
  const withheld = typeof event.withheld === 'string' ? event.withheld.trim() : '';
  return { ok: true, gate: { ...gate, state: 'approved', officerCheck: check, ...(withheld ? { withheld } : {}) } };
}

// R-DIS-2 (000 §17.9.6; 004 §11.11): the step still missing before a gate can be approved, in words.
function notReadyToApprove(gate: Gate, mo: boolean): string {
  if (gate.state === 'approved') return 'Already approved.';
  if (mo && gate.state === 'evidence-complete')
    return 'This disclosure needs the Monitoring Officer’s advice first (000 §17.9.6; 004 §11.11).';
  if (mo && gate.state === 'mo-asked')
    return 'This disclosure is waiting for the Monitoring Officer’s advice first: record it when it comes (000 §17.9.6).';
  if (mo && gate.state === 'mo-consulted') return 'Record that you have had regard to the Monitoring Officer’s advice first (000 §17.9.6).';
  return 'Choose the ground and complete its evidence first.';
}

// R-DIS-3: only an approved gate is disclosed, recording what, to whom and when.
function disclose(gate: Gate, event: EventOf<'disclose'>, today?: IsoDate): TransitionResult {
  if (gate.state !== 'approved') return refuse('The disclosure is not approved yet: its ground’s requirements are not all met.');
  if (!event.to?.trim() || !isDate(event.on) || !event.what?.trim()) return refuse('Record what was disclosed, to whom and when.');
  const onProblem = dateProblem(event.on, 'The date it was passed on', today);
  if (onProblem) return refuse(onProblem);
  return {
    ok: true,
    gate: { ...gate, state: 'disclosed', disclosure: { to: event.to.trim(), on: event.on, what: event.what.trim() } },
  };
}

// R-DIS-3: only a draft is abandoned: once approved, the Member's decision stands and is disclosed or left as it is.
function abandon(gate: Gate, event: EventOf<'abandon'>, today?: IsoDate): TransitionResult {
  if (gate.state === 'approved') return refuse('This disclosure is already approved; it can no longer be abandoned.');
  const reason = typeof event.reason === 'string' ? event.reason.trim() : '';
  if (!reason) return refuse('Say why this disclosure is being abandoned.');
  if (event.on !== undefined) {
    const onProblem = dateProblem(event.on, 'The date', today);
    if (onProblem) return refuse(onProblem);
  }
  return { ok: true, gate: { ...gate, state: 'abandoned', abandoned: { reason, ...(event.on ? { on: event.on } : {}) } } };
}

// R-DIS-2 (000 §17.9.6; 004 §11.11): the advice completes the consultation; it cannot be dated before the Monitoring Officer was asked.
function withAdvice(gate: Gate, advice: unknown, adviceOn: unknown, today?: IsoDate): TransitionResult {
  const asked = gate.moRequest!;
  if (typeof advice !== 'string' || !advice.trim()) return refuse('Record the Monitoring Officer’s advice.');
  const problem = dateProblem(adviceOn, 'The date of the advice', today);
  if (problem) return refuse(problem);
  if (compareIso(adviceOn as string, asked.requestedOn) < 0) {
    return refuse(
      `The advice (${formatUk(adviceOn as string)}) cannot be before you asked the Monitoring Officer (${formatUk(asked.requestedOn)}).`,
    );
  }
  const consultation: MoConsultation = {
    requestedOn: asked.requestedOn,
    monitoringOfficer: asked.monitoringOfficer,
    advice: advice.trim(),
    adviceOn: adviceOn as string,
  };
  return { ok: true, gate: { ...gate, state: 'mo-consulted', consultation } };
}

// R-DIS-3: whether protected material may be exported, printed or copied out for this disclosure.
export const mayReleaseForDisclosure = (gate: Gate): boolean => gate.state === 'approved' || gate.state === 'disclosed';

/** R-DIS-4: one line of the disclosure register; entries are never changed, a correction refers to the entry it corrects. */
export const registerEntrySchema = z.object({
  id: z.string(),
  materialId: z.string(),
  what: z.string(),
  to: z.string(),
  on: z.string(),
  ground: groundSchema,
  evidence: evidenceSchema,
  moAdvice: z.string().nullable(),
  regard: regardSchema.nullable(),
  officerCheck: officerCheckSchema,
  /** What the approval left out, e.g. "no prices" (R-DIS-1). */
  withheld: z.string().optional(),
  recordedAt: z.string(),
  corrects: z.string().optional(),
});
export type RegisterEntry = Readonly<z.infer<typeof registerEntrySchema>>;

// R-DIS-4 (000 §17.9.2): every disclosure goes in a register whose history cannot be rewritten.
export function registerEntryFor(gate: Gate, materialId: string, id: string, recordedAt: string): RegisterEntry {
  if (gate.state !== 'disclosed' || !gate.disclosure || !gate.ground || !gate.evidence || !gate.officerCheck) {
    throw new DomainError('refused', 'Only a completed disclosure goes in the register.');
  }
  return Object.freeze({
    id,
    materialId,
    what: gate.disclosure.what,
    to: gate.disclosure.to,
    on: gate.disclosure.on,
    ground: gate.ground,
    evidence: gate.evidence,
    moAdvice: gate.consultation?.advice ?? null,
    regard: gate.regard ?? null,
    officerCheck: gate.officerCheck,
    ...(gate.withheld ? { withheld: gate.withheld } : {}),
    recordedAt,
  });
}

// R-DIS-4: the register only grows; an entry whose id is already there is refused.
export function appendToRegister(register: readonly RegisterEntry[], entry: RegisterEntry): readonly RegisterEntry[] {
  if (register.some((e) => e.id === entry.id))
    throw new DomainError('refused', 'That register entry already exists; entries cannot be rewritten. Add a correction instead.');
  if (entry.corrects && !register.some((e) => e.id === entry.corrects))
    throw new DomainError('invalid-input', 'A correction must refer to an existing entry.');
  return Object.freeze([...register, entry]);
}

// R-DIS-1 (000 §17.9.2; 003 §5.2): after a partial approval, saving out the whole file needs a warning and the Member's confirmation that what leaves matches what was approved.
export function exportConfirmation(
  gate: Pick<Gate, 'state' | 'withheld' | 'disclosure'>,
  saving: 'whole-file' | 'approved-part',
): { needed: boolean; message: string | null } {
  if (!mayReleaseForDisclosure(gate))
    throw new DomainError('refused', 'Nothing can be saved out for this disclosure until it is approved.');
  if (!gate.withheld || saving === 'approved-part') return { needed: false, message: null };
  return {
    needed: true,
    message: `The approved disclosure leaves something out: “${gate.withheld}”. You are saving the whole file. Confirm that what you pass on matches what was approved, for example by removing that part first.`,
  };
}

// R-DIS-1 (000 §17.9.2; 003 §5.2): refuses the save when confirmation is needed and was not given.
export function checkExportConfirmed(
  gate: Pick<Gate, 'state' | 'withheld' | 'disclosure'>,
  saving: 'whole-file' | 'approved-part',
  confirmed: boolean,
): void {
  const { needed, message } = exportConfirmation(gate, saving);
  if (needed && confirmed !== true) throw new DomainError('refused', `${message} The file was not saved.`);
}

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

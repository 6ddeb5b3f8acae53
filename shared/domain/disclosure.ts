import { z } from 'zod';
import { DomainError } from './errors';
import { isoDateSchema } from './dates';
import type { CouncilProfile } from './profiles';

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
  d: z.object({ publicInterestReasons: z.string().trim().min(20), goodFaith: z.literal(true), consistentWithAuthorityRequirements: z.literal(true) }),
} as const;
export type Evidence = z.infer<(typeof evidenceSchemas)[Ground]>;

export const GATE_STATES = ['draft', 'ground-chosen', 'evidence-complete', 'mo-consulted', 'regard-recorded', 'approved', 'disclosed'] as const;
export type GateState = (typeof GATE_STATES)[number];
export const gateStateNames: Record<GateState, string> = {
  draft: 'Draft',
  'ground-chosen': 'Ground chosen',
  'evidence-complete': 'Evidence complete',
  'mo-consulted': 'Monitoring Officer consulted',
  'regard-recorded': 'Regard to advice recorded',
  approved: 'Approved',
  disclosed: 'Disclosed',
};

export const moConsultationSchema = z.object({ requestedOn: isoDateSchema, monitoringOfficer: z.string(), advice: z.string(), adviceOn: isoDateSchema });
export type MoConsultation = z.infer<typeof moConsultationSchema>;
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
  consultation: moConsultationSchema.optional(),
  regard: regardSchema.optional(),
  officerCheck: officerCheckSchema.optional(),
  disclosure: disclosedSchema.optional(),
});
export type Gate = z.infer<typeof gateSchema>;

/** One step the Member takes through the gate; the evidence is checked against its ground's schema by transition(). */
export const gateEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choose-ground'), ground: groundSchema }),
  z.object({ type: z.literal('complete-evidence'), evidence: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('record-consultation'), consultation: moConsultationSchema }),
  z.object({ type: z.literal('record-regard'), regard: regardSchema }),
  z.object({ type: z.literal('approve'), officerCheck: officerCheckSchema }),
  z.object({ type: z.literal('disclose'), ...disclosedSchema.shape }),
]);
export type GateEvent = z.infer<typeof gateEventSchema>;
export type GateEventType = GateEvent['type'];
export const GATE_EVENTS: GateEventType[] = ['choose-ground', 'complete-evidence', 'record-consultation', 'record-regard', 'approve', 'disclose'];

export type TransitionResult = { ok: true; gate: Gate } | { ok: false; reason: string };

export const newGate = (): Gate => ({ state: 'draft' });

// R-DIS-2 (000 §17.9.6; 004 §11.11): ground (d) needs the Monitoring Officer first; where the profile says so, every ground does.
export function requiresMonitoringOfficer(ground: Ground, profile: CouncilProfile): boolean {
  return ground === 'd' || profile.monitoringOfficerBeforeDisclosure === 'every-ground';
}

/** The steps this gate goes through, given its ground and the profile: shown to the user as a checklist. */
export function stepsFor(ground: Ground | undefined, profile: CouncilProfile): GateState[] {
  const mo = ground ? requiresMonitoringOfficer(ground, profile) : false;
  return mo ? [...GATE_STATES] : GATE_STATES.filter((s) => s !== 'mo-consulted' && s !== 'regard-recorded');
}

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

// R-DIS-1..3, R-DIS-5 (000 §17.9.2, §17.9.6; 003 §4.8, §5.2; 004 §11.11): the disclosure gate; every illegal step is refused with a reason.
export function transition(gate: Gate, event: GateEvent, profile: CouncilProfile): TransitionResult {
  if (!event || typeof event !== 'object' || !GATE_EVENTS.includes(event.type)) return refuse('That is not a step of the disclosure process.');
  if (gate.state === 'disclosed') return refuse('This disclosure has already been made and is in the register; it cannot be changed.');
  const mo = gate.ground ? requiresMonitoringOfficer(gate.ground, profile) : false;

  switch (event.type) {
    case 'choose-ground': {
      if (gate.state !== 'draft' && gate.state !== 'ground-chosen') return refuse('The ground can only be chosen before the evidence is complete. Start a new disclosure to use another ground.');
      if (!(event.ground in GROUNDS)) return refuse('Choose one of the grounds (a) to (d).');
      return { ok: true, gate: { state: 'ground-chosen', ground: event.ground } };
    }
    case 'complete-evidence': {
      if (gate.state !== 'ground-chosen' || !gate.ground) return refuse(gate.state === 'draft' ? 'Choose the ground first.' : 'The evidence is already complete.');
      const parsed = evidenceSchemas[gate.ground].safeParse(event.evidence);
      if (!parsed.success) return refuse(`The evidence for ground (${gate.ground}) is incomplete: ${parsed.error.issues.map((i) => i.path.join('.') || 'evidence').join(', ')}.`);
      return { ok: true, gate: { ...gate, state: 'evidence-complete', evidence: parsed.data } };
    }
    case 'record-consultation': {
      if (!mo) return refuse(gate.ground ? 'This ground does not need the Monitoring Officer under this council’s protocol.' : 'Choose the ground first.');
      if (gate.state !== 'evidence-complete') return refuse(gate.state === 'draft' || gate.state === 'ground-chosen' ? 'Complete the evidence before consulting the Monitoring Officer.' : 'The Monitoring Officer has already been consulted.');
      const c = event.consultation;
      if (!c || !c.monitoringOfficer?.trim() || !c.advice?.trim() || !isDate(c.requestedOn) || !isDate(c.adviceOn)) {
        return refuse('Record when the Monitoring Officer was asked, who advised, the advice and its date.');
      }
      return { ok: true, gate: { ...gate, state: 'mo-consulted', consultation: c } };
    }
    case 'record-regard': {
      if (!mo) return refuse('There is no Monitoring Officer advice to have regard to for this ground.');
      if (gate.state !== 'mo-consulted') return refuse(gate.state === 'regard-recorded' || gate.state === 'approved' ? 'Regard to the advice is already recorded.' : 'Consult the Monitoring Officer first.');
      const r = event.regard;
      if (!r || r.hadRegard !== true) return refuse('Confirm that you have had regard to the Monitoring Officer’s advice (000 §17.9.6).');
      if (!r.followsAdvice && (r.reasons ?? '').trim().length < 20) return refuse('You are departing from the Monitoring Officer’s advice: record your reasons (000 §17.9.6).');
      return { ok: true, gate: { ...gate, state: 'regard-recorded', regard: r } };
    }
    case 'approve': {
      const ready = mo ? gate.state === 'regard-recorded' : gate.state === 'evidence-complete';
      if (!ready) {
        if (gate.state === 'approved') return refuse('Already approved.');
        if (mo && gate.state === 'evidence-complete') return refuse('This disclosure needs the Monitoring Officer’s advice first (000 §17.9.6; 004 §11.11).');
        if (mo && gate.state === 'mo-consulted') return refuse('Record that you have had regard to the Monitoring Officer’s advice first (000 §17.9.6).');
        return refuse('Choose the ground and complete its evidence first.');
      }
      const check = event.officerCheck;
      if (!check || typeof check.checked !== 'boolean' || !check.note?.trim()) return refuse('Say whether you checked with the officer who gave you this, and what they said (003 §4.8).');
      return { ok: true, gate: { ...gate, state: 'approved', officerCheck: check } };
    }
    case 'disclose': {
      if (gate.state !== 'approved') return refuse('The disclosure is not approved yet: its ground’s requirements are not all met (R-DIS-3).');
      if (!event.to?.trim() || !isDate(event.on) || !event.what?.trim()) return refuse('Record what was disclosed, to whom and when.');
      return { ok: true, gate: { ...gate, state: 'disclosed', disclosure: { to: event.to.trim(), on: event.on, what: event.what.trim() } } };
    }
  }
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
    recordedAt,
  });
}

// R-DIS-4: the register only grows; an entry whose id is already there is refused.
export function appendToRegister(register: readonly RegisterEntry[], entry: RegisterEntry): readonly RegisterEntry[] {
  if (register.some((e) => e.id === entry.id)) throw new DomainError('refused', 'That register entry already exists; entries cannot be rewritten. Add a correction instead.');
  if (entry.corrects && !register.some((e) => e.id === entry.corrects)) throw new DomainError('invalid-input', 'A correction must refer to an existing entry.');
  return Object.freeze([...register, entry]);
}

import { describe, expect, it } from 'vitest';
import {
  appendToRegister,
  checkExportConfirmed,
  exportConfirmation,
  GATE_EVENTS,
  GATE_STATES,
  mayReleaseForDisclosure,
  newGate,
  registerEntryFor,
  requiresMonitoringOfficer,
  stepsFor,
  transition,
  type Gate,
  type GateEvent,
  type GateState,
  type Ground,
} from '../../../shared/domain/disclosure';
import { builtInProfile } from '../../../shared/domain/profiles';

const p000 = builtInProfile('000');
const p004 = builtInProfile('004');

const evidence: Record<Ground, Record<string, unknown>> = {
  a: { consentGivenBy: 'Mrs A. Resident', authority: 'She is the person the information is about', consentDate: '2026-11-20' },
  b: { legalProvision: 'Court order under CPR 31.17', requestedBy: 'County Court' },
  c: { adviser: 'J. Solicitor', profession: 'Solicitor', confidentialityAgreed: true },
  d: {
    publicInterestReasons: 'Residents face a safety risk the council has not disclosed despite requests.',
    goodFaith: true,
    consistentWithAuthorityRequirements: true,
  },
};
const consultation = {
  requestedOn: '2026-11-20',
  monitoringOfficer: 'A. Khan',
  advice: 'Disclose only the summary, not the valuation.',
  adviceOn: '2026-11-21',
};
const goodEvent: Record<GateEvent['type'], (g: Ground) => GateEvent> = {
  'choose-ground': (g) => ({ type: 'choose-ground', ground: g }),
  'complete-evidence': (g) => ({ type: 'complete-evidence', evidence: evidence[g] }),
  'record-consultation': () => ({ type: 'record-consultation', consultation }),
  'ask-monitoring-officer': () => ({
    type: 'ask-monitoring-officer',
    request: { requestedOn: consultation.requestedOn, monitoringOfficer: consultation.monitoringOfficer },
  }),
  'record-advice': () => ({ type: 'record-advice', advice: consultation.advice, adviceOn: consultation.adviceOn }),
  abandon: () => ({ type: 'abandon', reason: 'Started on the wrong material.' }),
  'record-regard': () => ({ type: 'record-regard', regard: { hadRegard: true, followsAdvice: true } }),
  approve: () => ({ type: 'approve', officerCheck: { checked: true, note: 'Spoke to the Head of Estates, who agreed.' } }),
  disclose: () => ({ type: 'disclose', to: 'Local newspaper', on: '2026-11-24', what: 'Summary of the depot valuation' }),
};

/** Walks the legal path for a ground and profile, returning the gate at each state reached (and an abandoned draft). */
function legalPath(ground: Ground, profile = p000): Map<GateState, Gate> {
  const reached = new Map<GateState, Gate>([['draft', newGate()]]);
  let gate = newGate();
  const order: GateEvent['type'][] = requiresMonitoringOfficer(ground, profile)
    ? ['choose-ground', 'complete-evidence', 'ask-monitoring-officer', 'record-advice', 'record-regard', 'approve', 'disclose']
    : ['choose-ground', 'complete-evidence', 'approve', 'disclose'];
  const abandoned = transition(newGate(), goodEvent.abandon(ground), profile);
  if (!abandoned.ok) throw new Error(`abandon refused: ${abandoned.reason}`);
  for (const type of order) {
    const r = transition(gate, goodEvent[type](ground), profile);
    if (!r.ok) throw new Error(`legal step ${type} refused: ${r.reason}`);
    gate = r.gate;
    reached.set(gate.state, gate);
  }
  reached.set('abandoned', abandoned.gate);
  return reached;
}

/** Which event types are legal from a state (for a given ground and profile). */
function legalFrom(state: GateState, ground: Ground, profile = p000): Set<GateEvent['type']> {
  const mo = requiresMonitoringOfficer(ground, profile);
  const table: Record<GateState, GateEvent['type'][]> = {
    draft: ['choose-ground', 'abandon'],
    'ground-chosen': ['choose-ground', 'complete-evidence', 'abandon'],
    'evidence-complete': mo ? ['record-consultation', 'ask-monitoring-officer', 'abandon'] : ['approve', 'abandon'],
    'mo-asked': ['record-advice', 'abandon'],
    'mo-consulted': ['record-regard', 'abandon'],
    'regard-recorded': ['approve', 'abandon'],
    approved: ['disclose'],
    disclosed: [],
    abandoned: [],
  };
  return new Set(table[state]);
}

describe('disclosure gate', () => {
  it('R-DIS-1 goes through on ground (a) with its evidence, without the Monitoring Officer under profile 000', () => {
    expect([...legalPath('a').keys()]).toEqual(['draft', 'ground-chosen', 'evidence-complete', 'approved', 'disclosed', 'abandoned']);
    expect(stepsFor('a', p000)).toEqual(['draft', 'ground-chosen', 'evidence-complete', 'approved', 'disclosed']);
  });

  it('R-DIS-2 ground (d) needs the Monitoring Officer and the Member’s regard; profile 004 needs them for every ground', () => {
    expect([...legalPath('d').keys()]).toEqual([...GATE_STATES]);
    for (const g of ['a', 'b', 'c', 'd'] as Ground[]) expect(requiresMonitoringOfficer(g, p004)).toBe(true);
    expect(requiresMonitoringOfficer('a', p000)).toBe(false);
    expect([...legalPath('a', p004).keys()]).toEqual([...GATE_STATES]);
  });

  for (const profile of [p000, p004]) {
    for (const ground of ['a', 'b', 'c', 'd'] as Ground[]) {
      it(`R-DIS-3 refuses every illegal transition, with a reason (profile ${profile.id}, ground ${ground})`, () => {
        let checked = 0;
        for (const [state, gate] of legalPath(ground, profile)) {
          const legal = legalFrom(state, ground, profile);
          for (const type of GATE_EVENTS) {
            if (legal.has(type)) continue;
            const result = transition(gate, goodEvent[type](ground), profile);
            expect(result.ok, `${state} --${type}--> should be refused`).toBe(false);
            if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(20);
      });
    }
  }

  it('R-DIS-1 refuses incomplete evidence for each ground', () => {
    for (const g of ['a', 'b', 'c', 'd'] as Ground[]) {
      const chosen = transition(newGate(), { type: 'choose-ground', ground: g }, p000);
      if (!chosen.ok) throw new Error('setup');
      const r = transition(chosen.gate, { type: 'complete-evidence', evidence: {} }, p000);
      expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(new RegExp(`ground \\(${g}\\)`)) });
    }
    const chosen = transition(newGate(), { type: 'choose-ground', ground: 'c' }, p000);
    if (!chosen.ok) throw new Error('setup');
    expect(
      transition(
        chosen.gate,
        { type: 'complete-evidence', evidence: { adviser: 'x', profession: 'y', confidentialityAgreed: false } },
        p000,
      ).ok,
    ).toBe(false);
  });

  it('R-DIS-2 departing from the Monitoring Officer’s advice needs reasons', () => {
    const consulted = legalPath('d').get('mo-consulted')!;
    expect(transition(consulted, { type: 'record-regard', regard: { hadRegard: true, followsAdvice: false } }, p000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/reasons/),
    });
    expect(
      transition(
        consulted,
        {
          type: 'record-regard',
          regard: { hadRegard: true, followsAdvice: false, reasons: 'The summary alone would mislead residents about the risk.' },
        },
        p000,
      ).ok,
    ).toBe(true);
  });

  it('R-DIS-5 approval asks whether the officer who gave it was checked with', () => {
    const ready = legalPath('a').get('evidence-complete')!;
    expect(transition(ready, { type: 'approve', officerCheck: { checked: false, note: '' } }, p000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/checked with the officer/),
    });
    expect(
      transition(ready, { type: 'approve', officerCheck: { checked: false, note: 'Officer on leave; Head of Service informed.' } }, p000)
        .ok,
    ).toBe(true);
  });

  it('R-DIS-3 material may be released only once approved', () => {
    const path = legalPath('d');
    for (const state of [
      'draft',
      'ground-chosen',
      'evidence-complete',
      'mo-asked',
      'mo-consulted',
      'regard-recorded',
      'abandoned',
    ] as GateState[])
      expect(mayReleaseForDisclosure(path.get(state)!)).toBe(false);
    expect(mayReleaseForDisclosure(path.get('approved')!)).toBe(true);
  });

  it('R-DIS-3 rejects events that are not steps at all', () => {
    expect(transition(newGate(), { type: 'skip-to-disclosed' } as never, p000).ok).toBe(false);
  });

  it('R-DIS-4 the register records what, to whom, when, ground, evidence and advice, and cannot be rewritten', () => {
    const disclosed = legalPath('d').get('disclosed')!;
    const entry = registerEntryFor(disclosed, 'mat-1', 'reg-1', '2026-11-24T10:00:00Z');
    expect(entry).toMatchObject({
      what: 'Summary of the depot valuation',
      to: 'Local newspaper',
      on: '2026-11-24',
      ground: 'd',
      moAdvice: consultation.advice,
    });
    expect(Object.isFrozen(entry)).toBe(true);
    const register = appendToRegister([], entry);
    expect(() => appendToRegister(register, entry)).toThrow(/cannot be rewritten/);
    expect(() => (register as RegisterEntryArray).push(entry)).toThrow();
    expect(() => registerEntryFor(legalPath('d').get('approved')!, 'mat-1', 'reg-2', 'now')).toThrow(/completed disclosure/);
  });
});

type RegisterEntryArray = unknown[];

describe('waiting for the Monitoring Officer, and abandoning a draft', () => {
  const ready = () => legalPath('d').get('evidence-complete')!;
  const ask = { type: 'ask-monitoring-officer' as const, request: { requestedOn: '2026-11-20', monitoringOfficer: ' A. Khan ' } };

  it('R-DIS-2 "asked on, asked whom" is one step; the advice a later one, resumed from the saved gate', () => {
    const asked = transition(ready(), ask, p000, '2026-11-24');
    expect(asked).toMatchObject({
      ok: true,
      gate: { state: 'mo-asked', moRequest: { requestedOn: '2026-11-20', monitoringOfficer: 'A. Khan' } },
    });
    if (!asked.ok) return;
    // The gate is plain data: saved and read back (as after relocking), it resumes where it was.
    const resumed = JSON.parse(JSON.stringify(asked.gate)) as Gate;
    expect(transition(resumed, { type: 'approve', officerCheck: { checked: true, note: 'x' } }, p000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Monitoring Officer’s advice first/),
    });
    const advised = transition(
      resumed,
      { type: 'record-advice', advice: ' Disclose the summary only. ', adviceOn: '2026-11-22' },
      p000,
      '2026-11-24',
    );
    expect(advised).toMatchObject({
      ok: true,
      gate: {
        state: 'mo-consulted',
        consultation: {
          requestedOn: '2026-11-20',
          monitoringOfficer: 'A. Khan',
          advice: 'Disclose the summary only.',
          adviceOn: '2026-11-22',
        },
      },
    });
  });

  it('R-DIS-2 advice dated before it was asked, dates after today and unreal dates are refused with the reason', () => {
    const asked = transition(ready(), ask, p000);
    if (!asked.ok) throw new Error('setup');
    expect(transition(asked.gate, { type: 'record-advice', advice: 'Fine', adviceOn: '2026-11-19' }, p000)).toEqual({
      ok: false,
      reason: 'The advice (19/11/2026) cannot be before you asked the Monitoring Officer (20/11/2026).',
    });
    expect(transition(asked.gate, { type: 'record-advice', advice: 'Fine', adviceOn: '2026-11-25' }, p000, '2026-11-24')).toEqual({
      ok: false,
      reason: 'The date of the advice (25/11/2026) is after today.',
    });
    expect(transition(asked.gate, { type: 'record-advice', advice: 'Fine', adviceOn: '2026-11-31' }, p000)).toEqual({
      ok: false,
      reason: 'The date of the advice is not a real date.',
    });
    expect(transition(asked.gate, { type: 'record-advice', advice: '  ', adviceOn: '2026-11-21' }, p000)).toMatchObject({
      ok: false,
      reason: 'Record the Monitoring Officer’s advice.',
    });
    expect(
      transition(ready(), { ...ask, request: { requestedOn: '2026-11-25', monitoringOfficer: 'A. Khan' } }, p000, '2026-11-24'),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/after today/) });
    expect(transition(ready(), { ...ask, request: { requestedOn: '2026-11-20', monitoringOfficer: '' } }, p000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Record who you asked/),
    });
    // The one-step form checks the same order of dates.
    expect(
      transition(ready(), { type: 'record-consultation', consultation: { ...consultation, adviceOn: '2026-11-19' } }, p000),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot be before you asked/) });
  });

  it('R-DIS-3 a draft can be abandoned with a reason before approval, never after; an abandoned one accepts nothing', () => {
    const path = legalPath('d');
    for (const state of ['draft', 'ground-chosen', 'evidence-complete', 'mo-consulted', 'regard-recorded'] as GateState[]) {
      const r = transition(path.get(state)!, { type: 'abandon', reason: 'Wrong material', on: '2026-11-24' }, p000, '2026-11-24');
      expect(r, state).toMatchObject({ ok: true, gate: { state: 'abandoned', abandoned: { reason: 'Wrong material', on: '2026-11-24' } } });
    }
    expect(transition(path.get('approved')!, { type: 'abandon', reason: 'Changed my mind' }, p000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/already approved/),
    });
    expect(transition(path.get('disclosed')!, { type: 'abandon', reason: 'Too late' }, p000).ok).toBe(false);
    expect(transition(newGate(), { type: 'abandon', reason: ' ' }, p000)).toMatchObject({
      ok: false,
      reason: 'Say why this disclosure is being abandoned.',
    });
    expect(transition(path.get('abandoned')!, { type: 'choose-ground', ground: 'a' }, p000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/abandoned/),
    });
    // What was recorded before abandoning is kept.
    const abandoned = transition(path.get('regard-recorded')!, { type: 'abandon', reason: 'Wrong material' }, p000);
    expect(abandoned.ok && abandoned.gate.consultation?.advice).toBe(consultation.advice);
  });

  it('R-DIS-1 evidence problems are named in words, never by field name', () => {
    const chosen = transition(newGate(), { type: 'choose-ground', ground: 'd' }, p000);
    if (!chosen.ok) throw new Error('setup');
    const r = transition(chosen.gate, { type: 'complete-evidence', evidence: { publicInterestReasons: 'short', goodFaith: false } }, p000);
    expect(r).toEqual({
      ok: false,
      reason:
        'The evidence for ground (d) is incomplete: the public interest reasons (at least 20 characters); confirmation you act in good faith; confirmation it is in line with the council’s reasonable requirements.',
    });
  });
});

describe('saving out after a partial disclosure (R-DIS-1)', () => {
  const approvedWith = (withheld?: string): Gate => {
    const r = transition(
      legalPath('a').get('evidence-complete')!,
      { type: 'approve', officerCheck: { checked: true, note: 'Agreed' }, ...(withheld === undefined ? {} : { withheld }) },
      p000,
    );
    if (!r.ok) throw new Error(r.reason);
    return r.gate;
  };

  it('R-DIS-1 the whole file after a partial approval needs a warning naming what was left out, and confirmation', () => {
    const gate = approvedWith(' no prices ');
    expect(gate.withheld).toBe('no prices');
    const check = exportConfirmation(gate, 'whole-file');
    expect(check.needed).toBe(true);
    expect(check.message).toMatch(
      /^The approved disclosure leaves something out: “no prices”\. You are saving the whole file\. Confirm that what you pass on matches what was approved/,
    );
    expect(() => checkExportConfirmed(gate, 'whole-file', false)).toThrow(/The file was not saved\.$/);
    expect(() => checkExportConfirmed(gate, 'whole-file', 'yes' as never)).toThrow(/not saved/);
    expect(() => checkExportConfirmed(gate, 'whole-file', true)).not.toThrow();
    expect(exportConfirmation(gate, 'approved-part')).toEqual({ needed: false, message: null });
  });

  it('R-DIS-1 a full approval needs no confirmation; an unapproved disclosure saves nothing', () => {
    expect(exportConfirmation(approvedWith(), 'whole-file')).toEqual({ needed: false, message: null });
    expect(exportConfirmation(approvedWith('   '), 'whole-file').needed).toBe(false);
    expect(() => exportConfirmation(legalPath('a').get('evidence-complete')!, 'whole-file')).toThrow(/until it is approved/);
  });

  it('R-DIS-4 the register entry keeps what was left out', () => {
    const gate = approvedWith('no prices');
    const done = transition(gate, { type: 'disclose', to: 'Local newspaper', on: '2026-11-24', what: 'Valuation summary' }, p000);
    if (!done.ok) throw new Error(done.reason);
    expect(registerEntryFor(done.gate, 'mat-1', 'reg-9', '2026-11-24T10:00:00Z').withheld).toBe('no prices');
  });

  it('R-DIS-3 a disclosure dated after today is refused when today is known', () => {
    expect(transition(approvedWith(), { type: 'disclose', to: 'Press', on: '2026-11-30', what: 'Summary' }, p000, '2026-11-24')).toEqual({
      ok: false,
      reason: 'The date it was passed on (30/11/2026) is after today.',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { appendToRegister, GATE_EVENTS, GATE_STATES, mayReleaseForDisclosure, newGate, registerEntryFor, requiresMonitoringOfficer, stepsFor, transition, type Gate, type GateEvent, type GateState, type Ground } from '../../../shared/domain/disclosure';
import { builtInProfile } from '../../../shared/domain/profiles';

const p000 = builtInProfile('000');
const p004 = builtInProfile('004');

const evidence: Record<Ground, Record<string, unknown>> = {
  a: { consentGivenBy: 'Mrs A. Resident', authority: 'She is the person the information is about', consentDate: '2026-11-20' },
  b: { legalProvision: 'Court order under CPR 31.17', requestedBy: 'County Court' },
  c: { adviser: 'J. Solicitor', profession: 'Solicitor', confidentialityAgreed: true },
  d: { publicInterestReasons: 'Residents face a safety risk the council has not disclosed despite requests.', goodFaith: true, consistentWithAuthorityRequirements: true },
};
const consultation = { requestedOn: '2026-11-20', monitoringOfficer: 'A. Khan', advice: 'Disclose only the summary, not the valuation.', adviceOn: '2026-11-21' };
const goodEvent: Record<GateEvent['type'], (g: Ground) => GateEvent> = {
  'choose-ground': (g) => ({ type: 'choose-ground', ground: g }),
  'complete-evidence': (g) => ({ type: 'complete-evidence', evidence: evidence[g] }),
  'record-consultation': () => ({ type: 'record-consultation', consultation }),
  'record-regard': () => ({ type: 'record-regard', regard: { hadRegard: true, followsAdvice: true } }),
  approve: () => ({ type: 'approve', officerCheck: { checked: true, note: 'Spoke to the Head of Estates, who agreed.' } }),
  disclose: () => ({ type: 'disclose', to: 'Local newspaper', on: '2026-11-24', what: 'Summary of the depot valuation' }),
};

/** Walks the legal path for a ground and profile, returning the gate at each state reached. */
function legalPath(ground: Ground, profile = p000): Map<GateState, Gate> {
  const reached = new Map<GateState, Gate>([['draft', newGate()]]);
  let gate = newGate();
  const order: GateEvent['type'][] = requiresMonitoringOfficer(ground, profile)
    ? ['choose-ground', 'complete-evidence', 'record-consultation', 'record-regard', 'approve', 'disclose']
    : ['choose-ground', 'complete-evidence', 'approve', 'disclose'];
  for (const type of order) {
    const r = transition(gate, goodEvent[type](ground), profile);
    if (!r.ok) throw new Error(`legal step ${type} refused: ${r.reason}`);
    gate = r.gate;
    reached.set(gate.state, gate);
  }
  return reached;
}

/** Which event types are legal from a state (for a given ground and profile). */
function legalFrom(state: GateState, ground: Ground, profile = p000): Set<GateEvent['type']> {
  const mo = requiresMonitoringOfficer(ground, profile);
  const table: Record<GateState, GateEvent['type'][]> = {
    draft: ['choose-ground'],
    'ground-chosen': ['choose-ground', 'complete-evidence'],
    'evidence-complete': mo ? ['record-consultation'] : ['approve'],
    'mo-consulted': ['record-regard'],
    'regard-recorded': ['approve'],
    approved: ['disclose'],
    disclosed: [],
  };
  return new Set(table[state]);
}

describe('disclosure gate', () => {
  it('R-DIS-1 goes through on ground (a) with its evidence, without the Monitoring Officer under profile 000', () => {
    expect([...legalPath('a').keys()]).toEqual(['draft', 'ground-chosen', 'evidence-complete', 'approved', 'disclosed']);
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
    expect(transition(chosen.gate, { type: 'complete-evidence', evidence: { adviser: 'x', profession: 'y', confidentialityAgreed: false } }, p000).ok).toBe(false);
  });

  it('R-DIS-2 departing from the Monitoring Officer’s advice needs reasons', () => {
    const consulted = legalPath('d').get('mo-consulted')!;
    expect(transition(consulted, { type: 'record-regard', regard: { hadRegard: true, followsAdvice: false } }, p000)).toMatchObject({ ok: false, reason: expect.stringMatching(/reasons/) });
    expect(transition(consulted, { type: 'record-regard', regard: { hadRegard: true, followsAdvice: false, reasons: 'The summary alone would mislead residents about the risk.' } }, p000).ok).toBe(true);
  });

  it('R-DIS-5 approval asks whether the officer who gave it was checked with', () => {
    const ready = legalPath('a').get('evidence-complete')!;
    expect(transition(ready, { type: 'approve', officerCheck: { checked: false, note: '' } }, p000)).toMatchObject({ ok: false, reason: expect.stringMatching(/checked with the officer/) });
    expect(transition(ready, { type: 'approve', officerCheck: { checked: false, note: 'Officer on leave; Head of Service informed.' } }, p000).ok).toBe(true);
  });

  it('R-DIS-3 material may be released only once approved', () => {
    const path = legalPath('d');
    for (const state of ['draft', 'ground-chosen', 'evidence-complete', 'mo-consulted', 'regard-recorded'] as GateState[]) expect(mayReleaseForDisclosure(path.get(state)!)).toBe(false);
    expect(mayReleaseForDisclosure(path.get('approved')!)).toBe(true);
  });

  it('R-DIS-3 rejects events that are not steps at all', () => {
    expect(transition(newGate(), { type: 'skip-to-disclosed' } as never, p000).ok).toBe(false);
  });

  it('R-DIS-4 the register records what, to whom, when, ground, evidence and advice, and cannot be rewritten', () => {
    const disclosed = legalPath('d').get('disclosed')!;
    const entry = registerEntryFor(disclosed, 'mat-1', 'reg-1', '2026-11-24T10:00:00Z');
    expect(entry).toMatchObject({ what: 'Summary of the depot valuation', to: 'Local newspaper', on: '2026-11-24', ground: 'd', moAdvice: consultation.advice });
    expect(Object.isFrozen(entry)).toBe(true);
    const register = appendToRegister([], entry);
    expect(() => appendToRegister(register, entry)).toThrow(/cannot be rewritten/);
    expect(() => (register as RegisterEntryArray).push(entry)).toThrow();
    expect(() => registerEntryFor(legalPath('d').get('approved')!, 'mat-1', 'reg-2', 'now')).toThrow(/completed disclosure/);
  });
});

type RegisterEntryArray = unknown[];

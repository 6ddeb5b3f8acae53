import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { valuesOf } from '../../../shared/domain/named-values';
import { GATE_STATES, gateStateNames } from '../../../shared/domain/disclosure';
import { REQUEST_STATUSES, statusNames } from '../../../shared/domain/requests';

describe('values written once with their names', () => {
  it('gives the keys in the order written, and z.enum accepts exactly those', () => {
    const names = { b: 'Bee', a: 'Ay', 'c-d': 'See dee' } as const;
    expect(valuesOf(names)).toEqual(['b', 'a', 'c-d']);
    const schema = z.enum(valuesOf(names));
    expect(schema.safeParse('c-d').success).toBe(true);
    expect(schema.safeParse('e').success).toBe(false);
  });

  it('the gate steps and request statuses keep their order and every one has words', () => {
    expect(GATE_STATES[0]).toBe('draft');
    expect(GATE_STATES.at(-1)).toBe('abandoned');
    expect(REQUEST_STATUSES[0]).toBe('awaiting-acknowledgement');
    for (const s of GATE_STATES) expect(gateStateNames[s].length).toBeGreaterThan(0);
    for (const s of REQUEST_STATUSES) expect(statusNames[s].length).toBeGreaterThan(0);
  });
});

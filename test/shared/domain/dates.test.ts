import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertIsoDate, isIsoDate, isoDateSchema, parseIsoDate, ukDateOf } from '../../../shared/domain/dates';

describe('the UK date', () => {
  it('is the Europe/London day: 00:30 BST on 1 June is 1 June (UTC still says 31 May)', () => {
    const instant = new Date('2026-05-31T23:30:00Z'); // 00:30 BST, 1 June
    expect(instant.toISOString().slice(0, 10)).toBe('2026-05-31');
    expect(ukDateOf(instant)).toBe('2026-06-01');
  });

  it('is the UTC day in winter: 23:30 GMT on 31 December is 31 December', () => {
    expect(ukDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('moves at midnight on the day the clocks change', () => {
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 BST on 25 October 2026.
    expect(ukDateOf(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
    expect(ukDateOf(new Date('2026-03-29T23:00:00Z'))).toBe('2026-03-30');
    expect(ukDateOf(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25');
    expect(ukDateOf(new Date('2026-10-25T23:59:00Z'))).toBe('2026-10-25');
  });
});

describe('the strict date type at the boundary', () => {
  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-2-3', '28/11/2026', '', '2026-11-28T00:00:00Z', '1000-01-01', '2200-01-01'])(
    'refuses %j with the domain’s own words',
    (value) => {
      const parsed = isoDateSchema.safeParse(value);
      expect(parsed.success).toBe(false);
      let domainWords = '';
      try {
        parseIsoDate(value, 'The date');
      } catch (e) {
        domainWords = (e as Error).message;
      }
      expect(parsed.error?.issues[0]?.message).toBe(domainWords);
      expect(domainWords).toMatch(/^The date/);
    },
  );

  it('accepts real days, including 29 February in a leap year', () => {
    expect(isoDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2026-11-28').success).toBe(true);
  });

  it('isIsoDate, the cheap check the saved request index uses, agrees with the strict parser on any string shaped like a date', () => {
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string()), (value) => {
        let parses = true;
        try {
          parseIsoDate(value);
        } catch {
          parses = false;
        }
        expect(isIsoDate(value)).toBe(parses);
      }),
      { numRuns: 5_000 },
    );
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });
});

describe('assertIsoDate, the check that remembers real dates', () => {
  it('agrees with parseIsoDate on every string, the first time and again, with the same words', () => {
    const dates = fc.oneof(
      fc.date({ min: new Date('1890-01-01'), max: new Date('2210-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc
        .tuple(fc.integer({ min: 1899, max: 2201 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.string(),
    );
    const outcome = (check: () => unknown) => {
      try {
        check();
        return 'ok';
      } catch (error) {
        return (error as Error).message;
      }
    };
    fc.assert(
      fc.property(dates, (value) => {
        const expected = outcome(() => parseIsoDate(value, 'The date'));
        expect(outcome(() => assertIsoDate(value, 'The date'))).toBe(expected);
        expect(outcome(() => assertIsoDate(value, 'The date'))).toBe(expected);
      }),
    );
    expect(() => assertIsoDate('2026-02-31', 'The sent date')).toThrow('The sent date "2026-02-31" is not a real date');
  });
});

import { describe, expect, it } from 'vitest';
import type { HolidayEdits } from '../../../../shared/domain/calendar';
import { govUkImportSummary, isNotKept, withKeptToggled, withToggled } from '../../../../renderer/features/holidays/holiday-edits';

const NO_MARKS: HolidayEdits = { added: [], removed: [] };
const boxing = '2026-12-28';
const saved: HolidayEdits = {
  added: [{ date: '2026-06-08', name: 'State funeral', nations: ['england-and-wales'] }],
  removed: [{ date: boxing, nations: ['scotland'] }],
};

describe('holiday list edits on the Bank holidays panel', () => {
  it('R-DUE-2 marking a built-in holiday not kept in one nation keeps the other nations’ marks and the added holidays', () => {
    expect(isNotKept(saved, boxing, 'england-and-wales')).toBe(false);
    const marked = withKeptToggled(saved, boxing, 'england-and-wales');
    expect(marked).toEqual({ added: saved.added, removed: [{ date: boxing, nations: ['scotland', 'england-and-wales'] }] });
    expect(isNotKept(marked, boxing, 'england-and-wales')).toBe(true);
    expect(withKeptToggled(NO_MARKS, '2026-12-25', 'scotland').removed).toEqual([{ date: '2026-12-25', nations: ['scotland'] }]);
  });

  it('R-DUE-2 keeping it again takes only that nation off, and drops a date no nation marks', () => {
    const marked = withKeptToggled(saved, boxing, 'england-and-wales');
    expect(withKeptToggled(marked, boxing, 'england-and-wales')).toEqual(saved);
    expect(withKeptToggled(saved, boxing, 'scotland')).toEqual({ added: saved.added, removed: [] });
    expect(isNotKept(undefined, boxing, 'scotland')).toBe(false);
  });

  it('puts an item in or takes it out of a copy of a set, leaving the set as it was', () => {
    const set = new Set(['a', 'b']);
    expect([...withToggled(set, 'c', true)]).toEqual(['a', 'b', 'c']);
    expect([...withToggled(set, 'a', false)]).toEqual(['b']);
    expect([...set]).toEqual(['a', 'b']);
  });

  it('R-DUE-3 says in words what a gov.uk file would change, for one year or several', () => {
    const holiday = (date: string, name: string) => ({ date, name });
    expect(
      govUkImportSummary({
        years: { from: 2026, to: 2027 },
        added: [holiday('2026-06-08', 'State funeral')],
        removed: [holiday('2026-05-04', 'Early May bank holiday')],
      }),
    ).toBe('From gov.uk for 2026 to 2027: State funeral (08/06/2026) added; Early May bank holiday (04/05/2026) no longer listed');
    expect(govUkImportSummary({ years: { from: 2026, to: 2026 }, added: [], removed: [] })).toBe(
      'From gov.uk for 2026: no changes to the built-in list',
    );
  });
});

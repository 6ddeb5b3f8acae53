import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  countWorkingDays,
  holidayEditsFromGovUk,
  isWorkingDay,
  nonWorkingReason,
  parseGovUkBankHolidays,
  weekendHolidayQuestion,
  type HolidayScope,
  type Nation,
} from '../../../shared/domain/calendar';
import { computeDueDates, requestsAffectedByCalendarChange } from '../../../shared/domain/deadlines';
import { builtInProfile } from '../../../shared/domain/profiles';
import { addDays } from '../../../shared/domain/dates';

const E: HolidayScope = { kind: 'nation', nation: 'england-and-wales' };
const S: HolidayScope = { kind: 'nation', nation: 'scotland' };
const N: HolidayScope = { kind: 'nation', nation: 'northern-ireland' };
const ANY: HolidayScope = { kind: 'any-uk-nation' };

// Expected dates worked out by hand from the published UK bank holiday lists, not from the code.
const cases: Array<[string, HolidayScope, string, number, string]> = [
  ['Queen’s funeral skipped (E&W)', E, '2022-09-14', 5, '2022-09-22'],
  ['Queen’s funeral the next working day after a Friday (E&W)', E, '2022-09-16', 1, '2022-09-20'],
  ['Queen’s funeral (Scotland)', S, '2022-09-16', 1, '2022-09-20'],
  ['Queen’s funeral (NI)', N, '2022-09-16', 1, '2022-09-20'],
  ['coronation skipped (E&W)', E, '2023-05-05', 1, '2023-05-09'],
  ['coronation within a count (E&W)', E, '2023-05-04', 2, '2023-05-09'],
  ['coronation (Scotland)', S, '2023-05-05', 1, '2023-05-09'],
  ['Christmas 2022 with substitute day 27 Dec', E, '2022-12-23', 1, '2022-12-28'],
  ['Christmas 2022 into the New Year substitute on 2 Jan 2023', E, '2022-12-23', 5, '2023-01-04'],
  ['Christmas 2022 (Scotland)', S, '2022-12-23', 1, '2022-12-28'],
  ['Christmas 2027: both substitute days 27 and 28 Dec', E, '2027-12-24', 1, '2027-12-29'],
  ['receipt on a Saturday: Monday is day 1', E, '2024-03-02', 1, '2024-03-04'],
  ['receipt on a Sunday: Monday is day 1', E, '2024-03-03', 1, '2024-03-04'],
  ['receipt on Christmas Day: Boxing Day skipped', E, '2024-12-25', 1, '2024-12-27'],
  ['receipt on a holiday (New Year 2027, E&W)', E, '2027-01-01', 1, '2027-01-04'],
  ['receipt on a holiday (New Year 2027, Scotland: 2 Jan substitute on Monday)', S, '2027-01-01', 1, '2027-01-05'],
  ['Easter 2024 (E&W: Good Friday and Easter Monday)', E, '2024-03-28', 1, '2024-04-02'],
  ['Easter 2025 (E&W)', E, '2025-04-17', 2, '2025-04-23'],
  ['Easter 2024 in Scotland: Good Friday only, no Easter Monday', S, '2024-03-28', 1, '2024-04-01'],
  ['Easter 2024 in Northern Ireland', N, '2024-03-28', 1, '2024-04-02'],
  ['late summer holiday 2025 (E&W)', E, '2025-08-22', 5, '2025-09-01'],
  ['Scotland’s 2 January 2023 and New Year substitute on 3 January', S, '2022-12-30', 1, '2023-01-04'],
  ['E&W New Year substitute 2 January 2023', E, '2022-12-30', 1, '2023-01-03'],
  ['Scotland’s August holiday (first Monday) 2025', S, '2025-07-31', 2, '2025-08-05'],
  ['E&W has no first-Monday-of-August holiday', E, '2025-07-31', 2, '2025-08-04'],
  ['St Andrew’s Day 2025 substitute on Monday 1 December (Scotland)', S, '2025-11-28', 1, '2025-12-02'],
  ['St Andrew’s Day 2024 substitute on Monday 2 December (Scotland)', S, '2024-11-29', 1, '2024-12-03'],
  ['E&W ignores St Andrew’s Day', E, '2024-11-29', 1, '2024-12-02'],
  ['Scotland: 1 and 2 January 2026', S, '2025-12-31', 1, '2026-01-05'],
  ['E&W: 1 January 2026 only', E, '2025-12-31', 1, '2026-01-02'],
  ['NI: St Patrick’s Day 2025', N, '2025-03-14', 1, '2025-03-18'],
  ['E&W ignores St Patrick’s Day', E, '2025-03-14', 1, '2025-03-17'],
  ['NI: St Patrick’s Day 2026 midweek', N, '2026-03-16', 1, '2026-03-18'],
  ['NI: 12 July 2025 substitute on Monday 14 July', N, '2025-07-11', 1, '2025-07-15'],
  ['NI: 12 July 2024 on a Friday', N, '2024-07-11', 1, '2024-07-15'],
  ['E&W ignores 12 July', E, '2024-07-11', 1, '2024-07-12'],
  ['NI: 12 July 2023 on a Wednesday', N, '2023-07-11', 1, '2023-07-13'],
  ['Platinum Jubilee 2022 (two holidays in a row)', E, '2022-06-01', 1, '2022-06-06'],
  ['FOI outside Scotland counts an NI holiday', ANY, '2025-03-14', 1, '2025-03-18'],
  ['FOI outside Scotland counts Scotland’s August holiday', ANY, '2025-07-31', 2, '2025-08-05'],
  ['FOI outside Scotland counts Scotland’s 2 January', ANY, '2025-12-31', 1, '2026-01-05'],
  ['FOI 20 working days from Monday 6 January 2025', ANY, '2025-01-06', 20, '2025-02-03'],
  ['FOISA counts Scottish holidays only (not St Patrick’s Day)', S, '2025-03-14', 1, '2025-03-17'],
  ['zero working days is the day of receipt', E, '2024-03-02', 0, '2024-03-02'],
];

describe('R-DUE-2 working-day calendar: dated cases 2022–2027', () => {
  it.each(cases)('R-DUE-2 %s', (_label, scope, received, n, expected) => {
    expect(addWorkingDays(received, n, scope).dueDate).toBe(expected);
  });

  it('R-DUE-2 explains which days were counted and which skipped, and why', () => {
    const result = addWorkingDays('2022-09-16', 1, E);
    expect(result.explanation[0]).toBe('Received Friday 16 September 2022: that is day 0.');
    expect(result.explanation).toContain('Saturday 17 September 2022 is not counted: Saturday.');
    expect(result.explanation.join('\n')).toMatch(
      /Monday 19 September 2022 is not counted: Queen Elizabeth's Funeral Day \(bank holiday in England and Wales\)/,
    );
    expect(result.explanation).toContain('Tuesday 20 September 2022 is working day 1.');
    expect(result.skipped.map((s) => s.date)).toEqual(['2022-09-17', '2022-09-18', '2022-09-19']);
  });

  it('R-DUE-2 applies user edits: a one-off holiday added, and a holiday removed', () => {
    const edits = {
      added: [{ date: '2026-06-15', name: 'Local one-off holiday', nations: ['england-and-wales' as Nation] }],
      removed: [{ date: '2026-05-04', nations: ['england-and-wales' as Nation] }],
    };
    expect(addWorkingDays('2026-06-12', 1, E, edits).dueDate).toBe('2026-06-16');
    expect(nonWorkingReason('2026-06-15', E, edits)).toMatch(/added in settings/);
    expect(isWorkingDay('2026-05-04', E)).toBe(false);
    expect(isWorkingDay('2026-05-04', E, edits)).toBe(true);
  });

  it('R-DUE-2 refuses impossible dates and bad counts with a clear error', () => {
    expect(() => addWorkingDays('2023-02-30', 1, E)).toThrow(/not a real date/);
    expect(() => addWorkingDays('30/01/2023', 1, E)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays('2023-01-30', -1, E)).toThrow(/whole number/);
    expect(() => addWorkingDays('2023-01-30', 1.5, E)).toThrow(/whole number/);
  });
});

describe('R-DUE-2 calendar properties (fast-check)', () => {
  const scopes = fc.constantFrom<HolidayScope>(E, S, N, ANY);
  const date = fc.integer({ min: 0, max: 365 * 5 }).map((n) => addDays('2022-01-01', n));
  const days = fc.integer({ min: 0, max: 40 });

  it('R-DUE-2 a due date (n >= 1) is always a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), scopes, (d, n, scope) => isWorkingDay(addWorkingDays(d, n, scope).dueDate, scope)),
      { numRuns: 300 },
    );
  });

  it('R-DUE-2 adding n then m working days equals adding n + m', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), days, scopes, (d, n, m, scope) => {
        const step = addWorkingDays(addWorkingDays(d, n, scope).dueDate, m, scope).dueDate;
        return step === addWorkingDays(d, n + m, scope).dueDate;
      }),
      { numRuns: 300 },
    );
  });

  it('R-DUE-2 counting working days from receipt to the due date gives n', () => {
    fc.assert(
      fc.property(date, days, scopes, (d, n, scope) => countWorkingDays(d, addWorkingDays(d, n, scope).dueDate, scope) === n),
      { numRuns: 300 },
    );
  });
});

// The shape of https://www.gov.uk/bank-holidays.json, with 2026 for England and Wales as published,
// plus a made-up one-off holiday (2026-06-15) and Boxing Day's substitute left out, to be found.
const govUk = (ew: Array<{ title: string; date: string }>) => ({
  'england-and-wales': { division: 'england-and-wales', events: ew.map((e) => ({ ...e, notes: '', bunting: true })) },
  scotland: { division: 'scotland', events: [{ title: 'St Andrew’s Day', date: '2026-11-30', notes: '', bunting: true }] },
  'northern-ireland': { division: 'northern-ireland', events: [] },
});
const EW_2026 = [
  { title: 'New Year’s Day', date: '2026-01-01' },
  { title: 'Good Friday', date: '2026-04-03' },
  { title: 'Easter Monday', date: '2026-04-06' },
  { title: 'Early May bank holiday', date: '2026-05-04' },
  { title: 'Spring bank holiday', date: '2026-05-25' },
  { title: 'Summer bank holiday', date: '2026-08-31' },
  { title: 'Christmas Day', date: '2026-12-25' },
  { title: 'Boxing Day', date: '2026-12-28' },
];

describe('bank holidays from gov.uk (R-DUE-2, R-DUE-3)', () => {
  it('R-DUE-2 reads the gov.uk file, as text or data, for all three divisions', () => {
    const file = parseGovUkBankHolidays(JSON.stringify(govUk(EW_2026)));
    expect(file['england-and-wales']).toHaveLength(8);
    expect(file['england-and-wales'][0]).toEqual({ title: 'New Year’s Day', date: '2026-01-01', notes: '', bunting: true });
    expect(file.scotland).toHaveLength(1);
    expect(file['northern-ireland']).toEqual([]);
  });

  it('R-DUE-2 the published list matches the built-in one: nothing to add or remove', () => {
    const r = holidayEditsFromGovUk(parseGovUkBankHolidays(govUk(EW_2026)), 'england-and-wales');
    expect(r).toMatchObject({ added: [], removed: [], weekend: [], years: { from: 2026, to: 2026 } });
    expect(r.edits).toEqual({ added: [], removed: [] });
  });

  it('R-DUE-3 a one-off holiday is added, a missing one removed, and the affected requests can be listed before accepting', () => {
    const list = [...EW_2026.filter((e) => e.date !== '2026-12-28'), { title: 'One-off holiday', date: '2026-06-15' }];
    const r = holidayEditsFromGovUk(parseGovUkBankHolidays(govUk(list)), 'england-and-wales');
    expect(r.added).toEqual([{ date: '2026-06-15', name: 'One-off holiday' }]);
    expect(r.removed).toEqual([{ date: '2026-12-28', name: 'Boxing Day (substitute day)' }]);
    expect(r.edits).toEqual({
      added: [{ date: '2026-06-15', name: 'One-off holiday', nations: ['england-and-wales'] }],
      removed: [{ date: '2026-12-28', nations: ['england-and-wales'] }],
    });
    const p000 = builtInProfile('000');
    const sent = (id: string, sentOn: string) => ({
      id,
      sentOn,
      nation: 'england-and-wales' as Nation,
      profile: p000,
      ...computeDueDates(sentOn, p000, 'england-and-wales'),
    });
    const affected = requestsAffectedByCalendarChange([sent('june', '2026-06-10'), sent('july', '2026-07-01')], r.edits);
    expect(affected.map((a) => [a.id, a.before.respondBy, a.after.respondBy])).toEqual([['june', '2026-06-17', '2026-06-18']]);
  });

  it('R-DUE-2 importing keeps other nations’ and other years’ edits, and replaces this nation’s for the years covered', () => {
    const current = {
      added: [
        { date: '2026-03-02', name: 'Old guess', nations: ['england-and-wales', 'scotland'] as Nation[] },
        { date: '2027-03-01', name: 'Next year', nations: ['england-and-wales'] as Nation[] },
      ],
      removed: [{ date: '2026-05-25', nations: ['england-and-wales'] as Nation[] }],
    };
    const r = holidayEditsFromGovUk(parseGovUkBankHolidays(govUk(EW_2026)), 'england-and-wales', current);
    expect(r.edits).toEqual({
      added: [
        { date: '2026-03-02', name: 'Old guess', nations: ['scotland'] },
        { date: '2027-03-01', name: 'Next year', nations: ['england-and-wales'] },
      ],
      removed: [],
    });
  });

  it('R-DUE-2 a one-off holiday on a weekend is questioned, not added', () => {
    const r = holidayEditsFromGovUk(
      parseGovUkBankHolidays(govUk([...EW_2026, { title: 'Odd holiday', date: '2026-06-13' }])),
      'england-and-wales',
    );
    expect(r.added).toEqual([]);
    expect(r.weekend).toEqual([
      {
        date: '2026-06-13',
        name: 'Odd holiday',
        question: expect.stringMatching(/^Saturday 13 June 2026 is a Saturday\. A holiday on a weekend changes no deadline/),
      },
    ]);
    expect(weekendHolidayQuestion('2026-06-14')).toMatch(/is a Sunday/);
    expect(weekendHolidayQuestion('2026-06-15')).toBeNull();
  });

  it.each([
    ['not JSON', 'this is not json', /could not be read/],
    ['an array', [], /does not list the parts of the UK/],
    [
      'a missing division',
      { 'england-and-wales': { division: 'england-and-wales', events: [] }, scotland: { division: 'scotland', events: [] } },
      /Northern Ireland is missing/,
    ],
    ['an extra division', { ...govUk([]), wales: { division: 'wales', events: [] } }, /parts that are not/],
    ['a mislabelled division', { ...govUk([]), scotland: { division: 'england-and-wales', events: [] } }, /labelled as another part/],
    ['events not a list', { ...govUk([]), scotland: { division: 'scotland', events: {} } }, /no list of holidays for Scotland/],
    ['an unreal date', govUk([{ title: 'Bad', date: '2026-02-30' }]), /holiday 1 for England and Wales \(Bad\) does not have a real date/],
    ['a UK-style date', govUk([{ title: 'Bad', date: '25/12/2026' }]), /does not have a real date/],
    ['no title', govUk([{ title: ' ', date: '2026-12-25' }]), /has no name/],
    [
      'a duplicate date',
      govUk([
        { title: 'A', date: '2026-12-25' },
        { title: 'B', date: '2026-12-25' },
      ]),
      /lists Friday 25 December 2026 twice/,
    ],
    [
      'bunting not a yes/no',
      {
        ...govUk([]),
        'northern-ireland': { division: 'northern-ireland', events: [{ title: 'X', date: '2026-03-17', notes: '', bunting: 'yes' }] },
      },
      /is incomplete/,
    ],
    ['a null event', { ...govUk([]), 'northern-ireland': { division: 'northern-ireland', events: [null] } }, /is not a holiday/],
  ])('R-DUE-2 refuses %s, saying it is not the gov.uk file', (_what, input, message) => {
    expect(() => parseGovUkBankHolidays(input)).toThrow(/^This is not the gov\.uk bank holidays file \(bank-holidays\.json\): /);
    expect(() => parseGovUkBankHolidays(input)).toThrow(message);
  });
});

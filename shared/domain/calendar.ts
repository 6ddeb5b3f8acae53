import Holidays from 'date-holidays';
import { z } from 'zod';
import { addDays, compareIso, formatUkLong, isoDateSchema, isWeekend, parseIsoDate, weekday, type IsoDate } from './dates';
import { DomainError } from './errors';

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];
export const nationSchema = z.enum(NATIONS, { error: 'Choose England and Wales, Scotland or Northern Ireland' });
export const NATION_NAMES: Record<Nation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};
const REGION: Record<Nation, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

/** Which bank holidays make a day non-working: one nation's, or any UK nation's (FOI outside Scotland). */
export type HolidayScope = { kind: 'nation'; nation: Nation } | { kind: 'any-uk-nation' };

/** One-off holidays announced at short notice, and holidays the user says are not kept (R-DUE-2). */
export const holidayEditsSchema = z.object({
  added: z
    .array(
      z.object({
        date: isoDateSchema,
        name: z.string().trim().min(1, { error: 'Name the holiday' }).max(120, { error: 'The name can be at most 120 characters' }),
        nations: z.array(nationSchema).min(1, { error: 'Choose at least one nation' }),
      }),
    )
    .max(200, { error: 'At most 200 added holidays' }),
  removed: z
    .array(z.object({ date: isoDateSchema, nations: z.array(nationSchema).min(1, { error: 'Choose at least one nation' }) }))
    .max(200, { error: 'At most 200 holidays marked not kept' }),
});
export type HolidayEdits = z.infer<typeof holidayEditsSchema>;
export const NO_EDITS: HolidayEdits = { added: [], removed: [] };

export function assertNation(value: unknown): Nation {
  if (typeof value === 'string' && (NATIONS as readonly string[]).includes(value)) return value as Nation;
  throw new DomainError('invalid-input', `Unknown nation "${String(value)}": use ${NATIONS.join(', ')}`);
}

const cache = new Map<string, Map<IsoDate, string>>();

// R-DUE-2 (FOIA s.10; FOISA s.73): a nation's public bank holidays from date-holidays, weekend originals dropped (their substitute days stay).
export function publicHolidays(nation: Nation, year: number): Map<IsoDate, string> {
  const key = `${nation}:${year}`;
  let found = cache.get(key);
  if (!found) {
    found = new Map();
    const hd = new Holidays('GB', REGION[nation]);
    for (const h of hd.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      if (isWeekend(date)) continue;
      if (!found.has(date)) found.set(date, h.name);
    }
    cache.set(key, found);
  }
  return found;
}

/** Why a day is not a working day, or null when it is one. */
export function nonWorkingReason(date: IsoDate, scope: HolidayScope, edits: HolidayEdits = NO_EDITS): string | null {
  const day = weekday(date);
  if (day === 6) return 'Saturday';
  if (day === 0) return 'Sunday';
  const nations: readonly Nation[] = scope.kind === 'nation' ? [scope.nation] : NATIONS;
  const year = parseIsoDate(date).getUTCFullYear();
  for (const nation of nations) {
    const removed = edits.removed.some((r) => r.date === date && r.nations.includes(nation));
    const name = publicHolidays(nation, year).get(date);
    if (name && !removed) return `${name} (bank holiday in ${NATION_NAMES[nation]})`;
    const added = edits.added.find((a) => a.date === date && a.nations.includes(nation));
    if (added) return `${added.name} (holiday added in settings for ${NATION_NAMES[nation]})`;
  }
  return null;
}

export const isWorkingDay = (date: IsoDate, scope: HolidayScope, edits?: HolidayEdits) => nonWorkingReason(date, scope, edits) === null;

export interface DueDateExplanation {
  dueDate: IsoDate;
  /** Lines in plain English: the day of receipt, each day counted, each day skipped and why. */
  explanation: string[];
  counted: IsoDate[];
  skipped: Array<{ date: IsoDate; reason: string }>;
}

// R-DUE-2 (FOIA s.10): the day of receipt is day 0 whatever day it is; the first working day after it is day 1.
export function addWorkingDays(
  received: IsoDate,
  workingDays: number,
  scope: HolidayScope,
  edits: HolidayEdits = NO_EDITS,
): DueDateExplanation {
  parseIsoDate(received, 'The date received');
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > 366) {
    throw new DomainError('invalid-input', `The number of working days must be a whole number from 0 to 366, not ${workingDays}`);
  }
  const counted: IsoDate[] = [];
  const skipped: Array<{ date: IsoDate; reason: string }> = [];
  const explanation = [`Received ${formatUkLong(received)}: that is day 0.`];
  let day = received;
  while (counted.length < workingDays) {
    day = addDays(day, 1);
    const reason = nonWorkingReason(day, scope, edits);
    if (reason) {
      skipped.push({ date: day, reason });
      explanation.push(`${formatUkLong(day)} is not counted: ${reason}.`);
    } else {
      counted.push(day);
      explanation.push(`${formatUkLong(day)} is working day ${counted.length}.`);
    }
  }
  const dueDate = workingDays === 0 ? received : day;
  explanation.push(`Due by the end of ${formatUkLong(dueDate)} (${workingDays} working days).`);
  return { dueDate, explanation, counted, skipped };
}

// Per scope and holiday list: for each year, the running count of working days at each day of
// the year, so counting between two dates costs two lookups (lateness of 50,000 requests).
const runningCounts = new Map<string, Map<number, Int32Array>>();

// Holiday lists are values, never changed in place, so each list's key is worked out once
// (stringifying it on every lookup was most of the cost of 50,000 statuses).
const editsKeys = new WeakMap<HolidayEdits, string>();
function editsKey(edits: HolidayEdits): string {
  let key = editsKeys.get(edits);
  if (key === undefined) editsKeys.set(edits, (key = JSON.stringify(edits)));
  return key;
}

// Each checked date's year and day of the year, so a date counted again is not parsed again.
// Bounded: only real dates from DATE_YEARS are kept (about 110,000 at most).
const dayPlaces = new Map<string, { year: number; dayOfYear: number }>();
function dayPlace(date: IsoDate, field: string): { year: number; dayOfYear: number } {
  let place = dayPlaces.get(date);
  if (!place) {
    const d = parseIsoDate(date, field);
    const year = d.getUTCFullYear();
    place = { year, dayOfYear: (d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 };
    dayPlaces.set(date, place);
  }
  return place;
}

/** The running counts by year for one scope and holiday list. */
function yearsFor(scope: HolidayScope, edits: HolidayEdits): Map<number, Int32Array> {
  const key = `${scope.kind === 'nation' ? scope.nation : 'any'}|${editsKey(edits)}`;
  let years = runningCounts.get(key);
  if (!years) runningCounts.set(key, (years = new Map()));
  return years;
}

function runningCount(years: Map<number, Int32Array>, year: number, scope: HolidayScope, edits: HolidayEdits): Int32Array {
  let counts = years.get(year);
  if (!counts) {
    const days = new Date(Date.UTC(year + 1, 0, 1)).getTime() / 86_400_000 - new Date(Date.UTC(year, 0, 1)).getTime() / 86_400_000;
    counts = new Int32Array(days);
    let n = 0;
    let date = `${year}-01-01`;
    for (let i = 0; i < days; i++, date = addDays(date, 1)) {
      if (isWorkingDay(date, scope, edits)) n++;
      counts[i] = n;
    }
    years.set(year, counts);
  }
  return counts;
}

/** Working days from 1 January of `baseYear` up to and including `date`. */
function ordinal(
  place: { year: number; dayOfYear: number },
  baseYear: number,
  years: Map<number, Int32Array>,
  scope: HolidayScope,
  edits: HolidayEdits,
): number {
  let total = 0;
  for (let y = baseYear; y < place.year; y++) total += runningCount(years, y, scope, edits).at(-1)!;
  return total + runningCount(years, place.year, scope, edits)[place.dayOfYear]!;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function countWorkingDays(from: IsoDate, to: IsoDate, scope: HolidayScope, edits: HolidayEdits = NO_EDITS): number {
  const start = dayPlace(from, 'The start date');
  const end = dayPlace(to, 'The end date');
  if (compareIso(to, from) <= 0) return 0;
  const years = yearsFor(scope, edits);
  return ordinal(end, start.year, years, scope, edits) - ordinal(start, start.year, years, scope, edits);
}

/** Checks user edits to the holiday list before they are saved. */
export function validateHolidayEdits(edits: HolidayEdits): HolidayEdits {
  for (const a of edits.added) {
    parseIsoDate(a.date, 'An added holiday');
    if (!a.name.trim()) throw new DomainError('invalid-input', `The holiday on ${a.date} needs a name`);
    for (const n of a.nations) assertNation(n);
  }
  for (const r of edits.removed) {
    parseIsoDate(r.date, 'A removed holiday');
    for (const n of r.nations) assertNation(n);
  }
  return edits;
}

/** One bank holiday as gov.uk lists it. */
export interface GovUkHoliday {
  title: string;
  date: IsoDate;
  notes: string;
  bunting: boolean;
}
export type GovUkBankHolidays = Record<Nation, GovUkHoliday[]>;

const GOV_UK_MAX_EVENTS = 2000;
const govUkRefusal = (detail: string) =>
  new DomainError('invalid-input', `This is not the gov.uk bank holidays file (bank-holidays.json): ${detail}`);

// R-DUE-2 (FOIA s.10; FOISA s.73): reads gov.uk's bank-holidays.json strictly: the three divisions, each event with a title, a real date, notes and bunting; anything else is refused.
export function parseGovUkBankHolidays(input: unknown): GovUkBankHolidays {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > 2_000_000) throw govUkRefusal('the file is far too large.');
    try {
      data = JSON.parse(input);
    } catch {
      throw govUkRefusal('it could not be read as a data file.');
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw govUkRefusal('it does not list the parts of the UK.');
  const record = data as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((k) => !(NATIONS as readonly string[]).includes(k));
  if (unknownKeys.length) throw govUkRefusal(`it has parts that are not England and Wales, Scotland or Northern Ireland.`);
  const result = {} as GovUkBankHolidays;
  for (const nation of NATIONS) {
    const division = record[nation] as { division?: unknown; events?: unknown } | undefined;
    if (!division || typeof division !== 'object') throw govUkRefusal(`${NATION_NAMES[nation]} is missing.`);
    if (division.division !== nation) throw govUkRefusal(`the list for ${NATION_NAMES[nation]} is labelled as another part of the UK.`);
    if (!Array.isArray(division.events)) throw govUkRefusal(`there is no list of holidays for ${NATION_NAMES[nation]}.`);
    if (division.events.length > GOV_UK_MAX_EVENTS) throw govUkRefusal(`${NATION_NAMES[nation]} has more holidays than any real list.`);
    const seen = new Set<string>();
    result[nation] = division.events.map((raw: unknown, i: number) => {
      const e = raw as Partial<GovUkHoliday> | null;
      const where = `holiday ${i + 1} for ${NATION_NAMES[nation]}`;
      if (!e || typeof e !== 'object') throw govUkRefusal(`${where} is not a holiday.`);
      if (typeof e.title !== 'string' || !e.title.trim() || e.title.length > 200) throw govUkRefusal(`${where} has no name.`);
      try {
        parseIsoDate(e.date);
      } catch {
        throw govUkRefusal(`${where} (${e.title}) does not have a real date.`);
      }
      if (typeof e.notes !== 'string' || typeof e.bunting !== 'boolean') throw govUkRefusal(`${where} (${e.title}) is incomplete.`);
      if (seen.has(e.date!)) throw govUkRefusal(`${NATION_NAMES[nation]} lists ${formatUkLong(e.date!)} twice.`);
      seen.add(e.date!);
      return { title: e.title.trim(), date: e.date!, notes: e.notes, bunting: e.bunting };
    });
  }
  return result;
}

// R-DUE-2: a holiday on a Saturday or Sunday changes no deadline, so one added by hand or from a file is questioned.
export function weekendHolidayQuestion(date: IsoDate): string | null {
  if (!isWeekend(date)) return null;
  return `${formatUkLong(date)} is a ${weekday(date) === 6 ? 'Saturday' : 'Sunday'}. A holiday on a weekend changes no deadline; is the date right? The substitute day is usually the following Monday or Tuesday.`;
}

export interface GovUkImport {
  /** The holiday list to save: the current edits with this nation's edits for the years covered replaced. */
  edits: HolidayEdits;
  /** Holidays gov.uk lists that the built-in list lacks (one-offs such as a coronation). */
  added: Array<{ date: IsoDate; name: string }>;
  /** Built-in holidays gov.uk does not list (moved or cancelled). */
  removed: Array<{ date: IsoDate; name: string }>;
  /** Holidays gov.uk lists on a Saturday or Sunday, questioned rather than added. */
  weekend: Array<{ date: IsoDate; name: string; question: string }>;
  years: { from: number; to: number } | null;
}

// R-DUE-2, R-DUE-3: the holiday edits the gov.uk list implies for a nation, against the built-in list, for the years the file covers; pass `edits` to requestsAffectedByCalendarChange to list the affected requests before accepting.
export function holidayEditsFromGovUk(file: GovUkBankHolidays, nationInput: Nation, current: HolidayEdits = NO_EDITS): GovUkImport {
  const nation = assertNation(nationInput);
  const events = file[nation] ?? [];
  if (events.length === 0) return { edits: current, added: [], removed: [], weekend: [], years: null };
  const yearsOf = events.map((e) => parseIsoDate(e.date).getUTCFullYear());
  const from = Math.min(...yearsOf);
  const to = Math.max(...yearsOf);
  const inRange = (date: IsoDate) => {
    const y = parseIsoDate(date).getUTCFullYear();
    return y >= from && y <= to;
  };
  const listed = new Map(events.map((e) => [e.date, e.title]));
  const added: GovUkImport['added'] = [];
  const weekend: GovUkImport['weekend'] = [];
  for (const e of [...events].sort((a, b) => compareIso(a.date, b.date))) {
    const question = weekendHolidayQuestion(e.date);
    if (question) weekend.push({ date: e.date, name: e.title, question });
    else if (!publicHolidays(nation, parseIsoDate(e.date).getUTCFullYear()).has(e.date)) added.push({ date: e.date, name: e.title });
  }
  const removed: GovUkImport['removed'] = [];
  for (let y = from; y <= to; y++) {
    for (const [date, name] of publicHolidays(nation, y)) if (!listed.has(date)) removed.push({ date, name });
  }
  removed.sort((a, b) => compareIso(a.date, b.date));
  // Keep every edit for other nations and other years; this nation's edits in the covered years come from the file.
  const keep = <T extends { date: IsoDate; nations: Nation[] }>(list: T[]): T[] =>
    list.flatMap((item) => {
      if (!inRange(item.date) || !item.nations.includes(nation)) return [item];
      const nations = item.nations.filter((n) => n !== nation);
      return nations.length ? [{ ...item, nations }] : [];
    });
  const edits: HolidayEdits = {
    added: [...keep(current.added), ...added.map((a) => ({ date: a.date, name: a.name, nations: [nation] }))],
    removed: [...keep(current.removed), ...removed.map((r) => ({ date: r.date, nations: [nation] }))],
  };
  return { edits, added, removed, weekend, years: { from, to } };
}

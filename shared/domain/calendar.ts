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
  added: z.array(z.object({ date: isoDateSchema, name: z.string().trim().min(1, { error: 'Name the holiday' }).max(120, { error: 'The name can be at most 120 characters' }), nations: z.array(nationSchema).min(1, { error: 'Choose at least one nation' }) })).max(200, { error: 'At most 200 added holidays' }),
  removed: z.array(z.object({ date: isoDateSchema, nations: z.array(nationSchema).min(1, { error: 'Choose at least one nation' }) })).max(200, { error: 'At most 200 holidays marked not kept' }),
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
export function addWorkingDays(received: IsoDate, workingDays: number, scope: HolidayScope, edits: HolidayEdits = NO_EDITS): DueDateExplanation {
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

function runningCount(year: number, scope: HolidayScope, edits: HolidayEdits): Int32Array {
  const key = `${scope.kind === 'nation' ? scope.nation : 'any'}|${JSON.stringify(edits)}`;
  let years = runningCounts.get(key);
  if (!years) runningCounts.set(key, (years = new Map()));
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
function ordinal(date: IsoDate, baseYear: number, scope: HolidayScope, edits: HolidayEdits): number {
  const d = parseIsoDate(date);
  const year = d.getUTCFullYear();
  let total = 0;
  for (let y = baseYear; y < year; y++) total += runningCount(y, scope, edits).at(-1)!;
  const dayOfYear = (d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000;
  return total + runningCount(year, scope, edits)[dayOfYear]!;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function countWorkingDays(from: IsoDate, to: IsoDate, scope: HolidayScope, edits: HolidayEdits = NO_EDITS): number {
  const start = parseIsoDate(from, 'The start date');
  parseIsoDate(to, 'The end date');
  if (compareIso(to, from) <= 0) return 0;
  const baseYear = start.getUTCFullYear();
  return ordinal(to, baseYear, scope, edits) - ordinal(from, baseYear, scope, edits);
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

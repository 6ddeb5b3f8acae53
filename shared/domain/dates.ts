import { z } from 'zod';
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { DomainError } from './errors';

/** A calendar date as YYYY-MM-DD. All arithmetic is done in UTC so no time zone moves a day. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years a date may fall in: the council calendar is worked out for these, and nothing real is outside them. */
export const DATE_YEARS = { first: 1900, last: 2199 } as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Whether a value is a real date written YYYY-MM-DD in DATE_YEARS: parseIsoDate's rule, cheap enough to check 50,000 saved entries. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const mo = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (y < DATE_YEARS.first || y > DATE_YEARS.last || mo < 1 || mo > 12 || d < 1) return false;
  return d <= (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

/** Parses strictly: 2023-02-30 and 2023-2-3 are errors, not silently rolled over; so are years outside DATE_YEARS. */
export function parseIsoDate(value: unknown, field = 'date'): Date {
  if (typeof value !== 'string') throw new DomainError('invalid-input', `${field} must be a date written as YYYY-MM-DD`);
  const m = ISO.exec(value);
  if (!m) throw new DomainError('invalid-input', `${field} "${value}" is not a date written as YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < DATE_YEARS.first || y > DATE_YEARS.last)
    throw new DomainError('invalid-input', `${field} "${value}" is not between ${DATE_YEARS.first} and ${DATE_YEARS.last}`);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new DomainError('invalid-input', `${field} "${value}" is not a real date`);
  }
  return date;
}

// Dates already found real: 50,000 statuses check the same few hundred dates again and again.
const realDates = new Set<string>();
/** Throws as parseIsoDate does, for a check that needs no Date: a date once found real is not parsed again. */
export function assertIsoDate(value: unknown, field = 'date'): asserts value is IsoDate {
  if (typeof value === 'string' && realDates.has(value)) return;
  parseIsoDate(value, field);
  realDates.add(value as string);
}

/** The UTC calendar day of an instant. Use only for dates built by this module (midnight UTC); "today" is ukToday(). */
export const toIsoDate = (date: Date): IsoDate => date.toISOString().slice(0, 10);

/** The councils' time zone: "today", and the day an instant falls on, are read on the UK clock. */
export const UK_TIME_ZONE = 'Europe/London';

/**
 * The UK calendar date of an instant (Europe/London, so 00:30 BST on 1 June is 1 June, not 31 May).
 * The one place "today" is worked out: main and the renderer inject a clock and call this.
 */
export function ukDateOf(instant: Date): IsoDate {
  return format(instant, 'yyyy-MM-dd', { in: tz(UK_TIME_ZONE) });
}
export const ukToday = (now: () => Date = () => new Date()): IsoDate => ukDateOf(now());

/** Why a value is not a calendar date, in the same words parseIsoDate uses (null when it is one). */
function dateProblem(value: string): string | null {
  try {
    parseIsoDate(value, 'The date');
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.message : 'The date is not a real date';
  }
}

/** A calendar date at the IPC boundary and in stored records: strict, so 2026-02-30 is refused in words. */
export const isoDateSchema = z.string().superRefine((value, ctx) => {
  const problem = dateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = parseIsoDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: IsoDate): number => parseIsoDate(iso).getUTCDay();
export const isWeekend = (iso: IsoDate): boolean => {
  const d = weekday(iso);
  return d === 0 || d === 6;
};

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** UK style, for explanations and screens: "Monday 19 September 2022". */
export function formatUkLong(iso: IsoDate): string {
  const d = parseIsoDate(iso);
  return `${DAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** UK short form: 19/09/2022. */
export function formatUk(iso: IsoDate): string {
  const d = parseIsoDate(iso);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

export const compareIso = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

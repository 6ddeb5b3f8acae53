// Calendar files (.ics) from Outlook, Google or the council's democracy site, read with ical.js
// (a maintained RFC 5545 parser: line folding, escaping, RRULE/EXDATE/RECURRENCE-ID expansion), so
// none of that is hand-written here. Runs in a worker thread (parse-in-worker.ts), never on main's
// event loop: a large or hostile file could take ical.js many seconds.
import ICAL from 'ical.js';
import { TZDate } from '@date-fns/tz';
import { MAX_IMPORTED_MEETINGS, ianaZoneFor, type ParsedMeeting } from '../../../shared/domain/meeting-import';
import { addDays } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/errors';
import { parseInWorker, type CalendarParseOptions } from './parse-in-worker';

/** A council calendar export is a few hundred KB; 5 MB is far beyond any real one. */
export const MAX_CALENDAR_BYTES = 5 * 1024 * 1024;
/** Repeating events are expanded from a month ago to a year ahead: the meetings a Member works on. */
export const RECURRENCE_WINDOW = { daysBefore: 31, daysAfter: 366 } as const;
/** One repeating event expands to at most this many meetings (weekly for a year is 53). */
const MAX_OCCURRENCES = 120;
/**
 * Occurrences walked from an event's start to the end of the window: a daily meeting since 1900 is
 * under 50,000, while "every second since 2020" would run for hours.
 */
const MAX_RECURRENCE_STEPS = 50_000;

const refuse = (why: string) => new AppError('invalid-input', `This calendar file cannot be imported: ${why}. Nothing was imported.`);
const tooMany = () =>
  refuse(`it has more than ${MAX_IMPORTED_MEETINGS} meetings, the most that can be imported at once (export a shorter period)`);

type Time = InstanceType<typeof ICAL.Time>;

/** Date and UK time of an event start: UTC and zoned times converted to Europe/London; all-day and floating times kept as written. */
function ukDateTime(time: Time, tzid: string | null): { date: string; time: string | null } {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (time.isDate) return { date: `${time.year}-${pad(time.month)}-${pad(time.day)}`, time: null };
  const utc = time.zone?.tzid === 'UTC' || (time as unknown as { timezone?: string }).timezone === 'Z';
  const zone = utc ? 'UTC' : tzid ? ianaZoneFor(tzid) : null;
  if (tzid && !utc && !zone) throw refuse(`it uses a time zone this app does not know (“${tzid.slice(0, 60)}”)`);
  if (!zone) return { date: `${time.year}-${pad(time.month)}-${pad(time.day)}`, time: `${pad(time.hour)}:${pad(time.minute)}` };
  let instant: number;
  try {
    instant = new TZDate(time.year, time.month - 1, time.day, time.hour, time.minute, zone).getTime();
  } catch {
    throw refuse(`it uses a time zone this app does not know (“${zone}”)`);
  }
  if (Number.isNaN(instant)) throw refuse(`it uses a time zone this app does not know (“${zone}”)`);
  const uk = new TZDate(instant, 'Europe/London');
  return {
    date: `${uk.getFullYear()}-${pad(uk.getMonth() + 1)}-${pad(uk.getDate())}`,
    time: `${pad(uk.getHours())}:${pad(uk.getMinutes())}`,
  };
}

/** Numbered lines of an event's description ("1. Apologies", "7) Depot disposal – exempt") as agenda items. */
function agendaFromDescription(description: string): ParsedMeeting['agendaItems'] {
  const items: ParsedMeeting['agendaItems'] = [];
  for (const line of description.split(/\r?\n/)) {
    const m = /^\s*(\d{1,3}[a-z]?)[.)]\s+(.{1,200})/i.exec(line);
    if (m) items.push({ number: m[1]!, title: m[2]!.trim(), restricted: false });
  }
  return items;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The meetings in an .ics file, parsed in a worker thread. `today` (YYYY-MM-DD, UK) fixes the
 * window repeating events are expanded in. Rejects with a plain 'invalid-input' for anything that
 * is not a usable calendar, or that is too slow or too big to read.
 */
export function parseIcs(content: string, today: string, options: CalendarParseOptions = {}): Promise<ParsedMeeting[]> {
  return parseInWorker({ kind: 'ics', content, today }, options);
}

/** parseIcs's work, on the calling thread: run by the calendar worker, never by main. */
export function parseIcsInThread(content: string, today: string): ParsedMeeting[] {
  if (Buffer.byteLength(content, 'utf8') > MAX_CALENDAR_BYTES) throw refuse(`it is larger than ${MAX_CALENDAR_BYTES / (1024 * 1024)} MB`);
  if (!/^\uFEFF?\s*BEGIN:VCALENDAR/i.test(content)) throw refuse('it is not a calendar (.ics) file');
  let root: InstanceType<typeof ICAL.Component>;
  try {
    root = new ICAL.Component(ICAL.parse(content) as unknown as unknown[]);
  } catch {
    throw refuse('it is damaged or incomplete');
  }
  const vevents = root.getAllSubcomponents('vevent');
  const masters = new Map<string, InstanceType<typeof ICAL.Component>>();
  const exceptions: Array<InstanceType<typeof ICAL.Component>> = [];
  for (const v of vevents) {
    const uid = text(v.getFirstPropertyValue('uid')).trim();
    if (!uid) throw refuse('an event has no UID, so re-importing it could not find it again');
    if (v.hasProperty('recurrence-id')) exceptions.push(v);
    else masters.set(uid, v);
  }
  const from = ICAL.Time.fromDateString(addDays(today, -RECURRENCE_WINDOW.daysBefore));
  const until = ICAL.Time.fromDateString(addDays(today, RECURRENCE_WINDOW.daysAfter));
  const meetings: ParsedMeeting[] = [];
  // Stopped as soon as there are more than can be imported: a hostile file could expand to millions.
  const add = (meeting: ParsedMeeting) => {
    if (meetings.length >= MAX_IMPORTED_MEETINGS) throw tooMany();
    meetings.push(meeting);
  };
  for (const [uid, component] of masters) {
    let event: InstanceType<typeof ICAL.Event>;
    try {
      event = new ICAL.Event(component);
      for (const ex of exceptions) if (text(ex.getFirstPropertyValue('uid')).trim() === uid) event.relateException(ex);
    } catch {
      throw refuse('an event is damaged');
    }
    if (text(component.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED') continue;
    const tzid = (component.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null;
    const start = event.startDate;
    if (!start) throw refuse(`the event “${(event.summary ?? '').slice(0, 60)}” has no start date`);
    const base = (summary: string, description: string, location: string) => ({
      committee: summary,
      location: location.slice(0, 200),
      agendaItems: agendaFromDescription(description),
    });
    if (!event.isRecurring()) {
      const when = ukDateTime(start, tzid);
      add({
        source: { kind: 'ics', uid: uid.slice(0, 500) },
        ...when,
        ...base(text(event.summary), text(event.description), text(event.location)),
      });
      continue;
    }
    // R-USE-1 needs each meeting as its own record (a private session is for one meeting), so a
    // repeating event becomes one meeting per occurrence inside the window, each with its own uid.
    let count = 0;
    let steps = 0;
    try {
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        if (next.compare(until) > 0) break;
        if (++steps > MAX_RECURRENCE_STEPS)
          throw refuse(`the repeating event “${text(event.summary).slice(0, 60)}” repeats too often to work out`);
        if (next.compare(from) < 0) continue;
        if (++count > MAX_OCCURRENCES)
          throw refuse(
            `the repeating event “${text(event.summary).slice(0, 60)}” repeats more than ${MAX_OCCURRENCES} times in a year; export the meetings themselves instead`,
          );
        const details = event.getOccurrenceDetails(next);
        const item = details.item;
        if (text(item.component.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED') continue;
        const occurrenceTzid = (item.component.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? tzid;
        const when = ukDateTime(details.startDate, occurrenceTzid);
        add({
          source: { kind: 'ics', uid: `${uid.slice(0, 460)}#${next.toString().slice(0, 19)}` },
          ...when,
          ...base(text(item.summary), text(item.description), text(item.location)),
        });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse(`the repeating event “${text(event.summary).slice(0, 60)}” cannot be worked out`);
    }
  }
  return meetings;
}

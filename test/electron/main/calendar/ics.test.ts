import { describe, expect, it } from 'vitest';
import { parseIcsInThread } from '../../../../electron/main/calendar/ics';
import { toMeetingRecord } from '../../../../shared/domain/meeting-import';
import { GOOGLE_ICS, OUTLOOK_ICS } from './fixtures';
import { ICS_EVERY_SECOND, icsTimeBomb } from './hostile';

const TODAY = '2026-11-28';

describe('reading calendar files (.ics)', () => {
  it('maps Outlook’s Windows time-zone names to UK time, and reads numbered description lines as agenda items', () => {
    const meetings = parseIcsInThread(OUTLOOK_ICS, TODAY);
    const planning = meetings.find((m) => m.committee === 'Planning Committee')!;
    // "GMT Standard Time" in June is BST: 18:30 stays 18:30 in the UK.
    expect(planning).toMatchObject({ date: '2027-06-15', time: '18:30', location: 'Council Chamber' });
    expect(planning.source).toEqual({ kind: 'ics', uid: expect.stringMatching(/^040000008200E0/) });
    expect(planning.agendaItems.map((i) => i.title)).toEqual([
      'Apologies for absence',
      'Minutes',
      'Land at Mill Lane – exempt information (para 3)',
    ]);
    // The folded line is unfolded by ical.js; "exempt" makes the item private.
    expect(toMeetingRecord(planning).privateItems).toEqual(['3. Land at Mill Lane – exempt information (para 3)']);
    // "Eastern Standard Time" 20:00 on 20 January is 01:00 on the 21st in London.
    expect(meetings.find((m) => m.source.uid === 'outlook-us-call')).toMatchObject({ date: '2027-01-21', time: '01:00' });
  });

  it('expands Google’s repeating event within the window (EXDATE skipped, a moved occurrence kept), keeps all-day dates and converts UTC', () => {
    const meetings = parseIcsInThread(GOOGLE_ICS, TODAY);
    const cabinet = meetings.filter((m) => m.source.uid.startsWith('cabinet-weekly@google.com#'));
    expect(cabinet.map((m) => [m.date, m.time, m.committee])).toEqual([
      ['2026-12-03', '10:00', 'Cabinet'],
      ['2026-12-17', '14:00', 'Cabinet (afternoon)'],
      ['2026-12-24', '10:00', 'Cabinet'],
    ]);
    // Each occurrence has its own uid, stable across imports.
    expect(new Set(cabinet.map((m) => m.source.uid)).size).toBe(3);
    expect(meetings.find((m) => m.committee === 'Budget Council')).toMatchObject({ date: '2027-02-24', time: null });
    // 23:00 UTC on 1 July is midnight BST on 2 July.
    expect(meetings.find((m) => m.committee === 'Audit Committee')).toMatchObject({ date: '2027-07-02', time: '00:00' });
    expect(meetings.some((m) => m.committee === 'Cancelled meeting')).toBe(false);
    expect(parseIcsInThread(GOOGLE_ICS, TODAY)).toEqual(meetings);
  });

  it('refuses an endless repeating event rather than inventing hundreds of meetings', () => {
    const daily = GOOGLE_ICS.replace('RRULE:FREQ=WEEKLY;COUNT=4', 'RRULE:FREQ=DAILY');
    expect(() => parseIcsInThread(daily, TODAY)).toThrow(/repeats more than 120 times in a year/);
  });

  it.each([
    ['not a calendar', 'Subject: hello\r\n\r\nThis is an email', /not a calendar \(\.ics\) file/],
    ['truncated', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2027', /damaged or incomplete|has no start date|damaged/],
    ['no UID', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', /has no UID/],
    [
      'an unknown time zone',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nDTSTART;TZID=Mars Standard Time:20270101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      /time zone this app does not know \(“Mars Standard Time”\)/,
    ],
  ])('a bad file (%s) gets a plain message', (_label, content, message) => {
    let error: unknown;
    try {
      parseIcsInThread(content, TODAY);
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^This calendar file cannot be imported: .*Nothing was imported\.$/);
    expect((error as { code: string }).code).toBe('invalid-input');
  });

  it('refuses an event repeating so often that working it out would take minutes', () => {
    expect(() => parseIcsInThread(ICS_EVERY_SECOND, TODAY)).toThrow(/the repeating event “Tick” repeats too often to work out/);
  });

  it('an event walked to just under the limit, with nothing in the window, passes the parse’s own limits', () => {
    // So a file of hundreds of them is stopped only by the worker's time limit (parse-in-worker.test.ts).
    expect(parseIcsInThread(icsTimeBomb(1), TODAY)).toEqual([]);
  });

  it('stops at more meetings than can be imported at once, rather than expanding them all', () => {
    const event = (i: number) => `BEGIN:VEVENT\r\nUID:m${i}\r\nSUMMARY:M${i}\r\nDTSTART:20270101T100000Z\r\nEND:VEVENT\r\n`;
    const calendar = (n: number) => `BEGIN:VCALENDAR\r\n${Array.from({ length: n }, (_, i) => event(i)).join('')}END:VCALENDAR\r\n`;
    expect(parseIcsInThread(calendar(500), TODAY)).toHaveLength(500);
    expect(() => parseIcsInThread(calendar(501), TODAY)).toThrow(/more than 500 meetings, the most that can be imported at once/);
  });

  it('refuses a huge file before parsing it', () => {
    const huge = 'BEGIN:VCALENDAR\r\n' + 'X-PAD:'.padEnd(1000, 'x').concat('\r\n').repeat(6000) + 'END:VCALENDAR\r\n';
    expect(() => parseIcsInThread(huge, TODAY)).toThrow(/larger than 5 MB/);
  });
});

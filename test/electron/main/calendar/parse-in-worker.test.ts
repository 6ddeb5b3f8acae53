import { describe, expect, it } from 'vitest';
import { parseIcs, parseIcsInThread } from '../../../../electron/main/calendar/ics';
import { parseCommittees, parseModernGov, parseModernGovInThread } from '../../../../electron/main/calendar/moderngov';
import { workerSource } from '../../../../electron/main/workers/run';
import { AppError } from '../../../../shared/ipc/errors';
import { stallLimitMs, stallProbe } from '../workers/stall';
import { GOOGLE_ICS, MODERNGOV_COMMITTEES, MODERNGOV_LIST, MODERNGOV_MEETING, OUTLOOK_ICS } from './fixtures';
import { XML_LAUGHS, icsTimeBomb } from './hostile';

const TODAY = '2026-11-28';
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as AppError,
  );

describe('calendar and ModernGov files are parsed in a worker thread', () => {
  it('gives what the parse on the calling thread gives', async () => {
    expect(await parseIcs(OUTLOOK_ICS, TODAY)).toEqual(parseIcsInThread(OUTLOOK_ICS, TODAY));
    expect(await parseIcs(GOOGLE_ICS, TODAY)).toEqual(parseIcsInThread(GOOGLE_ICS, TODAY));
    expect(await parseModernGov(MODERNGOV_MEETING)).toEqual(parseModernGovInThread(MODERNGOV_MEETING));
    const committees = await parseCommittees(MODERNGOV_COMMITTEES);
    expect(committees).toBeInstanceOf(Map);
    const site = 'https://democracy.example.gov.uk';
    expect(await parseModernGov(MODERNGOV_LIST, site, committees)).toEqual(parseModernGovInThread(MODERNGOV_LIST, site, committees));
  });

  it('a parser’s refusal keeps its plain words and code, and names the file when there is one', async () => {
    const noUid = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const unnamed = await failure(parseIcs(noUid, TODAY));
    expect(unnamed).toBeInstanceOf(AppError);
    expect(unnamed.code).toBe('invalid-input');
    expect(unnamed.message).toBe(
      'This calendar file cannot be imported: an event has no UID, so re-importing it could not find it again. Nothing was imported.',
    );
    const named = await failure(parseIcs(noUid, TODAY, { fileName: 'council.ics' }));
    expect(named.message).toMatch(/^The calendar file “council\.ics” cannot be imported: an event has no UID.*Nothing was imported\.$/);
    const laughs = await failure(parseModernGov(XML_LAUGHS, undefined, undefined, { fileName: 'meetings.xml' }));
    expect(laughs.message).toMatch(/^The democracy-site file “meetings\.xml” cannot be imported: it contains a document type declaration/);
  });

  it('a calendar that would take minutes is stopped at the time limit, named, and main never stalls', async () => {
    workerSource('calendar'); // built on first use from the TS sources only; the app carries it prebuilt
    const bomb = icsTimeBomb();
    const probe = stallProbe();
    const started = performance.now();
    const error = await failure(parseIcs(bomb, TODAY, { fileName: 'tick.ics', timeLimitMs: 1_500 }));
    const elapsed = performance.now() - started;
    const stall = probe.stop();
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toBe(
      'The calendar file “tick.ics” cannot be imported: it took too long to read, as no real one does. Nothing was imported.',
    );
    expect(elapsed).toBeLessThan(5_000);
    expect(stall).toBeLessThan(stallLimitMs());
  });

  it('a worker that dies or fails unexpectedly becomes a plain refusal', async () => {
    const died = await failure(parseIcs(OUTLOOK_ICS, TODAY, { fileName: 'x.ics', source: 'process.exit(3);' }));
    expect(died.message).toBe(
      'The calendar file “x.ics” cannot be imported: it could not be read (it may be damaged). Nothing was imported.',
    );
    const thrown = `require('node:worker_threads').parentPort.on('message', () => { throw new TypeError('x is undefined at parse (ical.js:1:2)'); });`;
    const failed = await failure(parseModernGov(MODERNGOV_MEETING, undefined, undefined, { source: thrown }));
    expect(failed.message).toBe(
      'This democracy-site file cannot be imported: it could not be read (it may be damaged). Nothing was imported.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors';
import {
  checkEventDate,
  correctTimelineEntry,
  effectiveTimeline,
  entryId,
  sortTimeline,
  type TimelineEntry,
} from '../../../shared/domain/timeline';

const request = { sentOn: '2026-11-02' };
const TODAY = '2026-11-24';

/** The message a DomainError carries, or fails the test. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('impossible dates (R-DUE-4)', () => {
  it('R-DUE-4 an event after today is refused in words, with the date dd/mm/yyyy', () => {
    expect(refusal(() => checkEventDate('2026-11-25', request, TODAY))).toBe(
      'The date (25/11/2026) is after today. Record things once they have happened.',
    );
  });

  it('R-DUE-4 an event before the request was sent is refused', () => {
    expect(refusal(() => checkEventDate('2026-11-01', request, TODAY, 'The acknowledgement date'))).toMatch(
      /^The acknowledgement date \(01\/11\/2026\) is before the request was sent on 02\/11\/2026\.$/,
    );
  });

  it('R-DUE-4 the sent date and today themselves are accepted', () => {
    expect(checkEventDate('2026-11-02', request, TODAY)).toBe('2026-11-02');
    expect(checkEventDate(TODAY, request, TODAY)).toBe(TODAY);
  });

  it.each([['2026-02-31'], ['31/12/2026'], [''], [null], [20261124]])(
    'R-DUE-4 odd input %s is refused as not a date, never accepted',
    (odd) => {
      expect(refusal(() => checkEventDate(odd, request, TODAY))).toMatch(/date/i);
    },
  );
});

describe('the timeline in date order (R-DUE-4)', () => {
  it('R-DUE-4 sorts by date, keeping same-day entries in the order entered', () => {
    const entries: TimelineEntry[] = [
      { type: 'chased', on: '2026-11-20', note: 'second' },
      { type: 'acknowledged', on: '2026-11-05', note: 'first' },
      { type: 'holding', on: '2026-11-20', note: 'third' },
      { type: 'answered', on: '2026-11-21', note: 'fourth' },
    ];
    expect(sortTimeline(entries).map((e) => e.note)).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('R-DUE-4 same-day entries with entry times follow the entry time, not the array order', () => {
    const entries: TimelineEntry[] = [
      { type: 'chased', on: '2026-11-20', recordedAt: '2026-11-20T15:00:00Z', note: 'later' },
      { type: 'chased', on: '2026-11-20', recordedAt: '2026-11-20T09:00:00Z', note: 'earlier' },
    ];
    expect(sortTimeline(entries).map((e) => e.note)).toEqual(['earlier', 'later']);
  });

  it('R-DUE-4 sorting never changes the stored list', () => {
    const entries: TimelineEntry[] = [
      { type: 'answered', on: '2026-11-21' },
      { type: 'acknowledged', on: '2026-11-05' },
    ];
    sortTimeline(entries);
    expect(entries[0]!.type).toBe('answered');
  });
});

describe('correcting a timeline entry (R-DUE-5)', () => {
  const entries: TimelineEntry[] = [
    { type: 'acknowledged', on: '2026-11-13', note: 'Acknowledged by email' },
    { type: 'holding', on: '2026-11-16', note: 'Waiting for the survey', promisedBy: '2026-12-01' } as TimelineEntry,
  ];

  it('R-DUE-5 a mistyped acknowledgement date is corrected, the original kept and the reason recorded', () => {
    const correction = correctTimelineEntry(
      entries,
      { corrects: entryId(entries[0]!, 0), changes: { on: '2026-11-03' }, reason: 'Typed 13 for 03' },
      request,
      TODAY,
      '2026-11-24T10:00:00Z',
    );
    expect(correction).toMatchObject({
      type: 'correction',
      on: TODAY,
      corrects: 'entry-1',
      reason: 'Typed 13 for 03',
      changes: [{ field: 'on', label: 'Date', from: '2026-11-13', to: '2026-11-03' }],
    });
    const view = effectiveTimeline([...entries, correction]);
    expect(view.map((e) => [e.type, e.on])).toEqual([
      ['acknowledged', '2026-11-03'],
      ['holding', '2026-11-16'],
    ]);
    expect(view[0]!.original).toMatchObject({ on: '2026-11-13' });
    expect(view[0]!.corrections).toHaveLength(1);
    // The stored entry itself is untouched.
    expect(entries[0]!.on).toBe('2026-11-13');
  });

  it('R-DUE-5 a later correction wins over an earlier one', () => {
    const first = correctTimelineEntry(
      entries,
      { corrects: 'entry-2', changes: { promisedBy: '2026-12-05' }, reason: 'Misread the email' },
      request,
      TODAY,
    );
    const second = correctTimelineEntry(
      [...entries, first],
      { corrects: 'entry-2', changes: { promisedBy: '2026-12-08' }, reason: 'Officer confirmed the 8th' },
      request,
      TODAY,
    );
    expect(second.changes[0]).toMatchObject({ from: '2026-12-05', to: '2026-12-08' });
    const holding = effectiveTimeline([...entries, first, second]).find((e) => e.type === 'holding') as unknown as {
      promisedBy: string;
      original: { promisedBy: string };
    };
    expect(holding.promisedBy).toBe('2026-12-08');
    expect(holding.original.promisedBy).toBe('2026-12-01');
  });

  it('R-DUE-5 a correction is refused when its date would be impossible, or the promise before the reply', () => {
    expect(
      refusal(() => correctTimelineEntry(entries, { corrects: 'entry-1', changes: { on: '2026-12-01' }, reason: 'wrong' }, request, TODAY)),
    ).toMatch(/after today/);
    expect(
      refusal(() => correctTimelineEntry(entries, { corrects: 'entry-1', changes: { on: '2026-10-01' }, reason: 'wrong' }, request, TODAY)),
    ).toMatch(/before the request was sent/);
    expect(
      refusal(() =>
        correctTimelineEntry(entries, { corrects: 'entry-2', changes: { promisedBy: '2026-11-10' }, reason: 'wrong' }, request, TODAY),
      ),
    ).toBe('The promised date cannot be before the holding reply.');
    expect(
      refusal(() =>
        correctTimelineEntry(entries, { corrects: 'entry-2', changes: { promisedBy: '2026-13-01' }, reason: 'wrong' }, request, TODAY),
      ),
    ).toMatch(/not a real date/);
  });

  it('R-DUE-5 odd corrections are refused in words: no reason, nothing changed, unknown entry or field', () => {
    expect(
      refusal(() => correctTimelineEntry(entries, { corrects: 'entry-1', changes: { on: '2026-11-03' }, reason: ' ' }, request, TODAY)),
    ).toBe('Say why the entry is being corrected.');
    expect(
      refusal(() => correctTimelineEntry(entries, { corrects: 'entry-1', changes: { on: '2026-11-13' }, reason: 'same' }, request, TODAY)),
    ).toMatch(/Nothing has changed/);
    expect(
      refusal(() => correctTimelineEntry(entries, { corrects: 'entry-9', changes: { on: '2026-11-03' }, reason: 'gone' }, request, TODAY)),
    ).toMatch(/not on this request/);
    expect(
      refusal(() =>
        correctTimelineEntry(entries, { corrects: 'entry-1', changes: { type: 'answered' } as never, reason: 'sneaky' }, request, TODAY),
      ),
    ).not.toMatch(/[a-z][A-Z]/);
    expect(
      refusal(() =>
        correctTimelineEntry(entries, { corrects: 'entry-1', changes: { promisedBy: '2026-12-01' }, reason: 'no such' }, request, TODAY),
      ),
    ).toMatch(/no promised date/);
  });

  it('R-DUE-5 a correction of a correction is impossible: corrections are not entries that can be named', () => {
    const c = correctTimelineEntry(
      entries,
      { corrects: 'entry-1', changes: { note: 'By phone' }, reason: 'It was a call' },
      request,
      TODAY,
    );
    const all = [...entries, c];
    expect(
      refusal(() => correctTimelineEntry(all, { corrects: 'entry-3', changes: { note: 'x' }, reason: 'again' }, request, TODAY)),
    ).toMatch(/not on this request/);
  });
});

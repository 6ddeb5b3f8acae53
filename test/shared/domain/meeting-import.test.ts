import { describe, expect, it } from 'vitest';
import {
  democracySiteOrigin,
  ianaZoneFor,
  isPrivateAgendaItem,
  normalisePrivateItems,
  planMeetingImport,
  type ParsedMeeting,
} from '../../../shared/domain/meeting-import';

const parsed = (over: Partial<ParsedMeeting> = {}): ParsedMeeting => ({
  source: { kind: 'moderngov', uid: '17355', site: 'https://democracy.example.gov.uk' },
  committee: 'Cabinet',
  date: '2026-12-02',
  time: '19:00',
  location: '',
  agendaItems: [
    { number: '1', title: 'Apologies', restricted: false },
    { number: '9', title: 'Depot disposal', restricted: true },
  ],
  ...over,
});

describe('planning a meetings import', () => {
  it('adds new meetings, with restricted items listed as private', () => {
    const plan = planMeetingImport([], [parsed()]);
    expect(plan.add).toEqual([
      {
        record: {
          committee: 'Cabinet',
          date: '2026-12-02',
          agendaItems: ['1. Apologies', '9. Depot disposal'],
          privateItems: ['9. Depot disposal'],
          source: parsed().source,
        },
        changes: [],
      },
    ]);
    expect(plan.update).toEqual([]);
  });

  it('re-importing matches by source and uid: unchanged counts once, a change updates the same meeting, nothing is duplicated', () => {
    const held = [{ id: 'm1', ...planMeetingImport([], [parsed()]).add[0]!.record }];
    expect(planMeetingImport(held, [parsed()])).toEqual({ add: [], update: [], unchanged: 1 });
    const moved = planMeetingImport(held, [parsed({ date: '2026-12-09' })]);
    expect(moved.add).toEqual([]);
    expect(moved.update).toEqual([
      { id: 'm1', record: expect.objectContaining({ id: 'm1', date: '2026-12-09' }), changes: ['date 02/12/2026 → 09/12/2026'] },
    ]);
    // The same id on another site is another meeting.
    expect(
      planMeetingImport(held, [parsed({ source: { kind: 'moderngov', uid: '17355', site: 'https://other.example.gov.uk' } })]).add,
    ).toHaveLength(1);
    // A meeting typed in by hand is never matched.
    expect(planMeetingImport([{ id: 'm2', committee: 'Cabinet', date: '2026-12-02', agendaItems: [] }], [parsed()]).add).toHaveLength(1);
    // The same event twice in one file counts once.
    expect(planMeetingImport([], [parsed(), parsed({ committee: 'Cabinet (rearranged)' })]).add.map((e) => e.record.committee)).toEqual([
      'Cabinet (rearranged)',
    ]);
  });

  it('refuses an empty or oversized import, and a meeting without a committee', () => {
    expect(() => planMeetingImport([], [])).toThrow('The file has no meetings in it.');
    expect(() =>
      planMeetingImport(
        [],
        Array.from({ length: 501 }, (_, i) => parsed({ source: { kind: 'ics', uid: String(i) } })),
      ),
    ).toThrow(/at most 500/);
    expect(() => planMeetingImport([], [parsed({ committee: '  ' })])).toThrow(/no committee or title/);
    expect(() => planMeetingImport([], [parsed({ date: '2026-02-30' })])).toThrow(/not a real date/);
  });

  it('drops duplicate agenda items and caps them at 100', () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ number: '', title: i < 2 ? 'Apologies' : `Item ${i}`, restricted: false }));
    expect(planMeetingImport([], [parsed({ agendaItems: items })]).add[0]!.record.agendaItems).toHaveLength(100);
  });
});

describe('private (pink-paper) agenda items', () => {
  it.each([
    ['Depot disposal', true, true],
    ['Land at Mill Lane – exempt information (para 3)', false, true],
    ['Part II: Contract award', false, true],
    ['Confidential appendix', false, true],
    ['Not for publication: staffing', false, true],
    ['Exclusion of the press and public', false, false],
    ['Budget 2027/28', false, false],
  ])('%s (restricted flag %s) → private %s', (title, restricted, expected) => {
    expect(isPrivateAgendaItem({ title, restricted })).toBe(expected);
  });

  it('keeps only private items that are on the agenda', () => {
    expect(normalisePrivateItems(['1. A', '2. B'], ['2. B', '3. C', '2. B'])).toEqual(['2. B']);
  });
});

describe('the democracy site address', () => {
  it.each([
    ['democracy.example.gov.uk', 'https://democracy.example.gov.uk'],
    ['https://Democracy.Example.gov.uk/mgCalendarMonthView.aspx?GL=1', 'https://democracy.example.gov.uk'],
    ['https://democracy.example.gov.uk:443/', 'https://democracy.example.gov.uk'],
  ])('%s → %s', (address, origin) => expect(democracySiteOrigin(address)).toBe(origin));

  it.each([
    ['', /Enter the address/],
    ['http://democracy.example.gov.uk', /must start with https/],
    ['ftp://democracy.example.gov.uk', /must start with https/],
    ['https://user:pw@democracy.example.gov.uk', /user name or password/],
    ['https://democracy.example.gov.uk:8443', /must not name a port/],
    ['https://192.168.1.10', /not an IP address/],
    ['https://localhost', /not a web address/],
    ['https://intranet.local', /not an IP address or a local name/],
  ])('%s is refused', (address, message) => expect(() => democracySiteOrigin(address)).toThrow(message));
});

describe('time-zone names', () => {
  it('maps Outlook’s Windows names and passes IANA names through', () => {
    expect(ianaZoneFor('GMT Standard Time')).toBe('Europe/London');
    expect(ianaZoneFor('"W. Europe Standard Time"')).toBe('Europe/Berlin');
    expect(ianaZoneFor('Europe/London')).toBe('Europe/London');
    expect(ianaZoneFor('/mozilla.org/20050126_1/Europe/London')).toBe('Europe/London');
    expect(ianaZoneFor('Mars Standard Time')).toBeNull();
  });
});

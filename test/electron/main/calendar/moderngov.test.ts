import { describe, expect, it } from 'vitest';
import { parseCommitteesInThread, parseModernGovInThread } from '../../../../electron/main/calendar/moderngov';
import { toMeetingRecord } from '../../../../shared/domain/meeting-import';
import { MODERNGOV_COMMITTEES, MODERNGOV_LIST, MODERNGOV_MEETING } from './fixtures';
import { XML_DEEP, XML_LAUGHS } from './hostile';

describe('reading ModernGov (mgWebService.asmx) exports', () => {
  it('reads GetMeeting: committee, UK date, agenda items, and items with restricted papers as private (pink papers)', () => {
    const [meeting] = parseModernGovInThread(MODERNGOV_MEETING);
    expect(meeting).toMatchObject({
      source: { kind: 'moderngov', uid: '17355' },
      committee: 'Cabinet',
      date: '2026-12-02',
      time: '19:00',
      location: 'Committee Room 1, Town Hall',
    });
    const record = toMeetingRecord(meeting!);
    expect(record.agendaItems).toEqual([
      '1. Apologies for absence',
      '7. Fees & Charges 2027/28',
      '9. Depot disposal',
      '10. Exclusion of the press and public',
    ]);
    expect(record.privateItems).toEqual(['9. Depot disposal']);
  });

  it('reads a GetMeetings list, naming committees from GetCommittees, and keys fetched meetings by site', () => {
    const committees = parseCommitteesInThread(MODERNGOV_COMMITTEES);
    const meetings = parseModernGovInThread(MODERNGOV_LIST, 'https://democracy.example.gov.uk', committees);
    expect(meetings.map((m) => [m.source.uid, m.source.site, m.committee, m.date])).toEqual([
      ['17355', 'https://democracy.example.gov.uk', 'Cabinet', '2026-12-02'],
      ['17360', 'https://democracy.example.gov.uk', 'Audit Committee', '2026-12-09'],
    ]);
  });

  it.each([
    ['malformed XML', '<meeting><meetingid>1</meetingid><meetingdate>02/12/2026</meeting', /not well-formed XML/],
    [
      'an entity bomb',
      '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><meeting><meetingid>1</meetingid><meetingdate>&b;</meetingdate></meeting>',
      /document type declaration/,
    ],
    ['no meetings', '<?xml version="1.0"?><html><body>Not found</body></html>', /has no meetings in it/],
    ['a meeting without an id', '<meeting><meetingdate>02/12/2026</meetingdate></meeting>', /has no meeting id/],
    ['a meeting without a date', '<meeting><meetingid>5</meetingid><meetingdate>soon</meetingdate></meeting>', /meeting 5 has no date/],
  ])('a bad file (%s) gets a plain message', (_label, content, message) => {
    expect(() => parseModernGovInThread(content)).toThrow(message);
    expect(() => parseModernGovInThread(content)).toThrow(/^This democracy-site file cannot be imported: .*Nothing was imported\.$/);
  });

  it('refuses more meetings than can be imported at once, an entity bomb and nesting beyond reason', () => {
    const list = (n: number) =>
      `<GetMeetings>${Array.from({ length: n }, (_, i) => `<meeting><meetingid>${i + 1}</meetingid><meetingdate>01/01/2027</meetingdate></meeting>`).join('')}</GetMeetings>`;
    expect(parseModernGovInThread(list(500))).toHaveLength(500);
    expect(() => parseModernGovInThread(list(501))).toThrow(/more than 500 meetings, the most that can be imported at once/);
    expect(() => parseModernGovInThread(XML_LAUGHS)).toThrow(/document type declaration/);
    expect(() => parseModernGovInThread(XML_DEEP)).toThrow(/^This democracy-site file cannot be imported: .*Nothing was imported\.$/);
  });

  it('refuses a huge export before parsing it', () => {
    const item =
      '<agendaitem><agendaitemnumber>1</agendaitemnumber><agendaitemtitle>' + 'x'.repeat(900) + '</agendaitemtitle></agendaitem>';
    const huge = `<meeting><meetingid>1</meetingid><meetingdate>02/12/2026</meetingdate><agendaitems>${item.repeat(6000)}</agendaitems></meeting>`;
    expect(() => parseModernGovInThread(huge)).toThrow(/larger than 5 MB/);
  });
});

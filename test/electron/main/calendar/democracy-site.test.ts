import { describe, expect, it } from 'vitest';
import { fetchDemocracySite, type FetchLike } from '../../../../electron/main/calendar/democracy-site';
import { MODERNGOV_COMMITTEES, MODERNGOV_LIST, MODERNGOV_MEETING } from './fixtures';

const body = (text: string) => new Response(text).body;

/** A fake democracy site: answers the three mgWebService calls and records every address asked for. */
function site(
  overrides: Partial<Record<string, () => Promise<{ ok: boolean; status: number; body: ReadableStream<Uint8Array> | null }>>> = {},
) {
  const asked: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    asked.push(url);
    expect(init.redirect).toBe('error');
    const op = /mgWebService\.asmx\/(\w+)/.exec(url)![1]!;
    if (overrides[op]) return overrides[op]!();
    const text =
      op === 'GetCommittees'
        ? MODERNGOV_COMMITTEES
        : op === 'GetMeetings'
          ? MODERNGOV_LIST
          : url.endsWith('17355')
            ? MODERNGOV_MEETING
            : '<meeting><meetingid>17360</meetingid><meetingdate>09/12/2026</meetingdate><committeeid>150</committeeid><agendaitems/></meeting>';
    return { ok: true, status: 200, body: body(text) };
  };
  return { asked, fetch };
}

describe('fetching meetings from the democracy site (the one network call)', () => {
  it('asks only the named https site: committees, meetings in the window, then each meeting’s agenda', async () => {
    const { asked, fetch } = site();
    const meetings = await fetchDemocracySite('democracy.example.gov.uk', '2026-11-28', fetch);
    expect(asked).toEqual([
      'https://democracy.example.gov.uk/mgWebService.asmx/GetCommittees?lDays=0',
      'https://democracy.example.gov.uk/mgWebService.asmx/GetMeetings?lCommitteeId=0&sFromDate=21%2F11%2F2026&sToDate=28%2F02%2F2027',
      'https://democracy.example.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=17355',
      'https://democracy.example.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=17360',
    ]);
    expect(meetings.map((m) => [m.committee, m.date, m.agendaItems.length, m.source.site])).toEqual([
      ['Cabinet', '2026-12-02', 4, 'https://democracy.example.gov.uk'],
      ['Audit Committee', '2026-12-09', 0, 'https://democracy.example.gov.uk'],
    ]);
  });

  it('never contacts an http address', async () => {
    const { asked, fetch } = site();
    await expect(fetchDemocracySite('http://democracy.example.gov.uk', '2026-11-28', fetch)).rejects.toThrow(/must start with https/);
    expect(asked).toEqual([]);
  });

  it('stops an answer that is too large, a site that is too slow, and reports an unreachable or failing site plainly', async () => {
    const huge = site({ GetMeetings: async () => ({ ok: true, status: 200, body: body('<x>' + 'a'.repeat(6 * 1024 * 1024) + '</x>') }) });
    await expect(fetchDemocracySite('democracy.example.gov.uk', '2026-11-28', huge.fetch)).rejects.toThrow(/more than 5 MB for one answer/);

    const slow: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    await expect(fetchDemocracySite('democracy.example.gov.uk', '2026-11-28', slow, 50)).rejects.toThrow(
      /did not answer within 0.05 seconds/,
    );

    const offline: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(fetchDemocracySite('democracy.example.gov.uk', '2026-11-28', offline)).rejects.toThrow(
      /could not reach https:\/\/democracy.example.gov.uk/,
    );

    const notModernGov = site({ GetCommittees: async () => ({ ok: false, status: 404, body: null }) });
    await expect(fetchDemocracySite('democracy.example.gov.uk', '2026-11-28', notModernGov.fetch)).rejects.toThrow(
      /answered with an error \(404\); it may not be a ModernGov site/,
    );
  });
});

// R-USE-1 against a hostile page: with a meeting mode on, every contract channel is called with every
// input that names a seeded record (the Member's page and a PA's), and nothing the mode hides may leave
// main: not in an answer, an error, an event, a printed report, a saved file or the clipboard.
import { describe, expect, it } from 'vitest';
import { CANARIES, PINK_OF_THE_MEETING, asPa, leaks, seeded, sweep, type Canary } from './modes-support';

const ALL = Object.keys(CANARIES) as Canary[];
/** What a PA can never read whatever the mode (R-USE-2): only what the mode must hide besides is theirs to leak. */
const PA_READS: Canary[] = ['specialTitle', 'specialSummary', 'pinkRequestSubject', 'pinkRequestQuestion'];

describe('meeting modes hold against a page calling every channel', () => {
  it('in normal use the same sweep finds every canary: the sweep can see a leak', async () => {
    const s = await seeded();
    const r = await sweep(s);
    expect(
      leaks(r.seen, ALL)
        .map((l) => l.canary)
        .sort(),
    ).toEqual([...ALL].sort());
  }, 120_000);

  const variants: Array<{ name: string; who: 'member' | 'pa'; mode: 'public' | 'private-other' | 'private-this' }> = [
    { name: 'the Member in public-meeting mode', who: 'member', mode: 'public' },
    { name: 'the Member in another meeting’s private session', who: 'member', mode: 'private-other' },
    { name: 'the Member in this meeting’s private session', who: 'member', mode: 'private-this' },
    { name: 'a PA left in public-meeting mode', who: 'pa', mode: 'public' },
    { name: 'a PA left in another meeting’s private session', who: 'pa', mode: 'private-other' },
  ];
  for (const v of variants)
    it(`${v.name}: nothing hidden leaves main, nothing crashes, and the open request still shows`, async () => {
      const s = await seeded();
      const other = await s.ok('meetings:save', { committee: 'Planning', date: '2026-12-09', agendaItems: ['Item 1'] });
      await s.ok('meetingMode:set', { kind: 'public-meeting' });
      if (v.mode !== 'public')
        await s.ok('meetingMode:set', { kind: 'private-session', meetingId: v.mode === 'private-this' ? s.meeting.id : other.id });
      if (v.who === 'pa') await asPa(s);
      let hidden = v.mode === 'private-this' ? ALL.filter((c) => !PINK_OF_THE_MEETING.includes(c)) : ALL;
      if (v.who === 'pa') hidden = hidden.filter((c) => PA_READS.includes(c));
      const r = await sweep(s);
      expect(leaks(r.seen, hidden)).toEqual([]);
      expect(r.crashed).toBe(0);
      expect(r.calls).toBeGreaterThan(300);
      // A search finds no request by a word the mode hides (the open request's timeline repeats a hidden title).
      for (const word of hidden.map((c) => CANARIES[c]))
        expect((await s.ok('requests:list', { offset: 0, limit: 10, query: { search: word } })).total, word).toBe(0);
      // Not a vault that shows nothing: the open request is listed and found.
      const page = await s.ok('requests:list', { offset: 0, limit: 100, query: { search: 'potholes' } });
      expect(page.rows.map((row: { subject: string }) => row.subject)).toEqual(['Potholes on Elm Road']);
      console.info(`modes sweep, ${v.name}: ${r.calls} calls, ${r.refused} refused, ${r.answered} answered, 0 leaks`);
    }, 120_000);
});

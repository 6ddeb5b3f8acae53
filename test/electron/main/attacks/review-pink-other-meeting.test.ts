import { describe, expect, it } from 'vitest';
import { seededCase } from '../../support/core';

// R-USE-1: a pink paper belongs to the meeting its own classification names, not to its request's meeting:
// another committee's pink paper on a Cabinet request is hidden in Cabinet's private session, shown in its own.
describe('review: another committee’s pink paper in this meeting’s private session', () => {
  it('shows it only in the private session of the meeting it names', async () => {
    const ctx = await seededCase('2026-11-24');
    const planning = await ctx.ok('meetings:save', { committee: 'Planning', date: '2026-12-09', agendaItems: ['Item 2'] });
    const requestId = ctx.request.row.id; // a request for Cabinet, 2 December
    const pink = await ctx.ok('materials:add', {
      requestId,
      title: 'Planning exempt item tapirtitle',
      receivedOn: '2026-11-20',
      summary: 'tapirsummary',
      classification: {
        level: 'pink-paper',
        committee: 'Planning',
        meetingDate: planning.date,
        agendaItem: 'Item 2',
        authorDesignation: 'Head of Planning',
        paragraph: 3,
      },
      personalData: { personal: false, specialCategory: false, retainUntil: null },
      isBriefing: false,
    });
    expect(pink.meetingId).toBe(planning.id);
    const seen = async (meetingId: string) => {
      await ctx.ok('meetingMode:set', { kind: 'public-meeting' });
      await ctx.ok('meetingMode:set', { kind: 'private-session', meetingId });
      const view = await ctx.call('materials:view', { id: pink.id });
      const detail = await ctx.call('requests:get', { id: requestId });
      return { view: view.ok, inDetail: /tapir/.test(JSON.stringify(detail)) };
    };
    expect(await seen(ctx.meeting.id)).toEqual({ view: false, inDetail: false });
    expect(await seen(planning.id)).toEqual({ view: true, inDetail: true });
  }, 120_000);
});

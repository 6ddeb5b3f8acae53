// R-USE-1: every contract channel has a decision about meeting modes (shared/ipc/mode-decisions.ts), so a
// new channel carrying content cannot be added without one; and each decision holds when a page calls it.
import { describe, expect, it } from 'vitest';
import { eventChannels, invokeChannels } from '../../../../shared/ipc/contract';
import { EVENTS_WITHOUT_CONTENT, MODE_DECISIONS, closedChannels } from '../../../../shared/ipc/mode-decisions';
import { PROTECTED_LIST_SCREENS, WHO_LEAVES_A_MEETING_MODE } from '../../../../shared/domain/protection';
import { asMember, asPa, seeded } from './modes-support';

type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

/** A refusal in plain words: no stack, no exception name, no zod text, no field path or camelCase name. */
function expectPlainRefusal(result: Result) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('refused');
  expect(result.error.message).not.toMatch(/Error\b|zod|\bat \S+ \(|undefined|\bnull\b|[a-z][A-Z][a-z]|\.ts\b/);
}

describe('each channel’s meeting-mode decision', () => {
  it('every invoke channel has exactly one decision, and every event carries no content', () => {
    expect(Object.keys(MODE_DECISIONS).sort()).toEqual([...invokeChannels].sort());
    expect([...EVENTS_WITHOUT_CONTENT].sort()).toEqual([...eventChannels].sort());
  });

  it('every screen that lists protected things has its channels closed', () => {
    expect(new Set(closedChannels().map(([, screen]) => screen))).toEqual(new Set(Object.keys(PROTECTED_LIST_SCREENS)));
  });

  it('each closed channel is refused in plain words in public-meeting mode and both private sessions, to the Member and a PA, and changes nothing', async () => {
    const s = await seeded();
    const other = await s.ok('meetings:save', { committee: 'Planning', date: '2026-12-09', agendaItems: ['Item 1'] });
    const inputs: Record<string, unknown> = {
      'disclosures:start': { materialId: s.ids.materials[0] },
      'disclosures:advance': { id: s.ids.disclosures[0], event: { type: 'abandon', reason: 'A forged step' } },
      'audit:trail': { recordId: s.ids.materials[0] },
    };
    const before = await s.ok('disclosures:list');
    let refusals = 0;
    const modes = [
      { kind: 'public-meeting' },
      { kind: 'private-session', meetingId: s.meeting.id },
      { kind: 'private-session', meetingId: other.id },
    ] as const;
    for (const mode of modes) {
      await s.ok('meetingMode:set', mode);
      for (const [channel] of closedChannels()) {
        const r = (await s.call(channel, inputs[channel])) as Result;
        expectPlainRefusal(r);
        if (!r.ok) expect(r.error.message).toContain('Only the Member can end a meeting mode');
        refusals++;
      }
    }
    await asPa(s);
    for (const [channel] of closedChannels()) expectPlainRefusal((await s.call(channel, inputs[channel])) as Result);
    expect(refusals).toBe(3 * closedChannels().length);
    // Nothing moved: the Member, back in normal use, finds the disclosure as it was.
    await asMember(s);
    // Ending the private session returns to public-meeting mode first; then normal use.
    await s.ok('meetingMode:set', { kind: 'normal' });
    expect(await s.ok('meetingMode:set', { kind: 'normal' })).toEqual({ kind: 'normal' });
    expect(await s.ok('disclosures:list')).toEqual(before);
  }, 60_000);

  it('a PA left in public-meeting mode cannot leave it, and is told in plain words who can', async () => {
    const s = await seeded();
    await s.ok('meetingMode:set', { kind: 'public-meeting' });
    await asPa(s);
    for (const mode of [{ kind: 'normal' }, { kind: 'private-session', meetingId: s.meeting.id }, { kind: 'public-meeting' }]) {
      const r = (await s.call('meetingMode:set', mode)) as Result;
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: WHO_LEAVES_A_MEETING_MODE } });
    }
    expect(await s.ok('meetingMode:get')).toEqual({ kind: 'public-meeting' });
  }, 60_000);
});

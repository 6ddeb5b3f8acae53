import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeetingImportSources } from '../../../../electron/main/calendar/meeting-import-service';
import { MEMBER_PASS, PA_PASS, coreBehindIpc } from '../../support/core';
import { GOOGLE_ICS, MODERNGOV_MEETING } from './fixtures';

/** The "open file" dialog, driven by the test. */
function picker() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-import-'));
  const state = { pick: null as string | null, asked: [] as string[] };
  const sources: MeetingImportSources = {
    chooseFile: async (kind) => {
      state.asked.push(kind);
      return state.pick;
    },
  };
  const file = (name: string, content: string) => {
    state.pick = path.join(folder, name);
    writeFileSync(state.pick, content);
  };
  return { state, sources, file };
}

async function member(sources: MeetingImportSources) {
  const ctx = coreBehindIpc('2026-11-28', { meetingImport: sources });
  await ctx.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
  return ctx;
}

describe('importing meetings through the IPC contract', () => {
  it('previews without saving, imports on apply, and re-importing updates the same meetings without duplicating them', async () => {
    const p = picker();
    const { ok } = await member(p.sources);
    p.file('council.xml', MODERNGOV_MEETING);
    const preview = await ok('meetings:importPreview', { from: 'moderngov-file' });
    expect(p.state.asked).toEqual(['moderngov']);
    expect(preview).toMatchObject({
      sourceLabel: 'democracy-site file “council.xml”',
      add: [{ committee: 'Cabinet', date: '2026-12-02', privateItems: ['9. Depot disposal'] }],
      update: [],
      unchanged: 0,
    });
    expect(await ok('meetings:list')).toEqual([]);

    expect(await ok('meetings:importApply', { token: preview.token })).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const [saved] = await ok('meetings:list');
    expect(saved).toMatchObject({
      committee: 'Cabinet',
      agendaItems: ['1. Apologies for absence', '7. Fees & Charges 2027/28', '9. Depot disposal', '10. Exclusion of the press and public'],
      privateItems: ['9. Depot disposal'],
      source: { kind: 'moderngov', uid: '17355' },
    });
    // The token is used up.
    await expect(ok('meetings:importApply', { token: preview.token })).rejects.toThrow(/conflict: That import has expired/);

    // Same file again: nothing to do. Moved to another day: the same meeting is updated.
    expect(await ok('meetings:importPreview', { from: 'moderngov-file' })).toMatchObject({ add: [], update: [], unchanged: 1 });
    p.file('council-2.xml', MODERNGOV_MEETING.replace('02/12/2026', '09/12/2026'));
    const moved = await ok('meetings:importPreview', { from: 'moderngov-file' });
    expect(moved.update).toEqual([expect.objectContaining({ date: '2026-12-09', changes: ['date 02/12/2026 → 09/12/2026'] })]);
    await ok('meetings:importApply', { token: moved.token });
    const after = await ok('meetings:list');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: saved!.id, date: '2026-12-09' });
  });

  it('a PA may import meetings too', async () => {
    const p = picker();
    const { ok } = await member(p.sources);
    const pa = await ok('users:addPa', { name: 'Pat Assistant', passphrase: PA_PASS });
    await ok('session:lock');
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    p.file('cal.ics', GOOGLE_ICS);
    const preview = await ok('meetings:importPreview', { from: 'ics-file' });
    expect(preview.add.map((m: { committee: string }) => m.committee)).toEqual([
      'Cabinet',
      'Cabinet (afternoon)',
      'Cabinet',
      'Budget Council',
      'Audit Committee',
    ]);
    expect(await ok('meetings:importApply', { token: preview.token })).toMatchObject({ added: 5 });
  });

  it('a bad file is refused with a plain message and nothing is saved; cancelling the dialog changes nothing', async () => {
    const p = picker();
    const { ok, call } = await member(p.sources);
    for (const [name, content, from, message] of [
      ['broken.xml', '<meeting><meetingid>1</meetingid>', 'moderngov-file', /not well-formed XML/],
      [
        'broken.ics',
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:no uid\r\nDTSTART:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR',
        'ics-file',
        /has no UID/,
      ],
      ['empty.ics', '', 'ics-file', /“empty.ics” is empty/],
      ['huge.ics', 'BEGIN:VCALENDAR\r\n' + 'x'.repeat(6 * 1024 * 1024), 'ics-file', /“huge.ics” is 7 MB/],
    ] as const) {
      p.file(name, content);
      const result = await call('meetings:importPreview', { from });
      expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(message) } });
      expect(result.ok ? '' : result.error.message).toMatch(/Nothing was imported\.$/);
    }
    expect(await ok('meetings:list')).toEqual([]);
    p.state.pick = null;
    expect(await ok('meetings:importPreview', { from: 'ics-file' })).toEqual({
      token: '',
      sourceLabel: '',
      add: [],
      update: [],
      unchanged: 0,
    });
  });

  it('fetching from the site is unavailable unless main was given a fetch, and a locked vault forgets a preview', async () => {
    const p = picker();
    const { ok, call } = await member(p.sources);
    expect(await call('meetings:importPreview', { from: 'moderngov-site', address: 'democracy.example.gov.uk' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/not available here/) },
    });
    p.file('council.xml', MODERNGOV_MEETING);
    const preview = await ok('meetings:importPreview', { from: 'moderngov-file' });
    const users = await ok('users:list');
    await ok('session:lock');
    await ok('session:unlock', { userId: users[0]!.id, passphrase: MEMBER_PASS });
    expect(await call('meetings:importApply', { token: preview.token })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ok('meetings:list')).toEqual([]);
  });
});

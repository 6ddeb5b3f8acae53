// Correcting and ending things: officers and meetings can be changed and retired, never
// silently removed from history. Everything goes through the contract, as the screens' calls do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODERNGOV_MEETING } from '../calendar/fixtures';
import { PA_PASS, coreBehindIpc, draft, seededCase } from '../../support/core';
import { listRowOf } from '../../../../shared/ipc/views';

const typo = {
  name: 'Sam Gren',
  service: 'Estates',
  role: 'Head of Estates',
  seniority: 'head-of-service' as const,
  email: 'sam.green@example-council.gov.uk',
};

/** The seeded case (Member, council, officer Sam Green, Cabinet meeting, one request to both), opened a day later. */
const seeded = (today = '2026-11-24') => seededCase(today);

describe('changing an officer', () => {
  it('corrects the details in place: the request sent to them shows the corrected name, and the old value stays in the audit trail', async () => {
    const { ok, officer, request } = await seeded();
    await ok('officers:save', { ...typo, name: 'Samuel Green', id: officer.id });
    const detail = await ok('requests:get', { id: request.row.id });
    expect(detail.row.officerName).toBe('Samuel Green');
    const page = await ok('requests:list', { offset: 0, limit: 10 });
    const { rows } = page;
    expect(rows[0]!.officerName).toBe('Samuel Green');
    // The list is made from the request index, the detail from the record: search finds the new name, not the old.
    const found = async (search: string) => (await ok('requests:list', { offset: 0, limit: 10, query: { search } })).total;
    expect([await found('samuel'), await found('samuel green'), await found('gren')]).toEqual([1, 1, 0]);
    expect(rows[0]).toEqual(listRowOf(detail.row));
    const trail = await ok('audit:trail', { recordId: officer.id });
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'officer-changed',
        detail: expect.objectContaining({ changes: [{ field: 'name', from: 'Sam Green', to: 'Samuel Green' }] }),
      }),
    ]);
    expect((await ok('officers:list')).length).toBe(1);
  });

  it('a change emits a refresh for every request sent to that officer, so open windows show the new name', async () => {
    const { ok, core, officer, request } = await seeded();
    const seen: string[] = [];
    core.events.subscribe((channel, payload) => {
      if (channel === 'records:changed' && payload.kind === 'request') seen.push(payload.id);
    });
    await ok('officers:save', { ...typo, name: 'Samuel Green', id: officer.id });
    expect(seen).toEqual([request.row.id]);
  });

  it('save cannot set, keep out or forge the retirement date: retire and reinstate are the only ways', async () => {
    const { ok, officer } = await seeded();
    const added = await ok('officers:save', {
      ...typo,
      name: 'Kim Lee',
      email: 'kim.lee@example-council.gov.uk',
      retiredOn: '2020-01-01',
    } as never);
    expect(added.retiredOn).toBeUndefined();
    const retired = await ok('officers:retire', { id: officer.id });
    expect(retired.retiredOn).toBe('2026-11-24'); // main's clock, never the page's
    const saved = await ok('officers:save', { ...typo, id: officer.id, retiredOn: undefined } as never);
    expect(saved.retiredOn).toBe('2026-11-24');
    const forged = await ok('officers:save', { ...typo, id: officer.id, retiredOn: '2030-01-01' } as never);
    expect(forged.retiredOn).toBe('2026-11-24');
  });
});

describe('retiring and reinstating an officer', () => {
  it('a retired officer is kept, is refused for a new request and as an escalation target, and comes back when reinstated', async () => {
    const { ok, call, officer, request } = await seeded();
    const retired = await ok('officers:retire', { id: officer.id });
    expect(retired).toMatchObject({ id: officer.id, name: 'Sam Green', retiredOn: '2026-11-24' });
    // Kept: listed (marked), and the request sent to them still names them.
    expect(await ok('officers:list')).toEqual([expect.objectContaining({ id: officer.id, retiredOn: '2026-11-24' })]);
    expect((await ok('requests:get', { id: request.row.id })).row.officerName).toBe('Sam Green');
    expect(await ok('officers:requestCounts')).toEqual({ [officer.id]: 1 });
    // Not chosen for anything new.
    const refused = await call('requests:create', draft({ officerId: officer.id, sentOn: '2026-11-20' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok)
      expect(refused.error.message).toBe(
        'Sam Green has been retired from the officers directory. Choose another officer, or reinstate them on Officers and meetings.',
      );
    // Retiring twice changes nothing; the audit trail has one retirement.
    await ok('officers:retire', { id: officer.id });
    expect((await ok('audit:trail', { recordId: officer.id })).map((e: { action: string }) => e.action)).toEqual(['officer-retired']);
    const back = await ok('officers:reinstate', { id: officer.id });
    expect(back.retiredOn).toBeUndefined();
    expect(await call('requests:create', draft({ officerId: officer.id, sentOn: '2026-11-20' }))).toMatchObject({ ok: true });
    expect((await ok('audit:trail', { recordId: officer.id })).map((e: { action: string }) => e.action)).toEqual([
      'officer-retired',
      'officer-reinstated',
    ]);
  });

  it('the escalation offer leaves a retired officer out, and escalating to one by id is refused', async () => {
    const { ok, call, request } = await seeded('2026-12-10');
    const chief = await ok('officers:save', {
      name: 'Alex Chief',
      service: 'Chief Executive’s Office',
      role: 'Chief Executive',
      seniority: 'chief-officer',
      email: 'alex.chief@example-council.gov.uk',
    });
    const director = await ok('officers:save', {
      name: 'Dee Director',
      service: 'Estates',
      role: 'Director of Place',
      seniority: 'director',
      email: 'dee.director@example-council.gov.uk',
    });
    // Before: the director in the same service is offered for the next step, the chief executive for withheld information.
    const offered = await ok('requests:followUp', { id: request.row.id });
    expect(offered.escalation.next.officerId).toBe(director.id);
    await ok('officers:retire', { id: director.id });
    await ok('officers:retire', { id: chief.id });
    const view = await ok('requests:followUp', { id: request.row.id });
    expect([view.escalation.next.officerId, view.escalation.withheld.officerId]).not.toContain(director.id);
    expect([view.escalation.next.officerId, view.escalation.withheld.officerId]).not.toContain(chief.id);
    const refused = await call('requests:escalate', {
      id: request.row.id,
      on: '2026-11-24',
      informationWithheld: false,
      officerId: director.id,
      name: '',
      note: '',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'refused',
        message: 'Dee Director has been retired from the officers directory. Choose someone else or type their name.',
      },
    });
  });

  it('a PA may change, retire and reinstate officers and meetings too: shared casework both users keep', async () => {
    const { ok, officer, meeting } = await seeded();
    const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    expect((await ok('officers:save', { ...typo, name: 'Samuel Green', id: officer.id })).name).toBe('Samuel Green');
    expect((await ok('officers:retire', { id: officer.id })).retiredOn).toBe('2026-11-24');
    expect((await ok('officers:reinstate', { id: officer.id })).retiredOn).toBeUndefined();
    expect((await ok('meetings:retire', { id: meeting.id })).retiredOn).toBe('2026-11-24');
    expect((await ok('meetings:reinstate', { id: meeting.id })).retiredOn).toBeUndefined();
  });
});

describe('what a PA cannot know about a meeting', () => {
  it('a PA may add agenda items but not remove, rename or un-mark one: a Member-only request may name it', async () => {
    const { ok, call, meeting } = await seeded();
    // Items the PA sees no request naming (a Member-only one may); one is taken in private.
    await ok('meetings:save', {
      id: meeting.id,
      committee: 'Cabinet',
      date: '2026-12-02',
      agendaItems: ['Item 9: depot disposal', 'Item 12: land', 'Item 13: roads'],
      privateItems: ['Item 12: land'],
    });
    const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    const before = (await ok('meetings:list'))[0];
    for (const change of [
      { agendaItems: ['Item 9: depot disposal', 'Item 12: land'] },
      { agendaItems: ['Item 9: depot disposal', 'Item 12: land', 'Item 13: road repairs'] },
      { agendaItems: ['Item 9: depot disposal', 'Item 12: land', 'Item 13: roads'], privateItems: [] },
    ]) {
      const refused = await call('meetings:save', { id: meeting.id, committee: 'Cabinet', date: '2026-12-02', ...change });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Only the Member can/) } });
    }
    expect((await ok('meetings:list'))[0]).toEqual(before);
    const added = await ok('meetings:save', {
      id: meeting.id,
      committee: 'Cabinet',
      date: '2026-12-02',
      agendaItems: ['Item 9: depot disposal', 'Item 12: land', 'Item 13: roads', 'Item 14: parks'],
    });
    expect(added).toMatchObject({
      agendaItems: ['Item 9: depot disposal', 'Item 12: land', 'Item 13: roads', 'Item 14: parks'],
      privateItems: ['Item 12: land'],
    });
  });
});

describe('changing and retiring a meeting', () => {
  it('keeps an agenda item a request names: removing or renaming it is refused in words, with the number of requests', async () => {
    const { ok, call, meeting } = await seeded();
    const refused = await call('meetings:save', {
      id: meeting.id,
      committee: 'Cabinet',
      date: '2026-12-02',
      agendaItems: ['Item 9: depot sale'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok)
      expect(refused.error.message).toBe(
        '“Item 9: depot disposal” cannot be removed or renamed: 1 request names it. Keep it as it is; you can add other items. Nothing was saved.',
      );
    expect((await ok('meetings:list'))[0]!.agendaItems).toEqual(['Item 9: depot disposal']);
    // Adding items, moving the date and correcting the committee are fine; the audit trail keeps what it was.
    const changed = await ok('meetings:save', {
      id: meeting.id,
      committee: 'Cabinet (Executive)',
      date: '2026-12-03',
      agendaItems: ['Item 9: depot disposal', 'Item 10: budget'],
    });
    expect(changed).toMatchObject({ committee: 'Cabinet (Executive)', date: '2026-12-03' });
    const [entry] = await ok('audit:trail', { recordId: meeting.id });
    expect(entry).toMatchObject({ action: 'meeting-changed' });
    expect(entry!.detail!.changes).toEqual([
      { field: 'committee', from: 'Cabinet', to: 'Cabinet (Executive)' },
      { field: 'date', from: '2026-12-02', to: '2026-12-03' },
      { field: 'agendaItems', from: ['Item 9: depot disposal'], to: ['Item 9: depot disposal', 'Item 10: budget'] },
    ]);
    // An item nobody names can go.
    expect((await ok('meetings:save', { ...changed, agendaItems: ['Item 9: depot disposal'] })).agendaItems).toEqual([
      'Item 9: depot disposal',
    ]);
  });

  it('keeps a private item (pink papers) and the source a re-import matches on; the page cannot forge either', async () => {
    const { ok, call } = await seeded();
    const m = await ok('meetings:save', {
      committee: 'Planning',
      date: '2026-12-09',
      agendaItems: ['Item 1: minutes', 'Item 7: land disposal'],
      privateItems: ['Item 7: land disposal'],
      source: { kind: 'ics', uid: 'forged-by-the-page' },
    });
    expect(m.source).toBeUndefined();
    const refused = await call('meetings:save', { id: m.id, committee: 'Planning', date: '2026-12-09', agendaItems: ['Item 1: minutes'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^“Item 7: land disposal” cannot be removed or renamed: it is taken in private/);
    // A change that leaves privateItems out keeps them.
    const kept = await ok('meetings:save', { id: m.id, committee: 'Planning Committee', date: '2026-12-09', agendaItems: m.agendaItems });
    expect(kept.privateItems).toEqual(['Item 7: land disposal']);
  });

  it('a retired meeting keeps showing on its requests, is refused for a new request and for a private session, and can be reinstated', async () => {
    const { ok, call, meeting, officer, request } = await seeded();
    await ok('meetings:retire', { id: meeting.id });
    expect(await ok('meetings:requestCounts')).toEqual({ [meeting.id]: 1 });
    expect((await ok('requests:get', { id: request.row.id })).row.meetingLabel).toBe('Cabinet, 02/12/2026');
    const refused = await call('requests:create', draft({ officerId: officer.id, meetingId: meeting.id }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok)
      expect(refused.error.message).toBe(
        'The Cabinet meeting of 02/12/2026 has been retired. Choose another meeting, or reinstate it on Officers and meetings.',
      );
    await ok('meetingMode:set', { kind: 'public-meeting' });
    expect(await call('meetingMode:set', { kind: 'private-session', meetingId: meeting.id })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    await ok('meetings:reinstate', { id: meeting.id });
    expect(await call('meetingMode:set', { kind: 'private-session', meetingId: meeting.id })).toMatchObject({ ok: true });
    expect(await call('requests:create', draft({ officerId: officer.id, meetingId: meeting.id }))).toMatchObject({ ok: true });
  });

  it('a re-import updates a retired meeting without bringing it back, and a change on the page keeps what the import matches on', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-directory-'));
    let pick = '';
    const file = (name: string, content: string) => writeFileSync((pick = path.join(folder, name)), content);
    const { ok } = await seededCase('2026-11-24', { meetingImport: { chooseFile: async () => pick } });
    file('council.xml', MODERNGOV_MEETING);
    await ok('meetings:importApply', { token: (await ok('meetings:importPreview', { from: 'moderngov-file' })).token });
    const imported = (await ok('meetings:list')).find((m: { source?: unknown }) => m.source)!;
    const changed = await ok('meetings:save', { ...imported, committee: 'Cabinet (budget)', source: { kind: 'ics', uid: 'forged' } });
    expect(changed.source).toEqual({ kind: 'moderngov', uid: '17355' });
    await ok('meetings:retire', { id: imported.id });
    file('council-2.xml', MODERNGOV_MEETING.replace('02/12/2026', '09/12/2026'));
    const moved = await ok('meetings:importPreview', { from: 'moderngov-file' });
    expect(await ok('meetings:importApply', { token: moved.token })).toMatchObject({ added: 0, updated: 1 });
    const after = (await ok('meetings:list')).find((m: { id: string }) => m.id === imported.id)!;
    expect(after).toMatchObject({ date: '2026-12-09', retiredOn: '2026-11-24', source: { kind: 'moderngov', uid: '17355' } });
  });
});

describe('refusals', () => {
  it('retiring or reinstating while locked is refused as locked', async () => {
    const { ok, call, officer, meeting } = await seeded();
    await ok('session:lock');
    for (const channel of ['officers:retire', 'officers:reinstate']) {
      expect(await call(channel, { id: officer.id })).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
    for (const channel of ['meetings:retire', 'meetings:reinstate']) {
      expect(await call(channel, { id: meeting.id })).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
    expect(await call('officers:requestCounts')).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('an id of another kind of record is not an officer or a meeting: refused, nothing changed', async () => {
    const { ok, call, officer, meeting, request } = await seeded();
    for (const id of [meeting.id, request.row.id, 'council-settings', 'made-up'])
      expect(await call('officers:retire', { id })).toMatchObject({
        ok: false,
        error: { code: 'not-found', message: 'There is no such officer. Nothing was changed.' },
      });
    for (const id of [officer.id, request.row.id, 'council-settings'])
      expect(await call('meetings:retire', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await ok('officers:list')).every((o: { retiredOn?: string }) => !o.retiredOn)).toBe(true);
    expect((await ok('meetings:list')).every((m: { retiredOn?: string }) => !m.retiredOn)).toBe(true);
  });

  it('before anyone has signed in there is nothing to retire', async () => {
    const { call } = coreBehindIpc();
    expect(await call('officers:retire', { id: 'x' })).toMatchObject({ ok: false });
  });
});

// Correcting and ending requests through the contract, as the screens call it: R-DUE-5 (holding reply
// becomes the target), edit / withdraw / close / reopen, timeline corrections, impossible dates.
import { afterEach, describe, expect, it } from 'vitest';
import { MEMBER_PASS, PA_PASS, draft, seededCase } from '../../support/core';
import type { TimelineItem } from '../../../../shared/ipc/views';

// Sent 16/11/2026; by 20/01/2027 the answer is long overdue.
const LATE = '2027-01-20';

describe('requests: holding reply, lifecycle and corrections through the contract', () => {
  let ctx: Awaited<ReturnType<typeof seededCase>> | null = null;
  afterEach(() => {
    ctx = null;
  });

  it('R-DUE-5: a holding reply with a later promised date makes the promise the target; overdue and Today follow it', async () => {
    ctx = await seededCase(LATE);
    const { ok, request } = ctx;
    const before = await ok('dashboard:get');
    const detail = await ok('requests:get', { id: request.row.id });
    expect(['overdue', 'very-overdue']).toContain(detail.row.status);
    expect(before.overdue).toBe(1);
    const after = await ok('requests:logEvent', {
      id: request.row.id,
      event: { type: 'holding', on: '2027-01-19', note: 'Valuer still on site', promisedBy: '2027-02-10' },
    });
    expect(after.row.status).toBe('holding');
    expect(after.row.target).toBe('2027-02-10');
    expect(after.row.workingDaysLate).toBe(0);
    expect((await ok('dashboard:get')).overdue).toBe(0);
    const list = await ok('requests:list', { offset: 0, limit: 10 });
    expect(list.rows[0]).toMatchObject({ id: request.row.id, status: 'holding', target: '2027-02-10' });
  });

  it('logEvent refuses impossible dates with the reason and saves nothing', async () => {
    ctx = await seededCase('2026-11-24');
    const { invoke, ok, request } = ctx;
    const future = await invoke('requests:logEvent', { id: request.row.id, event: { type: 'acknowledged', on: '2026-11-25', note: '' } });
    expect(future.ok).toBe(false);
    if (!future.ok)
      expect(future.error.message).toBe('The date it happened (25/11/2026) is after today. Record things once they have happened.');
    const early = await invoke('requests:logEvent', { id: request.row.id, event: { type: 'acknowledged', on: '2026-11-10', note: '' } });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain('before the request was sent on 16/11/2026');
    const promise = await invoke('requests:logEvent', {
      id: request.row.id,
      event: { type: 'holding', on: '2026-11-20', note: 'Waiting', promisedBy: '2026-11-19' },
    });
    expect(promise.ok).toBe(false);
    expect((await ok('requests:get', { id: request.row.id })).events).toEqual([]);
  });

  it('a mistyped date is corrected: the original is kept, the correction audited with its reason, the timeline in date order', async () => {
    ctx = await seededCase('2026-11-24');
    const { ok, request } = ctx;
    await ok('requests:logEvent', { id: request.row.id, event: { type: 'chased', on: '2026-11-20', note: 'Phoned' } });
    // Meant 17/11, typed 23/11.
    const logged = await ok('requests:logEvent', { id: request.row.id, event: { type: 'acknowledged', on: '2026-11-23', note: 'Thanks' } });
    expect(logged.timeline.map((e: TimelineItem) => e.type)).toEqual(['chased', 'acknowledged']);
    const ack = logged.timeline.find((e: TimelineItem) => e.type === 'acknowledged')!;
    const corrected = await ok('requests:correctEvent', {
      id: request.row.id,
      entryId: ack.id,
      changes: { on: '2026-11-17' },
      reason: 'Typed the wrong day',
    });
    expect(corrected.timeline.map((e: TimelineItem) => [e.type, e.on])).toEqual([
      ['acknowledged', '2026-11-17'],
      ['chased', '2026-11-20'],
    ]);
    expect(corrected.timeline[0]!.corrections).toEqual([
      { on: '2026-11-24', reason: 'Typed the wrong day', changes: [{ label: 'Date', from: '2026-11-23', to: '2026-11-17' }] },
    ]);
    // The stored entry is untouched; the correction is an entry of its own.
    expect(corrected.events.find((e: TimelineItem) => e.id === ack.id)?.on).toBe('2026-11-23');
    expect(corrected.events.at(-1)).toMatchObject({ type: 'correction', corrects: ack.id });
    const audit = await ok('audit:trail', { recordId: request.row.id });
    expect(JSON.stringify(audit)).toContain('timeline-corrected');
    expect(JSON.stringify(audit)).toContain('Typed the wrong day');
  });

  it('a correction of an entry that does not exist, to a future date, or without a reason is refused in words', async () => {
    ctx = await seededCase('2026-11-24');
    const { ok, request } = ctx;
    const logged = await ok('requests:logEvent', { id: request.row.id, event: { type: 'acknowledged', on: '2026-11-18', note: '' } });
    const id = logged.timeline[0]!.id;
    const cases: Array<[unknown, string]> = [
      [
        { id: request.row.id, entryId: 'entry-99', changes: { on: '2026-11-17' }, reason: 'Wrong' },
        'That entry is not on this request’s timeline.',
      ],
      [{ id: request.row.id, entryId: id, changes: { on: '2026-12-17' }, reason: 'Wrong day' }, 'is after today'],
      [{ id: request.row.id, entryId: id, changes: { on: '2026-11-17' }, reason: '' }, 'Say why the entry is being corrected.'],
      [
        { id: request.row.id, entryId: id, changes: { promisedBy: '2026-11-30' }, reason: 'Wrong day' },
        'This entry has no promised date to correct.',
      ],
      [{ id: request.row.id, entryId: id, changes: { officerId: 'x' }, reason: 'Wrong day' }, ''],
      [{ id: 'no-such-request', entryId: id, changes: { on: '2026-11-17' }, reason: 'Wrong day' }, ''],
    ];
    for (const [input, words] of cases) {
      const r = await ctx.call('requests:correctEvent', input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toContain(words);
        expect(r.error.message).not.toMatch(/entryId|changes\.|zod|R-[A-Z]{3}-\d|\n\s+at /);
      }
    }
    expect((await ok('requests:get', { id: request.row.id })).events).toHaveLength(1);
  });

  it('edit keeps the old and new values; what fixes deadlines cannot change', async () => {
    ctx = await seededCase('2026-11-24');
    const { call, ok, request } = ctx;
    const edited = await ok('requests:edit', {
      id: request.row.id,
      changes: { subject: 'Depot valuation (revised)', ward: 'Riverside' },
      reason: 'Clearer subject',
    });
    expect(edited.row.subject).toBe('Depot valuation (revised)');
    const entry = edited.timeline.find((e: TimelineItem) => e.type === 'edited')!;
    expect(entry.details).toEqual(['Subject: was “Depot disposal valuation”, now “Depot valuation (revised)”']);
    expect(entry.correctable).toBe(false);
    const fixed = await call('requests:edit', { id: request.row.id, changes: { sentOn: '2026-11-01' } });
    expect(fixed.ok).toBe(false);
    const meeting = await call('requests:edit', { id: request.row.id, changes: { meetingId: 'not-a-meeting' } });
    expect(meeting.ok).toBe(false);
    if (!meeting.ok) expect(meeting.error.message).toBe('Choose the meeting from the list.');
    // The agenda item must be one of the meeting's: a made-up item, or one from another meeting, is refused.
    const other = await ok('meetings:save', { committee: 'Planning', date: '2026-12-09', agendaItems: ['Item 3: housing'] });
    for (const changes of [{ agendaItem: 'Item 99: anything' }, { meetingId: other.id }]) {
      const wrong = await call('requests:edit', { id: request.row.id, changes });
      expect(wrong).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(/is not on the agenda of the/) },
      });
    }
    // R-ASK-2: the same at creation.
    const madeUp = await call(
      'requests:create',
      draft({ officerId: ctx.officer.id, meetingId: ctx.meeting.id, agendaItem: 'Item 99: anything' }),
    );
    expect(madeUp).toMatchObject({ ok: false, error: { message: expect.stringMatching(/“Item 99: anything” is not on the agenda/) } });
    const moved = await ok('requests:edit', { id: request.row.id, changes: { meetingId: other.id, agendaItem: 'Item 3: housing' } });
    expect(moved.row).toBeDefined();
    expect((await ok('requests:get', { id: request.row.id })).row.subject).toBe('Depot valuation (revised)');
  });

  it('withdrawing leaves Today; a withdrawn request cannot be edited or logged until reopened; closing and reopening keep the history', async () => {
    ctx = await seededCase(LATE);
    const { invoke, ok, request } = ctx;
    expect((await ok('dashboard:get')).overdue).toBe(1);
    const withdrawn = await ok('requests:withdraw', { id: request.row.id, on: LATE, reason: 'Answered at the meeting' });
    expect(withdrawn.row.status).toBe('withdrawn');
    expect(withdrawn.lifecycle).toEqual({ state: 'withdrawn', since: LATE, reason: 'Answered at the meeting', allowed: ['reopen'] });
    expect((await ok('dashboard:get')).overdue).toBe(0);
    expect((await ok('requests:list', { offset: 0, limit: 5 })).rows[0]!.status).toBe('withdrawn');
    const edit = await invoke('requests:edit', { id: request.row.id, changes: { subject: 'Something else' } });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.message).toBe('This request is withdrawn, so it cannot be changed. Reopen it first.');
    const log = await invoke('requests:logEvent', { id: request.row.id, event: { type: 'chased', on: LATE, note: '' } });
    expect(log.ok).toBe(false);
    const again = await invoke('requests:withdraw', { id: request.row.id, on: LATE, reason: 'Twice' });
    expect(again.ok).toBe(false);
    const reopened = await ok('requests:reopen', { id: request.row.id, on: LATE, reason: 'Not answered after all' });
    expect(reopened.lifecycle.state).toBe('open');
    expect((await ok('dashboard:get')).overdue).toBe(1);
    const closed = await ok('requests:close', { id: request.row.id, on: LATE, outcome: 'abandoned' });
    expect(closed.row.status).toBe('closed');
    expect(closed.timeline.map((e: TimelineItem) => e.type)).toEqual(['withdrawn', 'reopened', 'closed']);
    const bad = await ctx.call('requests:close', { id: request.row.id, on: LATE, outcome: 'deleted' });
    expect(bad.ok).toBe(false);
  });

  it('the history is the same after lock and unlock', async () => {
    ctx = await seededCase('2026-11-24');
    const { ok, request } = ctx;
    const logged = await ok('requests:logEvent', { id: request.row.id, event: { type: 'acknowledged', on: '2026-11-23', note: '' } });
    await ok('requests:correctEvent', {
      id: request.row.id,
      entryId: logged.timeline[0]!.id,
      changes: { on: '2026-11-17' },
      reason: 'Typed the wrong day',
    });
    const before = await ok('requests:get', { id: request.row.id });
    await ok('session:lock');
    const { users } = await ok<{ users: Array<{ id: string; role: string }> }>('session:getState');
    await ok('session:unlock', { userId: users.find((u) => u.role === 'member')!.id, passphrase: MEMBER_PASS });
    expect(await ok('requests:get', { id: request.row.id })).toEqual(before);
  });

  it('a PA cannot edit, end or correct a Member-only request', async () => {
    ctx = await seededCase('2026-11-24');
    const { ok, call, officer } = ctx;
    const secret = await ok('requests:create', draft({ officerId: officer.id, memberOnly: true, subject: 'Member-only matter' }));
    const logged = await ok('requests:logEvent', { id: secret.row.id, event: { type: 'acknowledged', on: '2026-11-18', note: '' } });
    const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ok('session:lock');
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    const attempts: Array<[string, unknown]> = [
      ['requests:edit', { id: secret.row.id, changes: { subject: 'Changed by PA' } }],
      ['requests:withdraw', { id: secret.row.id, on: '2026-11-24', reason: 'PA says so' }],
      ['requests:close', { id: secret.row.id, on: '2026-11-24', outcome: 'answered' }],
      [
        'requests:correctEvent',
        { id: secret.row.id, entryId: logged.timeline[0]!.id, changes: { on: '2026-11-17' }, reason: 'PA says so' },
      ],
    ];
    for (const [channel, input] of attempts) {
      const r = await call(channel, input);
      expect(r.ok, channel).toBe(false);
    }
    await ok('session:lock');
    const { users } = await ok<{ users: Array<{ id: string; role: string }> }>('session:getState');
    await ok('session:unlock', { userId: users.find((u) => u.role === 'member')!.id, passphrase: MEMBER_PASS });
    const after = await ok('requests:get', { id: secret.row.id });
    expect(after.row.subject).toBe('Member-only matter');
    expect(after.events).toHaveLength(1);
  });
});

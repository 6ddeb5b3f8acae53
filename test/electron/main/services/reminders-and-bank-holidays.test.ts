import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Timers } from '../../../../electron/main/services/session-service';
import { LAST_DIGEST_KEY } from '../../../../electron/main/services/reminder-service';
import { MEMBER_PASS, PA_PASS, draft, seededCase } from '../../support/core';

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn) => {
      pending.set(next, fn);
      return next++;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  const fire = () => {
    const fns = [...pending.values()];
    pending.clear();
    for (const fn of fns) fn();
  };
  return { timers, fire, pending };
}

async function remindedCase(today = '2026-11-24') {
  const shown: Array<{ title: string; body: string }> = [];
  const clock = manualTimers();
  const ctx = await seededCase(today, { notify: (title, body) => shown.push({ title, body }), timers: clock.timers });
  const member = (await ctx.ok('users:list'))[0]!;
  /** Lock, then unlock as the Member (or another user). */
  const relock = async (userId = member.id, passphrase = MEMBER_PASS) => {
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId, passphrase });
  };
  return { ...ctx, shown, clock, relock, member };
}

describe('Reminders: a daily digest from main, counts and references only', () => {
  it('notifies once per UK day on unlock, and again only on a later day', async () => {
    const { shown, request, settingsStore, relock } = await remindedCase();
    // setUp unlocked the vault: the seeded request was sent 16/11 and its answer was due 23/11.
    await relock();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.body).toBe(`1 request is overdue. ${request.row.reference}.`);
    expect(settingsStore.get(LAST_DIGEST_KEY)).toBe('2026-11-24');
    await relock();
    expect(shown).toHaveLength(1);
  });

  it('checks hourly only while unlocked', async () => {
    const { ok, shown, clock, settingsStore, relock } = await remindedCase();
    settingsStore.set(LAST_DIGEST_KEY, '2026-11-24');
    await relock();
    expect(shown).toHaveLength(0);
    settingsStore.delete(LAST_DIGEST_KEY); // as if the day had turned
    clock.fire(); // an hour later
    expect(shown).toHaveLength(1);
    settingsStore.delete(LAST_DIGEST_KEY);
    await ok('session:lock');
    clock.fire(); // whatever is still scheduled finds the vault locked
    expect(shown).toHaveLength(1);
  });

  it('never includes the subject of any request; a PA is not told of Member-only requests at all', async () => {
    const { ok, shown, officer, relock, settingsStore } = await remindedCase();
    const secret = await ok(
      'requests:create',
      draft({ officerId: officer.id, subject: 'Secret pink paper on the depot', memberOnly: true, sentOn: '2026-11-10' }),
    );
    const pa = await ok('users:addPa', { name: 'Pat Assistant', passphrase: PA_PASS });
    await relock();
    expect(shown).toHaveLength(1);
    expect(`${shown[0]!.title} ${shown[0]!.body}`).not.toMatch(/secret|pink|depot|valuation/i);
    expect(shown[0]!.body).toBe(`2 requests are overdue. ${secret.row.reference}, NTK-2026-00001.`);
    settingsStore.delete(LAST_DIGEST_KEY);
    await relock(pa.id, PA_PASS);
    expect(shown).toHaveLength(2);
    expect(`${shown[1]!.title} ${shown[1]!.body}`).not.toMatch(/secret|pink|depot|valuation/i);
    expect(shown[1]!.body).toBe('1 request is overdue. NTK-2026-00001.');
  });

  it('says nothing when nothing is due', async () => {
    const { shown, relock } = await remindedCase('2026-11-17');
    await relock();
    expect(shown).toEqual([]);
  });
});

const govUk = (ew: Array<{ title: string; date: string }>) =>
  JSON.stringify({
    'england-and-wales': { division: 'england-and-wales', events: ew.map((e) => ({ ...e, notes: '', bunting: true })) },
    scotland: { division: 'scotland', events: [] },
    'northern-ireland': { division: 'northern-ireland', events: [] },
  });

describe('R-DUE-3: importing gov.uk’s bank-holidays.json', () => {
  async function importCase(content: string | null) {
    let file: string | null = null;
    const ctx = await seededCase('2026-11-24', { chooseBankHolidaysFile: async () => file });
    if (content !== null) {
      mkdirSync(path.join(ctx.dataFolder, 'import'), { recursive: true });
      file = path.join(ctx.dataFolder, 'import', 'bank-holidays.json');
      writeFileSync(file, content);
    }
    return ctx;
  }

  it('lists a one-off holiday, the affected requests and questions a weekend date; nothing is saved until accepted', async () => {
    const { ok, request } = await importCase(
      govUk([
        { title: 'Christmas Day', date: '2026-12-25' },
        { title: 'Boxing Day', date: '2026-12-28' },
        { title: 'Royal celebration', date: '2026-11-19' },
        { title: 'Weekend oddity', date: '2026-11-21' },
      ]),
    );
    const preview = await ok('holidays:importGovUk');
    expect(preview.added).toEqual([{ date: '2026-11-19', name: 'Royal celebration' }]);
    expect(preview.weekend.map((w) => w.date)).toEqual(['2026-11-21']);
    expect(preview.weekend[0]!.question).toMatch(/Saturday/);
    expect(preview.affected.map((a) => a.id)).toEqual([request.row.id]);
    expect(preview.affected[0]!.after.respondBy).toBe('2026-11-24');
    expect((await ok('holidays:get')).added).toEqual([]);
    const saved = await ok('holidays:save', { edits: preview.edits, recompute: preview.affected.map((a) => a.id) });
    expect(saved.recomputed).toBe(1);
    expect((await ok('requests:get', { id: request.row.id })).row.target).toBe('2026-11-24');
  });

  it('refuses a malformed file with the reason and changes nothing', async () => {
    for (const bad of [
      '{not json',
      JSON.stringify({ 'england-and-wales': { division: 'scotland', events: [] } }),
      govUk([{ title: 'Bad', date: '2026-02-31' }]),
      JSON.stringify([1, 2]),
    ]) {
      const { call, ok } = await importCase(bad);
      const r = await call('holidays:importGovUk');
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(r.ok ? '' : r.error.message).toMatch(/^This is not the gov.uk bank holidays file/);
      expect((await ok('holidays:get')).added).toEqual([]);
    }
  });

  it('answers a cancelled dialog with nothing, and an input from a hostile page is refused', async () => {
    const { ok, call } = await importCase(null);
    expect((await ok('holidays:importGovUk')).file).toBeNull();
    expect(await call('holidays:importGovUk', { path: '/etc/passwd' })).toMatchObject({ ok: false });
  });
});

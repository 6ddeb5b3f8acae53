import 'fake-indexeddb/auto';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_STATUSES } from '../../../shared/domain/requests';
import { DEFAULT_LIST_QUERY, type ListQuery, type RequestListPage, type RequestListRow } from '../../../shared/ipc/views';
import { followChanges } from '../../../renderer/db/changes';
import { requestByReference } from '../../../renderer/db/queries';
import { fetchRead } from '../../../renderer/db/reads';
import {
  DATABASE,
  PAGE_ROWS,
  clearWorkingSet,
  db,
  fetchPage,
  listChanged,
  loadWorkingSet,
  pageKey,
  showPages,
} from '../../../renderer/db/working-set';
import { useRequestList } from '../../../renderer/features/requests/hooks/useRequestQuery';
import { installFakeApi } from '../fake-api';

/** Row i of main's answer. */
const row = (i: number, subject = `Subject ${i}`): RequestListRow => ({
  id: `r${i}`,
  reference: `NTK-2026-${String(i).padStart(5, '0')}`,
  locked: false,
  subject,
  officerName: 'Sam Green',
  service: 'Highways',
  ward: 'Abbey',
  meetingId: null,
  meetingLabel: '',
  capacity: 'Ward member',
  route: 'Need to know',
  classification: 'Nothing received yet',
  status: REQUEST_STATUSES[i % REQUEST_STATUSES.length]!,
  sentOn: '2026-11-02',
  acknowledgeBy: null,
  target: '2026-11-20',
  workingDaysLate: 0,
  awaitingMonitoringOfficer: false,
  chairNoticePending: false,
  dueSoon: false,
});

type ListInput = { offset: number; limit: number; query?: ListQuery };

/**
 * A main process answering requests:list over `count()` rows (a search for "even" keeps the even
 * ones), each row's subject from `subjectOf`; `gate` can hold an answer back until the test releases it.
 */
function mainWith(count: () => number, subjectOf: (i: number) => string = (i) => `Subject ${i}`) {
  const gates: Array<() => void> = [];
  let held = false;
  const fake = installFakeApi({
    'requests:list': async (input) => {
      const { offset, limit, query } = input as ListInput;
      const all = Array.from({ length: count() }, (_, i) => row(i, subjectOf(i)));
      const matching = query?.search === 'even' ? all.filter((_, i) => i % 2 === 0) : all;
      const page: RequestListPage = { total: matching.length, all: all.length, rows: matching.slice(offset, offset + limit) };
      if (held) await new Promise<void>((resolve) => gates.push(resolve));
      return { ok: true, value: page };
    },
    'officers:list': () => ({ ok: true, value: [] }),
    'meetings:list': () => ({ ok: true, value: [] }),
  });
  const listCalls = () => fake.calls.filter((c) => c.channel === 'requests:list').map((c) => c.input as ListInput);
  return {
    ...fake,
    listCalls,
    hold: () => (held = true),
    release: () => {
      held = false;
      gates.splice(0).forEach((open) => open());
    },
  };
}

const held = async (query: ListQuery, page: number) => db.pages.get(pageKey(query, page));

afterEach(async () => {
  await clearWorkingSet();
});

describe('the list asks main only for the pages it shows', () => {
  it('a page shown is asked for once, kept, and read again from the working set; two screens showing it ask once', async () => {
    const main = mainWith(() => 1_000);
    const offA = showPages(DEFAULT_LIST_QUERY, [0, 3]);
    const offB = showPages(DEFAULT_LIST_QUERY, [3]);
    await expect.poll(() => held(DEFAULT_LIST_QUERY, 3)).toBeDefined();
    await expect.poll(() => held(DEFAULT_LIST_QUERY, 0)).toBeDefined();
    expect(main.listCalls().map((c) => c.offset)).toEqual([0, 3 * PAGE_ROWS]);
    expect((await held(DEFAULT_LIST_QUERY, 3))!).toMatchObject({ total: 1_000, all: 1_000, error: null });
    expect((await held(DEFAULT_LIST_QUERY, 3))!.rows.map((r) => r.id)[0]).toBe(`r${3 * PAGE_ROWS}`);
    await fetchPage(DEFAULT_LIST_QUERY, 3);
    expect(main.listCalls()).toHaveLength(2);
    // Never more than a page: 50,000 rows never cross to the window.
    expect(main.listCalls().every((c) => c.limit === PAGE_ROWS)).toBe(true);
    offA();
    offB();
  });

  it('main’s refusal is kept in plain words with the page, and the first page’s stops the load with it', async () => {
    installFakeApi({
      'requests:list': () => ({ ok: false, error: { code: 'cannot-open', message: 'The request list could not be read.' } }),
      'officers:list': () => ({ ok: true, value: [] }),
      'meetings:list': () => ({ ok: true, value: [] }),
    });
    await expect(loadWorkingSet()).rejects.toThrow('The request list could not be read.');
    expect((await held(DEFAULT_LIST_QUERY, 0))!.error).toBe('The request list could not be read.');
  });

  it('after unlock the directory and the first page are in the working set', async () => {
    mainWith(() => 120);
    await loadWorkingSet();
    expect((await held(DEFAULT_LIST_QUERY, 0))!.rows).toHaveLength(PAGE_ROWS);
    expect(await db.pages.count()).toBe(1);
  });
});

describe('change events: rows are never stale', () => {
  it('the pages on screen are asked for again and replaced together; every other page held goes', async () => {
    let count = 200;
    const main = mainWith(
      () => count,
      (i) => (count > 200 && i === 60 ? 'Renamed' : `Subject ${i}`),
    );
    const search: ListQuery = { ...DEFAULT_LIST_QUERY, search: 'even' };
    const off = showPages(DEFAULT_LIST_QUERY, [0, 1]);
    await fetchPage(search, 0); // a page asked for earlier, no longer on screen
    await expect.poll(() => db.pages.count()).toBe(3);
    count = 201;
    const stop = followChanges();
    main.emit('records:changed', { kind: 'request', id: 'r60' });
    await expect.poll(async () => (await held(DEFAULT_LIST_QUERY, 1))?.rows[10]?.subject).toBe('Renamed');
    expect((await held(DEFAULT_LIST_QUERY, 0))!.total).toBe(201);
    expect(await held(search, 0)).toBeUndefined();
    stop();
    off();
  });

  it('an answer asked for before a change is dropped when it arrives after it; a page shown from before is asked for again', async () => {
    let subject = 'Before';
    const main = mainWith(
      () => 100,
      () => subject,
    );
    const other: ListQuery = { ...DEFAULT_LIST_QUERY, sort: 'subject' };
    await fetchPage(other, 0);
    main.hold();
    const off = showPages(DEFAULT_LIST_QUERY, [0]);
    await expect.poll(() => main.listCalls().length).toBe(2);
    subject = 'After';
    const changed = listChanged(); // the shown page is asked for again, and held back too
    await expect.poll(() => main.listCalls().length).toBe(3);
    main.release();
    await changed;
    await expect.poll(async () => (await held(DEFAULT_LIST_QUERY, 0))?.rows[0]?.subject).toBe('After');
    // The page of the other query, from before the change, is gone; shown again, it is asked for afresh.
    expect(await held(other, 0)).toBeUndefined();
    const offOther = showPages(other, [0]);
    await expect.poll(async () => (await held(other, 0))?.rows[0]?.subject).toBe('After');
    off();
    offOther();
  });
});

describe('the list window keeps one whole answer on screen', () => {
  it('while a new query’s first page is on its way the last answer stays, and its count changes once, to the right number', async () => {
    const main = mainWith(() => 300);
    const { result, rerender } = renderHook(({ query }) => useRequestList(query, 0, 20), {
      initialProps: { query: DEFAULT_LIST_QUERY },
    });
    await expect.poll(() => result.current.total).toBe(300);
    expect(result.current.rowAt(0)?.id).toBe('r0');
    expect(result.current.rowAt(120)).toBeUndefined(); // not shown: not asked for
    main.hold();
    const seen = new Set<number | null>();
    rerender({ query: { ...DEFAULT_LIST_QUERY, search: 'even' } });
    seen.add(result.current.total);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 30)));
    seen.add(result.current.total);
    expect([...seen]).toEqual([300]);
    expect(result.current.rowAt(0)?.id).toBe('r0');
    main.release();
    await expect.poll(() => result.current.total).toBe(150);
    expect(result.current.rowAt(1)?.id).toBe('r2');
    expect(result.current.all).toBe(300);
  });

  it('a jump far down the same list keeps the count and shows the rows there once their page arrives', async () => {
    mainWith(() => 50_000);
    const { result, rerender } = renderHook(({ first }) => useRequestList(DEFAULT_LIST_QUERY, first, first + 20), {
      initialProps: { first: 0 },
    });
    await expect.poll(() => result.current.total).toBe(50_000);
    rerender({ first: 37_123 });
    expect(result.current.total).toBe(50_000);
    await expect.poll(() => result.current.rowAt(37_123)?.id).toBe('r37123');
  });
});

describe('the rest of the working set', () => {
  it('a request is found by its reference by asking main', async () => {
    const fake = installFakeApi({
      'requests:findByReference': (input) => ({
        ok: true,
        value: (input as { reference: string }).reference === 'NTK-2026-00012' ? { id: 'r12' } : null,
      }),
    });
    expect(await requestByReference('NTK-2026-00012')).toEqual({ id: 'r12' });
    expect(await requestByReference('NTK-2026-99999')).toBeUndefined();
    expect(fake.calls).toHaveLength(2);
  });

  it('a meeting added elsewhere reaches the meetings table, and a stored read follows its kind of record', async () => {
    const meetings = [{ id: 'm1', committee: 'Planning', date: '2026-12-01', agendaItems: ['1'] }];
    let register: unknown[] = [];
    const fake = installFakeApi({
      'requests:list': async () => ({ ok: true, value: { total: 0, all: 0, rows: [] } }),
      'officers:list': () => ({ ok: true, value: [] }),
      'meetings:list': () => ({ ok: true, value: meetings }),
      'disclosures:register': () => ({ ok: true, value: register }),
    });
    await loadWorkingSet();
    const stop = followChanges();
    await expect.poll(() => db.meetings.count()).toBe(1);
    meetings.push({ id: 'm2', committee: 'Cabinet', date: '2026-11-20', agendaItems: [] });
    fake.emit('records:changed', { kind: 'meeting', id: 'm2' });
    await expect.poll(async () => (await db.meetings.orderBy('date').toArray()).map((m) => m.id)).toEqual(['m2', 'm1']);

    await fetchRead('disclosures:register', undefined, ['disclosure']);
    expect((await db.reads.toArray())[0]).toMatchObject({ channel: 'disclosures:register', value: [], error: null });
    register = [{ id: 'e1' }];
    fake.emit('records:changed', { kind: 'officer', id: 'o1' }); // another kind: not read again
    fake.emit('records:changed', { kind: 'disclosure', id: 'd1' });
    await expect.poll(async () => (await db.reads.toArray())[0]?.value).toEqual([{ id: 'e1' }]);
    expect(fake.calls.filter((c) => c.channel === 'disclosures:register')).toHaveLength(2);
    stop();
  });

  it('a lock while a screen’s answer is being stored ends the read quietly, and nothing of it is left', async () => {
    let lockNow: () => Promise<void> = async () => undefined;
    installFakeApi({
      'disclosures:register': async () => {
        await lockNow();
        return { ok: true, value: [{ id: 'e1' }] };
      },
    });
    const first = db;
    lockNow = async () => {
      first.close(); // the lock closes the database the read began with
    };
    await expect(fetchRead('disclosures:register', undefined, ['disclosure'])).resolves.toBeUndefined();
    lockNow = async () => undefined;
    await clearWorkingSet();
    expect(await db.reads.count()).toBe(0);
  });
});

describe('locking deletes the working set', () => {
  it('every table goes with the database, a page arriving after the lock is not stored, and the next unlock starts empty', async () => {
    const main = mainWith(() => 500);
    await loadWorkingSet();
    await fetchRead('officers:list', undefined, ['officer']);
    main.hold();
    const off = showPages(DEFAULT_LIST_QUERY, [4]);
    await expect.poll(() => main.listCalls().length).toBe(2);
    expect(await db.pages.count()).toBe(1);
    await clearWorkingSet();
    main.release();
    await new Promise((resolve) => setTimeout(resolve, 30));
    off();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DATABASE);
    expect([await db.pages.count(), await db.officers.count(), await db.meetings.count(), await db.reads.count()]).toEqual([0, 0, 0, 0]);
  });
});

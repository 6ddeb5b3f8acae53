import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inView, REQUEST_VIEWS } from '../../../shared/domain/worklist';
import { REQUEST_STATUSES } from '../../../shared/domain/requests';
import type { RequestRow } from '../../../shared/ipc/views';
import { listPageOf } from '../../shared/ipc/list-page';
import { followChanges } from '../../../renderer/db/changes';
import {
  EMPTY_FILTER,
  filterOptions,
  keepMatching,
  loadProgress,
  matchingKeys,
  orderedKeys,
  requestByReference,
  rowsByKeys,
  viewCounts,
  type RequestFilter,
  type Sort,
  type SortKey,
} from '../../../renderer/db/queries';
import { fetchRead } from '../../../renderer/db/reads';
import { DATABASE, PAGE_SIZES, clearWorkingSet, db, loadWorkingSet, refreshRequest } from '../../../renderer/db/working-set';
import { installFakeApi } from '../fake-api';

/** The ids of the requests matching the filter, in the chosen order, as the list reads them. */
async function requestIds(filter: RequestFilter, sort: Sort): Promise<string[]> {
  const [ordered, matching] = await Promise.all([orderedKeys(sort), matchingKeys(filter)]);
  const keys = keepMatching(ordered, matching);
  const rows = await rowsByKeys(keys);
  return keys.map((k) => rows.get(k)!.id);
}

/** The held row of one request, found as the list finds it. */
async function heldRow(id: string) {
  const keys = await orderedKeys({ key: 'target', descending: false });
  return [...(await rowsByKeys(keys)).values()].find((r) => r.id === id);
}

/** Every record of the working set's request tables. */
const requestRecords = async () =>
  (await Promise.all([db.blocks.count(), db.terms.count(), db.words.count(), db.runs.count(), db.pages.count()])).reduce(
    (a, b) => a + b,
    0,
  );

const SERVICES = ['Highways', 'Planning', 'Housing'];
const WORDS = ['pothole repairs', 'planning application', 'damp and mould', 'bin collections', 'Item 9 budget', 'Item 10 budget'];

/** Varied rows: every status, service, view, locked placeholders, blanks; row(i) is main's i-th. */
const row = (i: number): RequestRow => {
  if (i % 17 === 5)
    return {
      ...row(0),
      id: `r${i}`,
      reference: 'Member only',
      locked: true,
      subject: 'Member only',
      question: '',
      notes: '',
      officerName: '',
      service: '',
      ward: '',
      capacity: '',
      route: '',
      classification: 'Member only',
      sentOn: '',
      target: '',
      workingDaysLate: 0,
      awaitingMonitoringOfficer: false,
      chairNoticePending: false,
      dueSoon: false,
    };
  return {
    id: `r${i}`,
    reference: `NTK-2026-${String(i).padStart(5, '0')}`,
    locked: false,
    subject: `${WORDS[i % WORDS.length]} ${i}`,
    question: i % 3 === 0 ? 'Whether the council assessed the risk to pedestrians' : 'Timetable for works',
    notes: i % 4 === 0 ? 'Chased by phone' : '',
    officerName: i % 5 === 0 ? 'Sam Green' : 'Priya Patel',
    service: SERVICES[i % SERVICES.length]!,
    ward: i % 2 ? 'Riverside' : 'Abbey',
    meetingId: i % 7 === 0 ? 'm1' : null,
    meetingLabel: i % 7 === 0 ? 'Planning Committee, 01/12/2026' : '',
    capacity: 'Ward member',
    route: 'Need to know',
    classification: i % 6 === 0 ? 'Exempt' : 'Nothing received yet',
    status: REQUEST_STATUSES[i % REQUEST_STATUSES.length]!,
    // Main sends rows in due-date order; a few have no date yet.
    sentOn: i % 11 === 0 ? '' : `2026-${String(1 + (i % 11)).padStart(2, '0')}-02`,
    acknowledgeBy: null,
    target: i % 13 === 0 ? '' : `2026-11-${String(10 + Math.floor(i / 100)).padStart(2, '0')}`,
    workingDaysLate: i % 9 === 0 ? 2 : 0,
    awaitingMonitoringOfficer: i % 8 === 0,
    chairNoticePending: i % 10 === 0,
    dueSoon: i % 9 !== 0 && i % 4 === 1,
  };
};

/** A main process holding `total` requests, answering requests:list a page at a time. */
function mainWith(total: number, beforeReply: (offset: number) => Promise<void> | void = () => undefined) {
  const all = Array.from({ length: total }, (_, i) => row(i));
  return installFakeApi({
    'requests:list': async (input) => {
      const { offset, limit } = input as { offset: number; limit: number };
      await beforeReply(offset);
      return { ok: true, value: listPageOf(total, all.slice(offset, offset + limit)) };
    },
    'officers:list': () => ({ ok: true, value: [] }),
    'meetings:list': () => ({ ok: true, value: [] }),
  });
}

afterEach(async () => {
  await clearWorkingSet();
});

describe('the working set fills page by page', () => {
  it('asks for growing pages and ends with every row in Dexie, in main’s order', async () => {
    const fake = mainWith(6_300);
    expect(await loadWorkingSet()).toBe(6_300);
    const limits = fake.calls.filter((c) => c.channel === 'requests:list').map((c) => (c.input as { limit: number }).limit);
    expect(limits).toEqual([PAGE_SIZES[0], PAGE_SIZES[1], PAGE_SIZES[2], PAGE_SIZES[3]]);
    expect(await loadProgress()).toEqual({ loaded: 6_300, total: 6_300, loading: false });
    const ids = await requestIds(EMPTY_FILTER, { key: 'target', descending: false });
    expect(new Set(ids).size).toBe(6_300);
    expect(row(Number(ids[0]!.slice(1))).target).toBe('2026-11-10');
  }, 60_000); // thousands of rows through fake-indexeddb

  it('reports progress while filling: the rows and "still loading" land together', async () => {
    const seen: Array<{ loaded: number; loading: boolean }> = [];
    mainWith(1_500, async () => {
      seen.push(await loadProgress());
    });
    await loadWorkingSet();
    expect(seen.map((s) => s.loaded)).toEqual([0, PAGE_SIZES[0], PAGE_SIZES[0] + PAGE_SIZES[1] - 50]);
    expect(seen.every((s) => s.loading)).toBe(true);
    expect(await loadProgress()).toMatchObject({ loaded: 1_500, loading: false });
  }, 30_000);

  it('from the third page on, main is asked for the next page before this one is written', async () => {
    const seen: number[] = [];
    mainWith(20_000, async () => {
      seen.push((await loadProgress()).loaded);
    });
    expect(await loadWorkingSet()).toBe(20_000);
    // Pages start at 0, 50, 1,000, 5,950 and 15,900: the fourth is asked for as soon as the third (5,000
    // rows) arrives, before it is written, and the fifth as soon as the fourth (10,000) arrives.
    const third = PAGE_SIZES[0] + PAGE_SIZES[1] - 50;
    expect(seen).toEqual([0, PAGE_SIZES[0], third, third, 6_000]);
  }, 60_000);

  it('pages that arrive while one is being written are stored together: each row once, the screens read once for them', async () => {
    const fake = mainWith(40_000);
    const progressWrites = vi.spyOn(db.load, 'put');
    expect(await loadWorkingSet()).toBe(40_000);
    const pages = fake.calls.filter((c) => c.channel === 'requests:list').length;
    expect(pages).toBe(7);
    // One progress write per transaction, and one when the load began: fewer transactions than pages.
    expect(progressWrites.mock.calls.length - 1).toBeLessThan(pages);
    const ids = await requestIds(EMPTY_FILTER, { key: 'target', descending: false });
    expect(new Set(ids).size).toBe(40_000);
    expect(await loadProgress()).toEqual({ loaded: 40_000, total: 40_000, loading: false });
    // The later pages' words are found too.
    expect(await requestIds({ ...EMPTY_FILTER, search: 'NTK-2026-39999' }, { key: 'target', descending: false })).toEqual(['r39999']);
    expect((await requestByReference('ntk-2026-35001'))?.id).toBe('r35001');
  }, 120_000);

  it('a change event while pages wait to be stored together: the refreshed row is the newer copy, an added one is held once', async () => {
    const all = Array.from({ length: 40_000 }, (_, i) => row(i));
    let changed = false;
    const fake = installFakeApi({
      'requests:list': async (input) => {
        const { offset, limit } = input as { offset: number; limit: number };
        const rows = all.slice(offset, offset + limit);
        // While the later pages are on their way: r30001 is answered, and a new request arrives.
        if (offset > 20_000 && !changed) {
          changed = true;
          all.push({ ...row(40_000), id: 'r-new', subject: 'A request sent from another window' });
          void refreshRequest('r30001');
          void refreshRequest('r-new');
        }
        return { ok: true, value: listPageOf(all.length, rows) };
      },
      'requests:get': async (input) => {
        const { id } = input as { id: string };
        const found = id === 'r30001' ? { ...row(30_001), status: 'answered' as const } : all.find((r) => r.id === id)!;
        return { ok: true, value: { row: found } as never };
      },
      'officers:list': () => ({ ok: true, value: [] }),
      'meetings:list': () => ({ ok: true, value: [] }),
    });
    await loadWorkingSet();
    expect(fake.calls.filter((c) => c.channel === 'requests:get')).toHaveLength(2);
    const ids = await requestIds(EMPTY_FILTER, { key: 'target', descending: false });
    expect(ids).toHaveLength(40_001);
    expect(new Set(ids).size).toBe(40_001);
    expect((await heldRow('r30001'))?.status).toBe('answered');
    expect(await requestIds({ ...EMPTY_FILTER, search: 'another window' }, { key: 'target', descending: false })).toEqual(['r-new']);
  }, 120_000);

  it('a load started while a lock is still deleting the database fills the fresh one (a quick unlock)', async () => {
    mainWith(150);
    await loadWorkingSet();
    const deleting = clearWorkingSet(); // not awaited: the user unlocks again at once
    expect(await loadWorkingSet()).toBe(150);
    await deleting;
    expect((await loadProgress()).loaded).toBe(150);
    expect(new Set(await requestIds(EMPTY_FILTER, { key: 'target', descending: false })).size).toBe(150);
  });

  it('a request whose due date moves while the list loads is not skipped at a page boundary', async () => {
    // Main's order: r0…r1199. After the first page, r5 gets a later due date and moves to the end,
    // so every row after it shifts up one place.
    let order = Array.from({ length: 1_200 }, (_, i) => row(i));
    installFakeApi({
      'requests:list': async (input) => {
        const { offset, limit } = input as { offset: number; limit: number };
        const page = order.slice(offset, offset + limit);
        if (offset === 0) order = [...order.filter((r) => r.id !== 'r5'), { ...row(5), target: '2027-01-04' }];
        return { ok: true, value: listPageOf(order.length, page) };
      },
    });
    expect(await loadWorkingSet()).toBe(1_200);
    expect(new Set(await requestIds(EMPTY_FILTER, { key: 'target', descending: false })).size).toBe(1_200);
  }, 30_000);

  it('a page fetched before a change does not overwrite the row the change event refreshed', async () => {
    let refreshNow = async () => undefined as unknown;
    const fake = installFakeApi({
      'requests:list': async (input) => {
        const { offset, limit } = input as { offset: number; limit: number };
        const rows = Array.from({ length: 300 }, (_, i) => row(i)).slice(offset, offset + limit);
        if (offset > 0) await refreshNow(); // the change lands while this (older) page is on its way
        return { ok: true, value: listPageOf(300, rows) };
      },
      'requests:get': async () => ({ ok: true, value: { row: { ...row(150), status: 'answered' } } as never }),
    });
    refreshNow = () => refreshRequest('r150');
    await loadWorkingSet();
    expect(fake.calls.some((c) => c.channel === 'requests:get')).toBe(true);
    expect((await heldRow('r150'))?.status).toBe('answered');
  });

  it('a request a change event adds while its page is on its way is held once, the newer copy', async () => {
    // The change event finds the row in no page yet and adds it; the page arriving after must not add it again.
    for (const id of ['r3000', 'r6500']) {
      let pageSent: () => void = () => undefined;
      const sent = new Promise<void>((resolve) => (pageSent = resolve));
      const all = Array.from({ length: 7_000 }, (_, i) => row(i));
      installFakeApi({
        'requests:list': async (input) => {
          const { offset, limit } = input as { offset: number; limit: number };
          const rows = all.slice(offset, offset + limit);
          if (rows.some((r) => r.id === id)) {
            void refreshRequest(id); // main announces the change now; its answer comes once this page is sent
            setTimeout(pageSent, 0);
          }
          return { ok: true, value: listPageOf(all.length, rows) };
        },
        'requests:get': async () => {
          await sent;
          return { ok: true, value: { row: { ...row(Number(id.slice(1))), status: 'answered' } } as never };
        },
        'officers:list': () => ({ ok: true, value: [] }),
        'meetings:list': () => ({ ok: true, value: [] }),
      });
      expect(await loadWorkingSet()).toBe(7_000);
      const ids = await requestIds(EMPTY_FILTER, { key: 'target', descending: false });
      expect(ids.filter((k) => k === id)).toHaveLength(1);
      expect(new Set(ids).size).toBe(7_000);
      expect((await heldRow(id))?.status).toBe('answered');
      expect((await loadProgress()).loaded).toBe(7_000);
      await clearWorkingSet();
    }
  }, 60_000);

  it('a page that arrives after a lock is dropped, never written', async () => {
    let lockNow: () => Promise<void> = async () => undefined;
    mainWith(1_500, async (offset) => {
      if (offset > 0) await lockNow();
    });
    lockNow = async () => {
      await clearWorkingSet();
    };
    expect(await loadWorkingSet()).toBe(0);
    expect(await requestRecords()).toBe(0);
    expect(await db.load.count()).toBe(0);
  });
});

describe('the list reads Dexie through its indexes, with the same answers as the domain rules', () => {
  const ROWS = Array.from({ length: 400 }, (_, i) => row(i));
  const idsOf = (rows: RequestRow[]) => rows.map((r) => r.id).sort();
  const filter = (f: Partial<RequestFilter>): RequestFilter => ({ ...EMPTY_FILTER, ...f });

  it('every worklist view holds exactly the requests inView (shared/domain/worklist) puts in it, and Today counts them', async () => {
    mainWith(ROWS.length);
    await loadWorkingSet();
    for (const view of REQUEST_VIEWS) {
      const expected = idsOf(ROWS.filter((r) => inView(view, r)));
      expect(expected.length).toBeGreaterThan(0);
      expect([...(await requestIds(filter({ view }), { key: 'target', descending: false }))].sort()).toEqual(expected);
    }
    const counts = await viewCounts();
    expect(counts).toEqual({
      overdue: ROWS.filter((r) => inView('overdue', r)).length,
      'due-soon': ROWS.filter((r) => inView('due-soon', r)).length,
      'awaiting-mo': ROWS.filter((r) => inView('awaiting-mo', r)).length,
      'chair-notices': ROWS.filter((r) => inView('chair-notices', r)).length,
    });
  });

  it('each filter, and filters together, match the rows with those values', async () => {
    mainWith(ROWS.length);
    await loadWorkingSet();
    const sort: Sort = { key: 'target', descending: false };
    expect([...(await requestIds(filter({ service: 'Planning' }), sort))].sort()).toEqual(
      idsOf(ROWS.filter((r) => r.service === 'Planning')),
    );
    expect([...(await requestIds(filter({ meetingId: 'm1' }), sort))].sort()).toEqual(idsOf(ROWS.filter((r) => r.meetingId === 'm1')));
    expect(
      [...(await requestIds(filter({ status: 'answered', ward: 'Abbey', officer: 'Sam Green', view: 'awaiting-mo' }), sort))].sort(),
    ).toEqual(
      idsOf(ROWS.filter((r) => r.status === 'answered' && r.ward === 'Abbey' && r.officerName === 'Sam Green' && inView('awaiting-mo', r))),
    );
    expect(await requestIds(filter({ service: 'Planning', classification: 'No such' }), sort)).toEqual([]);
    const options = await filterOptions();
    expect(options.service).toEqual(['Highways', 'Housing', 'Planning']);
    expect(options.meeting).toEqual([{ value: 'm1', label: 'Planning Committee, 01/12/2026' }]);
  });

  it('search finds every request where each term starts a word of the reference, subject, question, notes or officer', async () => {
    mainWith(ROWS.length);
    await loadWorkingSet();
    const words = (r: RequestRow) =>
      `${r.reference} ${r.subject} ${r.question} ${r.notes} ${r.officerName}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    const expected = (search: string) =>
      idsOf(
        ROWS.filter((r) =>
          search
            .toLowerCase()
            .split(' ')
            .every((t) => words(r).some((w) => w.startsWith(t))),
        ),
      );
    for (const search of ['pothole', 'POT', 'chased green', 'pedestrians mould', 'ntk-2026-00012', 'zzz']) {
      const found = [...(await requestIds(filter({ search }), { key: 'target', descending: false }))].sort();
      expect(found, search).toEqual(expected(search.replace('-', ' ').replace('-', ' ')));
    }
    expect((await requestIds(filter({ search: 'pothole' }), { key: 'target', descending: false })).length).toBeGreaterThan(10);
  });

  it('sorts by each column either way, with blanks and then locked placeholders last', async () => {
    mainWith(ROWS.length);
    await loadWorkingSet();
    const byId = new Map(ROWS.map((r) => [r.id, r]));
    const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
    for (const key of ['target', 'sentOn', 'reference', 'subject', 'status', 'service', 'officerName'] as SortKey[]) {
      for (const descending of [false, true]) {
        const ids = await requestIds(EMPTY_FILTER, { key, descending });
        expect(ids).toHaveLength(ROWS.length);
        const rows = ids.map((id) => byId.get(id)!);
        const firstLocked = rows.findIndex((r) => r.locked);
        expect(
          rows.slice(firstLocked).every((r) => r.locked),
          `${key} locked last`,
        ).toBe(true);
        const open = rows.slice(0, firstLocked);
        const firstBlank = open.findIndex((r) => !r[key]);
        const valued = firstBlank < 0 ? open : open.slice(0, firstBlank);
        if (firstBlank >= 0)
          expect(
            open.slice(firstBlank).every((r) => !r[key]),
            `${key} blanks last`,
          ).toBe(true);
        for (let i = 1; i < valued.length; i++) {
          const order = collator.compare(String(valued[i - 1]![key]), String(valued[i]![key]));
          expect(descending ? order >= 0 : order <= 0, `${key} ${descending ? 'descending' : 'ascending'} at ${i}`).toBe(true);
        }
      }
    }
    // Numbers in a subject sort as numbers: "Item 9" before "Item 10".
    const subjects = (await requestIds(filter({ search: 'item' }), { key: 'subject', descending: false })).map(
      (id) => byId.get(id)!.subject,
    );
    expect(subjects.indexOf('Item 9 budget 10')).toBeGreaterThanOrEqual(0);
    expect(subjects.indexOf('Item 9 budget 10')).toBeLessThan(subjects.indexOf('Item 10 budget 11'));
  });

  it('reads only the rows asked for', async () => {
    mainWith(ROWS.length);
    await loadWorkingSet();
    const ordered = await orderedKeys({ key: 'target', descending: false });
    const rows = await rowsByKeys([ordered[3]!, ordered[4]!, 99_999]);
    expect([...rows.keys()]).toEqual([ordered[3], ordered[4]]);
    expect(rows.get(ordered[3]!)?.id).toBe((await requestIds(EMPTY_FILTER, { key: 'target', descending: false }))[3]);
  });

  it('finds a request by its reference in any case, and never a locked placeholder', async () => {
    mainWith(ROWS.length);
    await loadWorkingSet();
    expect((await requestByReference(' ntk-2026-00012 '))?.id).toBe('r12');
    expect(await requestByReference('NTK-2026-99999')).toBeUndefined();
    expect(await requestByReference('Member only')).toBeUndefined();
    expect(await requestByReference('')).toBeUndefined();
  });
});

describe('change events keep every live read current within an unlock', () => {
  it('a change event rewrites the row and a live list query re-runs with it', async () => {
    let status: RequestRow['status'] = 'acknowledged';
    const fake = installFakeApi({
      'requests:list': async () => ({ ok: true, value: listPageOf(1, [{ ...row(1), status }]) }),
      'requests:get': async () => ({ ok: true, value: { row: { ...row(1), status } } as never }),
      'officers:list': () => ({ ok: true, value: [] }),
      'meetings:list': () => ({ ok: true, value: [] }),
    });
    await loadWorkingSet();
    const stop = followChanges();
    const results: Array<readonly string[]> = [];
    const subscription = liveQuery(() =>
      requestIds({ ...EMPTY_FILTER, status: 'answered' }, { key: 'target', descending: false }),
    ).subscribe((ids) => results.push(ids));
    await expect.poll(() => results.at(-1)).toEqual([]);
    status = 'answered';
    fake.emit('records:changed', { kind: 'request', id: 'r1' });
    await expect.poll(() => results.at(-1)).toEqual(['r1']);
    subscription.unsubscribe();
    stop();
  });

  it('a request added and one whose due date moves take their places in every sort, filter, search and count', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i));
    const added: RequestRow = {
      ...row(7),
      id: 'new1',
      reference: 'NTK-2026-09999',
      subject: 'Zebra crossing',
      target: '2026-11-01',
      service: 'Parks',
    };
    const byId = new Map<string, RequestRow>([...rows, added].map((r) => [r.id, r]));
    const filter = (f: Partial<RequestFilter>): RequestFilter => ({ ...EMPTY_FILTER, ...f });
    const fake = installFakeApi({
      'requests:list': async () => ({ ok: true, value: listPageOf(rows.length, rows) }),
      'requests:get': async (input) => ({ ok: true, value: { row: byId.get((input as { id: string }).id)! } as never }),
      'officers:list': () => ({ ok: true, value: [] }),
      'meetings:list': () => ({ ok: true, value: [] }),
    });
    await loadWorkingSet();
    const stop = followChanges();
    const overdueBefore = (await viewCounts()).overdue;
    fake.emit('records:changed', { kind: 'request', id: 'new1' });
    await expect.poll(async () => (await loadProgress()).loaded).toBe(41);
    expect((await requestIds(EMPTY_FILTER, { key: 'target', descending: false }))[0]).toBe('new1');
    expect(await requestIds(filter({ service: 'Parks' }), { key: 'target', descending: false })).toEqual(['new1']);
    expect(await requestIds(filter({ search: 'zebra' }), { key: 'target', descending: false })).toEqual(['new1']);
    expect((await requestByReference('ntk-2026-09999'))?.id).toBe('new1');
    expect((await viewCounts()).overdue).toBe(overdueBefore + (inView('overdue', added) ? 1 : 0));
    expect((await filterOptions()).service).toContain('Parks');

    // r1 is answered and its due date moves past every other: it leaves its old places.
    byId.set('r1', { ...row(1), status: 'answered', target: '2027-06-30', subject: 'Renamed subject' });
    fake.emit('records:changed', { kind: 'request', id: 'r1' });
    await expect.poll(async () => (await heldRow('r1'))?.target).toBe('2027-06-30');
    const open = (await requestIds(EMPTY_FILTER, { key: 'target', descending: false })).filter(
      (id) => !byId.get(id)!.locked && byId.get(id)!.target,
    );
    expect(open.at(-1)).toBe('r1');
    expect(await requestIds(filter({ search: 'renamed' }), { key: 'target', descending: false })).toEqual(['r1']);
    expect(
      await requestIds(filter({ search: row(1).subject.split(' ')[0]!, status: row(1).status }), { key: 'target', descending: false }),
    ).not.toContain('r1');
    expect(await requestIds(filter({ status: 'answered' }), { key: 'target', descending: false })).toContain('r1');
    expect(new Set(await requestIds(EMPTY_FILTER, { key: 'subject', descending: true })).size).toBe(41);
    stop();
  });

  it('a meeting added elsewhere reaches the meetings table, and a stored read follows its kind of record', async () => {
    const meetings = [{ id: 'm1', committee: 'Planning', date: '2026-12-01', agendaItems: ['1'] }];
    let register: unknown[] = [];
    const fake = installFakeApi({
      'requests:list': async () => ({ ok: true, value: listPageOf(0, []) }),
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

  it('a read of one request follows that request only', async () => {
    const fake = installFakeApi({
      'requests:get': async (input) => ({ ok: true, value: { row: row(Number((input as { id: string }).id.slice(1))) } as never }),
    });
    const stop = followChanges();
    await fetchRead('requests:get', { id: 'r1' }, ['request:r1']);
    fake.emit('records:changed', { kind: 'material', id: 'x' });
    fake.emit('records:changed', { kind: 'request', id: 'r1' });
    await expect
      .poll(() => fake.calls.filter((c) => c.channel === 'requests:get' && (c.input as { id: string }).id === 'r1').length)
      .toBe(3); // stored read + row refresh + read again
    stop();
  });
});

describe('locking deletes the working set', () => {
  it('every table goes with the database, and the next unlock starts empty', async () => {
    installFakeApi({
      'requests:list': async () => ({ ok: true, value: listPageOf(2, [row(1), row(2)]) }),
      'officers:list': () => ({
        ok: true,
        value: [
          { id: 'o1', name: 'Sam Green', service: 'Estates', role: 'Head', seniority: 'head-of-service', email: 'sam@example.gov.uk' },
        ],
      }),
      'meetings:list': () => ({ ok: true, value: [] }),
      'disclosures:register': () => ({ ok: true, value: [{ id: 'e1' }] }),
    });
    await loadWorkingSet();
    await fetchRead('disclosures:register', undefined, ['disclosure']);
    await expect.poll(() => db.officers.count()).toBe(1);
    expect(await db.reads.count()).toBe(1);
    await clearWorkingSet();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DATABASE);
    expect([
      await requestRecords(),
      await db.officers.count(),
      await db.meetings.count(),
      await db.reads.count(),
      await db.load.count(),
    ]).toEqual([0, 0, 0, 0, 0]);
  });
});

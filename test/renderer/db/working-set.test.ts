import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RequestRow } from '../../../shared/ipc/views';
import { PAGE_SIZES, clearWorkingSet, db, loadWorkingSet, refreshRequest, workingSetSnapshot } from '../../../renderer/db/working-set';
import { installFakeApi } from '../fake-api';

const row = (i: number): RequestRow => ({
  id: `r${i}`,
  reference: `NTK-2026-${String(i).padStart(5, '0')}`,
  locked: false,
  subject: `Subject ${i}`,
  question: 'Question',
  notes: '',
  officerName: 'Sam Green',
  service: 'Estates',
  ward: 'Riverside',
  meetingId: null,
  meetingLabel: '',
  capacity: 'Ward member',
  route: 'Need to know',
  classification: 'Nothing received yet',
  status: 'acknowledged',
  sentOn: '2026-11-02',
  acknowledgeBy: null,
  target: '2026-11-09',
  workingDaysLate: 0,
  awaitingMonitoringOfficer: false,
  chairNoticePending: false,
  dueSoon: false,
});

/** A main process holding `total` requests, answering requests:list a page at a time. */
function mainWith(total: number, beforeReply: (offset: number) => Promise<void> | void = () => undefined) {
  const all = Array.from({ length: total }, (_, i) => row(i));
  return installFakeApi({
    'requests:list': async (input) => {
      const { offset, limit } = input as { offset: number; limit: number };
      await beforeReply(offset);
      return { ok: true, value: { total, rows: all.slice(offset, offset + limit) } };
    },
  });
}

describe('the working set fills page by page', () => {
  it('asks for growing pages and ends with every row in Dexie and in memory, in main’s order', async () => {
    const fake = mainWith(6_300);
    expect(await loadWorkingSet()).toBe(6_300);
    const limits = fake.calls.filter((c) => c.channel === 'requests:list').map((c) => (c.input as { limit: number }).limit);
    expect(limits).toEqual([PAGE_SIZES[0], PAGE_SIZES[1], PAGE_SIZES[2], PAGE_SIZES[2]]);
    const snapshot = workingSetSnapshot();
    expect(snapshot).toMatchObject({ total: 6_300, loading: false });
    expect(snapshot.rows.map((r) => r.id).slice(0, 3)).toEqual(['r0', 'r1', 'r2']);
    expect(await db.requests.count()).toBe(6_300);
    await clearWorkingSet();
  });

  it('a load started while a lock is still deleting the database fills the fresh one (a quick unlock)', async () => {
    mainWith(150);
    await loadWorkingSet();
    const deleting = clearWorkingSet(); // not awaited: the user unlocks again at once
    expect(await loadWorkingSet()).toBe(150);
    await deleting;
    expect(await db.requests.count()).toBe(150);
    expect(workingSetSnapshot().rows).toHaveLength(150);
    await clearWorkingSet();
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
        return { ok: true, value: { total: order.length, rows: page } };
      },
    });
    expect(await loadWorkingSet()).toBe(1_200);
    expect(new Set(workingSetSnapshot().rows.map((r) => r.id)).size).toBe(1_200);
    expect(await db.requests.count()).toBe(1_200);
    await clearWorkingSet();
  });

  it('a page fetched before a change does not overwrite the row the change event refreshed', async () => {
    let refreshNow = async () => undefined as unknown;
    const fake = installFakeApi({
      'requests:list': async (input) => {
        const { offset, limit } = input as { offset: number; limit: number };
        const rows = Array.from({ length: 300 }, (_, i) => row(i)).slice(offset, offset + limit);
        if (offset > 0) await refreshNow(); // the change lands while this (older) page is on its way
        return { ok: true, value: { total: 300, rows } };
      },
      'requests:get': async () => ({ ok: true, value: { row: { ...row(150), status: 'answered' } } as never }),
    });
    refreshNow = () => refreshRequest('r150');
    await loadWorkingSet();
    expect(fake.calls.some((c) => c.channel === 'requests:get')).toBe(true);
    expect(workingSetSnapshot().rows.find((r) => r.id === 'r150')?.status).toBe('answered');
    expect((await db.requests.get('r150'))?.status).toBe('answered');
    await clearWorkingSet();
  });

  it('a page that arrives after a lock is dropped, never written', async () => {
    let lockNow: () => Promise<void> = async () => undefined;
    mainWith(1_500, async (offset) => {
      if (offset > 0) await lockNow();
    });
    lockNow = async () => {
      await clearWorkingSet();
    };
    expect(await loadWorkingSet()).toBe(PAGE_SIZES[0]);
    expect(workingSetSnapshot()).toMatchObject({ rows: [], total: 0, loading: false });
    expect(await db.requests.count()).toBe(0);
  });
});

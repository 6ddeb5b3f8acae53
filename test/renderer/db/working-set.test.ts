import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RequestRow } from '../../../shared/ipc/casework';
import { PAGE_SIZES, clearWorkingSet, db, loadWorkingSet, workingSetSnapshot } from '../../../renderer/db/working-set';
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

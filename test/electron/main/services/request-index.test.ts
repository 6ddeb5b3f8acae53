import { describe, expect, it, vi } from 'vitest';
import { inView, REQUEST_VIEWS, type RequestView } from '../../../../shared/domain/worklist';
import { listRowOf, type RequestListPage, type RequestListRow } from '../../../../shared/ipc/views';
import { lifecycleFromEvents, requestStatus, type StoredRequest } from '../../../../shared/domain/requests';
import type { StoredMaterial } from '../../../../shared/domain/material';
import { storedMaterial } from '../../support/materials';
import { RequestIndex, type CheckedRead } from '../../../../electron/main/services/request-index';
import { vaultDir } from '../../../../electron/main/services/vault-gateway';
import { VaultSession } from '../../../../electron/main/vault/vault';
import type { Tier } from '../../../../electron/main/vault/frames';
import { MEMBER_PASS, PA_PASS, draft, seededCase } from '../../support/core';
import { TEST_KDF } from '../vault/support';
import { checkedRead, newVault, openVault, reopen, sentOnFor, storedRequest } from './index-support';

const TODAY = '2026-11-24';

/** Material recorded against `requestId`. */
const materialFor = (id: string, requestId: string, classification: StoredMaterial['classification'] = { level: 'open' }) =>
  storedMaterial({ id, requestId, classification });

/** Puts `count` requests: every fifth one Member-only. Returns their ids by tier. */
function putRequests(session: VaultSession, count: number, prefix = 'req'): Record<Tier, string[]> {
  const ids: Record<Tier, string[]> = { shared: [], member: [] };
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${String(i).padStart(4, '0')}`;
    const tier: Tier = i % 5 === 0 ? 'member' : 'shared';
    session.put({ id, tier, type: 'request', data: storedRequest(id, sentOnFor(i), { memberOnly: tier === 'member' }) });
    ids[tier].push(id);
  }
  return ids;
}

async function allRows(
  ok: <T = any>(channel: string, input?: unknown) => Promise<T>,
  limit = 4,
  query?: unknown,
): Promise<{ total: number; rows: RequestListRow[] }> {
  const rows: RequestListRow[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += limit) {
    const page = await ok<RequestListPage>('requests:list', { offset, limit, query });
    total = page.total;
    rows.push(...page.rows);
    if (page.rows.length === 0) break;
  }
  return { total, rows };
}

const sortKey = (r: RequestListRow) => `${r.target} ${r.sentOn} ${r.id}`;

/** A Member's case with requests sent on many dates, some Member-only, one awaiting the Monitoring Officer. */
async function manyRequests() {
  const ctx = await seededCase(TODAY);
  const sentDates = [
    '2026-11-23',
    '2026-10-01',
    '2026-11-20',
    '2026-11-02',
    '2026-11-23',
    '2026-11-18',
    '2026-09-14',
    '2026-11-24',
    '2026-11-10',
    '2026-11-19',
  ];
  const created: Array<{ id: string; subject: string; memberOnly: boolean }> = [
    { id: ctx.request.row.id, subject: ctx.request.row.subject, memberOnly: false },
  ];
  for (const [i, sentOn] of sentDates.entries()) {
    const memberOnly = i % 3 === 1;
    const subject = `${memberOnly ? 'Secret' : 'Open'} request ${i}`;
    const detail = await ctx.ok(
      'requests:create',
      draft({ officerId: ctx.officer.id, subject, sentOn, memberOnly, meetingId: i % 4 === 0 ? ctx.meeting.id : null }),
    );
    created.push({ id: detail.row.id, subject, memberOnly });
  }
  const mo = await ctx.ok(
    'requests:create',
    draft({
      officerId: ctx.officer.id,
      subject: 'Referred to the MO',
      sentOn: '2026-11-16',
      meetingId: null,
      justification: 'Residents have asked me about it.',
      monitoringOfficerReason: 'The valuation is exempt; I ask the Monitoring Officer to accept my need to know.',
    }),
  );
  created.push({ id: mo.row.id, subject: 'Referred to the MO', memberOnly: false });
  return { ...ctx, created, mo };
}

describe('RequestIndex over the vault', () => {
  it('indexes every readable request, ordered by due date, then sent date, then id', async () => {
    const { session } = await newVault();
    putRequests(session, 40);
    const index = new RequestIndex(1000);
    const stats = index.sync(session, checkedRead(session));
    expect(stats).toEqual({ recomputed: 40, saved: false });
    expect(index.size).toBe(40);
    const states = index.statesFor(TODAY, { added: [], removed: [] });
    const requests = new Map(session.list<StoredRequest>('request').map((r) => [r.id, r.data]));
    const key = (id: string) => `${states.get(id)!.target} ${requests.get(id)!.sentOn} ${id}`;
    const ordered = index.orderedIds();
    expect(ordered).toHaveLength(40);
    expect(new Set(ordered).size).toBe(40);
    expect(ordered.map(key)).toEqual(ordered.map(key).sort());
    // Nothing changed: nothing is read again.
    expect(index.sync(session, checkedRead(session))).toEqual({ recomputed: 0, saved: false });
  });

  it('R-DUE-4 requests that share every date share a status; one fact apart (a holding reply, an escalation, an answer) gives its own', async () => {
    const { session } = await newVault();
    const sentOn = '2026-10-01';
    const variants: Array<[string, Partial<StoredRequest>]> = [
      ['same-a', {}],
      ['same-b', {}],
      ['held', { events: [{ type: 'holding', on: '2026-10-02', promisedBy: '2026-12-20', note: '' }] as StoredRequest['events'] }],
      ['escalated', { escalatedTo: 'monitoring-officer' }],
      ['answered', { events: [{ type: 'answered', on: '2026-10-05', note: 'Sent.' }] as StoredRequest['events'] }],
      ['acknowledged', { events: [{ type: 'acknowledged', on: '2026-10-02', note: '' }] as StoredRequest['events'] }],
    ];
    for (const [id, overrides] of variants)
      session.put({ id, tier: 'shared', type: 'request', data: storedRequest(id, sentOn, overrides) });
    const index = new RequestIndex(1000);
    index.sync(session, checkedRead(session));
    const states = index.statesFor(TODAY, { added: [], removed: [] });
    const expected = (id: string) => {
      const r = session.get<StoredRequest>(id)!.data;
      return requestStatus(lifecycleFromEvents(r), TODAY, r.profile, r.nation, { added: [], removed: [] });
    };
    expect([...index.unreadable.request]).toEqual([]);
    for (const [id] of variants) expect(states.get(id)).toMatchObject(expected(id));
    expect(states.get('same-a')).toEqual(states.get('same-b'));
    expect(new Set(variants.map(([id]) => states.get(id)!.status)).size).toBeGreaterThanOrEqual(4);
  });

  it('looks at the vault again only once something was saved or deleted, and then sees every change', async () => {
    const { session } = await newVault();
    putRequests(session, 5);
    const index = new RequestIndex(1000);
    index.sync(session, checkedRead(session));
    let passes = 0;
    const forEachEntry = session.forEachEntry.bind(session);
    session.forEachEntry = (type, each) => {
      passes++;
      forEachEntry(type, each);
    };
    // Nothing saved: not even a pass over the vault's entries (each page of the list syncs).
    for (let i = 0; i < 3; i++) expect(index.sync(session, checkedRead(session))).toEqual({ recomputed: 0, saved: false });
    expect(passes).toBe(0);
    // A record of another kind saved: one pass, nothing read again.
    session.put({ id: 'officer-9', tier: 'shared', type: 'officer', data: { id: 'officer-9' } });
    expect(index.sync(session, checkedRead(session)).recomputed).toBe(0);
    expect(passes).toBeGreaterThan(0);
    // A request changed, one deleted, one added: all three are seen at once.
    session.put({ id: 'req-0001', tier: 'shared', type: 'request', data: storedRequest('req-0001', '2026-11-20', { subject: 'Changed' }) });
    session.delete('req-0002');
    session.put({ id: 'req-new', tier: 'shared', type: 'request', data: storedRequest('req-new', '2026-11-21') });
    expect(index.sync(session, checkedRead(session)).recomputed).toBe(3);
    expect(index.listed('req-0001')!.list.subject).toBe('Changed');
    expect(index.listed('req-0002')).toBeUndefined();
    expect(index.listed('req-new')!.list.subject).toBe('Subject of req-new');
    expect(index.size).toBe(5);
  });

  it('is saved sealed in the vault and reused on the next unlock: only changed records are read again', async () => {
    const { dir, session } = await newVault();
    const ids = putRequests(session, 30);
    const first = new RequestIndex(10);
    expect(first.sync(session, checkedRead(session))).toEqual({ recomputed: 30, saved: true });
    const order = [...first.orderedIds()];
    const states = new Map(first.statesFor(TODAY, { added: [], removed: [] }));
    // Each tier's entries are saved under that tier's key.
    const shared = session.get<{ format: number; requests: Array<[string, { tier: Tier }]> }>('request-index:shared')!;
    const member = session.get<{ format: number; requests: Array<[string, { tier: Tier }]> }>('request-index:member')!;
    expect(shared.tier).toBe('shared');
    expect(member.tier).toBe('member');
    expect(shared.data.requests.map(([id]) => id).sort()).toEqual([...ids.shared].sort());
    expect(member.data.requests.map(([id]) => id).sort()).toEqual([...ids.member].sort());
    // Saved in the list's default order, so the next unlock's sort of them is one pass.
    expect(shared.data.requests.map(([id]) => id)).toEqual(order.filter((id) => ids.shared.includes(id)));
    expect(member.data.requests.map(([id]) => id)).toEqual(order.filter((id) => ids.member.includes(id)));
    session.lock();

    const again = await reopen(dir);
    const second = new RequestIndex(10);
    expect(second.sync(again, checkedRead(again))).toEqual({ recomputed: 0, saved: false });
    expect(second.orderedIds()).toEqual(order);
    expect(new Map(second.statesFor(TODAY, { added: [], removed: [] }))).toEqual(states);

    // One record changed directly in the vault: exactly that one is read again, and it shows.
    const changed = again.get<StoredRequest>(ids.shared[3]!)!;
    again.put({ ...changed, data: { ...changed.data, events: [{ type: 'answered', on: '2026-11-20', note: 'Sent.' }] } });
    expect(second.sync(again, checkedRead(again))).toEqual({ recomputed: 1, saved: false });
    expect(second.statesFor(TODAY, { added: [], removed: [] }).get(ids.shared[3]!)!.status).toBe('answered');

    // A deleted record leaves the index.
    again.delete(ids.shared[4]!);
    expect(second.sync(again, checkedRead(again)).recomputed).toBe(1);
    expect(second.size).toBe(29);
    expect(second.orderedIds()).not.toContain(ids.shared[4]);
    expect(second.statesFor(TODAY, { added: [], removed: [] }).has(ids.shared[4]!)).toBe(false);
  });

  it('the same RequestIndex, given a new session after lock and unlock, reloads the saved index instead of trusting memory', async () => {
    const { dir, session } = await newVault();
    putRequests(session, 12);
    const index = new RequestIndex(5);
    expect(index.sync(session, checkedRead(session)).saved).toBe(true);
    session.lock();
    const again = await reopen(dir);
    // Changed while "locked" (by another session): the reused object must see it.
    const r = again.get<StoredRequest>('req-0001')!;
    again.put({ ...r, data: { ...r.data, events: [{ type: 'holding', on: '2026-11-20', note: 'Soon.', promisedBy: '2027-03-01' }] } });
    expect(index.sync(again, checkedRead(again))).toEqual({ recomputed: 1, saved: false });
    expect(index.orderedIds().at(-1)).toBe('req-0001');
  });

  it('saves after saveAfter entries were read, or 2% of the index, whichever is more', async () => {
    const { session } = await newVault();
    putRequests(session, 4);
    const index = new RequestIndex(5);
    expect(index.sync(session, checkedRead(session))).toEqual({ recomputed: 4, saved: false });
    expect(session.get('request-index:shared')).toBeUndefined();
    session.put({ id: 'extra', tier: 'shared', type: 'request', data: storedRequest('extra', '2026-11-02') });
    expect(index.sync(session, checkedRead(session))).toEqual({ recomputed: 1, saved: true });
    expect(session.get('request-index:shared')).toBeDefined();
    // Counting starts again after a save.
    expect(index.sync(session, checkedRead(session))).toEqual({ recomputed: 0, saved: false });
  });

  it('the default saves once 200 requests were read', async () => {
    const { session } = await newVault();
    putRequests(session, 199);
    const index = new RequestIndex();
    expect(index.sync(session, checkedRead(session))).toEqual({ recomputed: 199, saved: false });
    session.put({ id: 'one-more', tier: 'shared', type: 'request', data: storedRequest('one-more', '2026-11-02') });
    expect(index.sync(session, checkedRead(session))).toEqual({ recomputed: 1, saved: true });
  });

  describe('a saved index that is not what this version wrote is ignored and rebuilt, never trusted, never throws', () => {
    const savedWith = (real: Record<string, unknown>, at: number, value: unknown) =>
      (real.requests as unknown[][]).map((e) => e.map((v, i) => (i === at ? value : v)));
    // Repeated text is saved once in `strings` and each request holds its position there.
    const withText = (real: Record<string, unknown>, at: number, text: unknown) => ({
      ...real,
      strings: [...(real.strings as unknown[]), text],
      requests: savedWith(real, at, (real.strings as unknown[]).length),
    });
    const garbage: Array<[string, (real: Record<string, unknown>) => unknown]> = [
      ['another format', (real) => ({ ...real, format: (real.format as number) + 1 })],
      ['no format', (real) => ({ ...real, format: undefined })],
      ['a string', () => 'garbage'],
      ['null', () => null],
      ['a number', () => 42],
      ['an array', () => [1, 2, 3]],
      ['requests not an array', (real) => ({ ...real, requests: { 'req-0001': 1 } })],
      ['profiles not an array', (real) => ({ ...real, profiles: 'district' })],
      ['materials missing', (real) => ({ ...real, materials: undefined })],
      // Entries whose tier is not the record's: a Member-only entry inside the shared index is dropped.
      // Broken entries inside a saved index of the right shape (each left out and worked out again).
      ['null entries', (real) => ({ ...real, requests: (real.requests as unknown[]).map(() => null), materials: [null] })],
      // A saved request is [id, seq, profile, nation, two flags, nine lifecycle dates, ten list facts].
      ['entries without their facts', (real) => ({ ...real, requests: (real.requests as unknown[][]).map(([id]) => [id, null]) })],
      ['a profile position out of range', (real) => ({ ...real, requests: savedWith(real, 2, 7) })],
      ['no profiles', (real) => ({ ...real, profiles: [] })],
      ['a broken lifecycle', (real) => withText(real, 6, 'xx')],
      ['a date in place of its position in the table', (real) => ({ ...real, requests: savedWith(real, 6, '2026-11-02') })],
      // Shaped like a date but not one: every entry's dates are checked, however often a date repeats.
      ['a date that is not a real day', (real) => withText(real, 8, '2026-02-31')],
      ['an escalation to no one known', (real) => withText(real, 12, 'the press')],
      ['a subject that is not text', (real) => ({ ...real, requests: savedWith(real, 16, { not: 'text' }) })],
      ['a capacity not in the list', (real) => withText(real, 22, 'mayor')],
      ['a position outside the table', (real) => ({ ...real, requests: savedWith(real, 19, (real.strings as unknown[]).length) })],
      ['a position that is not a whole number', (real) => ({ ...real, requests: savedWith(real, 19, 0.5) })],
      ['no table', (real) => ({ ...real, strings: undefined })],
      ['something not text in the table', (real) => ({ ...real, strings: [...(real.strings as unknown[]), 7] })],
      ['a fact missing', (real) => ({ ...real, requests: (real.requests as unknown[][]).map((e) => e.slice(0, -1)) })],
    ];

    it.each(garbage)('%s', async (_label, corrupt) => {
      const { dir, session } = await newVault();
      const ids = putRequests(session, 20);
      const built = new RequestIndex(1);
      built.sync(session, checkedRead(session));
      const order = [...built.orderedIds()];
      const states = new Map(built.statesFor(TODAY, { added: [], removed: [] }));
      const real = session.get<Record<string, unknown>>('request-index:shared')!;
      session.put({ ...real, data: corrupt(real.data) });
      session.lock();

      const again = await reopen(dir);
      const index = new RequestIndex(1000);
      // Every shared request is read again from its record; the Member's tier came from its own saved index.
      expect(index.sync(again, checkedRead(again))).toEqual({ recomputed: ids.shared.length, saved: false });
      expect(index.orderedIds()).toEqual(order);
      expect(new Map(index.statesFor(TODAY, { added: [], removed: [] }))).toEqual(states);
    });

    it('a saved entry for an older version of a record is recomputed, not trusted', async () => {
      const { dir, session } = await newVault();
      putRequests(session, 6);
      new RequestIndex(1).sync(session, checkedRead(session));
      // The record changes after the save, without the index seeing it.
      const r = session.get<StoredRequest>('req-0002')!;
      session.put({ ...r, data: { ...r.data, events: [{ type: 'answered', on: '2026-11-20', note: 'Done.' }] } });
      session.lock();
      const again = await reopen(dir);
      const index = new RequestIndex(1000);
      expect(index.sync(again, checkedRead(again))).toEqual({ recomputed: 1, saved: false });
      expect(index.statesFor(TODAY, { added: [], removed: [] }).get('req-0002')!.status).toBe('answered');
    });
  });

  it('a PA reads the shared index the Member saved and never saves one; the Member-only entries stay sealed from the PA', async () => {
    const { dir, session } = await newVault();
    await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    const ids = putRequests(session, 25);
    // The Member saves both tiers first.
    expect(new RequestIndex(1).sync(session, checkedRead(session)).saved).toBe(true);
    const indexSeqs = ['shared', 'member'].map((t) => session.get(`request-index:${t}`)!.seq);
    session.lock();

    const pa = await reopen(dir, 'pa');
    expect(pa.get('request-index:member')).toBeUndefined();
    expect(pa.get('request-index:member:words')).toBeUndefined();
    expect(pa.sealedIds('request-index').map((s) => s.id)).toEqual(['request-index:member', 'request-index:member:words']);
    const index = new RequestIndex(1);
    // The PA starts from the shared index the Member saved: nothing to read again.
    expect(index.sync(pa, checkedRead(pa))).toEqual({ recomputed: 0, saved: false });
    expect(index.size).toBe(ids.shared.length);
    expect(index.orderedIds().filter((id) => ids.member.includes(id))).toEqual([]);

    // The PA changes a request: the PA's app works the entry out again but saves nothing.
    const r = pa.get<StoredRequest>(ids.shared[0]!)!;
    // As the app's PA command writes it: its own id and entry time, marked as the PA's.
    const ack = {
      type: 'acknowledged' as const,
      on: r.data.sentOn,
      note: 'Ack.',
      id: 'ack-pa',
      recordedAt: '2026-12-31T12:00:00.000Z',
      by: 'pa' as const,
    };
    pa.put({ ...r, data: { ...r.data, events: [ack] } });
    expect(index.sync(pa, checkedRead(pa))).toEqual({ recomputed: 1, saved: false });
    pa.lock();

    const member = await reopen(dir);
    expect(['shared', 'member'].map((t) => member.get(`request-index:${t}`)!.seq)).toEqual(indexSeqs);
    // The shared index holds the shared requests only (the tier of an entry is the tier it is saved under).
    const shared = member.get<{ requests: unknown[][] }>('request-index:shared')!;
    expect(shared.data.requests.map(([id]) => id).sort()).toEqual([...ids.shared].sort());
    expect(JSON.stringify(shared.data)).not.toMatch(/Subject of req-0000\b/); // req-0000 is Member-only
    const index2 = new RequestIndex(1000);
    // Only the request the PA changed is read again.
    expect(index2.sync(member, checkedRead(member))).toEqual({ recomputed: 1, saved: false });
    expect(index2.size).toBe(25);
  });

  it('a shared index saved with the PA’s key (forged at file level) is ignored by the Member: the list says what the requests say', async () => {
    const { dir, session } = await newVault();
    const paUser = await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    const ids = putRequests(session, 15);
    new RequestIndex(1).sync(session, checkedRead(session));
    session.lock();
    // The PA rewrites the Member's saved shared index: another subject, and "answered", for a request.
    const pa = await openVault(dir).unlock(paUser.id, PA_PASS);
    const saved = structuredClone(pa.get<{ requests: unknown[][] }>('request-index:shared')!);
    const target = saved.data.requests.find(([id]) => id === ids.shared[0])!;
    target[16] = 'Subject chosen by the PA';
    target[11] = target[6]; // answered on the day it was sent
    pa.put({ ...saved, data: saved.data });
    expect(pa.authorOf('request-index:shared')).toBe('pa');
    pa.lock();

    const member = await reopen(dir);
    const index = new RequestIndex(1000);
    expect(index.sync(member, checkedRead(member)).recomputed).toBe(ids.shared.length);
    expect(index.listed(ids.shared[0]!)!.list.subject).toBe(`Subject of ${ids.shared[0]}`);
    expect(index.listed(ids.shared[0]!)!.lifecycle.answeredOn).toBeNull();
  });

  describe('the search words, saved apart and read only when a large page needs them', () => {
    /** The words of every request as a fresh index, made from the records alone, gives them. */
    const wordsFromRecords = (session: VaultSession, ids: string[]) => {
      const fresh = new RequestIndex(1_000_000);
      fresh.sync(session, checkedRead(session));
      return ids.map((id) => fresh.wordsOf(id));
    };

    it('a small page takes its words from its records, a large one from the saved words, and both agree with the records', async () => {
      const { dir, session } = await newVault();
      const ids = putRequests(session, 30);
      const all = [...ids.shared, ...ids.member];
      new RequestIndex(1).sync(session, checkedRead(session));
      session.lock();

      const member = await reopen(dir);
      const expected = wordsFromRecords(member, all);
      expect(expected.every((w) => w.includes('subject'))).toBe(true);
      let reads = 0;
      const counting = ((type: 'request' | 'material', id: string) => {
        reads++;
        return (checkedRead(member) as (type: string, id: string) => unknown)(type, id);
      }) as CheckedRead;
      const index = new RequestIndex(1000);
      expect(index.sync(member, counting).recomputed).toBe(0);
      expect(reads).toBe(0);
      // A first page of two rows reads those two records, nothing else.
      expect([index.wordsOf(all[0]!), index.wordsOf(all[1]!)]).toEqual(expected.slice(0, 2));
      expect(reads).toBe(2);
      // A large page: the saved words, no record read.
      index.loadWords();
      expect(reads).toBe(2);
      expect(all.map((id) => index.wordsOf(id))).toEqual(expected);
    });

    it('saved words the PA wrote (forged at file level), or for an older version of a request, or malformed, are not used', async () => {
      const { dir, session } = await newVault();
      const paUser = await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
      const ids = putRequests(session, 12);
      new RequestIndex(1).sync(session, checkedRead(session));
      // A request changed after the words were saved: its saved words are for an older version.
      const changed = session.get<StoredRequest>(ids.member[0]!)!;
      session.put({ ...changed, data: { ...changed.data, subject: 'Renamed after saving' } });
      session.lock();

      // The PA rewrites the saved shared words so a request is found under words it does not hold.
      const pa = await openVault(dir).unlock(paUser.id, PA_PASS);
      const saved = structuredClone(pa.get<{ words: unknown[][] }>('request-index:shared:words')!);
      for (const item of saved.data.words) item[2] = 'planted by the pa';
      pa.put({ ...saved, data: saved.data });
      pa.lock();

      const member = await reopen(dir);
      const all = [...ids.shared, ...ids.member];
      const index = new RequestIndex(1_000_000);
      index.sync(member, checkedRead(member));
      index.loadWords();
      const words = all.map((id) => index.wordsOf(id));
      expect(words.some((w) => w.includes('planted'))).toBe(false);
      expect(index.wordsOf(ids.member[0]!)).toContain('renamed');
      expect(words).toEqual(wordsFromRecords(member, all));

      // Malformed saved words (the Member's own, damaged) are ignored the same way.
      const own = member.get<{ format: number; words: unknown }>('request-index:member:words')!;
      member.put({ ...own, data: { format: own.data.format, words: [[ids.member[1], 'x', 7], 'junk', null] } });
      const again = new RequestIndex(1_000_000);
      again.sync(member, checkedRead(member));
      again.loadWords();
      expect(all.map((id) => again.wordsOf(id))).toEqual(wordsFromRecords(member, all));
      member.lock();
    });
  });

  it('a record set aside is read again only once it changes, not on every call', async () => {
    const { session } = await newVault();
    putRequests(session, 4);
    session.put({ id: 'bad', tier: 'shared', type: 'request', data: { subject: 42 } });
    const reads: string[] = [];
    const counting = ((type: 'request' | 'material', id: string) => {
      reads.push(id);
      return checkedRead(session)(type as 'request', id);
    }) as CheckedRead;
    const index = new RequestIndex(1000);
    index.sync(session, counting);
    expect(reads).toContain('bad');
    reads.length = 0;
    index.sync(session, counting);
    expect(reads).toEqual([]);
    expect([...index.unreadable.request]).toEqual(['bad']);
    const fixed = storedRequest('bad', '2026-11-02');
    session.put({ id: 'bad', tier: 'shared', type: 'request', data: fixed });
    index.sync(session, counting);
    expect(reads).toEqual(['bad']);
    expect(index.unreadable.request.size).toBe(0);
    expect(index.listed('bad')!.list.subject).toBe('Subject of bad');
  });

  it('an entry whose status cannot be worked out is set aside, never breaks every list and count', async () => {
    const { session } = await newVault();
    const ids = putRequests(session, 6);
    const index = new RequestIndex(1);
    index.sync(session, checkedRead(session));
    // A date the calendar cannot use, as a damaged entry might hold (saved entries are checked; this is the last guard).
    const broken = ids.shared[0]!;
    (index as unknown as { requests: Map<string, { lifecycle: { respondBy: string } }> }).requests.get(broken)!.lifecycle.respondBy =
      '2026-02-31';
    const states = index.statesFor(TODAY, { added: [], removed: [] });
    expect(states.size).toBe(5);
    expect([...index.unreadable.request]).toEqual([broken]);
    expect(index.orderedIds()).not.toContain(broken);
    expect(index.orderedIds()).toHaveLength(5);
  });

  it('tracks which material belongs to which request, and forgets deleted material', async () => {
    const { session } = await newVault();
    putRequests(session, 3);
    session.put({ id: 'm1', tier: 'shared', type: 'material', data: materialFor('m1', 'req-0001') });
    session.put({ id: 'm2', tier: 'member', type: 'material', data: materialFor('m2', 'req-0001', { level: 'exempt', paragraph: 3 }) });
    session.put({ id: 'm3', tier: 'shared', type: 'material', data: materialFor('m3', 'req-0002') });
    const index = new RequestIndex(1000);
    index.sync(session, checkedRead(session));
    expect([...index.materialIdsFor('req-0001')].sort()).toEqual(['m1', 'm2']);
    expect(index.materialIdsFor('req-0002')).toEqual(['m3']);
    expect(index.materialIdsFor('req-0000')).toEqual([]);
    session.delete('m1');
    session.put({ id: 'm3', tier: 'shared', type: 'material', data: materialFor('m3', 'req-0001') });
    expect(index.sync(session, checkedRead(session)).recomputed).toBe(2);
    expect([...index.materialIdsFor('req-0001')].sort()).toEqual(['m2', 'm3']);
    expect(index.materialIdsFor('req-0002')).toEqual([]);
    expect(index.levelsFor('req-0001').sort()).toEqual(['exempt', 'open']);
  });
});

describe('requests:list pages through the IPC contract', () => {
  it('pages of any size together give every request exactly once, in due-date order, with the right total', async () => {
    const { ok, created } = await manyRequests();
    for (const limit of [1, 3, 5, 7, 100]) {
      const { total, rows } = await allRows(ok, limit);
      expect(total, `limit ${limit}`).toBe(created.length);
      expect(rows.map((r) => r.id).sort()).toEqual(created.map((c) => c.id).sort());
      expect(rows.map(sortKey)).toEqual(rows.map(sortKey).sort());
      expect(rows.every((r) => !r.locked)).toBe(true);
    }
  });

  it('an offset at or past the end gives an empty page with the same total', async () => {
    const { ok, created } = await manyRequests();
    const none = { total: created.length, all: created.length, rows: [] };
    expect(await ok('requests:list', { offset: created.length, limit: 10 })).toEqual(none);
    expect(await ok('requests:list', { offset: created.length + 50, limit: 10 })).toEqual(none);
    const last = await ok('requests:list', { offset: created.length - 2, limit: 10 });
    expect(last.rows).toHaveLength(2);
  });

  it('R-USE-2 a PA sees Member-only requests as locked rows after every readable one, never their subject', async () => {
    const { ok, call, created } = await manyRequests();
    const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    const { total, rows } = await allRows(ok, 3);
    const secret = created.filter((c) => c.memberOnly);
    expect(secret.length).toBeGreaterThan(0);
    expect(total).toBe(created.length);
    expect(rows).toHaveLength(created.length);
    const firstLocked = rows.findIndex((r) => r.locked);
    expect(firstLocked).toBe(created.length - secret.length);
    expect(rows.slice(firstLocked).every((r) => r.locked)).toBe(true);
    expect(
      rows
        .filter((r) => r.locked)
        .map((r) => r.id)
        .sort(),
    ).toEqual(secret.map((s) => s.id).sort());
    const readable = rows.slice(0, firstLocked);
    expect(readable.map(sortKey)).toEqual(readable.map(sortKey).sort());
    const text = JSON.stringify(rows);
    for (const s of secret) expect(text).not.toContain(s.subject);
    for (const row of rows.filter((r) => r.locked)) {
      expect(row).toMatchObject({ subject: 'Member only', officerName: '', dueSoon: false, workingDaysLate: 0 });
      expect(row).not.toHaveProperty('question');
      expect(await call('requests:get', { id: row.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Search never finds a Member-only request by its words, and no filter offers anything of one.
    expect((await ok('requests:list', { offset: 0, limit: 100, query: { search: 'secret' } })).total).toBe(0);
    expect(JSON.stringify(await ok('requests:filterOptions'))).not.toMatch(/secret/i);
    expect(JSON.stringify(await ok('requests:volume'))).not.toMatch(/secret/i);
    // The PA's Today counts leave the Member-only requests out.
    const dashboard = await ok('dashboard:get');
    const counted = (view: RequestView) => rows.filter((r) => inView(view, r)).length;
    expect(dashboard).toMatchObject({
      overdue: counted('overdue'),
      dueSoon: counted('due-soon'),
      awaitingMonitoringOfficer: counted('awaiting-mo'),
      chairNoticesPending: counted('chair-notices'),
    });
  });

  it('never stale: after logging an event the next page shows the new status, target and order', async () => {
    const { ok, created } = await manyRequests();
    const before = (await allRows(ok, 100)).rows;
    const first = before[0]!;
    expect(first.status).not.toBe('holding');
    // A holding reply promising a date after every other target moves it to the end.
    await ok('requests:logEvent', {
      id: first.id,
      event: { type: 'holding', on: '2026-11-24', note: 'Report at the end of January.', promisedBy: '2027-01-29' },
    });
    const afterHolding = (await allRows(ok, 4)).rows;
    expect(afterHolding).toHaveLength(created.length);
    expect(afterHolding.at(-1)).toMatchObject({ id: first.id, status: 'holding', target: '2027-01-29', workingDaysLate: 0 });
    expect(afterHolding.map(sortKey)).toEqual(afterHolding.map(sortKey).sort());
    // An answer closes the clock: the row now says so.
    await ok('requests:logEvent', { id: first.id, event: { type: 'answered', on: '2026-11-24', note: 'Report attached.' } });
    const page = await ok<{ rows: RequestListRow[] }>('requests:list', { offset: created.length - 1, limit: 1 });
    expect(page.rows[0]).toMatchObject({ id: first.id, status: 'answered', dueSoon: false });
    // And the Today counts follow at once.
    const dashboard = await ok('dashboard:get');
    const rows = (await allRows(ok, 100)).rows;
    expect(dashboard.overdue).toBe(rows.filter((r) => inView('overdue', r)).length);
  });

  describe('the list main keeps for its answers', () => {
    async function withQueuedTimers(now?: () => Date) {
      const queued: Array<() => void> = [];
      const timers = { setTimeout: (fn: () => void) => queued.push(fn), clearTimeout: () => undefined };
      const ctx = await seededCase(TODAY, now ? { timers, now } : { timers });
      for (const [i, sentOn] of [
        '2026-11-23',
        '2026-10-01',
        '2026-11-20',
        '2026-11-02',
        '2026-11-18',
        '2026-09-14',
        '2026-11-10',
      ].entries())
        await ctx.ok(
          'requests:create',
          draft({ officerId: ctx.officer.id, subject: `Open request ${i}`, sentOn, memberOnly: i % 3 === 1, meetingId: null }),
        );
      /** Runs main's idle steps (warmUp, one timer each); bounded, as the daily reminder sets its timer again. */
      const runQueued = () => {
        for (let round = 0; round < 20 && queued.length > 0; round++) queued.splice(0).forEach((fn) => fn());
      };
      return { ...ctx, runQueued };
    }
    const bySubject = { sort: 'subject', descending: true } as const;
    /** A Tuesday after the oldest requests fell due and before today. */
    const HOLIDAY_IN_THE_LATE_DAYS = {
      added: [{ date: '2026-11-10', name: 'Council closure', nations: ['england-and-wales'] }],
      removed: [],
    };

    it('answers every query the same as working it out afresh, whether main prepared it in its idle moments or not', async () => {
      const ctx = await withQueuedTimers();
      const queries = [undefined, bySubject, { search: 'open request' }, { view: 'overdue', sort: 'reference' }] as const;
      const cold = [];
      for (const query of queries) cold.push(await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query }));
      const member = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
      await ctx.ok('session:lock');
      await ctx.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS });
      await ctx.ok('requests:list', { offset: 0, limit: 1 });
      ctx.runQueued();
      for (const [i, query] of queries.entries())
        expect(await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query })).toEqual(cold[i]);
      // The seven "Open request" ones, Member-only ones included (the Member reads them).
      expect(cold[2]!.total).toBe(7);
    });

    it('never stale: a save after an answer, or a change to the council’s calendar, is in the next answer', async () => {
      const ctx = await withQueuedTimers();
      const all = (await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query: bySubject })).rows;
      ctx.runQueued();
      const target = all[4]!;
      expect(target.status).not.toBe('answered');
      await ctx.ok('requests:logEvent', { id: target.id, event: { type: 'answered', on: '2026-11-24', note: 'Report attached.' } });
      const afterPage: RequestListPage = await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query: bySubject });
      const after = afterPage.rows;
      expect(after.find((r) => r.id === target.id)!.status).toBe('answered');
      expect(
        (await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query: { status: 'answered' } })).rows.map((r) => r.id),
      ).toContain(target.id);

      // The calendar lives in the settings, not the vault: a holiday added after the answer changes how
      // many working days late an overdue request is.
      const before = (await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100 })).rows;
      await ctx.ok('holidays:save', { edits: HOLIDAY_IN_THE_LATE_DAYS, recompute: [] });
      const served = (await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100 })).rows;
      const late = (id: string) => before.find((r) => r.id === id)!.workingDaysLate;
      expect(served.filter((r) => r.workingDaysLate > 0 && r.workingDaysLate === late(r.id) - 1).length).toBeGreaterThan(0);
    });

    it('never stale across midnight: answered at 23:59, asked again at 00:01, it counts the new day', async () => {
      let clock = new Date(`${TODAY}T23:59:00Z`); // GMT in November: the UK date is the UTC date
      const ctx = await withQueuedTimers(() => clock);
      const before = (await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query: bySubject })).rows;
      ctx.runQueued();
      clock = new Date('2026-11-25T00:01:00Z');
      const served = (await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query: bySubject })).rows;
      const late = (id: string) => before.find((r) => r.id === id)!.workingDaysLate;
      expect(served.filter((r) => r.workingDaysLate > 0 && r.workingDaysLate === late(r.id) + 1).length).toBeGreaterThan(0);
    });

    it('R-USE-2 is never given to the next user: a lock forgets it, and a PA gets their own answers', async () => {
      const ctx = await withQueuedTimers();
      const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
      const memberPage = await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query: bySubject });
      ctx.runQueued();
      const secrets = memberPage.rows.filter((r) => r.subject.startsWith('Open request') && ['1', '4'].includes(r.subject.slice(-1)));
      expect(secrets.length).toBe(2);
      await ctx.ok('session:lock');
      await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
      for (const query of [undefined, bySubject, { search: 'open' }] as const) {
        const paPage = await ctx.ok<RequestListPage>('requests:list', { offset: 0, limit: 100, query });
        expect(JSON.stringify(paPage)).not.toContain(secrets[0]!.subject);
        if (query && 'search' in query) expect(paPage.rows.some((r) => r.locked)).toBe(false);
        else
          expect(
            paPage.rows
              .filter((r) => r.locked)
              .map((r) => r.id)
              .sort(),
          ).toEqual(secrets.map((r) => r.id).sort());
      }
      // Idle steps after a lock: nothing is read, nothing breaks.
      await ctx.ok('requests:list', { offset: 0, limit: 4 });
      await ctx.ok('session:lock');
      expect(ctx.runQueued).not.toThrow();
    });

    it('a hostile page’s odd query is refused by the contract, and changes nothing', async () => {
      const { call } = await manyRequests();
      for (const query of [
        { sort: 'question' },
        { view: 'secret' },
        { descending: 'yes' },
        { search: 'x'.repeat(1_001) },
        { service: 7 },
        'all',
      ])
        expect((await call('requests:list', { offset: 0, limit: 4, query })).ok).toBe(false);
    });
  });

  it('R-DUE-4 R-DUE-1 the Today counts agree with the number of rows in each view over all pages', async () => {
    const { ok, mo } = await manyRequests();
    const { rows } = await allRows(ok, 5);
    const dashboard = await ok('dashboard:get');
    const counted = (view: RequestView) => rows.filter((r) => inView(view, r)).length;
    expect(dashboard).toMatchObject({
      today: TODAY,
      overdue: counted('overdue'),
      dueSoon: counted('due-soon'),
      awaitingMonitoringOfficer: counted('awaiting-mo'),
      chairNoticesPending: counted('chair-notices'),
    });
    // The data covers every view, so the comparison is not trivially 0 = 0.
    for (const view of REQUEST_VIEWS) expect(counted(view), view).toBeGreaterThan(0);
    expect(rows.find((r) => r.id === mo.row.id)!.awaitingMonitoringOfficer).toBe(true);
    // A decision by the Monitoring Officer takes it out of both at once.
    await ok('requests:logEvent', {
      id: mo.row.id,
      event: { type: 'mo-decision', on: '2026-11-24', note: 'Accepted.', accepted: true, decidedBy: 'A. Khan' },
    });
    expect((await ok('dashboard:get')).awaitingMonitoringOfficer).toBe(dashboard.awaitingMonitoringOfficer - 1);
    expect((await allRows(ok, 5)).rows.filter((r) => inView('awaiting-mo', r))).toHaveLength(dashboard.awaitingMonitoringOfficer - 1);
  });

  it('requests:get agrees with the row in the list', async () => {
    const { ok } = await manyRequests();
    const { rows } = await allRows(ok, 6);
    for (const row of rows) expect(listRowOf((await ok('requests:get', { id: row.id })).row)).toEqual(row);
  });

  it('a change to material also announces its request as changed, so windows refresh that row', async () => {
    const { ok, core, request } = await seededCase(TODAY);
    const changes: Array<{ kind: string; id: string }> = [];
    core.events.subscribe((channel, payload) => {
      if (channel === 'records:changed') changes.push(payload);
    });
    const material = await ok('materials:add', {
      requestId: request.row.id,
      title: 'Valuation summary',
      receivedOn: '2026-11-20',
      summary: 'Headline figure only',
      classification: { level: 'confidential', basis: 'given-in-confidence' },
      personalData: { personal: false, specialCategory: false, retainUntil: null },
      isBriefing: false,
    });
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: 'material', id: material.id },
        { kind: 'request', id: request.row.id },
      ]),
    );
    expect(changes).toHaveLength(2);
    // And the row reflects the material's classification.
    const page = await ok<{ rows: RequestListRow[] }>('requests:list', { offset: 0, limit: 10 });
    expect(page.rows.find((r) => r.id === request.row.id)!.classification).toBe('Confidential');
  });

  it('after the first page the saved search words are read as soon as main is free, once, not again by a search; a lock before then leaves nothing to break', async () => {
    const queued: Array<() => void> = [];
    const timers = {
      setTimeout: (fn: () => void) => queued.push(fn),
      clearTimeout: () => undefined,
    };
    // Main's idle steps (warmUp, one timer each); bounded, as the daily reminder sets its timer again.
    const runQueued = () => {
      for (let round = 0; round < 20 && queued.length > 0; round++) queued.splice(0).forEach((fn) => fn());
    };
    const ctx = await seededCase(TODAY, { timers });
    const memberId = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!.id;
    await ctx.ok('session:lock');
    const direct = await reopen(vaultDir(ctx.dataFolder), 'member', ctx.files);
    putRequests(direct, 210, 'bulk');
    direct.lock();
    // The first unlock reads every record and saves the index with its words.
    await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
    const search = { search: 'subject of' };
    const expected = await ctx.ok('requests:list', { offset: 0, limit: 1000, query: search });
    expect(expected.total).toBe(210);
    await ctx.ok('session:lock');
    runQueued();

    const wordReads = () => get.mock.calls.filter(([id]) => String(id).endsWith(':words')).length;
    const get = vi.spyOn(VaultSession.prototype, 'get');
    try {
      // Locked before main was free: the words are not read, and nothing throws.
      await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
      await ctx.ok('requests:list', { offset: 0, limit: 100 });
      expect(queued.length).toBeGreaterThan(0);
      await ctx.ok('session:lock');
      expect(runQueued).not.toThrow();
      expect(wordReads()).toBe(0);

      // Unlocked: read once when main is free, not again by the search that needs them.
      await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
      const first = await ctx.ok('requests:list', { offset: 0, limit: 100 });
      expect(wordReads()).toBe(0);
      runQueued();
      expect(wordReads()).toBe(2); // the shared tier's and the Member's
      const all = await ctx.ok('requests:list', { offset: 0, limit: 1000, query: search });
      expect(wordReads()).toBe(2);
      expect(all).toEqual(expected);
      expect(first.total).toBe(211);
    } finally {
      get.mockRestore();
    }
  });

  it('answers the filter values in main’s first idle moment when the rows are still to be made, then at once; a lock meanwhile answers locked', async () => {
    const queued: Array<() => void> = [];
    const timers = { setTimeout: (fn: () => void) => queued.push(fn), clearTimeout: () => undefined };
    const ctx = await seededCase(TODAY, { timers });
    const memberId = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!.id;
    await ctx.ok('requests:create', draft({ officerId: ctx.officer.id, subject: 'Filter values', meetingId: null }));
    const answered = (call: Promise<unknown>) => {
      let done = false;
      void call.then(() => (done = true));
      return () => done;
    };
    // The window's first page is answered at once; the rows for the filter values wait for main to be free.
    await ctx.ok('requests:list', { offset: 0, limit: 50 });
    const call = ctx.ok('requests:filterOptions');
    const done = answered(call);
    await new Promise((resolve) => setImmediate(resolve));
    expect(done()).toBe(false);
    queued.splice(0).forEach((fn) => fn());
    const options = await call;
    expect(options.service).toContain('Estates');
    // The rows made, the next ask is answered at once.
    const again = ctx.ok('requests:filterOptions');
    expect(await again).toEqual(options);
    // Locked while waiting: the answer says so, and nothing of the vault is in it.
    await ctx.ok('requests:create', draft({ officerId: ctx.officer.id, subject: 'A change', meetingId: null }));
    const waiting = ctx.call('requests:filterOptions');
    await ctx.ok('session:lock');
    queued.splice(0).forEach((fn) => fn());
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'locked' } });
    await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
  });

  it('R-ASK-7 after unlock the volume waits for the list’s first page (or main’s timer), then counts every readable request', async () => {
    const queued: Array<() => void> = [];
    const timers = { setTimeout: (fn: () => void) => queued.push(fn), clearTimeout: () => undefined };
    const ctx = await seededCase(TODAY, { timers });
    const memberId = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!.id;
    await ctx.ok('requests:create', draft({ officerId: ctx.officer.id, subject: 'Volume', meetingId: null }));
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
    queued.splice(0);
    const answered = (call: Promise<unknown>) => {
      let done = false;
      void call.then(() => (done = true));
      return () => done;
    };
    // Asked first, as Today does: answered only after the first page, which is answered at once.
    const volume = ctx.ok('requests:volume');
    const done = answered(volume);
    await new Promise((resolve) => setImmediate(resolve));
    expect(done()).toBe(false);
    const page = await ctx.ok('requests:list', { offset: 0, limit: 50 });
    expect(done()).toBe(false);
    queued.splice(0).forEach((fn) => fn());
    const counted = await volume;
    const total = (counted as { rows: Array<{ total: number }> }).rows.reduce((n, r) => n + r.total, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(page.total);
    // The index up to date, the next ask is answered at once.
    expect(await ctx.ok('requests:volume')).toEqual(counted);
    // With no page asked for, main's timer answers it; locked meanwhile, it says so.
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
    queued.splice(0);
    const waiting = ctx.call('requests:volume');
    await new Promise((resolve) => setImmediate(resolve));
    await ctx.ok('session:lock');
    queued.splice(0).forEach((fn) => fn());
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'locked' } });
    await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
  });

  it('the casework service saves the index in the vault once 200 requests were read, and the next unlock reads none again', async () => {
    const ctx = await seededCase(TODAY);
    const state = await ctx.ok('session:lock');
    if (state.state !== 'locked') throw new Error('expected the vault to be locked');
    const memberId = state.users.find((u) => u.role === 'member')!.id;
    const dir = vaultDir(ctx.dataFolder);
    const direct = await reopen(dir, 'member', ctx.files);
    const ids = putRequests(direct, 210, 'bulk');
    expect(direct.get('request-index:shared')).toBeUndefined();
    direct.lock();

    await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
    const first = await ctx.ok('requests:list', { offset: 0, limit: 50 });
    expect(first.total).toBe(211);
    await ctx.ok('session:lock');

    const after = await reopen(dir, 'member', ctx.files);
    const shared = after.get<{ requests: Array<[string, unknown]> }>('request-index:shared')!;
    const member = after.get<{ requests: Array<[string, unknown]> }>('request-index:member')!;
    expect(shared.data.requests).toHaveLength(ids.shared.length + 1); // with the seeded case's request
    expect(member.data.requests).toHaveLength(ids.member.length);
    const index = new RequestIndex();
    expect(index.sync(after, checkedRead(after))).toEqual({ recomputed: 0, saved: false });
    expect(index.size).toBe(211);
    after.lock();

    // Unlocking through the app again gives the same first page.
    await ctx.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
    expect(await ctx.ok('requests:list', { offset: 0, limit: 50 })).toEqual(first);
  });
});

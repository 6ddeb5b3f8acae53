// Attacks on the request index's search words saved apart (request-index:<tier>:words, read by
// loadWords once per unlock, for search; before then wordsOf reads each request's record):
// (1) a PA with the data folder and the shared key, forging frames and records; (2) a hostile page
// calling requests:list with odd pages and searches. Each test expects the words to be those of the
// records, Member-only words never to reach the PA, and the PA's app to save nothing.
import { describe, expect, it } from 'vitest';
import type { RequestListPage } from '../../../../shared/ipc/views';
import type { StoredRequest } from '../../../../shared/domain/requests';
import { editRequest } from '../../../../shared/domain/request-lifecycle';
import { RequestIndex } from '../../../../electron/main/services/request-index';
import type { VaultSession } from '../../../../electron/main/vault/vault';
import type { Tier } from '../../../../electron/main/vault/frames';
import { MEMBER_PASS, PA_PASS, seededCase } from '../../support/core';
import { TEST_KDF, paAppend, snapshotFolder } from '../vault/support';
import { checkedRead, filesOf, newVault, openVault, reopen, sentOnFor, storedRequest } from './index-support';

/** Every fifth request Member-only, its subject naming a secret word ("confidentialword<i>"). */
function putRequests(session: VaultSession, count: number, prefix = 'req'): Record<Tier, string[]> {
  const ids: Record<Tier, string[]> = { shared: [], member: [] };
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${String(i).padStart(4, '0')}`;
    const tier: Tier = i % 5 === 0 ? 'member' : 'shared';
    const subject = tier === 'member' ? `Care home confidentialword${i}` : `Subject of ${id}`;
    session.put({ id, tier, type: 'request', data: storedRequest(id, sentOnFor(i), { memberOnly: tier === 'member', subject }) });
    ids[tier].push(id);
  }
  return ids;
}

/** The words a fresh index makes from the records alone. */
function wordsFromRecords(session: VaultSession, ids: string[]) {
  const fresh = new RequestIndex(1_000_000);
  fresh.sync(session, checkedRead(session));
  return ids.map((id) => fresh.wordsOf(id));
}

describe('a PA with the files and the shared key against the saved search words', () => {
  it('a shared-key frame named request-index:member:words (PA- or Member-claimed), planting words at the right versions, is set aside or ignored', async () => {
    for (const claim of ['pa', 'member'] as const) {
      const { dir, session } = await newVault();
      const paUser = await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
      const ids = putRequests(session, 20);
      // The Member's app has not saved its index yet: no member words record exists for the PA to hit.
      const seqs = new Map([...ids.shared, ...ids.member].map((id) => [id, session.get(id)!.seq]));
      session.lock();
      const pa = await openVault(dir).unlock(paUser.id, PA_PASS);
      const shared = Buffer.from(pa.exportKeysForQuickUnlock().shared, 'base64');
      // The PA's own app refuses to write it.
      expect(() => pa.put({ id: 'request-index:member:words', tier: 'shared', type: 'request-index', data: {} })).toThrow();
      pa.lock();
      const planted = [...seqs].map(([id, seq]) => [id, seq, 'planted']);
      paAppend(
        dir,
        shared,
        { kind: 'put', id: 'request-index:member:words', type: 'request-index' },
        { format: 4, words: planted },
        claim,
        filesOf(dir),
      );

      let member: VaultSession;
      try {
        member = await reopen(dir);
      } catch (error) {
        // A forged Member claim fails the Member's MAC: the vault refuses to open, as for damage.
        expect(claim).toBe('member');
        expect((error as { code?: string }).code).toBe('cannot-open');
        continue;
      }
      expect(member.warnings.some((w) => w.kind === 'set-aside')).toBe(true);
      expect(member.get('request-index:member:words')).toBeUndefined();
      const all = [...ids.shared, ...ids.member];
      const index = new RequestIndex(1);
      index.sync(member, checkedRead(member)); // saves: the Member's own words record is written
      expect(member.get('request-index:member:words')!.tier).toBe('member');
      expect(member.authorOf('request-index:member:words')).toBe('member');
      member.lock();

      const again = await reopen(dir);
      const next = new RequestIndex(1_000_000);
      next.sync(again, checkedRead(again));
      next.loadWords();
      const words = all.map((id) => next.wordsOf(id));
      expect(words.some((w) => w.includes('planted'))).toBe(false);
      expect(words).toEqual(wordsFromRecords(again, all));
      again.lock();
    }
  }, 60_000);

  it('the PA rewrites the shared words with entries for Member-only requests at their versions, odd seqs and a huge string: the Member ignores all', async () => {
    const { dir, session } = await newVault();
    const paUser = await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    const ids = putRequests(session, 20);
    new RequestIndex(1).sync(session, checkedRead(session));
    const memberSeqs = ids.member.map((id) => [id, session.get(id)!.seq] as const);
    session.lock();

    const pa = await openVault(dir).unlock(paUser.id, PA_PASS);
    // The PA cannot read the Member's words; it sees only that they exist.
    expect(pa.get('request-index:member:words')).toBeUndefined();
    const saved = structuredClone(pa.get<{ format: number; words: unknown[][] }>('request-index:shared:words')!);
    // Nothing of a Member-only request is in what the PA can read.
    expect(JSON.stringify(saved.data)).not.toContain('confidentialword');
    for (const id of ids.member) expect(JSON.stringify(saved.data)).not.toContain(id);
    const huge = 'x'.repeat(2_000_000);
    saved.data.words.push(
      ...memberSeqs.map(([id, seq]) => [id, seq, 'planted member']),
      ['__proto__', 1, 'planted'],
      [ids.shared[0]!, Number.NaN, 'planted'],
      [ids.shared[1]!, String(saved.data.words[1]![1]), 'planted'],
      [ids.shared[2]!, saved.data.words[2]![1], huge],
    );
    pa.put({ ...saved, data: saved.data });
    pa.lock();

    const member = await reopen(dir);
    const all = [...ids.shared, ...ids.member];
    const index = new RequestIndex(1_000_000);
    index.sync(member, checkedRead(member));
    index.loadWords();
    const words = all.map((id) => index.wordsOf(id));
    expect(words.some((w) => w.includes('planted') || w.includes('xxxx'))).toBe(false);
    expect(words).toEqual(wordsFromRecords(member, all));
    member.lock();
  }, 60_000);

  it("the Member's own words record, odd (tier-crossed ids, duplicates, wrong types, not an object), never throws or crosses a tier", async () => {
    const { dir, session } = await newVault();
    const ids = putRequests(session, 20);
    new RequestIndex(1).sync(session, checkedRead(session));
    session.lock();
    const member = await reopen(dir);
    const all = [...ids.shared, ...ids.member];
    const expected = wordsFromRecords(member, all);
    const sharedWords = member.get<{ format: number; words: unknown[][] }>('request-index:shared:words')!;
    const memberWords = member.get<{ format: number; words: unknown[][] }>('request-index:member:words')!;
    // Each tier's entries, at their right versions, with planted words, filed under the other tier's record.
    const plant = (d: { format: number; words: unknown[][] }) => ({
      format: d.format,
      words: d.words.map(([id, seq]) => [id, seq, 'planted']),
    });
    const variants: Array<[unknown, unknown]> = [
      [plant(memberWords.data), plant(sharedWords.data)],
      [null, 'junk'],
      [[1, 2, 3], { format: 4, words: 'not an array' }],
      [
        {
          format: 4,
          words: [
            [ids.shared[0], 1e308, 'x'],
            [{}, 1, 'x'],
            [ids.shared[0], 1, 2, 3],
          ],
        },
        { format: '4', words: [] },
      ],
    ];
    for (const [s, m] of variants) {
      member.put({ id: 'request-index:shared:words', tier: 'shared', type: 'request-index', data: s });
      member.put({ id: 'request-index:member:words', tier: 'member', type: 'request-index', data: m });
      const index = new RequestIndex(1_000_000);
      index.sync(member, checkedRead(member));
      expect(() => index.loadWords()).not.toThrow();
      expect(all.map((id) => index.wordsOf(id))).toEqual(expected);
    }
    // The check is not vacuous: the same planted words, each under its own tier, are used.
    member.put({ id: 'request-index:shared:words', tier: 'shared', type: 'request-index', data: plant(sharedWords.data) });
    member.put({ id: 'request-index:member:words', tier: 'member', type: 'request-index', data: plant(memberWords.data) });
    const own = new RequestIndex(1_000_000);
    own.sync(member, checkedRead(member));
    own.loadWords();
    expect(all.every((id) => own.wordsOf(id) === 'planted')).toBe(true);
    member.lock();
  }, 60_000);

  it('requests changed, moved to Member-only and deleted after the words were saved: the next list has the records’ words, and a moved request’s new words never reach the shared record', async () => {
    const { dir, session } = await newVault();
    const paUser = await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    const ids = putRequests(session, 20);
    new RequestIndex(1).sync(session, checkedRead(session));
    session.lock();

    const member = await reopen(dir);
    const index = new RequestIndex(1);
    index.sync(member, checkedRead(member));
    const [moved, changed, gone] = ids.shared;
    // After the index is loaded and before any large page: one moved to Member-only with a secret, one edited, one deleted.
    member.put({
      id: moved!,
      tier: 'member',
      type: 'request',
      data: storedRequest(moved!, sentOnFor(1), { memberOnly: true, subject: 'Moved confidentialsecret' }),
    });
    member.put({
      id: changed!,
      tier: 'shared',
      type: 'request',
      data: storedRequest(changed!, sentOnFor(2), { subject: 'Edited afterwards' }),
    });
    member.delete(gone!);
    index.sync(member, checkedRead(member)); // saveAfter 1: saved again
    index.loadWords();
    const live = [...ids.shared, ...ids.member].filter((id) => id !== gone);
    expect(live.map((id) => index.wordsOf(id))).toEqual(wordsFromRecords(member, live));
    expect(index.wordsOf(gone!)).toBe('');
    expect(index.wordsOf(moved!)).toContain('confidentialsecret');
    member.lock();

    const pa = await reopen(dir, 'pa');
    expect(JSON.stringify(pa.get('request-index:shared:words')!.data)).not.toContain('confidentialsecret');
    expect(JSON.stringify(pa.get('request-index:shared:words')!.data)).not.toContain(moved!);
    const paIndex = new RequestIndex(1);
    paIndex.sync(pa, checkedRead(pa));
    paIndex.loadWords();
    expect(paIndex.wordsOf(moved!)).toBe('');
    for (const id of ids.member) expect(paIndex.wordsOf(id)).toBe('');
    pa.lock();
    void paUser;
  }, 60_000);

  it("a PA's app saves nothing when its index loads words, whatever page it asks for; locked, wordsOf gives '' and never throws", async () => {
    const { dir, session } = await newVault();
    await session.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    const ids = putRequests(session, 30);
    new RequestIndex(1).sync(session, checkedRead(session));
    session.lock();
    // Lock mid-way: the saved shared index loaded, no row's words read yet.
    const early = await reopen(dir, 'pa');
    const other = new RequestIndex(1);
    expect(other.sync(early, checkedRead(early)).recomputed).toBe(0);
    early.lock();
    expect(other.wordsOf(ids.shared[1]!)).toBe('');
    expect(() => other.loadWords()).toThrow(/locked/); // a locked vault refuses plainly (listPage's sync refuses first)

    const pa = await reopen(dir, 'pa');
    // The PA edits many shared requests (enough to save, were it the Member), as the app's edit does:
    // the change kept on the timeline (a PA's save that changes a field without it is refused).
    for (const id of ids.shared) {
      const r = pa.get<StoredRequest>(id)!;
      const { entry, updated } = editRequest(r.data, { subject: `PA edit of ${id}` }, '2026-12-01');
      const events = [...r.data.events, { ...entry, id: `edit-${id}`, recordedAt: '2026-12-01T12:00:00.000Z', by: 'pa' as const }];
      pa.put({ ...r, data: { ...r.data, ...updated, events } as StoredRequest });
    }
    const before = snapshotFolder(dir, filesOf(dir));
    const index = new RequestIndex(1);
    expect(index.sync(pa, checkedRead(pa)).saved).toBe(false);
    index.loadWords();
    expect(index.wordsOf(ids.shared[0]!)).toContain('edit');
    expect(snapshotFolder(dir, filesOf(dir))).toEqual(before);
    pa.lock();
  }, 60_000);
});

describe('a hostile page calling requests:list with odd pages and searches', () => {
  /** A Member's case with 260 requests put straight into the vault (enough for the index to save), a PA added. */
  async function bigCase() {
    const ctx = await seededCase('2026-11-24');
    const member = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    const raw = ctx.core.session.requireVault().records as VaultSession;
    const ids = putRequests(raw, 260);
    // A search: everything indexed, the index (and its words) saved by the Member's app.
    await ctx.ok('requests:list', { offset: 0, limit: 10_000, query: { search: 'subject' } });
    expect(raw.authorOf('request-index:member:words')).toBe('member');
    const as = async (who: 'member' | 'pa') => {
      await ctx.ok('session:lock');
      await ctx.ok(
        'session:unlock',
        who === 'member' ? { userId: member.id, passphrase: MEMBER_PASS } : { userId: pa.id, passphrase: PA_PASS },
      );
    };
    return { ...ctx, ids, as };
  }

  /** Every page of a search, `limit` rows at a time from `start`, and the rows before it. */
  async function searched(ctx: Awaited<ReturnType<typeof bigCase>>, search: string, limit: number, start = 0) {
    const pages: RequestListPage[] = [];
    for (let offset = start, total = Infinity; offset < total; offset += limit) {
      pages.push(await ctx.ok('requests:list', { offset, limit, query: { search } }));
      total = pages.at(-1)!.total;
    }
    return { pages, ids: pages.flatMap((p) => p.rows.map((r) => r.id)) };
  }

  it('search finds each request by its own words, whatever the pages asked for; a PA finds nothing of a Member-only one', async () => {
    const ctx = await bigCase();
    await ctx.as('member');
    // The first call of the unlock is a search, before main has read the saved words.
    const typed = 'confidentialword5';
    const expected = ctx.ids.member.filter((id) => `confidentialword${Number(id.slice(4))}`.startsWith(typed));
    expect(expected.length).toBeGreaterThan(1);
    expect((await searched(ctx, typed, 1)).ids.sort()).toEqual([...expected].sort());
    const small = await searched(ctx, 'confidentialword', 7);
    await ctx.as('member');
    const big = await searched(ctx, 'confidentialword', 10_000);
    expect(small.ids).toEqual(big.ids);
    expect([...big.ids].sort()).toEqual([...ctx.ids.member].sort());
    const odd = await searched(ctx, 'confidentialword', 201, 3);
    expect(odd.ids).toEqual(big.ids.slice(3));
    // Past the end, and the contract's limits.
    expect((await ctx.ok('requests:list', { offset: 10_000, limit: 10_000, query: { search: 'subject' } })).rows).toEqual([]);
    for (const input of [
      { offset: -1, limit: 5 },
      { offset: 0, limit: 0 },
      { offset: 0, limit: 10_001 },
      { offset: 0.5, limit: 5 },
    ])
      expect((await ctx.call('requests:list', input)).ok).toBe(false);

    await ctx.as('pa');
    const dataFolder = ctx.dataFolder;
    const before = snapshotFolder(dataFolder, ctx.files);
    for (const limit of [7, 10_000]) {
      const secret = await searched(ctx, 'confidentialword', limit);
      expect(secret.ids).toEqual([]);
      const open = await searched(ctx, 'subject', limit);
      expect([...open.ids].sort()).toEqual([...ctx.ids.shared].sort());
      expect(JSON.stringify([secret.pages, open.pages])).not.toContain('confidentialword');
    }
    const all = await ctx.ok('requests:list', { offset: 0, limit: 10_000 });
    expect(JSON.stringify(all)).not.toContain('confidentialword');
    expect(all.rows.filter((r) => r.locked)).toHaveLength(ctx.ids.member.length);
    // The PA's searches saved nothing into the data folder.
    expect(snapshotFolder(dataFolder, ctx.files)).toEqual(before);
    // Locked: refused in plain words, nothing read.
    await ctx.ok('session:lock');
    const locked = await ctx.call('requests:list', { offset: 0, limit: 10_000, query: { search: 'subject' } });
    expect(locked.ok).toBe(false);
  }, 120_000);
});

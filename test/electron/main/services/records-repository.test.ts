import { describe, expect, it } from 'vitest';
import { RecordsRepository } from '../../../../electron/main/services/records-repository';
import type { IndexVault, RequestIndex } from '../../../../electron/main/services/request-index';
import type { StoredMaterial } from '../../../../shared/domain/material';
import { storedMaterial } from '../../support/materials';
import { PA_PASS, seededCase } from '../../support/core';

const CLOCK = new Date('2026-11-24T09:30:00.000Z');

async function withRepository() {
  const ctx = await seededCase();
  const warnings: string[] = [];
  const repo = new RecordsRepository(ctx.core.session, ctx.core.events, () => CLOCK, { warn: (m) => warnings.push(m) });
  const raw = () => ctx.core.session.requireVault().records;
  const material = (overrides: Partial<StoredMaterial> = {}) => storedMaterial({ requestId: ctx.request.row.id, ...overrides });
  const asPa = async () => {
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
  };
  return { ...ctx, repo, raw, material, warnings, asPa };
}

describe('RecordsRepository', () => {
  it('works out the tier from the type and content on every save, whatever was stored before', async () => {
    const { repo, raw, material } = await withRepository();
    repo.save('material', material());
    expect(raw().get('m-1')!.tier).toBe('shared');
    repo.save('material', material({ isBriefing: true }));
    expect(raw().get('m-1')!.tier).toBe('member'); // a briefing is Member-only whatever its level
    repo.save('material', material({ classification: { level: 'unsure' } }));
    expect(raw().get('m-1')!.tier).toBe('member');
    // A frame forged under the shared key with Member-only content is not read (so never re-saved under it).
    raw().put({ id: 'm-1', tier: 'shared', type: 'material', data: material({ classification: { level: 'exempt', paragraph: 1 } }) });
    expect(() => repo.get('material', 'm-1')).toThrow(expect.objectContaining({ code: 'cannot-open' }));
    expect(repo.list('material')).toEqual([]);
    // The tier stored is never reused: saving open content over a Member-tier record seals it by its content.
    repo.save(
      'material',
      material({
        classification: {
          level: 'pink-paper',
          committee: 'Cabinet',
          meetingDate: '2026-12-02',
          agendaItem: 'Item 9',
          authorDesignation: 'Director',
        },
      }),
    );
    expect(raw().get('m-1')!.tier).toBe('member');
  });

  it('refuses a PA a Member-written type or the Member-only tier before anything is written', async () => {
    const { repo, raw, material, asPa } = await withRepository();
    await asPa();
    const before = raw().stats();
    expect(() => repo.save('disclosure', { id: 'd-1', materialId: 'm-1', gate: { state: 'approved' } })).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() =>
      repo.save('council-settings', {
        id: 'council-settings',
        settings: { profileId: '000', nation: 'scotland', emailDomain: '' },
        holidayEdits: { added: [], removed: [] },
      }),
    ).toThrow(expect.objectContaining({ code: 'forbidden', message: expect.stringMatching(/Only the Member/) }));
    expect(() => repo.save('material', material({ classification: { level: 'confidential', basis: 'statutory' } }))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(raw().stats()).toEqual(before);
    expect(raw().get('d-1')).toBeUndefined();
  });

  it('validates every record before it is saved, with plain words; nothing is written', async () => {
    const { repo, raw, material } = await withRepository();
    const before = raw().stats();
    expect(() => repo.save('material', { ...material(), title: 7 } as never)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: 'The material could not be saved because some of its details are not valid. Nothing was saved.',
      }),
    );
    expect(raw().stats()).toEqual(before);
  });

  it('an id of another type is refused on save and reads as not there', async () => {
    const { repo, officer, meeting } = await withRepository();
    expect(() => repo.save('meeting', { id: officer.id, committee: 'x', date: '2026-12-01', agendaItems: [] })).toThrow(
      expect.objectContaining({ code: 'refused' }),
    );
    expect(repo.get('officer', meeting.id)).toBeUndefined();
    expect(() => repo.require('request', meeting.id)).toThrow(
      expect.objectContaining({ code: 'not-found', message: 'There is no such request.' }),
    );
  });

  it('a PA asking for Member-only records by id is told it is Member only', async () => {
    const { repo, material, asPa } = await withRepository();
    repo.save('material', material({ classification: { level: 'exempt', paragraph: 2 } }));
    await asPa();
    expect(() => repo.require('material', 'm-1')).toThrow(
      expect.objectContaining({ code: 'forbidden', message: 'This material is Member only.' }),
    );
  });

  it('stamps audit events with the user and the injected clock', async () => {
    const { repo } = await withRepository();
    repo.audit('m-1', 'viewed', 'member', { note: 'x' });
    expect(repo.auditTrail('m-1')).toEqual([
      expect.objectContaining({ action: 'viewed', detail: { note: 'x', by: 'Cllr Jane Smith', at: CLOCK.toISOString() } }),
    ]);
  });

  it('a malformed record never breaks a list: it is set aside, counted and logged once', async () => {
    const { repo, raw, material, warnings } = await withRepository();
    repo.save('material', material());
    raw().put({ id: 'bad', tier: 'shared', type: 'material', data: { title: 'no shape' } });
    expect(repo.list('material').map((m) => m.id)).toEqual(['m-1']);
    expect(repo.list('material').map((m) => m.id)).toEqual(['m-1']);
    expect(repo.unreadableCount).toBe(1);
    expect(warnings).toEqual(['A material record (bad) does not have the expected shape and was set aside.']);
    expect(() => repo.get('material', 'bad')).toThrow(expect.objectContaining({ code: 'cannot-open' }));
  });

  it('listStored gives each readable record with its id and tier; writableTier answers as save() would, saving nothing', async () => {
    const { repo, raw, material, asPa } = await withRepository();
    repo.save('material', material());
    repo.save('material', material({ id: 'm-2', isBriefing: true }));
    expect(repo.listStored('material').map((r) => [r.id, r.tier])).toEqual(
      expect.arrayContaining([
        ['m-1', 'shared'],
        ['m-2', 'member'],
      ]),
    );
    expect(repo.writableTier('material', 'm-3', material({ id: 'm-3', isBriefing: true }))).toBe('member');
    expect(raw().get('m-3')).toBeUndefined();
    await asPa();
    expect(repo.listStored('material').map((r) => r.id)).toEqual(['m-1']);
    expect(repo.writableTier('material', 'm-3', material({ id: 'm-3' }))).toBe('shared');
    expect(() => repo.writableTier('material', 'm-3', material({ id: 'm-3', isBriefing: true }))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });

  it('the request index saves through the repository’s door: only under its own tier, only by whoever may write it', async () => {
    const { repo, raw, asPa } = await withRepository();
    const indexWriting = (record: { id: string; tier: 'shared' | 'member' }) =>
      ({
        sync: (vault: IndexVault) => {
          vault.put({ ...record, type: 'request-index', data: { format: 0 } });
          return { recomputed: 0, saved: true };
        },
      }) as unknown as RequestIndex;
    repo.syncIndex(indexWriting({ id: 'request-index:shared', tier: 'shared' }));
    expect(raw().get('request-index:shared')).toMatchObject({ tier: 'shared', type: 'request-index' });
    // The Member's index under the shared key would hand Member-only rows to the PA: refused, nothing written.
    expect(() => repo.syncIndex(indexWriting({ id: 'request-index:member', tier: 'shared' }))).toThrow(
      expect.objectContaining({ code: 'refused' }),
    );
    expect(raw().get('request-index:member')).toBeUndefined();
    // The same door all session (the index keys its cache on it), a new one after the next unlock.
    const doors: IndexVault[] = [];
    const keep = { sync: (vault: IndexVault) => void doors.push(vault) } as unknown as RequestIndex;
    repo.syncIndex(keep);
    repo.syncIndex(keep);
    expect(doors[0] === doors[1]).toBe(true);
    await asPa();
    repo.syncIndex(keep);
    expect(doors[2] === doors[0]).toBe(false); // compared as booleans: the old door's getters would read a locked vault
    expect(() => repo.syncIndex(indexWriting({ id: 'request-index:member', tier: 'member' }))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});

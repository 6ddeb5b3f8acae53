import { describe, expect, it } from 'vitest';
import { canShareBriefing, checkCapacityUse, classify, effectiveLevel, isProtected, reclassifyPinkPaper, requireRetentionDate, retentionDue, SCHEDULE_12A, tierFor } from '../../../shared/domain/classification';
import { isVisibleInMode, mustAudit, recordDisposal, blocksScreenCapture } from '../../../shared/domain/protection';

const pink = { level: 'pink-paper' as const, committee: 'Cabinet', meetingDate: '2026-12-02', agendaItem: 'Item 9: depot disposal', authorDesignation: 'Director of Resources', paragraph: 3 };

describe('classifying what is received', () => {
  it('R-CLS-1 exempt cites a Schedule 12A paragraph 1–7; pink papers name committee, meeting, item and author', () => {
    expect(Object.keys(SCHEDULE_12A)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(classify({ level: 'exempt', paragraph: 3 })).toEqual({ level: 'exempt', paragraph: 3 });
    expect(() => classify({ level: 'exempt', paragraph: 8 })).toThrow(/incomplete/);
    expect(() => classify({ level: 'exempt' })).toThrow(/paragraph/);
    expect(classify(pink)).toEqual(pink);
    expect(() => classify({ ...pink, committee: '' })).toThrow(/committee/);
    expect(() => classify({ ...pink, meetingDate: '2026-02-30' })).toThrow(/real date/);
  });

  it('R-CLS-2 material of unknown status is treated as confidential', () => {
    expect(effectiveLevel({ level: 'unsure' })).toBe('confidential');
    expect(effectiveLevel(null)).toBe('confidential');
    expect(isProtected({ level: 'unsure' })).toBe(true);
    expect(isProtected({ level: 'open' })).toBe(false);
  });

  it('R-CLS-3 a pink paper is reclassified only with the committee’s resolution', () => {
    expect(() => reclassifyPinkPaper(pink, { level: 'open' }, null)).toThrow(expect.objectContaining({ code: 'refused' }));
    expect(reclassifyPinkPaper(pink, { level: 'open' }, { meeting: 'Cabinet', date: '2026-12-02', minuteReference: 'CAB/2026/114' })).toEqual({ level: 'open' });
    expect(reclassifyPinkPaper({ level: 'exempt', paragraph: 1 }, { level: 'open' }, null)).toEqual({ level: 'open' });
  });

  it('R-CLS-4 material given in one capacity cannot be used in another', () => {
    const material = { givenForCapacity: 'outside-body' as const, givenForPurpose: 'Board of the housing company' };
    expect(checkCapacityUse(material, { capacity: 'ward-member', purpose: 'ward newsletter', use: 'note' })).toMatchObject({ allowed: false, reason: expect.stringMatching(/003 §4.8/) });
    expect(checkCapacityUse(material, { capacity: 'outside-body', purpose: 'board meeting', use: 'request' }).allowed).toBe(true);
  });

  it('R-CLS-5 a confidential briefing is shared only with the requesting Member’s permission', () => {
    expect(canShareBriefing({ requestedBy: 'Cllr Smith' }, { by: 'Cllr Brown', to: 'Cllr Jones' }).allowed).toBe(false);
    expect(canShareBriefing({ requestedBy: 'Cllr Smith', permission: { givenBy: 'Cllr Smith', givenOn: '2026-11-20' } }, { by: 'Cllr Brown', to: 'Cllr Jones' }).allowed).toBe(true);
  });

  it('R-CLS-6 personal data has a retention date and prompts erasure when it is reached', () => {
    expect(() => requireRetentionDate({ personal: true, specialCategory: false, retainUntil: null })).toThrow(/retention date/);
    const items = [
      { id: 'a', title: 'Housing case notes', personalData: { personal: true, specialCategory: true, retainUntil: '2026-11-01' } },
      { id: 'b', title: 'Later', personalData: { personal: true, specialCategory: false, retainUntil: '2027-01-01' } },
      { id: 'c', title: 'Erased', personalData: { personal: true, specialCategory: false, retainUntil: '2026-01-01' }, erasedOn: '2026-01-02' },
    ];
    expect(retentionDue(items, '2026-11-24')).toEqual([{ id: 'a', title: 'Housing case notes', retainUntil: '2026-11-01' }]);
  });
});

describe('protection in use', () => {
  it('R-USE-2 protected material and briefings go to the Member-only tier', () => {
    expect(tierFor({ classification: { level: 'open' } })).toBe('shared');
    expect(tierFor({ classification: { level: 'unsure' } })).toBe('member');
    expect(tierFor({ classification: pink })).toBe('member');
    expect(tierFor({ classification: { level: 'open' }, isBriefing: true })).toBe('member');
  });

  it('R-USE-1 public-meeting mode hides protected content; a private session shows only its meeting’s pink papers', () => {
    const item = { classification: pink, meetingId: 'm1' };
    expect(isVisibleInMode(item, { kind: 'public-meeting' })).toBe(false);
    expect(isVisibleInMode({ classification: { level: 'open' } }, { kind: 'public-meeting' })).toBe(true);
    expect(isVisibleInMode(item, { kind: 'private-session', meetingId: 'm1' })).toBe(true);
    expect(isVisibleInMode(item, { kind: 'private-session', meetingId: 'm2' })).toBe(false);
    expect(isVisibleInMode({ classification: { level: 'exempt', paragraph: 1 }, meetingId: 'm1' }, { kind: 'private-session', meetingId: 'm1' })).toBe(false);
    expect(blocksScreenCapture({ kind: 'public-meeting' })).toBe(true);
    expect(blocksScreenCapture({ kind: 'normal' })).toBe(false);
  });

  it('R-USE-3 views, exports and disclosures of protected material, and every classification change, are audited', () => {
    expect(mustAudit('viewed', pink)).toBe(true);
    expect(mustAudit('viewed', { level: 'open' })).toBe(false);
    expect(mustAudit('classified', { level: 'open' })).toBe(true);
    expect(mustAudit('renamed', pink)).toBe(false);
  });

  it('R-USE-4 destruction or return is recorded, with who it went back to', () => {
    expect(recordDisposal({ materialId: 'm', how: 'returned', on: '2026-11-20', returnedTo: 'Democratic Services', reason: 'End of term' }, '2026-11-24')).toMatchObject({ how: 'returned', returnedTo: 'Democratic Services' });
    expect(() => recordDisposal({ materialId: 'm', how: 'returned', on: '2026-11-20', reason: 'x' }, '2026-11-24')).toThrow(/returned to/);
    expect(() => recordDisposal({ materialId: 'm', how: 'destroyed', on: '2026-12-20', reason: 'x' }, '2026-11-24')).toThrow(/future/);
  });
});

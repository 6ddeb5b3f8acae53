import { describe, expect, it } from 'vitest';
import {
  canShareBriefing,
  checkCapacityUse,
  classify,
  effectiveLevel,
  holdsPersonalData,
  isMemberOnly,
  isProtected,
  reclassifyPinkPaper,
  recordBriefingPermission,
  requireRetentionDate,
  retentionDue,
  retentionProblem,
  SCHEDULE_12A,
  tierFor,
} from '../../../shared/domain/classification';
import { mayExportAttachment } from '../../../shared/domain/attachments';
import { checkDisposable, protectedStillHeld } from '../../../shared/domain/material-lifecycle';
import { isVisibleInMode, mustAudit, recordDisposal, blocksScreenCapture } from '../../../shared/domain/protection';

const pink = {
  level: 'pink-paper' as const,
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
};

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
    expect(
      reclassifyPinkPaper(pink, { level: 'open' }, { meeting: 'Cabinet', date: '2026-12-02', minuteReference: 'CAB/2026/114' }),
    ).toEqual({ level: 'open' });
    expect(reclassifyPinkPaper({ level: 'exempt', paragraph: 1 }, { level: 'open' }, null)).toEqual({ level: 'open' });
  });

  it('R-CLS-4 material given in one capacity cannot be used in another', () => {
    const material = { givenForCapacity: 'outside-body' as const, givenForPurpose: 'Board of the housing company' };
    expect(checkCapacityUse(material, { capacity: 'ward-member', purpose: 'ward newsletter', use: 'note' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/003 §4.8/),
    });
    expect(checkCapacityUse(material, { capacity: 'outside-body', purpose: 'board meeting', use: 'request' }).allowed).toBe(true);
  });

  it('R-CLS-5 a confidential briefing is shared only with the requesting Member’s permission', () => {
    expect(canShareBriefing({ requestedBy: 'Cllr Smith' }, { by: 'Cllr Brown', to: 'Cllr Jones' }).allowed).toBe(false);
    expect(
      canShareBriefing(
        { requestedBy: 'Cllr Smith', permission: { givenBy: 'Cllr Smith', givenOn: '2026-11-20' } },
        { by: 'Cllr Brown', to: 'Cllr Jones' },
      ).allowed,
    ).toBe(true);
  });

  it('R-CLS-6 personal data has a retention date and prompts erasure when it is reached', () => {
    expect(() => requireRetentionDate({ personal: true, specialCategory: false, retainUntil: null })).toThrow(/retention date/);
    const items = [
      { id: 'a', title: 'Housing case notes', personalData: { personal: true, specialCategory: true, retainUntil: '2026-11-01' } },
      { id: 'b', title: 'Later', personalData: { personal: true, specialCategory: false, retainUntil: '2027-01-01' } },
      {
        id: 'c',
        title: 'Erased',
        personalData: { personal: true, specialCategory: false, retainUntil: '2026-01-01' },
        erasedOn: '2026-01-02',
      },
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
    expect(
      isVisibleInMode({ classification: { level: 'exempt', paragraph: 1 }, meetingId: 'm1' }, { kind: 'private-session', meetingId: 'm1' }),
    ).toBe(false);
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
    expect(
      recordDisposal(
        { materialId: 'm', how: 'returned', on: '2026-11-20', returnedTo: 'Democratic Services', reason: 'End of term' },
        '2026-11-24',
      ),
    ).toMatchObject({ how: 'returned', returnedTo: 'Democratic Services' });
    expect(() => recordDisposal({ materialId: 'm', how: 'returned', on: '2026-11-20', reason: 'x' }, '2026-11-24')).toThrow(/returned to/);
    expect(() => recordDisposal({ materialId: 'm', how: 'destroyed', on: '2026-12-20', reason: 'x' }, '2026-11-24')).toThrow(/future/);
  });
});

describe('capacity-bound use (R-CLS-4)', () => {
  const board = { givenForCapacity: 'outside-body' as const, givenForPurpose: 'Board of the housing company' };
  it.each([
    ['request', 'a request'],
    ['disclosure', 'passing it on'],
    ['note', 'a note'],
  ] as const)('R-CLS-4 using board material for %s as a ward member is blocked, saying what it was given for', (use, words) => {
    const r = checkCapacityUse(board, { capacity: 'ward-member', purpose: 'Ward newsletter', use });
    expect(r.allowed).toBe(false);
    expect(r.reason).toContain(`cannot be used for ${words} in your role as ward or division member`);
    expect(r.reason).toContain('given to you as representative on an outside body, for “Board of the housing company”');
    expect(r.givenFor).toEqual({
      capacity: 'outside-body',
      capacityName: 'Representative on an outside body',
      purpose: 'Board of the housing company',
    });
  });
  it('R-CLS-4 the same capacity, or a profile that does not bind use, is allowed and still says what it was given for', () => {
    expect(checkCapacityUse(board, { capacity: 'outside-body', use: 'disclosure' })).toMatchObject({
      allowed: true,
      givenFor: { capacity: 'outside-body' },
    });
    expect(checkCapacityUse(board, { capacity: 'ward-member', use: 'note' }, false).allowed).toBe(true);
  });
  it('R-CLS-4 odd input is refused in words, never allowed', () => {
    expect(() =>
      checkCapacityUse({ givenForCapacity: 'martian' as never, givenForPurpose: '' }, { capacity: 'ward-member', use: 'note' }),
    ).toThrow('It is not recorded in which role this material was given to you.');
    expect(() => checkCapacityUse(board, { capacity: 'toString' as never, use: 'note' })).toThrow(/Choose the role/);
    expect(() => checkCapacityUse(board, { capacity: 'ward-member', use: 'tweet' as never })).toThrow(/request, passing it on or a note/);
    expect(checkCapacityUse({ ...board, givenForPurpose: '  ' }, { capacity: 'outside-body', use: 'note' }).givenFor.purpose).toBe(
      'no purpose recorded',
    );
  });
});

describe('briefings are Member-only everywhere (R-CLS-5)', () => {
  const briefing = { classification: { level: 'open' as const }, isBriefing: true };
  it('R-CLS-5 one test decides Member-only, and the tier, exports and disposal all follow it', () => {
    expect(isMemberOnly(briefing)).toBe(true);
    expect(isMemberOnly({ classification: { level: 'open' }, isBriefing: false })).toBe(false);
    expect(isMemberOnly({ classification: null })).toBe(true);
    expect(tierFor(briefing)).toBe('member');
    expect(mayExportAttachment(briefing, [], { kind: 'normal' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/confidential briefing/),
    });
    const facts = {
      title: 'Briefing',
      classification: { level: 'open' as const },
      isBriefing: true,
      personalData: { personal: false, specialCategory: false, retainUntil: null },
      erasedOn: null,
    };
    expect(() => checkDisposable(facts)).not.toThrow();
    expect(protectedStillHeld([facts])).toHaveLength(1);
  });

  it('R-CLS-5 R-USE-1 a briefing is hidden in public-meeting mode and private sessions, and its views are audited', () => {
    expect(isVisibleInMode(briefing, { kind: 'normal' })).toBe(true);
    expect(isVisibleInMode(briefing, { kind: 'public-meeting' })).toBe(false);
    expect(isVisibleInMode({ ...briefing, meetingId: 'm1' }, { kind: 'private-session', meetingId: 'm1' })).toBe(false);
    expect(isVisibleInMode({ classification: { level: 'open' } }, { kind: 'public-meeting' })).toBe(true);
    expect(mustAudit('viewed', { level: 'open' }, true)).toBe(true);
    expect(mustAudit('viewed', { level: 'open' })).toBe(false);
    expect(mustAudit('viewed', { level: 'confidential', basis: 'given-in-confidence' })).toBe(true);
  });

  it('R-CLS-5 the permission is recorded: who gave it (only the requesting Member) and when (not after today)', () => {
    const b = { requestedBy: 'Cllr Smith' };
    expect(recordBriefingPermission(b, { givenBy: ' cllr smith ', givenOn: '2026-11-20', sharedWith: 'Cllr Jones' }, '2026-11-24')).toEqual(
      { givenBy: 'cllr smith', givenOn: '2026-11-20', sharedWith: 'Cllr Jones' },
    );
    expect(() => recordBriefingPermission(b, { givenBy: 'Cllr Brown', givenOn: '2026-11-20' }, '2026-11-24')).toThrow(
      'Only Cllr Smith, who asked for the briefing, can permit sharing it.',
    );
    expect(() => recordBriefingPermission(b, { givenBy: 'Cllr Smith', givenOn: '2026-11-25' }, '2026-11-24')).toThrow(
      /cannot be after today/,
    );
    expect(() => recordBriefingPermission(b, { givenBy: '', givenOn: '2026-11-20' }, '2026-11-24')).toThrow(/who gave permission/);
    expect(() => recordBriefingPermission(b, { givenBy: 'Cllr Smith', givenOn: '20/11/2026' }, '2026-11-24')).toThrow(/date/);
  });

  it('R-CLS-5 sharing follows the recorded permission, including who it may go to', () => {
    const permission = { givenBy: 'Cllr Smith', givenOn: '2026-11-20', sharedWith: 'Cllr Jones' };
    expect(canShareBriefing({ requestedBy: 'Cllr Smith', permission }, { by: 'Cllr Brown', to: 'Cllr Jones' })).toEqual({
      allowed: true,
      reason: 'Cllr Smith gave permission to share it with Cllr Jones on 20/11/2026.',
    });
    expect(canShareBriefing({ requestedBy: 'Cllr Smith', permission }, { by: 'Cllr Brown', to: 'Cllr Green' })).toMatchObject({
      allowed: false,
      reason: 'Cllr Smith permitted sharing this briefing with Cllr Jones only, not Cllr Green.',
    });
    // A permission "given" by someone else is no permission.
    expect(
      canShareBriefing(
        { requestedBy: 'Cllr Smith', permission: { givenBy: 'Cllr Brown', givenOn: '2026-11-20' } },
        { by: 'Cllr Brown', to: 'Cllr Jones' },
      ).allowed,
    ).toBe(false);
    expect(canShareBriefing({ requestedBy: 'Cllr Smith' }, { by: 'Cllr Brown', to: '' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/Name the Member/),
    });
    expect(canShareBriefing({ requestedBy: 'Cllr Smith' }, { by: 'Cllr Smith', to: 'Cllr Jones' }).allowed).toBe(true);
  });
});

describe('special-category personal data (R-CLS-1)', () => {
  it('R-CLS-1 special-category data is flagged next to personal data and needs a retention date like it', () => {
    expect(() => requireRetentionDate({ personal: false, specialCategory: true, retainUntil: null })).toThrow(
      /Special-category personal data \(such as health/,
    );
    expect(requireRetentionDate({ personal: false, specialCategory: true, retainUntil: '2027-05-01' })).toEqual({
      personal: true,
      specialCategory: true,
      retainUntil: '2027-05-01',
    });
    expect(holdsPersonalData({ personal: false, specialCategory: true, retainUntil: null })).toBe(true);
    expect(holdsPersonalData(null)).toBe(false);
  });
  it('R-CLS-1 the screens ask the same question main does, live: which words, and none once a date is given', () => {
    expect(retentionProblem({ personal: false, specialCategory: false, retainUntil: null })).toBeNull();
    expect(retentionProblem({ personal: true, specialCategory: false, retainUntil: null })).toMatch(
      /^Personal data needs a retention date/,
    );
    expect(retentionProblem({ personal: false, specialCategory: true, retainUntil: null })).toMatch(/^Special-category personal data/);
    expect(retentionProblem({ personal: false, specialCategory: true, retainUntil: '2027-05-01' })).toBeNull();
    // What main throws is exactly what the form said beforehand.
    const pd = { personal: false, specialCategory: true, retainUntil: null };
    expect(() => requireRetentionDate(pd)).toThrow(retentionProblem(pd)!);
  });
  it('R-CLS-6 special-category data flagged alone still prompts erasure at its date', () => {
    expect(
      retentionDue(
        [{ id: 's', title: 'Health details', personalData: { personal: false, specialCategory: true, retainUntil: '2026-11-01' } }],
        '2026-11-24',
      ),
    ).toHaveLength(1);
  });
  it('R-CLS-1 an incomplete classification is explained in words, without field names or validator text', () => {
    let message = '';
    try {
      classify({ level: 'pink-paper', committee: '', meetingDate: '2026-11-30', agendaItem: '', authorDesignation: 'Head of Estates' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('The classification is incomplete: name the committee; name the agenda item.');
    expect(() => classify({ level: 'secret' })).toThrow(/choose whether it is open, confidential, exempt/);
    expect(() => classify({ level: 'exempt', paragraph: 9 })).toThrow(
      'The classification is incomplete: cite the Schedule 12A paragraph, from 1 to 7.',
    );
  });
});

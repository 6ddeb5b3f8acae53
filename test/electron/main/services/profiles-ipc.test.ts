import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '../../../../shared/domain/profiles';
import { PA_PASS, coreBehindIpc, draft, MEMBER_PASS, seededCase } from '../../support/core';

describe('council profiles: copy a built-in one, edit the copy, put it in force', () => {
  it('R-DUE-1 lists the five councils’ profiles with every value, and none of them can be edited', async () => {
    const { ok } = await seededCase();
    const profiles = await ok<Array<{ id: string; editable: boolean }>>('profiles:list');
    expect(profiles.map((p) => p.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(profiles.every((p) => !p.editable)).toBe(true);
  });

  it('R-DUE-1 a copy keeps every value of its source, gets a new id and the new name, and can be edited', async () => {
    const { ok, settingsStore } = await seededCase();
    const copy = await ok('profiles:copy', { sourceId: '004', name: 'Our council (from Wiltshire)' });
    expect(copy).toMatchObject({
      ...BUILT_IN_PROFILES['004'],
      id: expect.stringMatching(/^custom-/),
      name: 'Our council (from Wiltshire)',
      source: expect.stringMatching(/^copy of 004/),
      editable: true,
    });
    const second = await ok('profiles:copy', { sourceId: '004', name: 'Another copy' });
    expect(second.id).not.toBe(copy.id);
    // Kept in the vault as Member-written records, never in settings.json.
    expect(settingsStore.get('customProfiles')).toBeUndefined();
    expect((await ok<Array<{ id: string }>>('profiles:list')).map((p) => p.id)).toEqual(expect.arrayContaining([copy.id, second.id]));
  });

  it('R-DUE-1 R-ASK-4 R-DIS-2 every value of a copy can be changed, and the copy can be put in force for new requests', async () => {
    const { call, ok, officer, request } = await seededCase();
    const copy = await ok('profiles:copy', { sourceId: '000', name: 'Our district' });
    const edited = {
      ...copy,
      name: 'Our district (10 days)',
      acknowledgeWorkingDays: null,
      respondWorkingDays: 10,
      veryOverdueAfterWorkingDays: 3,
      monitoringOfficerBeforeDisclosure: 'every-ground',
      monitoringOfficerAcceptsNeedToKnow: true,
      chairNoticeForAgendaItems: false,
      seniorOfficersOnly: true,
      thirdPartyConsent: true,
      capacityBoundUse: false,
      holidayScope: 'any-uk-nation',
      source: 'typed by the renderer', // ignored: where it was copied from is kept
    };
    const saved = await ok('profiles:save', edited);
    expect(saved).toEqual({ ...edited, source: copy.source, editable: true });
    const council = await ok('council:set', { profileId: copy.id, nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' });
    expect(council.profile).toEqual(saved);
    expect(council.profiles.map((p: { id: string }) => p.id)).toContain(copy.id);
    // Sent Monday 16/11/2026 under the copy: 10 working days, no acknowledgement, and with holidays of any UK
    // nation counting, St Andrew's Day (Monday 30/11, Scotland) is skipped: due Tuesday 01/12.
    // R-ASK-4 now reads the copy: confidential material needs the Monitoring Officer to accept the need to know.
    expect(await call('requests:create', draft({ officerId: officer.id, sentOn: '2026-11-16', meetingId: null }))).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/Monitoring Officer to accept/) },
    });
    const created = await ok(
      'requests:create',
      draft({
        officerId: officer.id,
        sentOn: '2026-11-16',
        meetingId: null,
        monitoringOfficerReason: 'The valuation is exempt; I ask the Monitoring Officer to accept my need to know.',
      }),
    );
    expect(created.row).toMatchObject({ acknowledgeBy: null, target: '2026-12-01' });
    expect(created.profileName).toBe('Our district (10 days)');
    // R-DUE-3: the request sent earlier keeps the profile recorded on it.
    const earlier = await ok('requests:get', { id: request.row.id });
    expect(earlier).toMatchObject({ profileName: 'District council (Section 17)', row: { target: '2026-11-23' } });
  });

  it('R-DUE-1 saving a copy keeps every other saved copy, even one this version cannot read', async () => {
    const { ok, settingsStore } = await seededCase();
    const unreadable = { id: 'custom-from-a-newer-version', name: 'Newer', futureField: true };
    settingsStore.set('customProfiles', [unreadable]);
    const copy = await ok('profiles:copy', { sourceId: '000', name: 'Our copy' });
    await ok('profiles:save', { ...copy, respondWorkingDays: 7 });
    // The copy lives in the vault; the entry this version cannot read is left in the file as it was.
    expect(settingsStore.get('customProfiles')).toEqual([unreadable]);
    expect(
      (await ok<Array<{ id: string; respondWorkingDays: number }>>('profiles:list')).find((p) => p.id === copy.id)?.respondWorkingDays,
    ).toBe(7);
  });

  it('R-DUE-1 a bad value is refused with the reason and nothing is saved', async () => {
    const { call, ok } = await seededCase();
    const copy = await ok('profiles:copy', { sourceId: '000', name: 'Our district' });
    const before = await ok('profiles:list');
    const bad = [
      [{ ...copy, respondWorkingDays: 0 }, /substantive answer must be at least 1 working day/],
      [{ ...copy, respondWorkingDays: 500 }, /substantive answer can be at most 120 working days/],
      [{ ...copy, acknowledgeWorkingDays: 2.5 }, /whole number of working days/],
      [{ ...copy, veryOverdueAfterWorkingDays: -1 }, /very-overdue threshold must be at least 1/],
      [{ ...copy, name: '   ' }, /Give the profile a name/],
      [{ ...copy, monitoringOfficerBeforeDisclosure: 'never' }, /monitoringOfficerBeforeDisclosure/],
    ] as const;
    for (const [profile, message] of bad) {
      expect(await call('profiles:save', profile)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(message) },
      });
    }
    expect(await ok('profiles:list')).toEqual(before);
    expect(await call('profiles:copy', { sourceId: '000', name: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('profiles:copy', { sourceId: 'nope', name: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await ok('profiles:list')).toEqual(before);
  });

  it('R-DUE-1 a built-in profile cannot be overwritten, nor a copy that does not exist be made up', async () => {
    const { call, ok, settingsStore } = await seededCase();
    const refused = await call('profiles:save', { ...BUILT_IN_PROFILES['000'], respondWorkingDays: 30, editable: true });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/Built-in profiles cannot be changed/) },
    });
    const madeUp = await call('profiles:save', { ...BUILT_IN_PROFILES['000'], id: 'custom-made-up', editable: true });
    expect(madeUp).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(settingsStore.get('customProfiles')).toBeUndefined();
    expect(
      (await ok<Array<{ id: string; respondWorkingDays: number }>>('profiles:list')).find((p) => p.id === '000')!.respondWorkingDays,
    ).toBe(5);
  });

  it('R-USE-2 a PA can read the profiles but cannot copy, edit or choose one', async () => {
    const { call, ok } = await seededCase();
    const copy = await ok('profiles:copy', { sourceId: '000', name: 'Our district' });
    const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    const before = await ok('profiles:list');
    expect((await ok<unknown[]>('profiles:list')).length).toBe(6);
    expect(await call('profiles:copy', { sourceId: '000', name: 'PA copy' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('profiles:save', { ...copy, respondWorkingDays: 20 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('council:set', { profileId: copy.id, nation: 'scotland', emailDomain: 'x.gov.uk' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ok('profiles:list')).toEqual(before);
    expect((await ok('council:get')).settings.profileId).toBe('000');
  });

  it('profiles need an unlocked vault', async () => {
    const { call, ok } = coreBehindIpc();
    await ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
    await ok('session:lock');
    for (const channel of ['profiles:list', 'profiles:copy']) {
      expect(await call(channel, channel === 'profiles:copy' ? { sourceId: '000', name: 'x' } : undefined)).toMatchObject({
        ok: false,
        error: { code: 'locked' },
      });
    }
  });
});

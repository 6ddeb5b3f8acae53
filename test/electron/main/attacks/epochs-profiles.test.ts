// Attacks on the council's rule-bearing values through settings.json (which a PA with the data
// folder can edit): a custom profile, a profile switch, holiday edits or an email domain hand-added
// to the file is never adopted as the Member's once the vault holds the council's values, which it
// does from the Member's first unlock on this version; the file is left as it is.
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '../../../../shared/domain/profiles';
import { MEMBER_PASS, PA_PASS, coreBehindIpc, seededCase } from '../../support/core';
import { attackTable } from './epochs-table';

const table = attackTable();
afterAll(() => console.info(table.print()));

const planted = {
  ...BUILT_IN_PROFILES['000'],
  id: 'custom-planted',
  name: 'District council (Section 17)',
  respondWorkingDays: 120,
  editable: true,
};

const PLANTS: Array<[string, Record<string, unknown>]> = [
  ['a custom profile', { customProfiles: [planted] }],
  [
    'a custom profile put in force',
    {
      customProfiles: [planted],
      council: { profileId: 'custom-planted', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' },
    },
  ],
  ['a built-in profile switch and another domain', { council: { profileId: '004', nation: 'scotland', emailDomain: 'evil.example' } }],
  [
    'holiday edits',
    { holidayEdits: { added: [{ date: '2026-12-29', name: 'Planted closure', nations: ['england-and-wales'] }], removed: [] } },
  ],
];

/** One vault whose Member set the council up, or one whose Member never touched the council settings (one core at a time: each takes over IPC). */
async function vault(which: 'seeded' | 'bare') {
  if (which === 'seeded') return seededCase();
  const bare = coreBehindIpc();
  await bare.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
  return bare;
}

describe('council values hand-added to settings.json', () => {
  it('are never adopted at the Member’s next unlock, nor shown to a PA, and stay in the file', async () => {
    for (const [name, values] of PLANTS) {
      for (const which of ['seeded', 'bare'] as const) {
        const ctx = await vault(which);
        const member = ctx.core.session.requireVault().user;
        const before = await ctx.ok('council:get');
        const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
        await ctx.ok('session:lock');
        for (const [key, value] of Object.entries(values)) ctx.settingsStore.set(key, value);
        await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
        const paView = await ctx.ok('council:get');
        await ctx.ok('session:lock');
        await ctx.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS });
        const after = await ctx.ok('council:get');
        const profiles = await ctx.ok<Array<{ id: string }>>('profiles:list');
        const holidays = await ctx.ok('holidays:get');
        const adopted =
          profiles.some((p) => p.id === 'custom-planted') ||
          JSON.stringify(after.settings) !== JSON.stringify(before.settings) ||
          JSON.stringify(paView.settings) !== JSON.stringify(before.settings) ||
          holidays.added.some((h: { name: string }) => h.name === 'Planted closure');
        const kept = Object.entries(values).every(([key, value]) => JSON.stringify(ctx.settingsStore.get(key)) === JSON.stringify(value));
        table.add(`settings.json: ${name}`, { caught: !adopted && kept });
        expect([name, which, adopted, kept]).toEqual([name, which, false, true]);
      }
    }
  }, 240_000);
});

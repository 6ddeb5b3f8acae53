// R-USE-1 on screen: in a meeting mode the screens that list protected things are not offered (main
// refuses them too), and a PA left in the mode is told who can end it.
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Shell } from '../../../renderer/app/Shell';
import { clearWorkingSet } from '../../../renderer/db/working-set';
import { WHO_LEAVES_A_MEETING_MODE, type MeetingMode } from '../../../shared/domain/protection';
import { installFakeApi } from '../fake-api';

afterEach(async () => {
  await clearWorkingSet();
});

const CLOSED = ['Disclosure register', 'Personal data due for erasure', 'Protected material held'];

function shellIn(mode: MeetingMode, role: 'member' | 'pa') {
  installFakeApi({
    'requests:list': () => ({ ok: true, value: { total: 0, all: 0, rows: [] } }),
    'officers:list': () => ({ ok: true, value: [] }),
    'meetings:list': () => ({ ok: true, value: [] }),
    'meetingMode:get': () => ({ ok: true, value: mode }),
    'correspondence:unfiled': () => ({ ok: true, value: { items: [], memberOnlyCount: 0 } }),
    'dashboard:get': () => ({
      ok: true,
      value: {
        today: '2026-11-24',
        overdue: 0,
        dueSoon: 0,
        awaitingMonitoringOfficer: 0,
        chairNoticesPending: 0,
        retentionDue: 2,
        disclosuresAwaitingMonitoringOfficer: 1,
      },
    }),
  });
  const name = role === 'member' ? 'Cllr Jane Smith' : 'Pat Jones';
  render(<Shell user={{ id: 'u1', name, role }} onLock={() => undefined} />);
}

describe('meeting modes in the shell', () => {
  it('in normal use the Member is offered every list', async () => {
    shellIn({ kind: 'normal' }, 'member');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    for (const label of CLOSED) expect(within(nav).getByText(label)).toBeTruthy();
  });

  for (const mode of [{ kind: 'public-meeting' }, { kind: 'private-session', meetingId: 'm1' }] as MeetingMode[])
    it(`in ${mode.kind}, the lists of protected things are not offered, in the navigation or on Today`, async () => {
      shellIn(mode, 'member');
      const nav = await screen.findByRole('navigation', { name: 'Main' });
      await within(nav).findByText('Reports');
      // The mode arrives from main after the first paint: wait for the banner.
      await screen.findByText(mode.kind === 'public-meeting' ? 'Public-meeting mode:' : 'Private session:');
      for (const label of CLOSED) expect(within(nav).queryByText(label)).toBeNull();
      // Today's counts stay (numbers name nothing) but do not open the closed screens.
      const card = (await screen.findByText('Personal data due for erasure')).closest('.card')!;
      expect(card.tagName).toBe('SPAN');
    });

  it('a PA left in public-meeting mode is told who can end it, and offered no control', async () => {
    shellIn({ kind: 'public-meeting' }, 'pa');
    expect(await screen.findByText(WHO_LEAVES_A_MEETING_MODE)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Leave public-meeting mode' })).toBeNull();
  });
});

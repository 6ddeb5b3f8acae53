// R-USE-1 on the reports screen: a report built before a meeting mode began leaves the screen at once
// (main is asked again for the mode in force), and the register is not offered while the mode closes it.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportsScreen } from '../../../../renderer/features/reports/components/ReportsScreen';
import type { MeetingMode } from '../../../../shared/domain/protection';
import { installFakeApi } from '../../fake-api';

const report = (title: string) => ({ title, madeBy: 'Made by Cllr Jane Smith on 24/11/2026', watermark: null, notes: [], sections: [] });

describe('the reports screen in a meeting mode', () => {
  it('drops a report built for the old mode at once, shows the one main builds now, and does not offer the register', async () => {
    let answer: (value: unknown) => void = () => undefined;
    let calls = 0;
    installFakeApi({
      'reports:get': () =>
        ++calls === 1
          ? { ok: true, value: report('Built in normal use') }
          : new Promise((resolve) => (answer = resolve)).then(() => ({ ok: true, value: report('Built in public-meeting mode') })),
    });
    const normal: MeetingMode = { kind: 'normal' };
    const { rerender } = render(<ReportsScreen isMember mode={normal} />);
    expect(await screen.findByText('Built in normal use')).toBeTruthy();
    expect(screen.getByText(/Disclosure\s+register with its audit trail/)).toBeTruthy();
    rerender(<ReportsScreen isMember mode={{ kind: 'public-meeting' }} />);
    // Main has not answered yet: nothing from before the mode is on screen meanwhile.
    expect(screen.queryByText('Built in normal use')).toBeNull();
    expect(screen.queryByText(/Disclosure\s+register with its audit trail/)).toBeNull();
    answer(undefined);
    expect(await screen.findByText('Built in public-meeting mode')).toBeTruthy();
  });
});

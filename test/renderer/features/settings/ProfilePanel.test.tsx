import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '../../../../shared/domain/profiles';
import { ProfilePanel } from '../../../../renderer/features/settings/components/ProfilePanel';
import { installFakeApi } from '../../fake-api';

const builtIns = ['000', '001', '002', '003', '004'].map((id) => BUILT_IN_PROFILES[id]!);
const copy = { ...BUILT_IN_PROFILES['000']!, id: 'custom-1', name: 'Our district', source: 'copy of 000: 000 §17.8.2', editable: true };

describe('council protocol profiles on the Settings screen', () => {
  it('R-DUE-1 a built-in profile is shown as values with where they come from, and can only be copied', async () => {
    const fake = installFakeApi({
      'profiles:list': () => ({ ok: true, value: builtIns }),
      'profiles:copy': () => ({ ok: true, value: copy }),
    });
    render(<ProfilePanel isMember inForceId="004" onChanged={() => {}} />);
    const table = await screen.findByRole('table', { name: 'Values of Wiltshire Council (Protocol 1)' });
    expect(within(table).getByRole('row', { name: /Acknowledgement or holding reply/ }).textContent).toMatch(
      /2 working days.*004 §6\.5\.8/,
    );
    expect(within(table).getByRole('row', { name: /consulted before disclosure/ }).textContent).toMatch(/Every ground/);
    expect(screen.queryByLabelText('Substantive answer (working days)')).toBeNull();
    await userEvent.clear(screen.getByLabelText('Name for the copy'));
    await userEvent.type(screen.getByLabelText('Name for the copy'), 'Our council');
    await userEvent.click(screen.getByRole('button', { name: 'Copy this profile' }));
    // After the copy the list is read again, so the copy is not necessarily the last call.
    expect(fake.calls.filter((c) => c.channel === 'profiles:copy')).toEqual([
      { channel: 'profiles:copy', input: { sourceId: '004', name: 'Our council' } },
    ]);
    expect(await screen.findByText(/Copied\. “Our district” can now be edited/)).toBeTruthy();
  });

  it('R-DUE-1 a copy is edited in a form; the main process refusal is shown and nothing is claimed saved', async () => {
    const fake = installFakeApi({
      'profiles:list': () => ({ ok: true, value: [...builtIns, copy] }),
      'profiles:save': () => ({
        ok: false,
        error: { code: 'invalid-input', message: 'respondWorkingDays: The substantive answer: enter a whole number of working days' },
      }),
    });
    render(<ProfilePanel isMember inForceId="custom-1" onChanged={() => {}} />);
    const box = await screen.findByLabelText('Substantive answer (working days)');
    await userEvent.clear(box);
    await userEvent.clear(screen.getByLabelText('Acknowledgement or holding reply (working days)'));
    await userEvent.click(screen.getByLabelText(/^Every ground/));
    await userEvent.click(screen.getByRole('button', { name: 'Save this profile' }));
    const sent = fake.calls.at(-1)!.input as Record<string, unknown>;
    expect(sent).toMatchObject({ id: 'custom-1', acknowledgeWorkingDays: null, monitoringOfficerBeforeDisclosure: 'every-ground' });
    expect(sent.respondWorkingDays).toBeNaN(); // sent as typed: the shared schema in main explains it
    expect((await screen.findByRole('alert')).textContent).toMatch(/enter a whole number of working days/);
    expect(screen.queryByText(/^Saved/)).toBeNull();
  });

  it('R-USE-2 a PA sees even a copy as values only, with nothing to copy or save', async () => {
    installFakeApi({ 'profiles:list': () => ({ ok: true, value: [...builtIns, copy] }) });
    render(<ProfilePanel isMember={false} inForceId="custom-1" onChanged={() => {}} />);
    await screen.findByRole('table', { name: 'Values of Our district' });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

// The officer and meeting forms check with the schemas main saves with (shared/domain/directory and
// the one email rule), in the words main's refusal of the same value is shown in; nothing is sent.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { officerInputSchema, meetingInputSchema } from '../../../../shared/domain/directory';
import { describeZodError } from '../../../../shared/ipc/errors';
import { plainErrors } from '../../../../renderer/kit/errors';
import { refreshDirectory } from '../../../../renderer/db/working-set';
import { MEETING_FIELDS, OFFICER_FIELDS, OfficersScreen } from '../../../../renderer/features/officers/components/OfficersScreen';
import { installFakeApi } from '../../fake-api';

async function openScreen() {
  const fake = installFakeApi({
    'officers:list': () => ({ ok: true, value: [] }),
    'meetings:list': () => ({ ok: true, value: [] }),
    'officers:requestCounts': () => ({ ok: true, value: {} }),
    'meetings:requestCounts': () => ({ ok: true, value: {} }),
    'council:get': () => ({ ok: false, error: { code: 'locked', message: 'Locked' } }),
  });
  await refreshDirectory();
  render(<OfficersScreen />);
  await screen.findByRole('button', { name: 'Add officer' });
  return fake;
}

const problems = (form: HTMLElement) => [...within(form).getByTestId('error-summary').querySelectorAll('li')].map((li) => li.textContent);
const mainSays = (result: { error?: Parameters<typeof describeZodError>[0] }, fields: typeof OFFICER_FIELDS) =>
  plainErrors(describeZodError(result.error!), fields).map((e) => e.message);

describe('the officer and meeting forms check with main’s schemas', () => {
  it('R-ASK-9 an officer’s a..b@ address and an over-long role are refused as main refuses them', async () => {
    const fake = await openScreen();
    const form = screen.getByRole('button', { name: 'Add officer' }).closest('form')!;
    const officer = {
      name: 'Sam Green',
      role: 'r'.repeat(121),
      service: 'Estates',
      seniority: 'head-of-service',
      email: 'a..b@example.gov.uk',
    };
    await userEvent.type(within(form).getByLabelText('Officer’s name'), officer.name);
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: officer.role } });
    await userEvent.type(within(form).getByLabelText('Service'), officer.service);
    await userEvent.type(within(form).getByLabelText('Officer’s email address'), officer.email);
    await userEvent.click(within(form).getByRole('button', { name: 'Add officer' }));
    const expected = ['Role must be 120 characters or fewer', 'Officer’s email address is not a valid email address'];
    expect(problems(form)).toEqual(expected);
    expect(mainSays(officerInputSchema.safeParse(officer), OFFICER_FIELDS)).toEqual(expected);
    expect(fake.calls.some((c) => c.channel === 'officers:save')).toBe(false);
  });

  it('a meeting’s over-long committee and agenda item are refused as main refuses them', async () => {
    const fake = await openScreen();
    const form = screen.getByRole('button', { name: 'Add meeting' }).closest('form')!;
    const meeting = { committee: 'c'.repeat(121), date: '2026-12-02', agendaItems: ['Item 1', 'i'.repeat(201)] };
    fireEvent.change(within(form).getByLabelText('Committee'), { target: { value: meeting.committee } });
    fireEvent.change(within(form).getByLabelText('Agenda items'), { target: { value: meeting.agendaItems.join('\n') } });
    const group = within(form).getByRole('group', { name: /Date of the meeting/ });
    const [d, m, y] = within(group).getAllByRole('textbox');
    await userEvent.type(d!, '2');
    await userEvent.type(m!, '12');
    await userEvent.type(y!, '2026');
    await userEvent.click(within(form).getByRole('button', { name: 'Add meeting' }));
    const expected = ['Committee must be 120 characters or fewer', 'Each agenda item must be 200 characters or fewer'];
    expect(problems(form)).toEqual(expected);
    expect(mainSays(meetingInputSchema.safeParse(meeting), MEETING_FIELDS)).toEqual(expected);
    expect(fake.calls.some((c) => c.channel === 'meetings:save')).toBe(false);
  });
});

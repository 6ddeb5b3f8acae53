// The one material-details form, where it is used: recording what the officer sent (Member and PA)
// and the Member classifying what arrived. R-CLS-1 special-category data, R-CLS-5 briefings, R-CLS-6
// the erase-by date, said live in main's words and checked before anything is sent.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AddMaterialForm } from '../../../../renderer/features/requests/components/RequestScreen';
import { RequestArrivals } from '../../../../renderer/features/requests/components/Arrivals';
import { installFakeApi } from '../../fake-api';

const material = {
  id: 'm1',
  requestId: 'r1',
  title: 'Tenant health note',
  receivedOn: '2026-11-20',
  summary: '',
  classification: { level: 'exempt', paragraph: 1 },
  personalData: { personal: true, specialCategory: true, retainUntil: '2027-05-01' },
  isBriefing: false,
  givenForCapacity: 'ward-member',
  givenForPurpose: 'Casework',
  meetingId: null,
  thirdParty: null,
  attachments: [],
  erasedOn: null,
};

async function typeDate(group: HTMLElement, day: string, month: string, year: string) {
  const [d, m, y] = within(group).getAllByRole('textbox');
  await userEvent.clear(d!);
  await userEvent.type(d!, day);
  await userEvent.clear(m!);
  await userEvent.type(m!, month);
  await userEvent.clear(y!);
  await userEvent.type(y!, year);
}

describe('recording what the officer sent', () => {
  it('R-CLS-1 special category implies personal data and an erase-by date, said live; a wrong date is refused before sending', async () => {
    const fake = installFakeApi({ 'materials:add': () => ({ ok: true, value: material }) });
    render(<AddMaterialForm requestId="r1" isMember onAdded={() => {}} />);
    const form = screen.getByRole('form', { name: 'Record what the officer sent' });
    await userEvent.type(within(form).getByLabelText('Title'), 'Tenant health note');
    await userEvent.selectOptions(within(form).getByLabelText('Classification'), 'exempt');
    expect(within(form).queryByRole('group', { name: /Erase by/ })).toBeNull();

    await userEvent.click(within(form).getByLabelText(/It includes special category personal data/));
    const personal = within(form).getByLabelText('Contains personal data') as HTMLInputElement;
    expect(personal.checked).toBe(true);
    expect(personal.disabled).toBe(true);
    const eraseBy = within(form).getByRole('group', { name: /Erase by/ });
    // Main's own words (shared/domain retentionProblem), before Save is pressed.
    expect(eraseBy.textContent).toMatch(
      /Special-category personal data \(such as health, ethnicity, religion or sexuality\) needs a retention date/,
    );
    expect(within(form).getByRole('button', { name: /What is this\?\s*\(Special category personal data\)/ })).toBeTruthy();

    await typeDate(eraseBy, '31', '2', '2027');
    await userEvent.click(within(form).getByRole('button', { name: 'Record it' }));
    const summary = within(form).getByTestId('error-summary');
    expect(summary.textContent).toMatch(/Erase by must be a real date/);
    expect(fake.calls.filter((c) => c.channel === 'materials:add')).toEqual([]);

    await typeDate(eraseBy, '1', '5', '2027');
    expect(eraseBy.textContent).not.toMatch(/needs a retention date/);
    await userEvent.click(within(form).getByRole('button', { name: 'Record it' }));
    expect(fake.calls.find((c) => c.channel === 'materials:add')?.input).toMatchObject({
      requestId: 'r1',
      title: 'Tenant health note',
      classification: { level: 'exempt', paragraph: 1 },
      personalData: { personal: true, specialCategory: true, retainUntil: '2027-05-01' },
      isBriefing: false,
    });
    expect(await within(form).findByText('Recorded Tenant health note.')).toBeTruthy();
    // The next item is a fresh question: nothing is carried over.
    expect((within(form).getByLabelText(/It includes special category/) as HTMLInputElement).checked).toBe(false);
    expect(within(form).queryByRole('group', { name: /Erase by/ })).toBeNull();
  });

  it('R-USE-2 a PA is offered open material only, no "not yet known" default and no briefing box', async () => {
    installFakeApi({});
    render(<AddMaterialForm requestId="r1" isMember={false} onAdded={() => {}} />);
    const form = screen.getByRole('form', { name: 'Record what the officer sent' });
    const levels = within(within(form).getByLabelText('Classification')).getAllByRole('option');
    expect(levels.map((o) => o.textContent)).toEqual(['Open']);
    expect(within(form).queryByLabelText(/briefing/)).toBeNull();
    expect(within(form).queryByText(/Member only/)).toBeNull();
  });
});

describe('the Member classifying what arrived', () => {
  it('R-CLS-1 R-CLS-5 records special-category data with its erase-by date and a briefing, from the same form', async () => {
    const arrival = { id: 'a1', requestId: 'r1', arrivedOn: '2026-11-28', fileCount: 0, status: 'waiting', materialId: null };
    const fake = installFakeApi({
      'arrivals:list': () => ({ ok: true, value: [arrival] }),
      'arrivals:open': () => ({ ok: true, value: { ...arrival, title: 'Letter from Housing', summary: 'About a tenant', files: [] } }),
      'arrivals:classify': () => ({ ok: true, value: { material, arrival: { ...arrival, status: 'classified', materialId: 'm1' } } }),
    });
    render(<RequestArrivals requestId="r1" isMember mode={{ kind: 'normal' }} onChanged={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: /Open\s*what arrived on 28\/11\/2026/ }));
    const form = await screen.findByRole('form', { name: 'Classify it' });
    expect((within(form).getByLabelText('Title') as HTMLInputElement).value).toBe('Letter from Housing');
    // Nothing is classified by default.
    expect((within(form).getByLabelText('Classification') as HTMLSelectElement).value).toBe('');
    await userEvent.click(within(form).getByRole('button', { name: 'Classify and file it' }));
    expect(within(form).getByTestId('error-summary').textContent).toMatch(/Choose the classification/);

    await userEvent.selectOptions(within(form).getByLabelText('Classification'), 'exempt');
    await userEvent.click(within(form).getByLabelText(/It includes special category personal data/));
    await userEvent.click(within(form).getByLabelText('This is a briefing given to me in confidence'));
    await userEvent.type(within(form).getByLabelText('Who asked for the briefing'), 'Cllr Ann Lee');
    await typeDate(within(form).getByRole('group', { name: /Erase by/ }), '1', '5', '2027');
    await userEvent.click(within(form).getByRole('button', { name: 'Classify and file it' }));
    expect(fake.calls.find((c) => c.channel === 'arrivals:classify')?.input).toEqual({
      id: 'a1',
      title: 'Letter from Housing',
      summary: 'About a tenant',
      classification: { level: 'exempt', paragraph: 1 },
      personalData: { personal: true, specialCategory: true, retainUntil: '2027-05-01' },
      isBriefing: true,
      briefingRequestedBy: 'Cllr Ann Lee',
      thirdPartyName: '',
    });
  });

  it('a PA sees only that something arrived: no button to open it, no form', async () => {
    const arrival = { id: 'a1', requestId: 'r1', arrivedOn: '2026-11-28', fileCount: 1, status: 'waiting', materialId: null };
    installFakeApi({ 'arrivals:list': () => ({ ok: true, value: [arrival] }) });
    render(<RequestArrivals requestId="r1" isMember={false} mode={{ kind: 'normal' }} onChanged={() => {}} />);
    expect(await screen.findByText(/1 item arrived for the Member on 28\/11\/2026, with 1 file, sealed/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
  });
});

// The New request form checks a draft with the domain's schema, the one main checks it with: the
// limits, the copied addresses and the date sent are refused in the form, in the words main's
// refusal of the same value is shown in, and nothing is sent.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { builtInProfile } from '../../../../shared/domain/profiles';
import { requestDraftSchema } from '../../../../shared/domain/request-draft';
import { describeZodError } from '../../../../shared/ipc/errors';
import { plainErrors } from '../../../../renderer/kit/errors';
import { setClock } from '../../../../renderer/kit/clock';
import { refreshDirectory } from '../../../../renderer/db/working-set';
import { NEW_REQUEST_FIELDS, NewRequestScreen } from '../../../../renderer/features/requests/components/NewRequestScreen';
import { installFakeApi } from '../../fake-api';
import { sam } from '../../fixtures';

async function openForm() {
  setClock(() => new Date('2026-11-24T12:00:00Z'));
  const fake = installFakeApi({
    'officers:list': () => ({ ok: true, value: [sam] }),
    'meetings:list': () => ({ ok: true, value: [] }),
    'users:list': () => ({ ok: true, value: [] }),
    'officers:warning': () => ({ ok: true, value: { warning: null } }),
    'council:get': () => ({
      ok: true,
      value: {
        settings: { profileId: '000', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' },
        profile: builtInProfile('000'),
        holidayEdits: { added: [], removed: [] },
        profiles: [],
      },
    }),
  });
  await refreshDirectory();
  render(<NewRequestScreen navigate={() => {}} />);
  await screen.findByRole('option', { name: /Sam Green/ }, { timeout: 5000 });
  return fake;
}

async function fillDate(day: string, month: string, year: string) {
  const group = screen.getByRole('group', { name: /Date sent/ });
  const [d, m, y] = within(group).getAllByRole('textbox');
  for (const [box, value] of [
    [d!, day],
    [m!, month],
    [y!, year],
  ] as const) {
    await userEvent.clear(box);
    await userEvent.type(box, value);
  }
}

const summaryItems = async () => (await screen.findByTestId('error-summary')).querySelectorAll('li');
const summaryText = async () => [...(await summaryItems())].map((li) => li.textContent);

describe('the New request form checks with main’s schema', () => {
  afterEach(() => setClock(() => new Date()));

  it('R-DUE-1 a date sent after today, a copied a..b@ address and an over-long subject are refused before anything is sent', async () => {
    const fake = await openForm();
    const subject = 'x'.repeat(201);
    fireEvent.change(screen.getByLabelText('Subject'), { target: { value: subject } });
    await userEvent.selectOptions(screen.getByLabelText('Officer', { exact: true }), 'o-1');
    await userEvent.type(screen.getByLabelText('Your council email address'), 'cllr.smith@example-council.gov.uk');
    await userEvent.type(screen.getByLabelText('Copied to (email addresses)'), 'a..b@example.gov.uk');
    await fillDate('25', '11', '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Check your answers' }));
    // In the order of the fields on the page.
    expect(await summaryText()).toEqual([
      'Subject must be 200 characters or fewer',
      'Give your reason for asking the Monitoring Officer to decide, or make it a Freedom of Information request',
      'Copies: the first address is not a valid email address',
      'Date sent must be today or in the past',
    ]);
    expect(fake.calls.some((c) => c.channel === 'requests:create')).toBe(false);
  });

  it('R-ASK-1 an over-long value is refused in the same words by the form and by main’s contract', async () => {
    await openForm();
    await userEvent.selectOptions(screen.getByLabelText('Officer', { exact: true }), 'o-1');
    await userEvent.type(screen.getByLabelText('Your council email address'), 'cllr.smith@example-council.gov.uk');
    const purpose = 'p'.repeat(1001);
    fireEvent.change(screen.getByLabelText('Purpose: what the information is for'), { target: { value: purpose } });
    await userEvent.click(screen.getByRole('button', { name: 'Check your answers' }));
    const formSays = await summaryText();
    // What main answers for the same value (the router's words for a refused input), worded for this form.
    const parsed = requestDraftSchema.safeParse({
      ...{ subject: 'Depot', informationSought: '', capacity: null, purpose, route: null, justification: '', officerId: 'o-1' },
      ...{ ward: '', meetingId: null, agendaItem: null, mayBeRaisedAtMeeting: false, seeksProtectedMaterial: false },
      ...{ fromEmail: 'cllr.smith@example-council.gov.uk', copies: [], blindCopies: [], sentOn: '2026-11-24', memberOnly: false },
    });
    const mainSays = plainErrors(describeZodError(parsed.error!), NEW_REQUEST_FIELDS).map((e) => e.message);
    expect(mainSays).toEqual(['Purpose must be 1,000 characters or fewer']);
    expect(formSays).toContain(mainSays[0]);
  });

  it('R-ASK-9 the council address is checked by main’s rule: a subdomain of the council’s is fine, a personal one is not', async () => {
    await openForm();
    await userEvent.type(screen.getByLabelText('Subject'), 'Depot disposal');
    await userEvent.selectOptions(screen.getByLabelText('Officer', { exact: true }), 'o-1');
    await userEvent.type(screen.getByLabelText('Your council email address'), 'jane@gmail.com');
    await userEvent.click(screen.getByRole('button', { name: 'Check your answers' }));
    expect((await summaryText()).join(' ')).toMatch(/Official requests must come from your council email address/);
    await userEvent.clear(screen.getByLabelText('Your council email address'));
    await userEvent.type(screen.getByLabelText('Your council email address'), 'cllr@members.example-council.gov.uk');
    await userEvent.click(screen.getByRole('button', { name: 'Check your answers' }));
    await waitFor(() => expect(screen.queryByText(/Official requests must come from/)).toBeNull());
  });
});

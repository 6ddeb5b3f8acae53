// Editing a sent request checks each field with the rule main edits it by (shared/domain/request-draft),
// in the words the New request form uses for the same value: a copied a..b@ address, an over-long subject.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../../../shared/ipc/views';
import { LifecycleActions } from '../../../../renderer/features/requests/components/RequestTimeline';
import { installFakeApi } from '../../fake-api';

const detail = {
  row: { id: 'r1' },
  draft: {
    subject: 'Depot disposal',
    informationSought: 'The valuation',
    purpose: 'Casework',
    justification: '',
    ward: '',
    agendaItem: null,
    copies: [],
  },
  lifecycle: { state: 'open', since: null, reason: null, allowed: ['edit', 'withdraw', 'close'] },
} as unknown as RequestDetail;

describe('editing a sent request', () => {
  it('R-ASK-10 a copied a..b@ address and an over-long subject are refused before anything is sent, in the New request form’s words', async () => {
    const fake = installFakeApi({});
    render(<LifecycleActions detail={detail} onChanged={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Edit request…' }));
    const form = screen.getByRole('form', { name: 'Edit request' });
    fireEvent.change(within(form).getByLabelText('Subject'), { target: { value: 's'.repeat(201) } });
    await userEvent.type(within(form).getByLabelText('People copied'), 'pa@example-council.gov.uk, a..b@example.gov.uk');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    const summary = await within(form).findByTestId('error-summary');
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Subject must be 200 characters or fewer',
      'People copied: the second address is not a valid email address',
    ]);
    expect(fake.calls.some((c) => c.channel === 'requests:edit')).toBe(false);
  });
});

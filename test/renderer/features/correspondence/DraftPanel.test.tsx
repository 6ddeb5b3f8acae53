import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DraftPanel } from '../../../../renderer/features/correspondence/components/DraftPanel';
import { installFakeApi } from '../../fake-api';

const preview = {
  requestId: 'r1',
  kind: 'chair-notice',
  from: 'cllr.smith@example-council.gov.uk',
  to: [],
  cc: [],
  subject: 'For information: depot [NTK-2026-00001]',
  body: 'For information: I asked about the depot.',
  notes: ['Add the chair’s or executive member’s address in your email program.'],
  mailto: null,
  messageId: '<m1@example>',
};

describe('"I have sent it" on the chair notice', () => {
  it('asks whom it went to before recording it, linking the error to the field, then sends the name to main', async () => {
    const fake = installFakeApi({
      'drafts:options': () => ({
        ok: true,
        value: [{ kind: 'chair-notice', label: 'The chair notice', applies: true, reason: null }],
      }),
      'drafts:preview': () => ({ ok: true, value: preview }),
      'drafts:markSent': () => ({ ok: true, value: null }),
    });
    let sent = 0;
    render(<DraftPanel requestId="r1" onSent={() => sent++} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Write the chair notice' }));
    await userEvent.click(await screen.findByRole('button', { name: 'I have sent it' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Say who you sent the notice to');
    expect(fake.calls.some((c) => c.channel === 'drafts:markSent')).toBe(false);
    // The summary's link takes the keyboard to the field.
    await userEvent.click(screen.getByRole('link', { name: 'Say who you sent the notice to' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Who did you send it to?'));
    await userEvent.type(screen.getByLabelText('Who did you send it to?'), 'Cllr Ann Chair');
    await userEvent.click(screen.getByRole('button', { name: 'I have sent it' }));
    expect(fake.calls.find((c) => c.channel === 'drafts:markSent')?.input).toMatchObject({
      requestId: 'r1',
      kind: 'chair-notice',
      to: 'Cllr Ann Chair',
    });
    expect(sent).toBe(1);
  });
});

import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CorrespondenceItem } from '../../../../shared/domain/correspondence';
import { MessageView } from '../../../../renderer/features/correspondence/components/MessageView';
import { installFakeApi } from '../../fake-api';

const item: CorrespondenceItem = {
  id: 'message:1',
  requestId: null,
  requestReference: null,
  from: { name: 'Sam Green', email: 'sam.green@example-council.gov.uk' },
  to: [{ name: 'Jane', email: 'cllr.smith@example-council.gov.uk' }],
  cc: [],
  subject: 'RE: Depot [NTK-2026-00001]',
  date: '2026-11-24',
  sentAt: '2026-11-24T10:00:00.000Z',
  text: 'Pay the invoice.',
  html: null,
  attachments: [{ name: 'invoice\u202Efdp.exe', size: 10, contentType: 'application/pdf' }],
  flags: ['sender-checks', 'message-id-clash'],
  flagNotes: [
    'The council’s mail server could not confirm who sent this email (DMARC fail for example-council.gov.uk). It may not be from who it says.',
    'This email claims to be the same email as another one kept here (the same message number, or Message-ID), but they differ: another copy, imported by the Member on 24/11/2026, differs in the subject.',
  ],
  matchedBy: null,
  filed: null,
  fileName: 'reply.eml',
  size: 100,
  importedOn: '2026-11-24',
  importer: 'a PA',
};

describe('an email whose sender is in doubt, or that clashes with another copy', () => {
  it('says so in plain words beside the email, with who imported it, and shows attachment names clean', () => {
    installFakeApi({});
    render(<MessageView item={item} />);
    const flags = screen.getByRole('list', { name: 'Flags' });
    expect(within(flags).getByText('Sender not confirmed')).toBeTruthy();
    expect(flags.textContent).toContain('could not confirm who sent this email');
    expect(within(flags).getByText('Two different copies')).toBeTruthy();
    expect(flags.textContent).toContain('differs in the subject');
    expect(screen.getByText('Imported by').nextElementSibling!.textContent).toBe('a PA, 24/11/2026');
    expect(screen.getByText(/invoicefdp\.exe/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\u202E/);
  });
});

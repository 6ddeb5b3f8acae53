// The Member's lists of material to act on share one table: due for erasure (R-CLS-6, with
// special-category data named, R-CLS-1) and protected material still held (R-USE-4).
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RetentionScreen } from '../../../../renderer/features/materials/components/RetentionScreen';
import { HeldScreen } from '../../../../renderer/features/materials/components/HeldScreen';
import { installFakeApi } from '../../fake-api';

const item = (over: Record<string, unknown>) => ({
  id: 'm1',
  requestId: 'r1',
  requestReference: 'NTK-2026-0001',
  requestSubject: 'Tenancy complaint',
  title: 'Tenant health note',
  receivedOn: '2026-10-01',
  classification: { level: 'exempt', paragraph: 1 },
  retainUntil: '2026-11-01',
  specialCategory: false,
  ...over,
});

describe('personal data due for erasure', () => {
  it('R-CLS-1 R-CLS-6 names special-category data beside its erase-by date; erasing reads the list again', async () => {
    let due = [item({ specialCategory: true }), item({ id: 'm2', title: 'Resident address list', retainUntil: '2026-11-10' })];
    installFakeApi({
      'materials:retentionDue': () => ({ ok: true, value: due }),
      'materials:erase': () => {
        due = due.slice(1);
        return { ok: true, value: {} };
      },
    });
    const navigate = vi.fn();
    render(<RetentionScreen navigate={navigate} />);
    const rows = await screen.findAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'Erase byMaterialRequestWhat to do',
      expect.stringMatching(
        /^01\/11\/2026Tenant health note Special category personal datareceived 01\/10\/2026NTK-2026-0001 Tenancy complaint/,
      ),
      expect.stringMatching(/^10\/11\/2026Resident address listreceived 01\/10\/2026/),
    ]);
    expect(rows[2]!.textContent).not.toMatch(/Special category/);
    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'NTK-2026-0001' }));
    expect(navigate).toHaveBeenCalledWith({ name: 'request', id: 'r1' });
    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Erase now' }));
    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText('Erased “Tenant health note”.')).toBeTruthy();
    await vi.waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
  });
});

describe('protected material held', () => {
  it('R-USE-4 lists each item with its classification and request, and says when there is none', async () => {
    installFakeApi({ 'materials:protectedHeld': () => ({ ok: true, value: [item({ retainUntil: null })] }) });
    render(<HeldScreen navigate={() => {}} />);
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Material', 'Classification', 'Received', 'Request', 'Destroy or return']);
    expect(within(table).getAllByRole('row')[1]!.textContent).toMatch(/Tenant health noteExempt: Schedule 12A paragraph 1/);
  });

  it('says so when nothing is held', async () => {
    installFakeApi({ 'materials:protectedHeld': () => ({ ok: true, value: [] }) });
    render(<HeldScreen navigate={() => {}} />);
    expect(await screen.findByText('You hold no protected material.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Officer } from '../../../../shared/domain/directory';
import { OfficersScreen } from '../../../../renderer/features/officers/components/OfficersScreen';
import { refreshDirectory } from '../../../../renderer/db/working-set';
import { installFakeApi } from '../../fake-api';
import { sam } from '../../fixtures';

/** The screen over a fake main holding Sam Green, named by `requests` requests. */
async function screenWith(requests: number | null, officers: Officer[] = [sam]) {
  let held = officers;
  const fake = installFakeApi({
    'officers:list': () => ({ ok: true, value: held }),
    'meetings:list': () => ({ ok: true, value: [] }),
    'officers:requestCounts': () =>
      requests === null ? new Promise(() => {}) : { ok: true, value: requests ? { [sam.id]: requests } : {} },
    'meetings:requestCounts': () => ({ ok: true, value: {} }),
    'council:get': () => ({ ok: false, error: { code: 'locked', message: 'Locked' } }),
    'officers:retire': () => {
      held = [{ ...sam, retiredOn: '2026-11-29' }];
      return { ok: true, value: held[0] };
    },
    'officers:save': (input) => ({ ok: true, value: { ...sam, ...(input as object) } }),
  });
  await refreshDirectory();
  render(<OfficersScreen />);
  await screen.findByRole('rowheader', { name: 'Sam Green' });
  return fake;
}

describe('retiring an officer on the Officers and meetings screen', () => {
  it.each<[number | null, string]>([
    [2, 'They will no longer be offered for new requests; their 2 requests keep their name.'],
    [1, 'They will no longer be offered for new requests; their 1 request keeps their name.'],
    [0, 'They will no longer be offered for new requests; no request names them.'],
    [null, 'They will no longer be offered for new requests; every request sent to them keeps their name.'],
  ])('with %s request(s) naming them (null: not yet counted), the question says what happens to them', async (count, words) => {
    const fake = await screenWith(count);
    await userEvent.click(screen.getByRole('button', { name: 'Retire Sam Green' }));
    const question = screen.getByRole('group', { name: 'Retire Sam Green?' });
    if (count !== null) await within(question).findByText(words);
    else expect(within(question).getByText(words)).toBeTruthy();
    expect(document.activeElement).toBe(within(question).getByRole('heading'));
    // "No" closes the question and asks main nothing.
    await userEvent.click(within(question).getByRole('button', { name: 'No, keep them' }));
    expect(screen.queryByRole('group', { name: 'Retire Sam Green?' })).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'officers:retire')).toBe(false);
    // The keyboard is back where it was: on the row's Retire button, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retire Sam Green' })));
  });

  it('"Yes" sends only the id; the officer moves to Retired with a Reinstate button, and the message takes the focus', async () => {
    const fake = await screenWith(1);
    await userEvent.click(screen.getByRole('button', { name: 'Retire Sam Green' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, retire Sam Green' }));
    expect(fake.calls.filter((c) => c.channel === 'officers:retire')).toEqual([{ channel: 'officers:retire', input: { id: 'o-1' } }]);
    const message = await screen.findByText(/^Retired Sam Green\./);
    expect(document.activeElement).toBe(message);
    await screen.findByRole('button', { name: 'Reinstate Sam Green' });
    expect(screen.queryByRole('button', { name: 'Change Sam Green' })).toBeNull();
    expect(screen.getByText('29/11/2026')).toBeTruthy();
  });

  it('Change fills the form in place; Save changes sends the id and the details, never a retirement date', async () => {
    const fake = await screenWith(1);
    await userEvent.click(screen.getByRole('button', { name: 'Change Sam Green' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Change an officer’s details' }));
    const name = screen.getByLabelText('Officer’s name') as HTMLInputElement;
    expect(name.value).toBe('Sam Green');
    await userEvent.clear(name);
    await userEvent.type(name, 'Samuel Green');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(fake.calls.filter((c) => c.channel === 'officers:save').map((c) => c.input)).toEqual([
      { id: 'o-1', name: 'Samuel Green', role: 'Head of Estates', service: 'Estates', seniority: 'head-of-service', email: sam.email },
    ]);
    await screen.findByText('Saved the changes to Samuel Green.');
    expect(screen.getByRole('heading', { name: 'Add an officer' })).toBeTruthy();
  });
});

import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Shell } from '../../../renderer/app/Shell';
import { clearWorkingSet } from '../../../renderer/db/working-set';
import { installFakeApi } from '../fake-api';

afterEach(async () => {
  await clearWorkingSet();
});

describe('the app after unlock', () => {
  it('says so in plain words when the requests cannot be loaded, instead of loading for ever', async () => {
    installFakeApi({
      'requests:list': () => ({ ok: false, error: { code: 'cannot-open', message: 'The request list could not be read.' } }),
      'officers:list': () => ({ ok: true, value: [] }),
      'meetings:list': () => ({ ok: true, value: [] }),
    });
    render(<Shell user={{ id: 'u1', name: 'Cllr Jane Smith', role: 'member' }} onLock={() => undefined} />);
    const alert = await screen.findByText(/The requests could not all be loaded/);
    expect(alert.textContent).toBe(
      'The requests could not all be loaded. The request list could not be read. Lock the app and unlock it to try again.',
    );
    expect(alert.getAttribute('role')).toBe('alert');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_PASSPHRASE, PA_PASSPHRASE, expectNoAxeViolations, goTo, openApp, screenshot } from './support/browser';

describe('vault journeys in Chromium: first run, a PA, lock, unlock, backup and restore', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(() => app?.close());

  it('first run refuses a weak passphrase, then creates the Member', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up Need to Know' }).waitFor();
    await expectNoAxeViolations(page, 'set-up');
    await page.getByLabel('Your name (the Member)').fill('Cllr Jane Smith');
    await page.getByLabel('Passphrase', { exact: true }).fill('password1');
    await page.getByLabel('Type the passphrase again').fill('password1');
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/at least 12 characters/);
    await screenshot(page, 'setup-weak-passphrase');
    await page.getByLabel('Passphrase', { exact: true }).fill(MEMBER_PASSPHRASE);
    await page.getByLabel('Type the passphrase again').fill(MEMBER_PASSPHRASE);
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await page.getByText('Signed in as Cllr Jane Smith (Member)').waitFor();
  });

  it('the Member adds a PA with their own passphrase', async () => {
    const { page } = app;
    await goTo(page, 'People and passphrases');
    await page.getByLabel("PA's name").fill('Pat Jones');
    await page.getByLabel("PA's passphrase").fill(PA_PASSPHRASE);
    await page.getByRole('button', { name: 'Add PA' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Pat Jones was added as a PA/);
    await expect.poll(() => page.getByRole('cell', { name: 'Casework only, never Member-only material' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'people and passphrases');
    await screenshot(page, 'people-and-passphrases');
  });

  it('Ctrl+L locks; a wrong passphrase is refused; the PA unlocks with theirs and cannot add people', async () => {
    const { page } = app;
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Unlock Need to Know' }).waitFor();
    expect(await page.getByText('Signed in as').count()).toBe(0);
    await expectNoAxeViolations(page, 'unlock');
    await page.getByLabel('Who is signing in').selectOption({ label: 'Pat Jones (PA)' });
    await page.getByLabel('Passphrase').fill('not the right one');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/not right for Pat Jones/);
    await screenshot(page, 'unlock-wrong-passphrase');
    await page.getByLabel('Passphrase').fill(PA_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Signed in as Pat Jones (PA)').waitFor();
    await goTo(page, 'People and passphrases');
    expect(await page.getByRole('button', { name: 'Add PA' }).count()).toBe(0);
  });

  it('backs up, then restores over the vault only after an explicit confirmation', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Make a backup' }).click();
    await expect.poll(() => page.getByText(/Backup saved to/).textContent()).toMatch(/\.ntkbackup/);
    await page.getByRole('button', { name: /^Lock/ }).click();
    await page.getByRole('button', { name: 'Restore a backup…' }).click();
    // The backup must open with a passphrase of one of its users before anything is replaced.
    await page.getByRole('button', { name: 'Choose a backup and restore it…' }).click();
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toMatch(/Enter the passphrase of a user in the backup/);
    await page.getByLabel('Passphrase for the backup').fill('not the passphrase of anyone');
    await page.getByRole('button', { name: 'Choose a backup and restore it…' }).click();
    await page.getByRole('button', { name: 'Replace it with the backup' }).click();
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toMatch(/does not open this backup/);
    await expectNoAxeViolations(page, 'restore with a wrong passphrase');
    await page.getByLabel('Passphrase for the backup').fill(MEMBER_PASSPHRASE);
    await page.getByRole('button', { name: 'Choose a backup and restore it…' }).click();
    await page.getByText('There is already a vault on this laptop.').waitFor();
    await page.getByRole('button', { name: 'Replace it with the backup' }).click();
    await expect.poll(() => page.getByText(/Restored from/).textContent()).toMatch(/kept at/);
    await page.getByLabel('Who is signing in').selectOption({ label: 'Cllr Jane Smith (Member)' });
    await page.getByLabel('Passphrase').fill(MEMBER_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Signed in as Cllr Jane Smith (Member)').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_PASSPHRASE, expectNoAxeViolations, fillDate, goTo, openApp, screenshot, setUpAsMember } from './support/browser';
import { seedCase, ukDaysAgo as daysAgo } from './support/seed';

// UK dates relative to the harness's real clock (noon UTC keeps the UK day).
const uk = (iso: string) => iso.split('-').reverse().join('/');

// Correcting a mistyped acknowledgement date and withdrawing a request, as the Member does it.
describe('correcting and ending requests, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;

  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
    // The case is set up through the contract; the journey under test starts on the request page.
    await seedCase(app.page, { sentOn: daysAgo(40), request: { seeksProtectedMaterial: false } });
  });
  afterAll(() => app?.close());

  const openRequest = async () => {
    const { page } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.getByRole('heading', { name: 'Depot disposal valuation' }).waitFor();
  };

  it('a mistyped acknowledgement date is corrected: the timeline is in date order and shows the correction', async () => {
    const { page } = app;
    await openRequest();
    await page.getByLabel('What happened').selectOption('chased');
    await fillDate(page, 'Date it happened', daysAgo(10));
    await page.getByRole('button', { name: 'Log it' }).click();
    await expect.poll(() => page.getByText(/Chased logged/).count()).toBe(1);
    // A date after today is refused with the reason, before anything is saved.
    await page.getByLabel('What happened').selectOption('acknowledged');
    await fillDate(page, 'Date it happened', daysAgo(-3));
    await page.getByRole('button', { name: 'Log it' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Date it happened (must|cannot)|after today/);
    // Meant 38 days ago, typed 5 days ago.
    await fillDate(page, 'Date it happened', daysAgo(5));
    await page.getByRole('button', { name: 'Log it' }).click();
    await expect.poll(() => page.getByText(/Acknowledged logged/).count()).toBe(1);
    const items = page.getByTestId('timeline').locator(':scope > li');
    await expect
      .poll(async () => (await items.allTextContents()).map((t) => t.replace(/Correct.*$/s, '')))
      .toEqual([`${uk(daysAgo(40))}: Sent`, `${uk(daysAgo(10))}: Chased`, `${uk(daysAgo(5))}: Acknowledged`]);

    await page.getByRole('button', { name: /Correct the acknowledged entry/ }).click();
    const form = page.getByRole('form', { name: 'Correct the acknowledged entry' });
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/Say why the entry is being corrected/);
    await fillDate(form, 'Correct date', daysAgo(38));
    await form.getByLabel('Why it is being corrected').fill('Typed the wrong day');
    await expectNoAxeViolations(page, 'correct a timeline entry');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await expect
      .poll(async () => (await items.allTextContents()).map((t) => t.replace(/Correct.*$/s, '')))
      .toEqual([`${uk(daysAgo(40))}: Sent`, `${uk(daysAgo(38))}: Acknowledged`, `${uk(daysAgo(10))}: Chased`]);
    await expect
      .poll(() => page.locator('.correction').textContent())
      .toBe(`Corrected on ${uk(daysAgo(0))}: date was ${uk(daysAgo(5))} — Typed the wrong day`);
    await screenshot(page, 'timeline-corrected');
  });

  it('withdrawing the request takes it off Today and shows its state in the list', async () => {
    const { page } = app;
    await goTo(page, 'Today');
    await expect.poll(() => page.getByRole('button', { name: /Overdue requests/ }).textContent()).toMatch(/^1(?!\d)/);
    await openRequest();
    await page.getByRole('button', { name: 'Withdraw…' }).click();
    const form = page.getByRole('form', { name: 'Withdraw this request' });
    await form.getByRole('button', { name: 'Withdraw this request' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/Say why the request is being withdrawn/);
    await form.getByLabel('Why you are withdrawing it').fill('Answered at the ward surgery');
    await expectNoAxeViolations(page, 'withdraw a request');
    await form.getByRole('button', { name: 'Withdraw this request' }).click();
    await expect
      .poll(() => page.getByTestId('request-ended').textContent())
      .toMatch(new RegExp(`Withdrawn on ${uk(daysAgo(0))}: Answered at the ward surgery`));
    await expect.poll(() => page.getByRole('button', { name: 'Reopen…' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Log it' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'withdrawn request');
    await screenshot(page, 'request-withdrawn');
    await goTo(page, 'Today');
    await expect.poll(() => page.getByRole('button', { name: /Overdue requests/ }).textContent()).toMatch(/^0(?!\d)/);
    await goTo(page, 'Requests');
    await expect.poll(() => page.getByRole('row', { name: /Depot disposal valuation/ }).textContent()).toMatch(/Withdrawn/);
  });

  it('after lock and unlock the same history is shown', async () => {
    const { page } = app;
    await openRequest();
    const before = await page.getByTestId('timeline').textContent();
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Unlock Need to Know' }).waitFor();
    await page.getByLabel('Passphrase').fill(MEMBER_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Signed in as Cllr Jane Smith').waitFor();
    await openRequest();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toBe(before);
    expect(before).toMatch(/Corrected on/);
    expect(before).toMatch(/Withdrawn/);
    expect(app.consoleErrors).toEqual([]);
  });
});

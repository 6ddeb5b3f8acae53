import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_PASSPHRASE, expectNoAxeViolations, fillDate, goTo, openApp, screenshot, setUpAsMember } from './support/browser';
import { CONFIDENTIAL_VALUATION, seedCase, ukDaysAgo as daysAgo } from './support/seed';

// A disclosure waiting for the Monitoring Officer is left, the app locked and unlocked,
// and "Pass it on" picks it up again at "advice received" (R-DIS-2), never starting a second one.
describe('resuming a disclosure after relocking, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
    // Council, officer, request and a confidential report set up through the contract; other journeys cover those screens.
    await seedCase(app.page, { sentOn: daysAgo(10), material: { ...CONFIDENTIAL_VALUATION, receivedOn: daysAgo(4) } });
  });
  afterAll(() => app?.close());

  async function openRequest() {
    const { page } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.getByRole('heading', { name: 'Depot disposal valuation' }).waitFor();
  }

  it('records that the Monitoring Officer was asked, and after lock and unlock Today counts it and "Pass it on" resumes it', async () => {
    const { page } = app;
    await openRequest();
    await page.getByRole('button', { name: /^Pass it on \(disclosure\)…/ }).click();
    await expectNoAxeViolations(page, 'pass it on: role and purpose');
    await page.getByRole('button', { name: 'Start passing it on' }).click();
    await page.getByRole('heading', { name: /Passing on/ }).waitFor();
    await page.getByLabel(/\(d\) Reasonable and in the public interest/).check();
    await page.getByRole('button', { name: 'Choose this ground' }).click();
    await page
      .getByLabel('Why disclosure is reasonable and in the public interest')
      .fill('Residents face a financial risk from the sale that the council has not explained.');
    await page.getByLabel('I am acting in good faith').check();
    await page.getByLabel('This is in line with the council’s reasonable requirements').check();
    await page.getByRole('button', { name: 'Record the evidence' }).click();
    await page.getByRole('heading', { name: 'Ask the Monitoring Officer' }).waitFor();
    await fillDate(page, 'Asked on', daysAgo(2));
    await page.getByLabel('Monitoring Officer (or representative)').fill('A. Khan');
    await page.getByRole('button', { name: 'Record that I asked' }).click();
    await page.getByRole('heading', { name: 'Advice received' }).waitFor();
    await expect.poll(() => page.getByText(/Waiting for the Monitoring Officer: you asked A\. Khan/).count()).toBe(1);
    await expectNoAxeViolations(page, 'disclosure waiting for the Monitoring Officer');
    await screenshot(page, 'disclosure-waiting-for-monitoring-officer');

    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Unlock Need to Know' }).waitFor();
    await page.getByLabel('Passphrase').fill(MEMBER_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Signed in as Cllr Jane Smith').waitFor();

    // Unlock lands on Today: its counts must arrive without going elsewhere first.
    await page.getByRole('heading', { name: /^Today, \d\d\/\d\d\/\d{4}$/ }).waitFor();
    const card = page.getByRole('button', { name: /Disclosures waiting for the Monitoring Officer/ });
    await expect.poll(() => card.textContent()).toMatch(/^1/);
    await expectNoAxeViolations(page, 'today with a disclosure waiting');
    await screenshot(page, 'today-disclosure-waiting');
    await card.click();
    await page.getByRole('heading', { name: 'Disclosure register' }).waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'Disclosures in progress' }).textContent())
      .toMatch(/Depot valuation report: Waiting for the Monitoring Officer \(asked A\. Khan on \d\d\/\d\d\/\d{4}\)/);
    await expectNoAxeViolations(page, 'register with one in progress');

    await openRequest();
    await page.getByRole('button', { name: /^Pass it on \(disclosure in progress\)…/ }).click();
    await page.getByRole('heading', { name: 'Advice received' }).waitFor();
    // Advice dated before it was asked is refused in words, on the field.
    await page.getByLabel('Their advice').fill('Share the headline figure only, not the bids.');
    await fillDate(page, 'Advice given on', daysAgo(3));
    await page.getByRole('button', { name: 'Record the advice' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/on or after the date you asked/);
    await fillDate(page, 'Advice given on', daysAgo(1));
    await page.getByRole('button', { name: 'Record the advice' }).click();
    await page.getByLabel('I have had regard to the Monitoring Officer’s advice').check();
    await page.getByRole('button', { name: 'Record my regard' }).click();
    await page.getByLabel('I checked with the officer who gave me this').check();
    await page.getByLabel('What they said (or why you could not check)').fill('Head of Estates agreed to the headline figure.');
    await page.getByLabel('What is left out (optional)').fill('the bids');
    await page.getByRole('button', { name: 'Approve the disclosure' }).click();
    await page.getByLabel('Passed on to').fill('Riverside Residents Association');
    await page.getByLabel('What was passed on').fill('Headline valuation figure');
    await page.getByRole('button', { name: 'Disclose and record it' }).click();
    await expect.poll(() => page.getByText(/Disclosed to Riverside Residents Association/).count()).toBe(1);
    await expectNoAxeViolations(page, 'disclosure done');

    // Only one disclosure was ever made for the material, and none waits any more.
    const state = await page.evaluate(async () => {
      const list = await window.api.disclosures.list();
      const dash = await window.api.dashboard.get();
      return { count: list.ok ? list.value.length : -1, waiting: dash.ok ? dash.value.disclosuresAwaitingMonitoringOfficer : -1 };
    });
    expect(state).toEqual({ count: 1, waiting: 0 });
    expect(app.consoleErrors).toEqual([]);
  });
});

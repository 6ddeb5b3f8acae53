import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, goTo, openApp, screenshot, setUpAsMember, fillDate } from './support/browser';
import { seedCase, ukDaysAgo as daysAgo } from './support/seed';

const ukToday = () => {
  const [y, m, d] = daysAgo(0).split('-');
  return `${d}/${m}/${y}`;
};

/** Adds material through the request page's own form. */
async function addMaterial(
  page: Page,
  m: { title: string; level: string; paragraph?: string; pink?: boolean; personalUntil?: string; thirdParty?: string },
) {
  const form = page.getByRole('form', { name: 'Record what the officer sent' });
  await form.getByLabel('Title').fill(m.title);
  await form.getByLabel('Summary or text').fill(`Text of ${m.title}`);
  await fillDate(form, 'Received on', daysAgo(2));
  await form.getByLabel('Classification', { exact: true }).selectOption({ label: m.level });
  if (m.paragraph) await form.getByLabel('Schedule 12A paragraph').selectOption({ value: m.paragraph });
  if (m.pink) {
    await form.getByLabel('Committee').fill('Cabinet');
    await fillDate(form, 'Meeting date', '2026-12-02');
    await form.getByLabel('Agenda item').fill('Item 9: depot disposal');
    await form.getByLabel('Report author’s designation').fill('Director of Resources');
  }
  if (m.thirdParty) await form.getByLabel('Whose information it is, if it belongs to someone else').fill(m.thirdParty);
  if (m.personalUntil) {
    await form.getByLabel('Contains personal data').check();
    await fillDate(form, 'Erase by', m.personalUntil);
  } else await form.getByLabel('Contains personal data').uncheck(); // the form keeps the last tick

  await form.getByRole('button', { name: 'Record it' }).click();
  await expect.poll(() => page.locator('li.material', { hasText: m.title }).count()).toBe(1);
}

const item = (page: Page, title: string) => page.locator('li.material', { hasText: title });

describe('what happens to material after it arrives, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
    // Council, officer and one request set up through the contract, as the casework journey covers those screens.
    await seedCase(app.page, { sentOn: daysAgo(5) });
  });
  afterAll(() => app?.close());

  it('R-CLS-3 a pink paper becomes open only with the committee’s resolution', async () => {
    const { page } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.getByRole('heading', { name: 'Depot disposal valuation' }).waitFor();
    await addMaterial(page, { title: 'Depot valuation report', level: 'Pink paper', pink: true });
    await addMaterial(page, { title: 'Letter from Mr Patel', level: 'Confidential', thirdParty: 'Mr Patel', personalUntil: daysAgo(1) });
    await addMaterial(page, { title: 'Legal advice on the sale', level: 'Exempt', paragraph: '5' });

    const pink = item(page, 'Depot valuation report');
    await pink.getByText('Change classification').click();
    await pink.getByLabel('New classification').selectOption({ label: 'Open' });
    await pink.getByRole('group', { name: 'The committee’s resolution to admit the press and public' }).waitFor();
    await pink.getByLabel('Meeting that resolved it').fill('');
    await pink.getByRole('button', { name: 'Save the classification' }).click();
    // The main process refuses it without the resolution; nothing changes.
    await expect.poll(() => pink.getByRole('alert').textContent()).toMatch(/Enter the meeting that resolved it/);
    await expect.poll(() => pink.getByText(/Pink paper: Cabinet/).count()).toBe(1);
    await expectNoAxeViolations(page, 'reclassify a pink paper');
    await screenshot(page, 'reclassify-pink-paper');
    await pink.getByLabel('Meeting that resolved it').fill('Cabinet');
    // A resolution is a thing that has happened: its date cannot be after today.
    await fillDate(pink, 'Date of the resolution', '2026-11-20');
    await pink.getByLabel('Minute reference').fill('CAB/114');
    await pink.getByRole('button', { name: 'Save the classification' }).click();
    await expect.poll(() => pink.locator('.tag').first().textContent()).toBe('Open');
  });

  it('R-ASK-11 third-party material waits for consent before it is passed on; the consent is recorded', async () => {
    const { page } = app;
    const letter = item(page, 'Letter from Mr Patel');
    await expect.poll(() => letter.getByText(/Third party: Mr Patel/).textContent()).toMatch(/Not asked yet/);
    await letter.getByRole('button', { name: 'Pass it on (disclosure)…' }).click();
    // Passing on asks first for the role and purpose it is for (R-CLS-4), defaulting to the material's own.
    await letter.getByRole('button', { name: 'Start passing it on' }).click();
    await page.getByRole('heading', { name: /Passing on: Letter from Mr Patel/ }).waitFor();
    await expect.poll(() => page.getByTestId('third-party-consent').textContent()).toMatch(/Mr Patel.*consent/);
    await expectNoAxeViolations(page, 'disclosure waiting for third-party consent');
    await screenshot(page, 'disclosure-third-party-consent');

    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    const again = item(page, 'Letter from Mr Patel');
    await again.getByText('Record consent').click();
    await again.getByLabel('Consent', { exact: true }).selectOption('given');
    await again.getByLabel('Consent note').fill('Signed consent form received');
    await again.getByRole('button', { name: 'Save consent' }).click();
    await expect.poll(() => again.getByText(/Third party: Mr Patel/).textContent()).toMatch(/Given/);
    await expect.poll(() => again.getByText(/Signed consent form received/).count()).toBe(1);
    await expectNoAxeViolations(page, 'consent recorded');
    await screenshot(page, 'consent-recorded');
  });

  it('R-CLS-6 the Today count opens the personal data due for erasure, and "Erase now" leaves only a tombstone', async () => {
    const { page } = app;
    await goTo(page, 'Today');
    const card = page.getByRole('button', { name: /Personal data due for erasure/ });
    await expect.poll(() => card.textContent()).toMatch(/^1/);
    await card.click();
    await page.getByRole('heading', { name: 'Personal data due for erasure' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: /Letter from Mr Patel/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'personal data due for erasure');
    await screenshot(page, 'retention-due');
    await page.getByRole('button', { name: 'Erase now' }).click();
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await expect.poll(() => page.getByText('Nothing is due for erasure.').count()).toBe(1);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Erased “Letter from Mr Patel”/);
    await goTo(page, 'Today');
    await expect.poll(() => page.getByRole('button', { name: /Personal data due for erasure/ }).textContent()).toMatch(/^0/);
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await expect.poll(() => item(page, 'Personal data erased').getByText(`Erased on ${ukToday()}`, { exact: true }).count()).toBe(1);
    expect(await page.getByText('Letter from Mr Patel').count()).toBe(0);
  });

  it('R-USE-4 the Member works through protected material held and records one destroyed', async () => {
    const { page } = app;
    await goTo(page, 'Protected material held');
    await page.getByRole('heading', { name: 'Protected material held' }).waitFor();
    const row = page.getByRole('row', { name: /Legal advice on the sale/ });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByText('Record destroyed or returned').click();
    await row.getByRole('radio', { name: 'Returned' }).check();
    await row.getByRole('button', { name: 'Record it returned' }).click();
    await expect.poll(() => row.getByRole('alert').textContent()).toMatch(/returned to/);
    await row.getByRole('radio', { name: 'Destroyed' }).check();
    await expectNoAxeViolations(page, 'protected material held');
    await screenshot(page, 'protected-material-held');
    await row.getByRole('button', { name: 'Record it destroyed' }).click();
    await expect.poll(() => page.getByText('You hold no protected material.').count()).toBe(1);
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await expect
      .poll(() => item(page, 'Protected material destroyed').getByText(`Destroyed on ${ukToday()}`, { exact: true }).count())
      .toBe(1);
    await expectNoAxeViolations(page, 'request page after erasure and destruction');
    await screenshot(page, 'request-after-erasure-and-destruction');
    expect(app.consoleErrors).toEqual([]);
  });
});

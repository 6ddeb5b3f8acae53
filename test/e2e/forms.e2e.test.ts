import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fillDate, goTo, openApp, screenshot, setUpAsMember } from './support/browser';

/** The summary is focused, says "There is a problem", and each link moves focus to its field. */
async function expectSummary(page: Page, messages: RegExp[]) {
  const summary = page.getByTestId('error-summary');
  await summary.waitFor();
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
  const text = (await summary.getByRole('listitem').allTextContents()).join(' | ');
  for (const m of messages) expect(text).toMatch(m);
  // Nothing a user should never see.
  expect(text).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b|R-[A-Z]+-\d|Too small|Invalid input|YYYY/);
  return summary;
}

async function linkFocuses(page: Page, linkText: RegExp, expectedLabel: string) {
  await page.getByTestId('error-summary').getByRole('link', { name: linkText }).click();
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el?.id) return '';
    return document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '';
  });
  expect(focused).toBe(expectedLabel);
}

describe('forms a councillor understands, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
    app.page.setDefaultTimeout(30_000);
    await setUpAsMember(app.page);
  });
  afterAll(() => app?.close());

  it('first run: Today and New request show the set-up checklist with links', async () => {
    const { page } = app;
    const list = page.getByTestId('setup-checklist');
    await list.waitFor();
    expect(await list.textContent()).toMatch(/Council email domain: Not set/);
    expect(await list.textContent()).toMatch(/Officers you write to: None added/);
    await expectNoAxeViolations(page, 'today with the checklist');
    await screenshot(page, 'forms-first-run-today');
    await goTo(page, 'New request');
    await page.getByText('A request goes to an officer, and none has been added yet.').waitFor();
    await page.getByTestId('setup-checklist').getByRole('link', { name: 'Add officers' }).click();
    await page.getByRole('heading', { name: 'Officers and meetings' }).waitFor();
  });

  it('officers and meetings: empty and impossible dates get the summary, all problems at once', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add officer' }).click();
    await expectSummary(page, [
      /Enter the officer’s name/,
      /Enter the officer’s role/,
      /Enter the service/,
      /Enter the officer’s email address/,
    ]);
    await linkFocuses(page, /Enter the service/, 'Service');
    await expectNoAxeViolations(page, 'officer form with errors');
    await screenshot(page, 'forms-officer-errors');
    await page.getByLabel('Officer’s name').fill('Sam Green');
    await page.getByLabel('Role').fill('Head of Estates');
    await page.getByLabel('Service').fill('Estates');
    await page.getByLabel('Officer’s email address').fill('sam.green@example-council.gov.uk');
    await page.getByRole('button', { name: 'Add officer' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Sam Green' }).count()).toBe(1);
    // The form clears after saving.
    expect(await page.getByLabel('Officer’s name').inputValue()).toBe('');

    await page.getByLabel('Committee').fill('Cabinet');
    await fillDate(page, 'Date of the meeting', '2026-02-31');
    await page.getByRole('button', { name: 'Add meeting' }).click();
    await expectSummary(page, [/Date of the meeting must be a real date/]);
    await linkFocuses(page, /must be a real date/, 'Day');
    await expectNoAxeViolations(page, 'meeting form with a wrong date');
    await screenshot(page, 'forms-meeting-wrong-date');
  });

  it('new request: empty and 31/02/2026 are refused in words; the glossary opens from the form', async () => {
    const { page } = app;
    await goTo(page, 'Settings');
    await page.getByLabel('Council email domain').fill('example-council.gov.uk');
    await page.getByRole('button', { name: 'Save council settings' }).click();
    await expect.poll(() => page.getByText(/existing due dates do not move/).count()).toBe(1);
    await goTo(page, 'New request');
    await page.getByLabel('Subject').waitFor();
    expect(await page.getByText('You can enter up to 4,000 characters.').count()).toBeGreaterThan(0);
    await fillDate(page, 'Date sent', '2026-02-31');
    await page.getByLabel('Your council email address').fill('cllr.smith@example-council.gov.uk');
    await page.getByLabel('Copied to (email addresses)').fill('ok@example.org, not-an-address');
    await page.getByRole('button', { name: 'Check your answers' }).click();
    await expectSummary(page, [
      /Give the request a short subject/,
      /Choose the officer/,
      /Date sent must be a real date/,
      /Copies: the second address is not a valid email address/,
    ]);
    await linkFocuses(page, /Give the request a short subject/, 'Subject');
    await expectNoAxeViolations(page, 'new request with errors');
    await screenshot(page, 'forms-new-request-errors');

    await page.getByRole('button', { name: /What is this\? \(Need to know\)/ }).click();
    await expect
      .poll(() =>
        page
          .getByText(/A Member may see council information they reasonably need/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'All terms' }).first().click();
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.getByRole('heading', { name: 'What the words mean' }).waitFor();
    expect(await help.getByText('Schedule 12A', { exact: false }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'help with the glossary');
    await screenshot(page, 'forms-glossary');
    await help.getByRole('button', { name: 'Close' }).click();
  });

  it('a request is saved; its page shows what was asked and why; the list fits 1280×800 and 1024×768', async () => {
    const { page } = app;
    await page.getByLabel('Subject').fill('Depot disposal valuation with a long subject that would once have pushed the table sideways');
    await page.getByLabel('Officer', { exact: true }).selectOption({ label: 'Sam Green, Head of Estates (Estates)' });
    await page.getByLabel('The specific information you need').fill('The independent valuation report for the depot site');
    await page.getByLabel('Capacity you are asking in').selectOption({ label: 'Ward or division member' });
    await page.getByLabel('Purpose: what the information is for').fill('To answer Riverside residents about the depot sale');
    await page.getByLabel('Route').selectOption({ label: 'Common-law need to know' });
    const why =
      'As ward member for Riverside I must respond to residents’ complaints about the depot sale and need the valuation to do so.';
    await page.getByLabel('Why you need to know').fill(why);
    await page.getByLabel('Ward').fill('Riverside');
    await page.getByLabel('Copied to (email addresses)').fill('pa@example-council.gov.uk');
    await fillDate(page, 'Date sent', new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Check your answers' }).click();
    await page.getByText(why).waitFor();
    // Check your answers shows the justification as written, not only the check's verdict.
    expect(await page.getByRole('definition').filter({ hasText: why }).count()).toBe(1);
    await page.getByRole('button', { name: 'Save the request' }).click();
    const asked = page.getByTestId('request-asked');
    await asked.waitFor();
    const text = (await asked.textContent()) ?? '';
    for (const part of [
      why,
      'To answer Riverside residents',
      'Riverside',
      'cllr.smith@example-council.gov.uk',
      'pa@example-council.gov.uk',
    ])
      expect(text).toContain(part);
    await expectNoAxeViolations(page, 'request page');
    await screenshot(page, 'forms-request-page');

    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(size);
      await goTo(page, 'Requests');
      await page.getByRole('columnheader', { name: /Due/ }).waitFor();
      const widths = await page.evaluate(() => {
        const scroller = document.querySelector('[data-testid="requests-scroll"]') as HTMLElement;
        return {
          doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
          list: [scroller.scrollWidth, scroller.clientWidth],
        };
      });
      expect(widths.doc[0], `page at ${size.width}`).toBeLessThanOrEqual(widths.doc[1]!);
      expect(widths.list[0], `list at ${size.width}`).toBeLessThanOrEqual(widths.list[1]!);
      for (const name of ['Reference', 'Subject', 'Officer', 'Status', 'Due'])
        expect(await page.getByRole('columnheader', { name: new RegExp(`^${name}`) }).isVisible()).toBe(true);
      expect(await page.getByRole('columnheader', { name: /^Due/ }).getAttribute('aria-sort')).toBe('ascending');
      await expectNoAxeViolations(page, `requests list at ${size.width}`);
      await screenshot(page, `forms-requests-${size.width}`);
    }
    await page.setViewportSize({ width: 1280, height: 820 });
  });

  it('material: special-category data needs an erase-by date, said live; 31/02 is refused in the summary, then it is saved and shown', async () => {
    const { page } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: /^Depot disposal valuation with a long subject/ }).click();
    const form = page.getByRole('form', { name: 'Record what the officer sent' });
    await form.getByLabel('Title').fill('Tenant’s occupational health letter');
    await form.getByLabel('Classification').selectOption({ label: 'Exempt' });
    await form.getByLabel(/It includes special category personal data/).check();
    // Special category is personal data too: that box is held ticked, and the erase-by date is asked for at once.
    expect(await form.getByLabel('Contains personal data').isChecked()).toBe(true);
    expect(await form.getByLabel('Contains personal data').isDisabled()).toBe(true);
    await form
      .getByText(/Special-category personal data \(such as health, ethnicity, religion or sexuality\) needs a retention date/)
      .waitFor();
    // The meaning is shown only when asked for.
    expect(await form.getByText(/UK GDPR Article 9/).isVisible()).toBe(false);
    await form.getByRole('button', { name: /What is this\? \(Special category personal data\)/ }).click();
    await form.getByText(/UK GDPR Article 9/).waitFor();
    await fillDate(form, 'Erase by', '2027-02-31');
    await form.getByRole('button', { name: 'Record it' }).click();
    const summary = form.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: 'Erase by must be a real date' }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('retainUntil-day');
    await expectNoAxeViolations(page, 'material form with a wrong erase-by date');
    await screenshot(page, 'forms-material-erase-by-error');

    await fillDate(form, 'Erase by', '2027-05-01');
    await form.getByRole('button', { name: 'Record it' }).click();
    await form.getByText('Recorded Tenant’s occupational health letter.').waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Tenant’s occupational health letter' });
    await item.getByText('Special category personal data, erase by 01/05/2027').waitFor();
    await item.getByText('Keep or erase special category personal data').waitFor();
    expect(await form.getByLabel(/It includes special category personal data/).isChecked()).toBe(false);
    await expectNoAxeViolations(page, 'request page with special-category material');
  });

  it('holidays: the built-in list can mark one not kept; a weekend one-off is questioned', async () => {
    const { page } = app;
    await goTo(page, 'Settings');
    const table = page.getByRole('table', { name: /Bank holidays in England and Wales/ });
    await table.waitFor();
    expect(await table.getByRole('cell', { name: 'Christmas Day', exact: true }).count()).toBe(1);
    await table.getByRole('button', { name: /Mark not kept.*Boxing Day/ }).click();
    await page
      .getByTestId('holiday-preview')
      .getByText(/Boxing Day .* marked not kept/)
      .waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await fillDate(page, 'Holiday date', '2026-12-05');
    await page.getByLabel('Holiday name').fill('Weekend slip');
    await page.getByRole('button', { name: 'Show which requests this affects' }).click();
    await expect.poll(() => page.getByTestId('weekend-question').textContent()).toMatch(/That is a Saturday\..*Add it anyway\?/);
    await expectNoAxeViolations(page, 'holidays with the weekend question');
    await screenshot(page, 'forms-holidays');
    await page.getByRole('button', { name: 'No, change the date' }).click();
    await page.getByRole('button', { name: 'Show which requests this affects' }).click();
    await page.getByRole('button', { name: 'Yes, add it' }).click();
    await page
      .getByTestId('holiday-preview')
      .getByText(/Weekend slip .* added/)
      .waitFor();
  });
});

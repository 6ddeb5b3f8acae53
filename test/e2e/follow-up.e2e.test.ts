import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, goTo, openApp, screenshot, setUpAsMember } from './support/browser';
import { seedCase } from './support/seed';

describe('Follow-up: the Monitoring Officer refuses and FOI is offered; the council domain is checked as it is typed, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
    // A request on the Wiltshire profile (004), where the Monitoring Officer must accept the need to know, set up through the contract.
    await seedCase(app.page, {
      profileId: '004',
      request: { monitoringOfficerReason: 'The valuation is exempt; I need it to scrutinise the disposal.' },
    });
  });
  afterAll(() => app?.close());

  it('R-ASK-4 R-ASK-5 the Member records the refusal, is refused a missing name first, and is offered an FOI request pre-filled', async () => {
    const { page } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.getByRole('heading', { name: 'Monitoring Officer’s decision' }).waitFor();
    await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Refused' });
    await page.getByRole('button', { name: 'Record the decision' }).click();
    // The error summary names the missing field in plain words.
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Say who decided/);
    await page.getByLabel('Who decided').fill('Ian Gibbons');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => page.getByTestId('mo-decision').textContent()).toMatch(/Refused by Ian Gibbons on \d{2}\/\d{2}\/\d{4}/);
    await expect.poll(() => page.getByTestId('mo-next-steps').textContent()).toMatch(/Close the request/);
    await expectNoAxeViolations(page, 'request after the Monitoring Officer refused');
    await screenshot(page, 'follow-up-mo-refused');
    await page.getByRole('button', { name: 'Make a Freedom of Information request instead' }).click();
    await page.getByLabel('Subject').waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Depot disposal valuation');
    const route = page.getByLabel('Route');
    expect(await route.locator('option:checked').textContent()).toMatch(/Freedom of Information/);
    await expectNoAxeViolations(page, 'new FOI request pre-filled');
  });

  it('a decision recorded wrongly is recorded again with the reason: the panel shows the new one, the timeline both', async () => {
    const { page } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.getByTestId('mo-decision').waitFor();
    await page.getByText('The decision was recorded wrongly, or has changed').click();
    const form = page.getByRole('form', { name: 'Record a changed decision' });
    await form.getByLabel('Decision', { exact: true }).selectOption({ label: 'Accepted: the need to know is shown' });
    await form.getByLabel('Who decided').fill('Ian Gibbons');
    await form.getByRole('button', { name: 'Record the changed decision' }).click();
    // No reason: refused in words, linked to the note, nothing recorded.
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Say why the decision is being changed/);
    expect(await page.getByTestId('mo-decision').textContent()).toMatch(/Refused by Ian Gibbons/);
    await form.getByLabel('Note').fill('Recorded as refused by mistake: the email said accepted.');
    await form.getByRole('button', { name: 'Record the changed decision' }).click();
    await expect.poll(() => page.getByTestId('mo-decision').textContent()).toMatch(/Accepted by Ian Gibbons on \d{2}\/\d{2}\/\d{4}/);
    await expect.poll(() => page.getByText('Monitoring Officer’s decision', { exact: false }).count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'request after the decision was changed');
    await screenshot(page, 'follow-up-mo-changed');
  });

  it('R-ASK-9 Settings says at once that gmail.com is not the council’s domain, and Save changes nothing', async () => {
    const { page } = app;
    await goTo(page, 'Settings');
    const domain = page.getByLabel('Council email domain');
    await domain.fill('gmail.com');
    await expect.poll(() => page.getByText(/gmail\.com is a personal email provider, not your council’s/).count()).toBeGreaterThan(0);
    expect(await domain.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'settings with a personal domain typed');
    await screenshot(page, 'follow-up-domain-live');
    await page.getByRole('button', { name: 'Save council settings' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/personal email provider/);
    const saved = await page.evaluate(async () => window.api.council.get());
    expect(saved.ok && saved.value.settings.emailDomain).toBe('example-council.gov.uk');
    await domain.fill('wiltshire.gov.uk');
    await page.getByRole('button', { name: 'Save council settings' }).click();
    await expect.poll(() => page.getByText(/New requests use/).count()).toBe(1);
    expect(await page.getByText(/personal email provider/).count()).toBe(0);
  });
});

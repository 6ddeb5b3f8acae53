import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PA_PASSPHRASE, expectNoAxeViolations, goTo, openApp, screenshot, setUpAsMember, fillDate } from './support/browser';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('Settings: a custom council profile, request volume, and the PA’s read-only view, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
  });
  afterAll(() => app?.close());

  it('the Member sets the council up and adds an officer', async () => {
    const { page } = app;
    await goTo(page, 'Settings');
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await page.getByLabel('Council email domain').fill('example-council.gov.uk');
    await page.getByRole('button', { name: 'Save council settings' }).click();
    await expect
      .poll(() => page.getByText(/New requests use District council \(Section 17\); existing due dates do not move/).count())
      .toBe(1);
    // The built-in profile's values are shown with where they come from, and cannot be edited.
    const values = page.getByLabel('Values of District council (Section 17)');
    await expect.poll(() => values.getByRole('row', { name: /Substantive answer/ }).textContent()).toMatch(/5 working days/);
    expect(await page.getByLabel('Substantive answer (working days)').count()).toBe(0);
    await expectNoAxeViolations(page, 'settings (Member)');
    await screenshot(page, 'settings-member');
    await goTo(page, 'Officers and meetings');
    await page.getByLabel('Officer’s name').fill('Sam Green');
    await page.getByLabel('Role').fill('Head of Estates');
    await page.getByLabel('Service').fill('Estates');
    await page.getByLabel('Officer’s email address', { exact: true }).fill('sam.green@example-council.gov.uk');
    await page.getByRole('button', { name: 'Add officer' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Sam Green' }).count()).toBe(1);
  });

  it('R-DUE-1 the Member copies profile 000, gives it 10 working days, is refused a bad value, and puts the copy in force', async () => {
    const { page } = app;
    await goTo(page, 'Settings');
    await page.getByLabel('Name for the copy').fill('Our district (10 days)');
    await page.getByRole('button', { name: 'Copy this profile' }).click();
    await expect.poll(() => page.getByText(/Copied\. “Our district \(10 days\)” can now be edited/).count()).toBe(1);
    const respond = page.getByLabel('Substantive answer (working days)');
    await respond.fill('0');
    await page.getByRole('button', { name: 'Save this profile' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/substantive answer must be at least 1 working day/);
    await respond.fill('10');
    await page.getByLabel('Acknowledgement or holding reply (working days)').fill('');
    await page.getByRole('button', { name: 'Save this profile' }).click();
    await expect.poll(() => page.getByText(/Saved “Our district \(10 days\)”/).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByLabel('Council protocol profile', { exact: true }).selectOption({ label: 'Our district (10 days)' });
    await page.getByRole('button', { name: 'Save council settings' }).click();
    await expect.poll(() => page.getByText(/New requests use Our district \(10 days\)/).count()).toBe(1);
    await expectNoAxeViolations(page, 'settings with a custom profile');
    await screenshot(page, 'settings-custom-profile');
  });

  it('R-DUE-1 a new request’s due date follows the custom profile', async () => {
    const { page } = app;
    await goTo(page, 'New request');
    await page.getByLabel('Subject').fill('Depot disposal valuation');
    await page.getByLabel('Officer', { exact: true }).selectOption({ label: 'Sam Green, Head of Estates (Estates)' });
    await page.getByLabel('The specific information you need').fill('The independent valuation report for the depot site');
    await page.getByLabel('Capacity you are asking in').selectOption({ label: 'Ward or division member' });
    await page.getByLabel('Purpose: what the information is for').fill('To answer Riverside residents about the depot sale');
    await page.getByLabel('Route').selectOption({ label: 'Common-law need to know' });
    await page
      .getByLabel('Why you need to know')
      .fill('As ward member for Riverside I must respond to residents’ complaints about the depot sale and need the valuation to do so.');
    await page.getByLabel('Ward').fill('Riverside');
    await page.getByLabel('Your council email address').fill('cllr.smith@example-council.gov.uk');
    // Monday 16/11/2026 + 10 working days (England and Wales) = Monday 30/11/2026; no acknowledgement under the copy.
    await fillDate(page, 'Date sent', '2026-11-16');
    await expect.poll(() => page.getByTestId('due-preview').textContent()).toBe('answer due 30/11/2026 (Our district (10 days)).');
    await page.getByRole('button', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Save the request' }).click();
    await page.getByRole('heading', { name: 'Depot disposal valuation' }).waitFor();
    await expect.poll(() => page.getByText(/answer due 30\/11\/2026/).count()).toBe(1);
    expect(await page.getByText(/acknowledgement due/).count()).toBe(0);
  });

  it('R-ASK-7 Today shows requests per service per month and nudges when Estates is unusually busy; so does New request', async () => {
    const { page } = app;
    // Six more requests to Estates in the last fortnight, sent straight through the contract to save typing.
    const created = await page.evaluate(async (dates) => {
      const officers = await window.api.officers.list();
      const officerId = officers.ok ? officers.value[0]!.id : '';
      const results = [];
      for (const sentOn of dates) {
        results.push(
          await window.api.requests.create({
            subject: `Estates question ${sentOn}`,
            informationSought: 'The repair schedule for the depot roof',
            capacity: 'ward-member',
            capacityDetail: '',
            purpose: 'To answer residents of Riverside ward',
            route: 'general',
            justification: 'As ward member for Riverside I need the repair schedule to answer residents.',
            officerId,
            ward: 'Riverside',
            meetingId: null,
            agendaItem: null,
            mayBeRaisedAtMeeting: false,
            seeksProtectedMaterial: false,
            fromEmail: 'cllr.smith@example-council.gov.uk',
            copies: [],
            blindCopies: [],
            sentOn,
            memberOnly: false,
            monitoringOfficerReason: '',
          }),
        );
      }
      return results.filter((r) => r.ok).length;
    }, [1, 2, 3, 4, 5, 6].map(daysAgo));
    expect(created).toBe(6);
    // The depot request (sent 16/11/2026) counts too while it is within the last 30 days of the real today.
    const sinceDepot = (Date.parse(daysAgo(0)) - Date.parse('2026-11-16')) / 86_400_000;
    const recent = 6 + (sinceDepot >= 0 && sinceDepot < 30 ? 1 : 0);
    await goTo(page, 'Today');
    await expect
      .poll(() => page.getByTestId('volume-nudge').textContent())
      .toMatch(new RegExp(`You have sent ${recent} requests to Estates in the last 30 days`));
    const table = page.getByTestId('volume-table');
    await expect.poll(() => table.getByRole('row', { name: /Estates/ }).textContent()).toMatch(/Estates.*\d+$/);
    expect(await table.getByRole('columnheader').count()).toBe(8); // service, six months, total
    await expectNoAxeViolations(page, 'today with request volume');
    await screenshot(page, 'today-request-volume');
    await goTo(page, 'New request');
    expect(await page.getByTestId('volume-nudge').count()).toBe(0);
    await page.getByLabel('Officer', { exact: true }).selectOption({ label: 'Sam Green, Head of Estates (Estates)' });
    await expect
      .poll(() => page.getByTestId('volume-nudge').textContent())
      .toMatch(new RegExp(`${recent} requests to Estates.*could some be combined`));
    await expectNoAxeViolations(page, 'new request with volume nudge');
    await screenshot(page, 'new-request-volume-nudge');
  });

  it('R-USE-2 a PA sees the settings read-only, with a sentence saying why', async () => {
    const { page } = app;
    await goTo(page, 'People and passphrases');
    await page.getByLabel("PA's name").fill('Pat Jones');
    await page.getByLabel("PA's passphrase").fill(PA_PASSPHRASE);
    await page.getByRole('button', { name: 'Add PA' }).click();
    await expect.poll(() => page.getByText(/Pat Jones was added/).count()).toBe(1);
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Unlock Need to Know' }).waitFor();
    await page.getByLabel('Who is signing in').selectOption({ label: 'Pat Jones (PA)' });
    await page.getByLabel('Passphrase').fill(PA_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Signed in as Pat Jones (PA)').waitFor();
    await goTo(page, 'Settings');
    await expect.poll(() => page.getByTestId('read-only-reason').textContent()).toMatch(/only the Member can change them/);
    await expect.poll(() => page.getByTestId('profile-in-force').textContent()).toBe('Our district (10 days)');
    // The copy is shown as values, not as a form; nothing to save or copy.
    await expect
      .poll(() =>
        page
          .getByLabel('Values of Our district (10 days)')
          .getByRole('row', { name: /Substantive answer/ })
          .textContent(),
      )
      .toMatch(/10 working days/);
    for (const name of ['Save council settings', 'Copy this profile', 'Save this profile', 'Show which requests this affects']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    await expect.poll(() => page.getByText('No holidays have been added or marked as not kept.').count()).toBe(1);
    // Auto-lock stays the PA's own to set on this computer.
    expect(await page.getByLabel('Lock the app after this many minutes without use').count()).toBe(1);
    await expectNoAxeViolations(page, 'settings (PA, read-only)');
    await screenshot(page, 'settings-pa-read-only');
    expect(app.consoleErrors).toEqual([]);
  });
});

// Correcting and ending things, as a Member does it in Chromium: an officer added with a
// typo is corrected, retired and reinstated; a meeting is changed (and refused when it would drop an
// agenda item a request names), retired and reinstated. Requests keep showing who and what they named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, goTo, openApp, screenshot, setUpAsMember } from './support/browser';
import {
  addMeetingOnScreen,
  addOfficerOnScreen,
  optionLabels,
  saveRequestThroughContract,
  setCouncilThroughContract,
} from './support/directory';

const SUBJECT = 'Depot disposal valuation';

describe('Officers and meetings are corrected and retired, never removed from history, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
    await setCouncilThroughContract(app.page);
  });
  afterAll(() => app?.close());

  /** Opens the request from the list and returns the line that says whom it went to. */
  async function openRequest() {
    const { page } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: SUBJECT }).click();
    await page.getByRole('heading', { name: SUBJECT, level: 1 }).waitFor();
    return page;
  }

  it('an officer added with a typo is changed in place: a bad address first gets the error summary, then the fix is saved', async () => {
    const { page } = app;
    await addOfficerOnScreen(page, {
      name: 'Sam Gren',
      role: 'Head of Estates',
      service: 'Estates',
      email: 'sam.green@example-council.gov.uk',
    });
    await addOfficerOnScreen(page, {
      name: 'Dee Director',
      role: 'Director of Place',
      service: 'Estates',
      email: 'dee.director@example-council.gov.uk',
    });
    await addMeetingOnScreen(page, { committee: 'Cabinet', date: '2026-12-02', items: ['Item 9: depot disposal', 'Item 10: budget'] });
    await saveRequestThroughContract(page, {
      subject: SUBJECT,
      officerName: 'Sam Gren',
      meeting: { committee: 'Cabinet', agendaItem: 'Item 9: depot disposal' },
    });
    await goTo(page, 'Officers and meetings');
    await page.getByRole('button', { name: 'Change Sam Gren' }).click();
    // The form is filled in place, in edit mode, and the keyboard is on its heading.
    const heading = page.getByRole('heading', { name: 'Change an officer’s details' });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Officer’s name').inputValue()).toBe('Sam Gren');
    await page.getByLabel('Officer’s name').fill('Sam Green');
    await page.getByLabel('Officer’s email address', { exact: true }).fill('sam.green@');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.textContent()).toMatch(/There is a problem.*Officer’s email address is not a valid email address/s);
    await expect.poll(() => summary.evaluate((s) => s === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: /not a valid email address/ }).click();
    await expect
      .poll(() => page.getByLabel('Officer’s email address', { exact: true }).evaluate((e) => e === document.activeElement))
      .toBe(true);
    await expectNoAxeViolations(page, 'changing an officer, with an error');
    await screenshot(page, 'directory-officer-change-error');
    await page.getByLabel('Officer’s email address', { exact: true }).fill('sam.green@example-council.gov.uk');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved the changes to Sam Green.' }).count()).toBe(1);
    // Back to adding; the table has the corrected name once and the typo nowhere.
    await page.getByRole('heading', { name: 'Add an officer' }).waitFor();
    await expect.poll(() => page.getByRole('rowheader', { name: 'Sam Green', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('Sam Gren', { exact: true }).count()).toBe(0);
    // The request sent to them shows the corrected name.
    await openRequest();
    await expect.poll(() => page.getByText(/To Sam Green \(Estates\)/).count()).toBe(1);
  });

  it('Cancel leaves a change unsaved and returns to adding', async () => {
    const { page } = app;
    await goTo(page, 'Officers and meetings');
    await page.getByRole('button', { name: 'Change Sam Green' }).click();
    await page.getByLabel('Role').fill('Something else');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Add an officer' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Head of Estates', exact: true }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('button', { name: 'Change Sam Green' }).evaluate((b) => b === document.activeElement))
      .toBe(true);
  });

  it('the officer is retired after a question in words, is no longer offered for a new request, and the request still names them; Reinstate brings them back', async () => {
    const { page } = app;
    await goTo(page, 'Officers and meetings');
    await page.getByRole('button', { name: 'Retire Sam Green' }).click();
    const question = page.getByRole('group', { name: 'Retire Sam Green?' });
    await expect
      .poll(() => question.textContent())
      .toMatch(/They will no longer be offered for new requests; their 1 request keeps their name\./);
    await expectNoAxeViolations(page, 'retiring an officer: the question');
    await screenshot(page, 'directory-officer-retire-question');
    await question.getByRole('button', { name: 'Yes, retire Sam Green' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Retired Sam Green\./ })
          .count(),
      )
      .toBe(1);
    const retiredRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Reinstate Sam Green' }) });
    await expect.poll(() => retiredRow.textContent()).toMatch(/Sam Green.*Estates.*\d{2}\/\d{2}\/\d{4}/);
    await expect.poll(() => page.getByRole('button', { name: 'Change Sam Green' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'officers with one retired');
    await screenshot(page, 'directory-officer-retired');

    await goTo(page, 'New request');
    await page.getByLabel('Subject').waitFor();
    // Polled until the directory has loaded, so an empty list cannot pass for a filtered one.
    await expect.poll(() => optionLabels(page, 'Officer')).toEqual(['Choose an officer', 'Dee Director, Director of Place (Estates)']);
    await expectNoAxeViolations(page, 'new request without the retired officer');
    // The existing request still shows them, in the list and on its page.
    await goTo(page, 'Requests');
    await expect.poll(() => page.getByRole('cell', { name: 'Sam Green' }).count()).toBe(1);
    await openRequest();
    await expect.poll(() => page.getByText(/To Sam Green \(Estates\)/).count()).toBe(1);

    await goTo(page, 'Officers and meetings');
    await page.getByRole('button', { name: 'Reinstate Sam Green' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Reinstated Sam Green\./ })
          .count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Change Sam Green' }).waitFor();
    await goTo(page, 'New request');
    await expect
      .poll(() => optionLabels(page, 'Officer'))
      .toEqual(['Choose an officer', 'Dee Director, Director of Place (Estates)', 'Sam Green, Head of Estates (Estates)']);
  });

  it('a meeting is changed, but not so as to drop the agenda item a request names; then retired and reinstated', async () => {
    const { page } = app;
    await goTo(page, 'Officers and meetings');
    await page.getByRole('button', { name: 'Change Cabinet, 02/12/2026' }).click();
    await page.getByRole('heading', { name: 'Change a meeting' }).waitFor();
    expect(await page.getByLabel('Agenda items').inputValue()).toBe('Item 9: depot disposal\nItem 10: budget');
    // Renaming the item the request names is refused with the reason, linked to the box.
    await page.getByLabel('Agenda items').fill('Item 9: depot sale\nItem 10: budget');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.textContent()).toMatch(/“Item 9: depot disposal” cannot be removed or renamed: 1 request names it\./);
    await expectNoAxeViolations(page, 'changing a meeting, refused');
    await screenshot(page, 'directory-meeting-change-refused');
    // Moving the date and adding an item is fine.
    await page.getByLabel('Agenda items').fill('Item 9: depot disposal\nItem 10: budget\nItem 11: parking');
    const date = page.getByRole('group', { name: 'Date of the meeting', exact: true });
    await date.getByLabel('Day').fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved the changes to Cabinet, 03/12/2026.' }).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .getByRole('listitem')
          .filter({ hasText: /Cabinet, 03\/12\/2026: .*Item 11: parking/ })
          .count(),
      )
      .toBe(1);

    await page.getByRole('button', { name: 'Retire Cabinet, 03/12/2026' }).click();
    const question = page.getByRole('group', { name: 'Retire Cabinet, 03/12/2026?' });
    await expect
      .poll(() => question.textContent())
      .toMatch(/It will no longer be offered for new s\.100F requests or private sessions; its 1 request keeps showing it\./);
    await question.getByRole('button', { name: 'Yes, retire Cabinet, 03/12/2026' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Retired Cabinet, 03\/12\/2026\./ })
          .count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Reinstate Cabinet, 03/12/2026' }).waitFor();
    await expectNoAxeViolations(page, 'meetings with one retired');
    await screenshot(page, 'directory-meeting-retired');

    await goTo(page, 'New request');
    await page.getByLabel('Subject').waitFor();
    await expect.poll(() => optionLabels(page, 'Officer')).toHaveLength(3); // the directory has loaded
    expect(await optionLabels(page, 'Meeting it relates to')).toEqual(['None']);
    // The request keeps its committee, date and agenda item.
    await openRequest();
    await expect.poll(() => page.getByText('Cabinet, 03/12/2026', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Item 9: depot disposal', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'request naming a retired meeting');
    // Nor is it offered for a private session: with it retired there is no meeting to choose.
    await page.keyboard.press('Control+Shift+M');
    await expect.poll(() => page.getByText(/Public-meeting mode:/).count()).toBe(1);
    expect(await page.getByLabel('Meeting for private session').count()).toBe(0);
    await page.getByRole('button', { name: 'Leave public-meeting mode' }).click();
    await expect.poll(() => page.getByText(/Public-meeting mode:/).count()).toBe(0);

    await goTo(page, 'Officers and meetings');
    await page.getByRole('button', { name: 'Reinstate Cabinet, 03/12/2026' }).click();
    await page.getByRole('button', { name: 'Retire Cabinet, 03/12/2026' }).waitFor();
    await goTo(page, 'New request');
    await expect.poll(() => optionLabels(page, 'Meeting it relates to')).toEqual(['None', 'Cabinet, 03/12/2026']);
    await page.keyboard.press('Control+Shift+M');
    await expect
      .poll(() => page.getByLabel('Meeting for private session').locator('option').allTextContents())
      .toEqual(['choose a meeting', 'Cabinet, 03/12/2026']);
    await page.getByRole('button', { name: 'Leave public-meeting mode' }).click();
    expect(app.consoleErrors).toEqual([]);
  });
});

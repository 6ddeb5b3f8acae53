import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MEMBER_PASSPHRASE,
  PA_PASSPHRASE,
  expectNoAxeViolations,
  goTo,
  openApp,
  screenshot,
  setUpAsMember,
  fillDate,
} from './support/browser';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function fillRequest(
  page: Page,
  opts: { subject: string; justification: string; sentOn?: string; memberOnly?: boolean; meeting?: boolean },
) {
  await goTo(page, 'New request');
  await page.getByLabel('Subject').fill(opts.subject);
  await page.getByLabel('Officer', { exact: true }).selectOption({ label: 'Sam Green, Head of Estates (Estates)' });
  await page.getByLabel('The specific information you need').fill('The independent valuation report for the depot site');
  await page.getByLabel('Capacity you are asking in').selectOption({ label: 'Ward or division member' });
  await page.getByLabel('Purpose: what the information is for').fill('To answer Riverside residents about the depot sale');
  await page.getByLabel('Route').selectOption({ label: 'Common-law need to know' });
  await page.getByLabel('Why you need to know').fill(opts.justification);
  await page.getByLabel('Ward').fill('Riverside');
  if (opts.meeting) {
    await page.getByLabel('Meeting it relates to').selectOption({ index: 1 });
    await page.getByLabel('Agenda item').selectOption({ label: 'Item 9: depot disposal' });
    await page.getByLabel('I may raise this at the meeting').check();
  }
  await page.getByLabel('Your council email address').fill('cllr.smith@example-council.gov.uk');
  if (opts.sentOn) await fillDate(page, 'Date sent', opts.sentOn);
  if (opts.memberOnly) await page.getByLabel('Member only (your PA will not see it)').check();
}

describe('casework journeys in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
  });
  afterAll(() => app?.close());

  it('the Member sets up the council, an officer and a meeting', async () => {
    const { page } = app;
    await goTo(page, 'Settings');
    await page.getByLabel('Council email domain').fill('example-council.gov.uk');
    await page.getByRole('button', { name: 'Save council settings' }).click();
    await expect.poll(() => page.getByText(/existing due dates do not move/).count()).toBe(1);
    await goTo(page, 'Officers and meetings');
    await page.getByLabel('Officer’s name').fill('Sam Green');
    await page.getByLabel('Role').fill('Head of Estates');
    await page.getByLabel('Service').fill('Estates');
    await page.getByLabel('Officer’s email address', { exact: true }).fill('sam.green@example-council.gov.uk');
    await page.getByRole('button', { name: 'Add officer' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Sam Green' }).count()).toBe(1);
    await page.getByLabel('Committee').fill('Cabinet');
    await fillDate(page, 'Date of the meeting', '2026-12-02');
    await page.getByLabel('Agenda items').fill('Item 9: depot disposal');
    await page.getByRole('button', { name: 'Add meeting' }).click();
    // The form confirms what it added; the meetings list shows the meeting exactly once.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added Cabinet, 02/12/2026.' }).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .getByRole('listitem')
          .filter({ hasText: /Cabinet, 02\/12\/2026/ })
          .count(),
      )
      .toBe(1);
    await expectNoAxeViolations(page, 'officers and meetings');
    await screenshot(page, 'officers-meetings');
  });

  it('a curiosity-only request is refused with the reason, then fixed and saved with its due dates', async () => {
    const { page } = app;
    await fillRequest(page, { subject: 'Depot disposal valuation', justification: 'Just interested in the depot.', meeting: true });
    await expect
      .poll(() => page.getByTestId('assessment').textContent())
      .toMatch(/refused.*Curiosity or general interest is not a need to know/s);
    await expectNoAxeViolations(page, 'new request');
    await screenshot(page, 'new-request-refused');
    await page.getByRole('button', { name: 'Check your answers' }).click();
    // A refused request can still go to the Monitoring Officer, but only with the Member's reason.
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Give your reason for asking the Monitoring Officer to decide, or make it a Freedom of Information request/);
    await page
      .getByLabel('Why you need to know')
      .fill('As ward member for Riverside I must respond to residents’ complaints about the depot sale and need the valuation to do so.');
    await expect.poll(() => page.getByTestId('assessment').textContent()).toMatch(/sufficient/);
    await page.getByRole('button', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { name: 'Check your request before it is saved' }).waitFor();
    await expectNoAxeViolations(page, 'check your answers');
    await page.getByRole('button', { name: 'Save the request' }).click();
    await page.getByRole('heading', { name: 'Depot disposal valuation' }).waitFor();
    await page.getByText('How the due dates were worked out').click();
    await expect.poll(() => page.getByText(/that is day 0/).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/The chair or executive member must be told/).count()).toBe(1);
  });

  it('an acknowledgement that comes late shows the request overdue', async () => {
    const { page } = app;
    await fillRequest(page, {
      subject: 'Street lighting outage',
      justification: 'As ward member I am handling a constituent complaint about the lighting on Mill Lane and need the repair schedule.',
      sentOn: daysAgo(21),
    });
    await page.getByRole('button', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Save the request' }).click();
    await page.getByRole('heading', { name: 'Street lighting outage' }).waitFor();
    await expect.poll(() => page.locator('.tag').first().textContent()).toMatch(/overdue/i);
    await page.getByLabel('What happened').selectOption('acknowledged');
    await fillDate(page, 'Date it happened', daysAgo(2));
    await page.getByRole('button', { name: 'Log it' }).click();
    await expect.poll(() => page.getByText(/: Acknowledged/).count()).toBe(1);
    await expect.poll(() => page.locator('.tag').first().textContent()).toMatch(/overdue/i);
    await screenshot(page, 'request-overdue');
    await goTo(page, 'Requests');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^2 of 2/);
    await page.getByLabel('Search subject, question, notes and officer').fill('lighting');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^1 of 2/);
    await page.getByLabel('Search subject, question, notes and officer').fill('');
    // Only the depot request relates to the Cabinet meeting.
    await page.getByLabel('Meeting', { exact: true }).selectOption({ label: 'Cabinet, 02/12/2026' });
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^1 of 2/);
    await expect.poll(() => page.getByRole('button', { name: 'Depot disposal valuation' }).count()).toBe(1);
    await page.getByLabel('Meeting', { exact: true }).selectOption('');
    await page.getByLabel('Search subject, question, notes and officer').fill('lighting');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^1 of 2/);
    await expectNoAxeViolations(page, 'requests list');
    await screenshot(page, 'requests-list');
  });

  it('a pink paper is classified, and a public-interest disclosure is blocked until the Monitoring Officer’s advice and the Member’s regard are recorded', async () => {
    const { page } = app;
    await page.getByLabel('Search subject, question, notes and officer').fill('depot');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    // The request page has two forms with a Title (this one, and the PA's arrival form): use this one.
    const sent = page.getByRole('form', { name: 'Record what the officer sent' });
    await sent.getByLabel('Title').fill('Depot valuation report');
    await sent.getByLabel('Summary or text').fill('Valuation £2.1m; two bidders.');
    await sent.getByLabel('Classification').selectOption({ label: 'Pink paper' });
    await sent.getByLabel('Committee').fill('Cabinet');
    await fillDate(sent, 'Meeting date', '2026-12-02');
    await sent.getByLabel('Agenda item').fill('Item 9: depot disposal');
    await sent.getByLabel('Report author’s designation').fill('Director of Resources');
    await sent.getByRole('button', { name: 'Record it' }).click();
    await expect.poll(() => page.getByText(/Pink paper: Cabinet, 02\/12\/2026/).count()).toBe(1);
    await expectNoAxeViolations(page, 'request page');
    await screenshot(page, 'request-with-pink-paper');

    await page.getByRole('button', { name: 'Pass it on (disclosure)…' }).click();
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
    // A compromised page calling the contract directly is refused by the main process.
    const bypass = await page.evaluate(async () => {
      const list = await window.api.disclosures.list();
      const id = list.ok ? list.value[0]!.id : '';
      return [
        await window.api.disclosures.advance({ id, event: { type: 'approve', officerCheck: { checked: true, note: 'x' } } }),
        await window.api.disclosures.advance({ id, event: { type: 'disclose', to: 'Press', on: '2026-11-24', what: 'all of it' } }),
      ];
    });
    for (const r of bypass) expect(r).toMatchObject({ ok: false, error: { code: 'refused' } });
    await expectNoAxeViolations(page, 'disclosure');
    await screenshot(page, 'disclosure-awaiting-monitoring-officer');
    await page.getByLabel('Monitoring Officer (or representative)').fill('A. Khan');
    await page.getByRole('button', { name: 'Record that I asked' }).click();
    await page.getByLabel('Their advice').fill('Share the headline figure only, not the bids.');
    await page.getByRole('button', { name: 'Record the advice' }).click();
    await page.getByLabel('I have had regard to the Monitoring Officer’s advice').check();
    await page.getByRole('button', { name: 'Record my regard' }).click();
    await page.getByLabel('I checked with the officer who gave me this').check();
    await page.getByLabel('What they said (or why you could not check)').fill('Head of Estates agreed to the headline figure.');
    await page.getByRole('button', { name: 'Approve the disclosure' }).click();
    await page.getByLabel('Passed on to').fill('Riverside Residents Association');
    await page.getByLabel('What was passed on').fill('Headline valuation figure');
    await page.getByRole('button', { name: 'Disclose and record it' }).click();
    await expect.poll(() => page.getByText(/Disclosed to Riverside Residents Association/).count()).toBe(1);
    await goTo(page, 'Disclosure register');
    await expect.poll(() => page.getByRole('cell', { name: 'Riverside Residents Association' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Show trail' }).click();
    await expect.poll(() => page.getByTestId('audit-trail').textContent()).toMatch(/classified.*viewed|classified.*disclosed/s);
    await expectNoAxeViolations(page, 'disclosure register');
    await screenshot(page, 'disclosure-register');
  });

  it('public-meeting mode hides protected content', async () => {
    const { page } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.keyboard.press('Control+Shift+M');
    await expect.poll(() => page.getByText(/Public-meeting mode:/).count()).toBe(1);
    // Main withholds the request that holds protected material: its words and the material's title never reach the page.
    await expect.poll(() => page.getByText(/subject, question and timeline are hidden in public-meeting mode/).count()).toBe(1);
    expect(await page.getByText(/^Protected material \(.+\), received .+: hidden in public-meeting mode\.$/).count()).toBeGreaterThan(0);
    expect(await page.getByText('Depot valuation report').count()).toBe(0);
    expect(await page.getByText('Depot disposal valuation').count()).toBe(0);
    // The lists of protected things are not offered, and main refuses them to a page that asks anyway.
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Protected material held', 'Disclosure register', 'Personal data due for erasure'])
      expect(await nav.getByText(label).count()).toBe(0);
    const held = await page.evaluate(() => window.api.materials.protectedHeld());
    expect(held).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/^Protected material held is closed in public-meeting mode/) },
    });
    await expectNoAxeViolations(page, 'public-meeting mode');
    await screenshot(page, 'public-meeting-mode');
    // The shortcut only ever makes the screen safer; leaving public-meeting mode is its own deliberate action.
    await page.keyboard.press('Control+Shift+M');
    expect(await page.getByText(/Public-meeting mode:/).count()).toBe(1);
    await page.getByRole('button', { name: 'Leave public-meeting mode' }).click();
    await expect.poll(() => page.getByText(/Public-meeting mode:/).count()).toBe(0);
  });

  it('the Today screen counts what needs attention and opens the filtered list', async () => {
    const { page } = app;
    await goTo(page, 'Today');
    await expect.poll(() => page.getByRole('button', { name: /Overdue requests/ }).textContent()).toMatch(/^[1-9]/);
    await expectNoAxeViolations(page, 'today');
    await screenshot(page, 'today');
    await page.getByRole('button', { name: /Overdue requests/ }).click();
    await page.getByRole('heading', { name: 'Overdue' }).waitFor();
  });

  it('a one-off holiday lists the requests it would move, and moves only those accepted', async () => {
    const { page } = app;
    // The next weekday after today is inside the depot request's 5-working-day window.
    const next = new Date();
    do next.setUTCDate(next.getUTCDate() + 1);
    while (next.getUTCDay() === 0 || next.getUTCDay() === 6);
    await goTo(page, 'Settings');
    await fillDate(page, 'Holiday date', next.toISOString().slice(0, 10));
    await page.getByLabel('Holiday name').fill('Local one-off holiday');
    await page.getByRole('button', { name: 'Show which requests this affects' }).click();
    await expect.poll(() => page.getByText(/Depot disposal valuation: answer due/).count()).toBe(1);
    await expectNoAxeViolations(page, 'holiday change preview');
    await screenshot(page, 'holiday-change-preview');
    await page.getByRole('button', { name: 'Save the holiday list' }).click();
    await expect.poll(() => page.getByText(/Holiday list saved\. \d+ requests? recomputed/).count()).toBe(1);
  });

  it('the PA cannot open a Member-only item; locking clears the screen and the working set', async () => {
    const { page } = app;
    await fillRequest(page, {
      subject: 'Confidential staffing matter',
      justification: 'As ward member I am handling a constituent complaint about a named officer and need the outcome of the review.',
      memberOnly: true,
    });
    await page.getByRole('button', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Save the request' }).click();
    await page.getByRole('heading', { name: 'Confidential staffing matter' }).waitFor();
    await goTo(page, 'People and passphrases');
    await page.getByLabel("PA's name").fill('Pat Jones');
    await page.getByLabel("PA's passphrase").fill(PA_PASSPHRASE);
    await page.getByRole('button', { name: 'Add PA' }).click();
    await expect.poll(() => page.getByText(/Pat Jones was added/).count()).toBe(1);

    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Unlock Need to Know' }).waitFor();
    // Nothing of the unlock is left in IndexedDB: the working set was deleted. A screen still on its
    // way out may open the fresh one at once, so what is checked is that no store holds anything.
    const leftover = await page.evaluate(async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'need-to-know-working-set')) return 0;
      const opened = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('need-to-know-working-set');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      let rows = 0;
      for (const name of Array.from(opened.objectStoreNames)) {
        rows += await new Promise<number>((resolve) => {
          const count = opened.transaction(name).objectStore(name).count();
          count.onsuccess = () => resolve(count.result);
        });
      }
      opened.close();
      return rows;
    });
    expect(leftover).toBe(0);
    expect(await page.getByText('Depot disposal valuation').count()).toBe(0);

    await page.getByLabel('Who is signing in').selectOption({ label: 'Pat Jones (PA)' });
    await page.getByLabel('Passphrase').fill(PA_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Signed in as Pat Jones (PA)').waitFor();
    await goTo(page, 'Requests');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^3 of 3/);
    await expect.poll(() => page.getByText('🔒 Member only').count()).toBe(1);
    expect(await page.getByText('Confidential staffing matter').count()).toBe(0);
    await screenshot(page, 'pa-requests-list');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await expect.poll(() => page.getByText(/Member-only item/).count()).toBe(1);
    expect(await page.getByText('Depot valuation report').count()).toBe(0);
    await expectNoAxeViolations(page, 'PA request page');
    const direct = await page.evaluate(async () => {
      const list = await window.api.requests.list({ offset: 0, limit: 100 });
      const locked = list.ok ? list.value.rows.find((r) => r.locked) : undefined;
      return window.api.requests.get({ id: locked?.id ?? '' });
    });
    expect(direct).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(app.consoleErrors).toEqual([]);
    void MEMBER_PASSPHRASE;
  });
});

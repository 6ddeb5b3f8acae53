import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerReply } from '../../tools/fixtures/mail';
import { expectNoAxeViolations, goTo, openApp, screenshot, setUpAsMember } from './support/browser';
import { seedCase } from './support/seed';

// The harness stands in for the mail program: "Open in your email program" writes the draft to the
// data folder's exports/ and opens nothing (tools/harness/server.ts).
describe('officers’ email out and in, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  let reference = '';

  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
    ({ reference } = await seedCase(app.page));
  });
  afterAll(() => app?.close());

  it('writes the request email, opens it as an unsent draft and records it as sent', async () => {
    const { page, harness } = app;
    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.getByRole('heading', { name: 'Depot disposal valuation' }).waitFor();
    await page.getByRole('button', { name: 'Write the email' }).click();
    const draft = page.getByLabel('Draft');
    await draft.filter({ hasText: `Depot disposal valuation [${reference}]` }).waitFor();
    expect(await draft.textContent()).toContain('cllr.smith@example-council.gov.uk');
    await expectNoAxeViolations(page, 'request page with the draft email');
    await screenshot(page, 'correspondence-draft');
    await page.getByRole('button', { name: 'Open in your email program' }).click();
    // The status shows once main has written the draft to exports/.
    await page.getByRole('status').filter({ hasText: 'open in your email program' }).waitFor();
    const exports = path.join(harness.dataFolder, 'exports');
    const eml = readdirSync(exports).find((f) => f.endsWith('.eml'))!;
    expect(readFileSync(path.join(exports, eml), 'utf8')).toMatch(/^X-Unsent: 1$/m);
    await page.getByRole('button', { name: 'I have sent it' }).click();
    await page.getByRole('list').filter({ hasText: 'Email sent' }).first().waitFor();
  });

  it('drops the officer’s reply: matched by its reference, its attachment listed to classify, recorded as the answer', async () => {
    const { page } = app;
    const reply = await officerReply({
      from: 'Sam Green <sam.green@example-council.gov.uk>',
      to: 'cllr.smith@example-council.gov.uk',
      subject: `RE: Depot disposal valuation [${reference}]`,
      html: '<p>Please find the valuation attached.</p><script>window.hacked = true</script><img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">click</a>',
      text: undefined,
      date: new Date(),
      attachments: [{ filename: 'Depot valuation – pink paper.pdf', content: Buffer.from('%PDF-1.7 valuation') }],
    });
    await goTo(page, 'Unfiled correspondence');
    await page.getByRole('heading', { name: 'Unfiled correspondence' }).waitFor();
    await expectNoAxeViolations(page, 'unfiled correspondence, empty');

    // New Outlook drops only text: the page says to save the email first.
    await page.getByTestId('email-drop-zone').evaluate((zone) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'RE: Depot');
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByRole('alert').filter({ hasText: 'Save the email from Outlook first (File > Save as)' }).waitFor();

    await page.getByTestId('email-drop-zone').evaluate((zone, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'reply.eml', { type: 'message/rfc822' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, reply.toString('base64'));
    await page.getByRole('status').filter({ hasText: 'Imported 1 email; 1 matched to its request.' }).waitFor();

    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    const emails = page.getByRole('region', { name: 'Emails' });
    await emails.waitFor();
    await emails.getByText('Show the email').click();
    await emails.getByText('Please find the valuation attached.').waitFor();
    // Sanitised: no script ran, no remote picture, no clickable javascript: link.
    expect(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
    expect(await emails.locator('img[src^="http"]').count()).toBe(0);
    expect(await emails.locator('a[href]').count()).toBe(0);
    // Listed twice: as the email's attachment and as material to classify.
    await page.getByText('Depot valuation – pink paper.pdf', { exact: false }).nth(1).waitFor();
    await page
      .locator('.materials')
      .filter({ hasText: /not yet known/i })
      .waitFor();

    await emails.getByLabel('The answer').check();
    await emails.getByRole('button', { name: 'Record it' }).click();
    await page.getByRole('list').filter({ hasText: 'Answered' }).first().waitFor();
    await expectNoAxeViolations(page, 'request page with the filed reply');
    await screenshot(page, 'correspondence-filed');
    expect(existsSync(app.harness.dataFolder)).toBe(true);
  });
});

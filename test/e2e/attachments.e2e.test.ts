import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, goTo, openApp, screenshot, setUpAsMember } from './support/browser';
import { CONFIDENTIAL_VALUATION, seedCase, ukDaysAgo } from './support/seed';

// The harness stands in for the OS dialogs: "Attach files…" picks everything in the data folder's
// inbox/, "Save a copy…" writes to its exports/ (tools/harness/server.ts).
describe('attaching the officer’s files and saving a copy, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  const original = Buffer.concat([Buffer.from('%PDF-1.7 confidential valuation\n'), randomBytes(180 * 1024)]);

  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
    // The case itself is set up through the contract; the journey under test starts on the request page.
    await seedCase(app.page, { material: { ...CONFIDENTIAL_VALUATION, receivedOn: ukDaysAgo(0) } });
  });
  afterAll(() => app?.close());

  it('a confidential file is attached, its export refused until the disclosure is approved, then saved byte for byte and shown in the audit trail', async () => {
    const { page, harness } = app;
    mkdirSync(path.join(harness.dataFolder, 'inbox'), { recursive: true });
    writeFileSync(path.join(harness.dataFolder, 'inbox', 'valuation.pdf'), original);

    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.getByRole('heading', { name: 'Depot disposal valuation' }).waitFor();
    await page.getByRole('button', { name: /^Attach files to Depot valuation report/ }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Attached 1 file.' }).count()).toBe(1);
    const files = page.getByRole('list', { name: 'Files attached to Depot valuation report' });
    await expect.poll(() => files.textContent()).toMatch(/valuation\.pdf \(181 KB, attached \d{2}\/\d{2}\/\d{4}\)/);

    // R-DIS-3: the main process refuses, and the page shows why.
    await page.getByRole('button', { name: /^Save a copy of valuation\.pdf/ }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/This material is confidential\. A copy can be saved only for an approved disclosure/);
    await expectNoAxeViolations(page, 'request page with an attachment, export refused');
    await screenshot(page, 'attachment-export-refused');

    await page.getByRole('button', { name: 'Pass it on (disclosure)…' }).click();
    // Passing on asks first for the role and purpose it is for (R-CLS-4), defaulting to the material's own.
    await page.getByRole('button', { name: 'Start passing it on' }).click();
    await page.getByRole('heading', { name: /Passing on/ }).waitFor();
    await page.getByLabel(/\(b\) Required by law/).check();
    await page.getByRole('button', { name: 'Choose this ground' }).click();
    await page.getByLabel('The law that requires it').fill('Civil Procedure Rules 31.17 court order');
    await page.getByLabel('Who requires it').fill('County Court');
    await page.getByRole('button', { name: 'Record the evidence' }).click();
    await page.getByLabel('I checked with the officer who gave me this').check();
    await page.getByLabel('What they said (or why you could not check)').fill('Head of Estates agreed.');
    await page.getByRole('button', { name: 'Approve the disclosure' }).click();
    await page.getByLabel('Passed on to').waitFor();

    await goTo(page, 'Requests');
    await page.getByRole('button', { name: 'Depot disposal valuation' }).click();
    await page.getByRole('button', { name: /^Save a copy of valuation\.pdf/ }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved a copy' }).textContent())
      .toMatch(/Saved a copy of valuation\.pdf to .*exports.valuation\.pdf \(181 KB\)/);
    expect(readFileSync(path.join(harness.dataFolder, 'exports', 'valuation.pdf')).equals(original)).toBe(true);

    await page.getByRole('button', { name: 'Show audit trail of Depot valuation report' }).click();
    const trail = page.getByTestId('audit-trail');
    await expect
      .poll(() => trail.textContent())
      .toMatch(
        /classified.*attached on \d{2}\/\d{2}\/\d{4} by Cllr Jane Smith: valuation\.pdf.*exported on \d{2}\/\d{2}\/\d{4} by Cllr Jane Smith: valuation\.pdf saved as valuation\.pdf/s,
      );
    expect(await page.getByRole('button', { name: 'Hide audit trail of Depot valuation report' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await expectNoAxeViolations(page, 'request page with the audit trail');
    await screenshot(page, 'attachment-exported-audit-trail');
    expect(app.consoleErrors).toEqual([]);
  });

  it('R-USE-1 in public-meeting mode the protected material and its files are hidden', async () => {
    const { page } = app;
    // The ids a hostile page would have kept from before the meeting.
    const ids = await page.evaluate(async () => {
      const list = await window.api.requests.list({ offset: 0, limit: 100 });
      const detail = list.ok ? await window.api.requests.get({ id: list.value.rows[0]!.id }) : null;
      const m = detail?.ok ? detail.value.materials[0] : undefined;
      return { materialId: m?.id ?? '', attachmentId: m?.attachments[0]?.id ?? '' };
    });
    await page.keyboard.press('Control+Shift+M');
    await expect.poll(() => page.getByText(/^Protected material \(.+\), received .+: hidden in public-meeting mode\.$/).count()).toBe(1);
    expect(await page.getByText('valuation.pdf').count()).toBe(0);
    const direct = await page.evaluate(async (asked) => window.api.attachments.export(asked), ids);
    expect(direct).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/public-meeting mode/) } });
    // The shortcut only ever moves to a safer mode; leaving public-meeting mode is the Member's deliberate action.
    await page.keyboard.press('Control+Shift+M');
    expect(await page.getByText(/Public-meeting mode:/).count()).toBe(1);
    await page.getByRole('button', { name: 'Leave public-meeting mode' }).click();
    await expect.poll(() => page.getByText(/Public-meeting mode:/).count()).toBe(0);
  });
});

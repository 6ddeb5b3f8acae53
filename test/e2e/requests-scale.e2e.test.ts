import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../tools/bench/app';
import { MEMBER_PASSPHRASE, expectNoAxeViolations, goTo, openApp, screenshot } from './support/browser';

// Many more requests than one page of the list (50 rows) holds, so the window asks main for the
// pages it shows as it does at 50,000 (npm run bench), quickly enough for a test.
const COUNT = 1_250;

describe('the requests list at scale, answered by main a page at a time', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  let dataFolder: string;
  beforeAll(async () => {
    dataFolder = mkdtempSync(path.join(os.tmpdir(), 'ntk-scale-'));
    await seed(dataFolder, COUNT);
    app = await openApp({ dataFolder });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataFolder, { recursive: true, force: true });
  });

  const unlock = async () => {
    const { page } = app;
    await page.getByLabel('Passphrase').fill(MEMBER_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Signed in as Bench Member').waitFor();
  };
  const count = () => app.page.getByTestId('result-count').textContent();

  it('every request is counted, in due-date order, and search, filters, a jump and the arrow keys work over all of them', async () => {
    const { page } = app;
    await unlock();
    await goTo(page, 'Requests');
    await expect.poll(count, { timeout: 30_000 }).toBe('1,250 of 1,250 requests');
    expect(await page.getByTestId('result-count').getAttribute('data-loading')).toBe('false');
    // Due dates down the first screen never go backwards.
    const dues = await page.locator('tbody tr[data-index] td:nth-child(7)').allTextContents();
    const iso = dues.map((d) => d.split('/').reverse().join('-'));
    expect(iso.length).toBeGreaterThan(5);
    expect([...iso].sort()).toEqual(iso);
    await page.getByLabel('Search subject, question, notes and officer').fill('pothole');
    // The search applies a moment after typing: wait for the count to change, not just to match.
    await expect.poll(count).not.toBe('1,250 of 1,250 requests');
    await expect.poll(count).toMatch(/^\d[\d,]* of 1,250 requests$/);
    const found = Number((await count())!.split(' of ')[0]!.replace(/,/g, ''));
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(COUNT);
    await page.getByLabel('Search subject, question, notes and officer').fill('');
    await expect.poll(count).toBe('1,250 of 1,250 requests');
    // A jump to the last row: its page is asked for and shown.
    await page.getByTestId('requests-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.locator(`tr[data-index="${COUNT - 1}"]`).waitFor();
    await page.getByTestId('requests-scroll').evaluate((el) => el.scrollTo({ top: 0 }));
    // The arrow keys move from row to row.
    await page.locator('tr[data-index="0"] button').focus();
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest('tr')?.dataset.index);
    for (const [key, row] of [
      ['ArrowDown', '1'],
      ['ArrowDown', '2'],
      ['ArrowUp', '1'],
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(focusedRow).toBe(row);
    }
    await page.getByLabel('Service').selectOption('Highways');
    await expect.poll(count).not.toBe('1,250 of 1,250 requests');
    await expectNoAxeViolations(page, 'requests list at scale');
    await screenshot(page, 'requests-list-at-scale');
  });

  it('locking at once after unlocking, then unlocking again, still shows the whole list', async () => {
    const { page } = app;
    await page.keyboard.press('Control+l');
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    await unlock();
    // Lock at once, while the first pages may be on their way: a late page must not land after the lock.
    await page.keyboard.press('Control+l');
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
      .not.toContain('need-to-know-working-set');
    await unlock();
    await goTo(page, 'Requests');
    await expect.poll(count, { timeout: 30_000 }).toBe('1,250 of 1,250 requests');
    expect(app.consoleErrors).toEqual([]);
  });
});

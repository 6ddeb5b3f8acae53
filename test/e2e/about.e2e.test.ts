import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, goTo, openApp, screenshot, setUpAsMember } from './support/browser';

describe('About and status, and auto-lock on Settings, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    app = await openApp();
    await setUpAsMember(app.page);
    await goTo(app.page, 'About');
  });
  afterAll(() => app?.close());

  it('shows the version and data folder read from the main-process services', async () => {
    const { page, harness } = app;
    await page.getByRole('heading', { name: 'About and status' }).waitFor();
    expect(await page.getByTestId('app-version').textContent()).toMatch(/^\d+\.\d+\.\d+/);
    expect(await page.getByTestId('data-folder').textContent()).toBe(harness.dataFolder);
    await expectNoAxeViolations(page, 'About and status');
    await screenshot(page, 'about-status');
    await goTo(page, 'Settings');
  });

  it('refuses a bad auto-lock value with a message and keeps the old one', async () => {
    const { page } = app;
    const box = page.getByLabel('Lock the app after this many minutes without use');
    await box.fill('0');
    await page.getByRole('button', { name: 'Save auto-lock' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/at least 1 minute/);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await page.reload();
    await goTo(page, 'Settings');
    await expect.poll(() => page.getByLabel('Lock the app after this many minutes without use').inputValue()).toBe('5');
  });

  it('changes the auto-lock minutes, keeps them across a reload, and passes axe', async () => {
    const { page } = app;
    const box = page.getByLabel('Lock the app after this many minutes without use');
    await box.fill('12');
    await box.press('Enter');
    await expect
      .poll(() => page.getByRole('region', { name: 'Auto-lock' }).getByRole('status').textContent())
      .toMatch(/locks after 12 minutes/);
    await page.reload();
    await goTo(page, 'Settings');
    await expect.poll(() => page.getByLabel('Lock the app after this many minutes without use').inputValue()).toBe('12');
    await expectNoAxeViolations(page, 'Settings after an auto-lock change');
    await goTo(page, 'About');
    await expect.poll(() => page.getByText(/After 12 minutes without use/).count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startHarness, type Harness, type HarnessOptions } from '../../../tools/harness/server';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian `chromium` (bash .ci/run does) or set CHROMIUM_PATH');
  return found;
}

export interface Session {
  harness: Harness;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Harness + Chromium + a page on the app, with console errors collected for the test to check. */
export const TEST_KDF = { m: 19 * 1024, t: 2, p: 1 };
export const MEMBER_PASSPHRASE = 'correct horse battery staple';
export const PA_PASSPHRASE = 'violet kettle harbour ninety';

export async function openApp(options: HarnessOptions = {}): Promise<Session & { consoleErrors: string[] }> {
  const harness = await startHarness({ kdf: TEST_KDF, ...options });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  // The first load compiles the whole bundle; on a busy shared machine that alone can take over 8 s.
  page.setDefaultNavigationTimeout(30_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // The first load builds nothing but can be slow on a busy machine; later steps keep the 8 s default.
  await page.goto(harness.url, { timeout: 60_000 });
  return {
    harness,
    browser,
    page,
    consoleErrors,
    close: async () => {
      await browser.close();
      await harness.close();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the current page and expects no violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // evaluate() runs outside the page's CSP, which rightly forbids injected inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations as Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
  });
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** First run through the real set-up screen: creates the vault as the Member and signs in. */
export async function setUpAsMember(page: Page, name = 'Cllr Jane Smith'): Promise<void> {
  await page.getByRole('heading', { name: 'Set up Need to Know' }).waitFor();
  await page.getByLabel('Your name (the Member)').fill(name);
  await page.getByLabel('Passphrase', { exact: true }).fill(MEMBER_PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(MEMBER_PASSPHRASE);
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await page.getByText(`Signed in as ${name}`).waitFor();
}

export async function goTo(page: Page, linkName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName }).click();
}

/** Types an ISO date into a GOV.UK date input (day, month and year boxes) found by its legend. */
export async function fillDate(scope: Page | Locator, legend: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year!);
}

// App bench (speed at scale): 50,000 requests in a vault, the built renderer in Debian's Chromium
// through the harness, end to end (main, the harness's transport, the window's paint). Measures, for
// the Member and then a PA, first list paint after unlock and the time from a filter, search or sort
// change, or a jump to a row anywhere, to its answer on screen (docs/LIST.md).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { computeDueDates } from '../../shared/domain/deadlines';
import { builtInProfile } from '../../shared/domain/profiles';
import type { StoredRequest } from '../../shared/domain/requests';
import { vaultDir } from '../../electron/main/services/vault-gateway';
import { Vault } from '../../electron/main/vault/vault';
import { fixtureRequest } from '../fixtures/requests';
import { startHarness } from '../harness/server';

const PASSPHRASE = 'correct horse battery staple';
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
/** Warm unlocks timed; the median is reported. */
const WARM_UNLOCKS = 5;

export async function seed(dataFolder: string, count: number): Promise<void> {
  const session = await Vault.create(
    vaultDir(dataFolder),
    { name: 'Bench Member', passphrase: PASSPHRASE },
    { kdf: { m: 19 * 1024, t: 2, p: 1 } },
  );
  const profile = builtInProfile('000');
  const officer = {
    id: 'officer-1',
    name: 'Sam Green',
    service: 'Estates',
    role: 'Head of Estates',
    seniority: 'head-of-service' as const,
    email: 'sam.green@example-council.gov.uk',
  };
  session.put({ id: officer.id, tier: 'shared', type: 'officer', data: officer });
  for (let i = 0; i < count; i++) {
    const f = fixtureRequest(i);
    const due = computeDueDates(f.receivedOn, profile, 'england-and-wales');
    const request: StoredRequest = {
      id: f.id,
      reference: f.reference,
      subject: f.subject,
      informationSought: f.question,
      capacity: 'ward-member',
      capacityDetail: '',
      purpose: f.purpose,
      route: 'need-to-know',
      justification: f.justification,
      officerId: officer.id,
      officerName: f.officer.name,
      service: f.service,
      ward: f.ward,
      meetingId: null,
      agendaItem: null,
      mayBeRaisedAtMeeting: false,
      seeksProtectedMaterial: false,
      fromEmail: 'bench@example-council.gov.uk',
      copies: [],
      sentOn: f.receivedOn,
      memberOnly: false,
      events:
        f.status === 'answered'
          ? [{ type: 'answered', on: f.receivedOn, note: f.notes }]
          : [{ type: 'acknowledged', on: f.receivedOn, note: f.notes }],
      acknowledgeBy: due.acknowledgeBy,
      respondBy: due.respondBy,
      explanation: due.explanation,
      profile,
      nation: 'england-and-wales',
      verdict: 'sufficient',
      assessmentSummary: 'The need to know is shown.',
      chairNotice: null,
      moReferral: null,
      escalatedTo: null,
    };
    session.put({ id: request.id, tier: i % 10 === 0 ? 'member' : 'shared', type: 'request', data: request });
  }
  session.compact();
  session.lock();
}

const PA_PASSPHRASE = 'another correct horse battery staple';
const ROW_HEIGHT = 44;
/** Samples of each kind of change timed per user. */
const SAMPLES = 20;

type Page = import('playwright-core').Page;
const stats = (values: number[]) => `${Math.round(percentile(values, 50))} / ${Math.round(percentile(values, 95))}`;
const spread = (values: number[]) => `${Math.round(Math.min(...values))}-${Math.round(Math.max(...values))}`;

/** What the list shows now: the query whose answer is on screen, and its count. */
const shown = (page: Page) =>
  page.evaluate(() => ({
    showing: document.querySelector('table.requests-table')?.getAttribute('data-showing') ?? '',
    count: document.querySelector('[data-testid="result-count"]')?.textContent ?? '',
  }));

/**
 * Times one change from the action to the new answer on screen: the table shows another query's
 * answer (it keeps the last until the new one has arrived, so this is main's answer painted), with
 * its first row drawn, or no row when nothing matches. Then checks, off the clock, that nothing
 * changes after it (an answer that moved again would mean the timing caught a half-way state).
 */
async function timeChange(page: Page, act: () => Promise<void>, settled: { moved: number }): Promise<number> {
  const before = await shown(page);
  const s = performance.now();
  await act();
  await page.waitForFunction(
    (prev) => {
      const table = document.querySelector('table.requests-table');
      if (!table || table.getAttribute('data-showing') === prev) return false;
      const none = /^0 of /.test(document.querySelector('[data-testid="result-count"]')?.textContent ?? '');
      return none || document.querySelector('tr[data-index="0"]') !== null;
    },
    before.showing,
    { polling: 'raf' },
  );
  const ms = performance.now() - s;
  const after = await shown(page);
  await page.waitForTimeout(150);
  const later = await shown(page);
  if (later.showing !== after.showing || later.count !== after.count) settled.moved++;
  return ms;
}

/** Unlocks as `who` (null: the only user), opens Requests and times first paint, then filters, searches, sorts and jumps. */
async function measureSignedIn(page: Page, passphrase: string, who: string | null) {
  const unlockAndPaint = async () => {
    if (who) await page.getByLabel('Who is signing in').selectOption({ label: who });
    await page.getByLabel('Passphrase').fill(passphrase);
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await page.locator('tr[data-index="0"]').waitFor();
    return performance.now() - t0;
  };
  const lock = async () => {
    await page.keyboard.press('Control+l');
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
  };
  if (!who) await page.getByLabel('Passphrase').waitFor();
  else await lock();
  // The first unlock after seeding (or the first as a new user) may build the request index: "cold".
  const cold = await unlockAndPaint();
  const say = (what: string) => process.stderr.write(`app: ${who ?? 'Member'}: ${what}\n`);
  say(`cold first paint ${Math.round(cold)} ms`);
  const warm: number[] = [];
  for (let i = 0; i < WARM_UNLOCKS; i++) {
    await lock();
    warm.push(await unlockAndPaint());
  }
  // What main prepares in its idle moments after the first page is ready, as it is in normal use a
  // moment after unlocking.
  say(`warm first paints ${warm.map(Math.round).join(', ')} ms`);
  await page.waitForTimeout(3_000);
  const settled = { moved: 0 };
  const timings: Record<'filter' | 'search' | 'sort' | 'jump', number[]> = { filter: [], search: [], sort: [], jump: [] };
  const services = ['Highways', 'Planning', 'Housing', 'Finance', ''];
  for (let i = 0; i < SAMPLES; i++)
    timings.filter.push(
      await timeChange(page, async () => void (await page.getByLabel('Service').selectOption(services[i % services.length]!)), settled),
    );
  const words = ['pothole', 'planning', 'licensing', 'mould', 'budget', 'tree', 'lighting', 'bins', 'parking', 'care'];
  const box = page.getByLabel('Search subject, question, notes and officer');
  // A word, then clear, and so on: every change is a new query.
  for (let i = 0; i < SAMPLES; i++)
    timings.search.push(await timeChange(page, () => box.fill(i % 2 ? '' : words[i % words.length]!), settled));
  say(`filter ${stats(timings.filter)}, search ${stats(timings.search)} ms (p50 / p95)`);
  // The columns every window width shows (Service and Sent give way on a narrow one).
  const columns = ['Subject', 'Reference', 'Officer', 'Status', 'Due', 'Subject', 'Officer'];
  for (let i = 0; i < SAMPLES; i++)
    timings.sort.push(
      // Dispatched as the click itself: Playwright's click first waits two frames for the button to be
      // still, which is the test driver's time, not the app's.
      await timeChange(
        page,
        () => page.locator('thead button.sort', { hasText: columns[i % columns.length]! }).dispatchEvent('click'),
        settled,
      ),
    );
  say(`sort ${stats(timings.sort)} ms`);
  // Jumps to rows anywhere in the list (a fixed spread, so every run jumps to the same rows).
  const total = Number((await shown(page)).count.split(' of ')[0]!.replace(/,/g, ''));
  for (let i = 0; i < SAMPLES; i++) {
    const row = Math.floor(((i * 7919) % SAMPLES) * (total / SAMPLES) + ((i * 104_729) % 997)) % total;
    const s = performance.now();
    await page.getByTestId('requests-scroll').evaluate((el, top) => el.scrollTo({ top }), row * ROW_HEIGHT);
    await page.locator(`tr[data-index="${row}"]`).waitFor();
    timings.jump.push(performance.now() - s);
  }
  return {
    first_paint_ms: Math.round(percentile(warm, 50)),
    first_paint_range_ms: spread(warm),
    cold_first_paint_ms: Math.round(cold),
    filter_p50_p95_ms: stats(timings.filter),
    search_p50_p95_ms: stats(timings.search),
    sort_p50_p95_ms: stats(timings.sort),
    jump_p50_p95_ms: stats(timings.jump),
    slowest_change_ms: Math.round(Math.max(...timings.filter, ...timings.search, ...timings.sort)),
    unsettled: settled.moved,
  };
}

export async function runAppBench(count = Number(process.env.BENCH_REQUESTS ?? 50_000)): Promise<Array<Record<string, unknown>>> {
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/build.ts', '--renderer-only'], { stdio: 'inherit' });
  // Seeding 50,000 requests takes minutes on a busy machine, so the seeded vault is kept in .tmp/
  // (git-ignored) and each run works on a fresh copy of it: every run starts from the same vault.
  const seeded = path.resolve(`.tmp/bench-vault-${count}`);
  if (!existsSync(seeded)) {
    process.stderr.write(`app: seeding ${count} requests…\n`);
    const fresh = `${seeded}.partial`;
    rmSync(fresh, { recursive: true, force: true });
    mkdirSync(fresh, { recursive: true });
    await seed(fresh, count);
    renameSync(fresh, seeded);
  }
  const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'ntk-app-bench-'));
  cpSync(seeded, dataFolder, { recursive: true });
  const harness = await startHarness({ dataFolder, kdf: { m: 19 * 1024, t: 2, p: 1 } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })).newPage();
    page.setDefaultTimeout(600_000); // a busy shared machine can take minutes
    await page.goto(harness.url);
    const member = await measureSignedIn(page, PASSPHRASE, null);
    // The same with a PA signed in: 10% of the requests are Member-only, locked rows to the PA.
    await page.evaluate((passphrase) => window.api.users.addPa({ name: 'Bench PA', passphrase }), PA_PASSPHRASE);
    const pa = await measureSignedIn(page, PA_PASSPHRASE, 'Bench PA (PA)');
    return [
      { requests: count, user: 'Member', ...member },
      { requests: count, user: 'PA', ...pa },
    ];
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dataFolder, { recursive: true, force: true });
  }
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, goTo, openApp, screenshot, setUpAsMember } from './support/browser';
import { seedCase, ukDaysAgo } from './support/seed';
import { renderReportHtml } from '../../electron/main/reports/report-html';

// The harness stands in for the OS dialogs: importing picks the newest .ics/.xml in the data
// folder's import/, "Save as PDF" writes to its reports/ and prints main's HTML of the report with
// Playwright's page.pdf() (Chromium's PDF printing, as Electron's printToPDF is). Dates are relative to today, so the
// meetings are always ahead.
// The UK date `offset` days from today.
const day = (offset: number) => ukDaysAgo(-offset);
const compact = (iso: string) => iso.replace(/-/g, '');
const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const outlookIcs = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E008-planning',
  'SUMMARY:Planning Committee',
  `DTSTART;TZID="GMT Standard Time":${compact(day(12))}T183000`,
  'DESCRIPTION:1. Apologies\\n2. Land at Mill Lane – exempt information',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:budget-council',
  'SUMMARY:Budget Council',
  `DTSTART;VALUE=DATE:${compact(day(20))}`,
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

const moderngovXml = `<?xml version="1.0" encoding="utf-8"?>
<meeting><meetingid>17355</meetingid><meetingdate>${uk(day(6))}</meetingdate><meetingtime>19:00</meetingtime><committeetitle>Cabinet</committeetitle>
<agendaitems>
<agendaitem><agendaitemnumber>1</agendaitemnumber><agendaitemtitle>Apologies for absence</agendaitemtitle></agendaitem>
<agendaitem><agendaitemnumber>9</agendaitemnumber><agendaitemtitle>Depot disposal</agendaitemtitle><linkeddocuments><linkeddoc><title>Exempt appendix</title><isrestricted>True</isrestricted></linkeddoc></linkeddocuments></agendaitem>
</agendaitems></meeting>`;

describe('meetings from the council’s calendar, and reports, in Chromium', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  const holder: { page?: Page } = {};
  const printed: string[] = [];
  const printHtml = async (html: string) => {
    const context = await holder.page!.context().browser()!.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(html);
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  };

  beforeAll(async () => {
    // The harness's printer: main's HTML of the report in a page of its own, script off (as the hidden
    // report window has it), never the app's page. Each printed document is kept for the test to read.
    app = await openApp({
      printToPdf: async (html) => {
        printed.push(html);
        return printHtml(html);
      },
    });
    holder.page = app.page;
    await setUpAsMember(app.page);
    // Enough outstanding requests for the report to run over several pages.
    await seedCase(app.page, {
      count: 70,
      sentOn: day(-3),
      request: {
        subject: 'Depot site question {n}: the valuation, the bidders and the timetable for disposal',
        seeksProtectedMaterial: false,
      },
    });
  }, 120_000);
  afterAll(() => app?.close());

  it('imports an Outlook .ics and a ModernGov export, shows the private items, and a new s.100F request can pick one', async () => {
    const { page, harness } = app;
    const inbox = path.join(harness.dataFolder, 'import');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(path.join(inbox, 'outlook.ics'), outlookIcs);

    await goTo(page, 'Officers and meetings');
    await page.getByRole('button', { name: 'Import from a calendar file (.ics)' }).click();
    await page.getByRole('heading', { name: 'Check the meetings before you import them' }).waitFor();
    const toAdd = page.getByRole('definition').filter({ hasText: 'Land at Mill Lane' });
    await expect.poll(() => toAdd.textContent()).toContain('2. Land at Mill Lane – exempt information (private: pink papers)');
    await expectNoAxeViolations(page, 'meetings import: check your answers');
    await page.getByRole('button', { name: 'Import 2 meetings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported:' }).textContent()).toBe('Imported: 2 added, 0 updated.');

    // The same file again adds nothing.
    await page.getByRole('button', { name: 'Import from a calendar file (.ics)' }).click();
    await page.getByRole('button', { name: 'Nothing to import' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    rmSync(path.join(inbox, 'outlook.ics'));
    writeFileSync(path.join(inbox, 'cabinet.xml'), moderngovXml);
    await page.getByRole('button', { name: 'Import from the council’s democracy site' }).click();
    await page.getByLabel('Fetch them from the site’s address').check();
    await page.getByLabel('The democracy site’s address').fill('http://democracy.example.gov.uk');
    await page.getByRole('button', { name: 'Continue' }).click();
    // The error summary links to the field; nothing is contacted.
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent())
      .toMatch(/must start with https/);
    await expectNoAxeViolations(page, 'democracy site address refused');
    await page.getByLabel('The democracy site’s address').fill('democracy.example.gov.uk');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('This will contact https://democracy.example.gov.uk').waitFor();
    await page.getByRole('button', { name: 'Change the address' }).click();
    await page.getByLabel('A file saved from the site (ModernGov GetMeetings or GetMeeting, .xml)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check the meetings before you import them' }).waitFor();
    await page.getByText('9. Depot disposal (private: pink papers)').waitFor();
    await page.getByRole('button', { name: 'Import 1 meeting' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported:' }).textContent()).toBe('Imported: 1 added, 0 updated.');
    await expect
      .poll(() =>
        page
          .getByRole('listitem')
          .filter({ hasText: `Cabinet, ${uk(day(6))}` })
          .textContent(),
      )
      .toContain('9. Depot disposal (private: pink papers)');
    await expectNoAxeViolations(page, 'officers and meetings after import');
    await screenshot(page, 'meetings-imported');

    await goTo(page, 'New request');
    await page.getByLabel('Route').selectOption({ label: 'Statutory inspection (s.100F LGA 1972)' });
    await page.getByLabel('Meeting it relates to').selectOption({ label: `Cabinet, ${uk(day(6))}` });
    await page.getByLabel('Agenda item').selectOption({ label: '9. Depot disposal (private: pink papers)' });
    expect(await page.getByLabel('Agenda item').inputValue()).toBe('9. Depot disposal');
    await expectNoAxeViolations(page, 'new s.100F request with a private item');
  });

  it('the outstanding-requests report saves as a PDF with the table header repeated on each page', async () => {
    const { page, harness } = app;
    await goTo(page, 'Reports');
    await page.getByRole('heading', { name: 'Outstanding requests by service and officer' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await expectNoAxeViolations(page, 'reports: outstanding requests');
    // The window shows a pink paper while the harmless report is saved: the PDF is main's report, not the window.
    await page.evaluate(() => {
      const shown = document.createElement('p');
      shown.textContent = 'PINK PAPER: depot valuation £2.1m, two bidders';
      document.querySelector('.report')!.prepend(shown);
    });
    await page.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved the report as a PDF' }).count(), { timeout: 20_000 }).toBe(1);
    const folder = path.join(harness.dataFolder, 'reports');
    const [file] = readdirSync(folder);
    expect(file).toMatch(/^Outstanding requests by service and officer \d{4}-\d{2}-\d{2}\.pdf$/);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('<h1>Outstanding requests by service and officer</h1>');
    expect(printed[0]).not.toMatch(/PINK PAPER|£2\.1m/);
    const pdf = readFileSync(path.join(folder, file!));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
    // Text checks need poppler-utils (bash .ci/run installs it); without it the %PDF check above still runs.
    if (pdftotext) {
      const text = execFileSync(pdftotext, ['-layout', path.join(folder, file!), '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages.length).toBeGreaterThan(1);
      // thead { display: table-header-group }: every page with rows starts them under the header.
      for (const p of pages.filter((p) => /Depot site question/.test(p))) expect(p).toMatch(/Officer\s+Reference\s+Subject/);
      expect(text).not.toMatch(/Signed in as|Public meeting|Skip to content/);
      expect(text).not.toMatch(/PINK PAPER|£2\.1m|two bidders/);
      expect(text).toMatch(/Made by .+ on \d{2}\/\d{2}\/\d{4}/);
      // Every request is in it, once: a table row split over a page break is not lost or repeated.
      // (By reference: a long subject wraps inside its cell, so its words interleave with the next column's.)
      const numbers = [...text.matchAll(/NTK-\d{4}-(\d{5})/g)].map((m) => Number(m[1]));
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    }
  });

  it('a confidential report, as main renders it, carries its watermark on every printed page', async () => {
    // This one is only about the PDF's text, so it needs poppler-utils (bash .ci/run installs it).
    const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
    expect(pdftotext, 'pdftotext (poppler-utils) is needed').toBeDefined();
    const html = renderReportHtml({
      title: 'Outstanding requests by service and officer',
      madeBy: 'Made by Cllr Jane Smith on 24/11/2026',
      watermark: 'Confidential: Cllr Jane Smith, 24/11/2026',
      notes: ['Includes Member-only requests.'],
      sections: [
        {
          heading: 'Estates',
          columns: ['Officer', 'Reference', 'Subject'],
          rows: Array.from({ length: 150 }, (_, i) => ['Sam Green', `NTK-2026-${String(i + 1).padStart(5, '0')}`, 'Depot site question']),
          empty: 'Nothing outstanding.',
        },
      ],
    });
    const file = path.join(app.harness.dataFolder, 'watermark.pdf');
    writeFileSync(file, await printHtml(html));
    // -raw keeps the rotated watermark's letters in order; the spaces it puts among them are dropped.
    const pages = execFileSync(pdftotext!, ['-raw', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p.replace(/\s+/g, '')).toContain('Confidential:CllrJaneSmith,24/11/2026');
  });
});

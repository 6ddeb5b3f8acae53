// Seeding and steps for the officers and meetings screen, shared by browser tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { draft } from '../../electron/support/request-draft';
import { fillDate, goTo } from './browser';

/** The council's profile, nation and email domain, set through the contract (the Settings screen has its own tests). */
export async function setCouncilThroughContract(page: Page, emailDomain = 'example-council.gov.uk'): Promise<void> {
  const r = await page.evaluate(
    (domain) => window.api.council.set({ profileId: '000', nation: 'england-and-wales', emailDomain: domain }),
    emailDomain,
  );
  expect(r.ok).toBe(true);
}

export interface OfficerDetails {
  name: string;
  role: string;
  service: string;
  email: string;
}

/** Adds an officer on the Officers and meetings screen, as a user does. */
export async function addOfficerOnScreen(page: Page, o: OfficerDetails): Promise<void> {
  await goTo(page, 'Officers and meetings');
  await page.getByRole('heading', { name: 'Add an officer' }).waitFor();
  await page.getByLabel('Officer’s name').fill(o.name);
  await page.getByLabel('Role').fill(o.role);
  await page.getByLabel('Service').fill(o.service);
  await page.getByLabel('Officer’s email address', { exact: true }).fill(o.email);
  await page.getByRole('button', { name: 'Add officer' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `Added ${o.name}.` })
        .count(),
    )
    .toBe(1);
}

/** Adds a meeting on the Officers and meetings screen, as a user does. */
export async function addMeetingOnScreen(page: Page, m: { committee: string; date: string; items: string[] }): Promise<void> {
  await goTo(page, 'Officers and meetings');
  await page.getByLabel('Committee').fill(m.committee);
  await fillDate(page, 'Date of the meeting', m.date);
  await page.getByLabel('Agenda items').fill(m.items.join('\n'));
  await page.getByRole('button', { name: 'Add meeting' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /^Added / })
        .count(),
    )
    .toBeGreaterThan(0);
}

/**
 * Saves a request to the officer of this name (and the meeting of this committee, with an agenda item)
 * through the contract, sent today: the request form has its own browser tests.
 */
export async function saveRequestThroughContract(
  page: Page,
  r: { subject: string; officerName: string; meeting?: { committee: string; agendaItem: string } },
): Promise<string> {
  const sentOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const template = draft({ subject: r.subject, sentOn, mayBeRaisedAtMeeting: false, seeksProtectedMaterial: false });
  const result = await page.evaluate(
    async ({ r, template }) => {
      const a = window.api;
      const [officers, meetings] = await Promise.all([a.officers.list(), a.meetings.list()]);
      if (!officers.ok || !meetings.ok) return { ok: false as const, error: 'could not read the directory' };
      const officer = officers.value.find((o) => o.name === r.officerName);
      const meeting = r.meeting ? meetings.value.find((m) => m.committee === r.meeting!.committee) : undefined;
      if (!officer || (r.meeting && !meeting)) return { ok: false as const, error: 'no such officer or meeting' };
      const saved = await a.requests.create({
        ...(template as Parameters<typeof a.requests.create>[0]),
        officerId: officer.id,
        meetingId: meeting?.id ?? null,
        agendaItem: r.meeting?.agendaItem ?? null,
      });
      return saved.ok ? { ok: true as const, id: saved.value.row.id } : { ok: false as const, error: saved.error.message };
    },
    { r, template },
  );
  if (!result.ok) throw new Error(`The request was not saved: ${result.error}`);
  return result.id;
}

/** The labels of a select's options (the New request form's officer and meeting lists). */
export async function optionLabels(page: Page, label: string): Promise<string[]> {
  return page.getByLabel(label, { exact: true }).locator('option').allTextContents();
}

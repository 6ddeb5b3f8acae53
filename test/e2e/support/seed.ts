// Browser tests set up the case they start from through the contract (window.api), as a user's
// earlier sessions would have left it; the journey under test then runs through the screens.
// One place for that set-up, so every file starts from the same council, officer and request.
import type { Page } from 'playwright-core';
import { addDays, ukToday } from '../../../shared/domain/dates';
import { draft } from '../../electron/support/request-draft';

/** The UK date n days before today (Europe/London, as the app's "today"). */
export const ukDaysAgo = (n: number): string => addDays(ukToday(), -n);

export const CONFIDENTIAL_VALUATION = {
  title: 'Depot valuation report',
  summary: 'Valuation £2.1m; two bidders.',
  classification: { level: 'confidential', basis: 'given-in-confidence' },
  personalData: { personal: false, specialCategory: false, retainUntil: null },
  isBriefing: false,
};

export interface SeedOptions {
  /** The council protocol profile: 000 unless the journey needs another (004: the Monitoring Officer decides). */
  profileId?: string;
  /** UK date the requests were sent; today by default. */
  sentOn?: string;
  /** Changes to the standard request. */
  request?: Record<string, unknown>;
  /** How many requests (numbered in the subject when more than one). */
  count?: number;
  /** Material received for the (first) request, with the date it arrived. */
  material?: Record<string, unknown> & { receivedOn: string };
}

export interface Seeded {
  officerId: string;
  requestId: string;
  reference: string;
  materialId: string | null;
}

/** Council settings, the officer Sam Green, the request(s) and optional material; throws with the app's words if any is refused. */
export async function seedCase(page: Page, options: SeedOptions = {}): Promise<Seeded> {
  const args = {
    profileId: options.profileId ?? '000',
    count: options.count ?? 1,
    // The sample request the main-process tests send, with no meeting and today's UK date.
    request: draft({ agendaItem: null, mayBeRaisedAtMeeting: false, sentOn: options.sentOn ?? ukToday(), ...options.request }),
    material: options.material ?? null,
  };
  return page.evaluate(async ({ profileId, count, request, material }) => {
    const a = window.api;
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    must(await a.council.set({ profileId, nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' }));
    const officer = must(
      await a.officers.save({
        name: 'Sam Green',
        service: 'Estates',
        role: 'Head of Estates',
        seniority: 'head-of-service',
        email: 'sam.green@example-council.gov.uk',
      }),
    );
    let first: { id: string; reference: string } | null = null;
    for (let i = 1; i <= count; i++) {
      // "{n}" in the subject is the request's number; otherwise a number is added when there are several.
      const base = request.subject as string;
      const subject = base.includes('{n}') ? base.replace('{n}', String(i)) : count > 1 ? `${base} ${i}` : base;
      const created = must(await a.requests.create({ ...request, subject, officerId: officer.id } as never));
      first ??= created.row;
    }
    const materialId = material ? must(await a.materials.add({ ...material, requestId: first!.id } as never)).id : null;
    return { officerId: officer.id, requestId: first!.id, reference: first!.reference, materialId };
  }, args);
}

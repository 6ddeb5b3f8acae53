import { describe, expect, it } from 'vitest';
import { seededCase } from '../../support/core';

/** A directory where a guess by seniority alone or by the first senior name would pick someone else than the ladder does. */
async function seniorDirectory(ok: Awaited<ReturnType<typeof seededCase>>['ok']) {
  const officer = (name: string, service: string, role: string, seniority: string) =>
    ok('officers:save', { name, service, role, seniority, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example-council.gov.uk` });
  // Listed first by name, but a director: the ladder prefers the Head of Service of the same service.
  await officer('Aaron Ames', 'Estates', 'Director of Place', 'director');
  await officer('Beth Boss', 'Estates', 'Head of Property', 'head-of-service');
  // A chief officer who is not the Chief Executive, listed before the one who is.
  await officer('Abe Money', 'Finance', 'Chief Finance Officer', 'chief-officer');
  await officer('Alex Chief', 'Corporate', 'Chief Executive', 'chief-officer');
  await officer('Ian Gibbons', 'Legal', 'Monitoring Officer', 'director');
}

describe('the escalation draft and the request page agree on whom to escalate to (R-DUE-4)', () => {
  it('at every step of the ladder, the draft is addressed to the person "Escalate to…" offers', async () => {
    const t = await seededCase('2026-11-24');
    await seniorDirectory(t.ok);
    const id = t.request.row.id as string;
    const seen: string[] = [];
    for (const level of ['head-of-service', 'chief-executive', 'monitoring-officer']) {
      const page = (await t.ok('requests:followUp', { id })).escalation.next;
      const draft = await t.ok('drafts:preview', { requestId: id, kind: 'escalation' });
      expect(page.level).toBe(level);
      const name = page.name ?? 'nobody offered';
      expect(draft.to).toEqual([{ name, email: expect.stringContaining('@example-council.gov.uk') }]);
      seen.push(name);
      await t.ok('drafts:markSent', { requestId: id, kind: 'escalation', on: '2026-11-24', to: name });
    }
    expect(seen).toEqual(['Beth Boss', 'Alex Chief', 'Ian Gibbons']);
    // Once with the Monitoring Officer there is no one further up: no escalation draft.
    expect((await t.call('drafts:preview', { requestId: id, kind: 'escalation' })).ok).toBe(false);
  });
});

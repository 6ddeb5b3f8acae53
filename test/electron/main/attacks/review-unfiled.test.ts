// Found by an independent walk of the screens: an officer's reply to a Member-only request, held back
// from filing because its sender could not be confirmed, was kept under the shared key (the PA read its
// subject and text in Unfiled correspondence); and unfiled emails showed in full in a meeting mode,
// quoting hidden requests' subjects. An email held back from a Member-only request is that request's
// (Member only) until filed, and in a meeting mode an unfiled email is treated as confidential.
import { describe, expect, it } from 'vitest';
import { draft, withPa } from '../../support/core';
import { setUp } from '../../support/mail';
import { officerReply } from '../../../../tools/fixtures/mail';

type Item = { id: string; requestId: string | null; subject: string; text: string; flags: string[]; flagNotes: string[] };

const SECRET_SUBJECT = 'Confidential staffing matter';
const SECRET_TEXT = 'The staffing review outcome: two posts cut.';

const withPaCase = async () => withPa(await setUp());

/** Every email the user can list, as the screens get them, in one string. */
async function everythingShown(t: Awaited<ReturnType<typeof withPaCase>>): Promise<string> {
  return JSON.stringify(await t.ok('correspondence:unfiled'));
}

describe('review: unfiled email of a Member-only request, and unfiled email in a meeting mode', () => {
  it('a reply to a Member-only request held back for its sender checks stays Member only: the PA never reads it', async () => {
    const t = await withPaCase();
    const secret = await t.ok(
      'requests:create',
      draft({ officerId: t.officer.id, meetingId: null, memberOnly: true, subject: SECRET_SUBJECT }),
    );
    const variants = [
      { label: 'no sender checks at all', authenticated: false, from: 'Sam Green <sam.green@example-council.gov.uk>' },
      { label: 'an outside sender', authenticated: false, from: 'Sam Green <sam.green.council@gmail.com>' },
    ];
    for (const [i, v] of variants.entries()) {
      const bytes = await officerReply({
        authenticated: v.authenticated,
        from: v.from,
        subject: `RE: ${SECRET_SUBJECT} [${secret.row.reference}]`,
        text: SECRET_TEXT,
        messageId: `<held-${i}@x>`,
      });
      const { imported } = await t.imp([{ name: `held-${i}.eml`, bytes }]);
      expect(imported, v.label).toHaveLength(1);
    }
    await t.as('pa');
    const seen = await everythingShown(t);
    expect(seen).not.toContain(SECRET_SUBJECT);
    expect(seen).not.toContain(SECRET_TEXT);
    const unfiled = await t.ok('correspondence:unfiled');
    // Both are Member only: the one held back, and the outsider's (filed to the request, flagged).
    expect(unfiled.memberOnlyCount).toBe(variants.length);
    // The Member still has them, to check and file by hand.
    await t.as('member');
    const mine = (await t.ok('correspondence:unfiled')).items as Item[];
    expect(mine.filter((m) => m.subject.includes(SECRET_SUBJECT))).toHaveLength(1);
  }, 60_000);

  it('in public-meeting mode and a private session, unfiled email shows no subject, text or warning that quotes it', async () => {
    const t = await withPaCase();
    const bytes = await officerReply({
      authenticated: false,
      subject: `RE: Depot disposal valuation [${t.ref}]`,
      text: 'The valuation is £90k.',
      messageId: '<unfiled@x>',
      from: 'Sam Green <sam.green@example-council.gov.uk>',
    });
    await t.imp([{ name: 'unfiled.eml', bytes }]);
    const modes = [{ kind: 'public-meeting' }, { kind: 'private-session', meetingId: t.meeting.id }] as const;
    for (const mode of modes) {
      for (const who of ['member', 'pa'] as const) {
        await t.as('member');
        await t.ok('meetingMode:set', mode);
        if (who === 'pa') await t.as('pa');
        const seen = await everythingShown(t);
        expect(seen, `${mode.kind} as ${who}`).not.toContain('Depot disposal');
        expect(seen, `${mode.kind} as ${who}`).not.toContain('£90k');
      }
      await t.as('member');
      // Ending a private session goes back to public-meeting mode; normal use is a second step.
      while ((await t.ok('meetingMode:get')).kind !== 'normal') await t.ok('meetingMode:set', { kind: 'normal' });
    }
    // In normal use the Member sees it, so the test can fail.
    expect(await everythingShown(t)).toContain('Depot disposal');
  }, 60_000);
});

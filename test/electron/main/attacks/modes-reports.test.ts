// A report made without protected content names nothing protected, in every mode: not a pink paper's
// title, its file's name, a briefing's title, nor those words where a timeline note (an email's subject,
// a note the Member typed) repeats them. Either refused, or made with none of them and no watermark.
import { describe, expect, it } from 'vitest';
import { officerReply } from '../../../../tools/fixtures/mail';
import { CANARIES, seeded, type Seeded } from './modes-support';

/** The words a report without protected content must not hold (the open request's own words are not among them). */
const PROTECTED = [CANARIES.pinkTitle, CANARIES.pinkSummary, CANARIES.pinkFile, CANARIES.briefingTitle, CANARIES.memberOnlySubject];

/** The pink paper's title where a timeline repeats it: an email's subject and attachment, and a note typed by hand. */
async function repeatedInTheTimeline(s: Seeded) {
  const [pinkRequest] = s.ids.requests;
  const reference = s.ids.references[0]!;
  const reply = await officerReply({
    from: 'Sam Green <sam.green@example-council.gov.uk>',
    to: 'cllr.smith@example-council.gov.uk',
    subject: `RE: Valuation ${CANARIES.pinkTitle} [${reference}]`,
    date: new Date('2026-11-21T16:00:00Z'),
    messageId: '<second-reply@example-council.gov.uk>',
    attachments: [{ filename: `${CANARIES.pinkFile}-v2.pdf`, content: Buffer.from('%PDF fake') }],
  });
  const { imported } = await s.ok('correspondence:import', { files: [{ name: 'r.eml', bytes: reply }] });
  await s.ok('correspondence:file', { id: imported[0].id, requestId: pinkRequest, kind: 'answered', promisedBy: null });
  await s.ok('requests:logEvent', {
    id: pinkRequest,
    event: { type: 'acknowledged', on: '2026-11-22', note: `Got Valuation ${CANARIES.pinkTitle.toUpperCase()} by hand` },
  });
}

const MODES = [{ kind: 'normal' }, { kind: 'public-meeting' }, { kind: 'private-session', meetingId: 'another' }] as const;

describe('a report without protected content', () => {
  for (const mode of MODES)
    it(`names nothing protected in ${mode.kind} (screen and PDF), unwatermarked, or is refused`, async () => {
      const s = await seeded();
      await repeatedInTheTimeline(s);
      if (mode.kind !== 'normal') await s.ok('meetingMode:set', { kind: 'public-meeting' });
      if (mode.kind === 'private-session') await s.ok('meetingMode:set', mode);
      const asks = [
        ...s.ids.requests.map((requestId) => ({ kind: 'request', requestId, includeProtected: false })),
        { kind: 'outstanding', includeMemberOnly: false },
      ];
      let made = 0;
      for (const ask of asks) {
        const r = (await s.call('reports:get', ask)) as { ok: boolean; value?: { watermark: string | null } };
        s.printed.length = 0;
        const pdf = (await s.call('reports:savePdf', ask)) as { ok: boolean };
        const text = (JSON.stringify(r) + s.printed.join('')).toLowerCase();
        if (r.ok) made++;
        if (r.ok && r.value!.watermark !== null) {
          // Only the Member-only request's own report holds protected content: watermarked, and audited once saved.
          expect(ask).toMatchObject({ requestId: s.ids.requests[2] });
          expect(pdf.ok).toBe(true);
          const trail = await s.ok('audit:trail', { recordId: s.ids.requests[2] });
          expect(trail.map((e: { action: string }) => e.action)).toContain('printed');
          continue;
        }
        for (const word of PROTECTED) expect(text, JSON.stringify(ask)).not.toContain(word);
      }
      // Not vacuous: in normal use every report is made, and the pink paper shows as what it is.
      if (mode.kind === 'normal') {
        expect(made).toBe(asks.length);
        const report = await s.ok('reports:get', { kind: 'request', requestId: s.ids.requests[0], includeProtected: false });
        expect(JSON.stringify(report)).toContain('Protected material (pink paper)');
        // The pink paper's request's own words would say what it is about: named only by its withheld name.
        expect(JSON.stringify(report)).toContain('Not included: about protected material (pink paper)');
        // The open request's timeline repeats the special category material's title: that name alone is withheld.
        const open = await s.ok('reports:get', { kind: 'request', requestId: s.ids.requests[1], includeProtected: false });
        expect(JSON.stringify(open)).toContain('[withheld]');
      }
    }, 60_000);
});

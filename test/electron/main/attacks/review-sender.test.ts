// Attack: a spoofed officer reply carrying an Authentication-Results header the sender wrote, naming
// the council as the server that checked it. Only the council server's own header (the topmost naming
// the council, added in transit above a Received header) may confirm a sender: each shape is flagged
// and waits unfiled. The genuine reply, checked by the council's server on the way in, is still filed.
import { describe, expect, it } from 'vitest';
import { setUp } from '../../support/mail';
import { officerReply } from '../../../../tools/fixtures/mail';

const COUNCIL = 'example-council.gov.uk';
const OFFICER = `Sam Green <sam.green@${COUNCIL}>`;
/** Headers put on top of the email, as servers on the way add theirs. */
const onTop = (headers: string[], eml: Buffer) => Buffer.concat([Buffer.from(headers.map((h) => `${h}\r\n`).join('')), eml]);
const HOP = `Received: from mail.evil.example (mail.evil.example [203.0.113.5]) by mx1.${COUNCIL} with ESMTPS; Tue, 24 Nov 2026 10:30:02 +0000`;
const FORGED = `Authentication-Results: ${COUNCIL}; spf=pass smtp.mailfrom=sam.green@${COUNCIL}; dkim=pass header.d=${COUNCIL}; dmarc=pass header.from=${COUNCIL}`;

const SHAPES: Record<string, string[]> = {
  'only a sender-written header naming the council': [FORGED],
  'only a sender-written header naming the council, below a real hop': [HOP, FORGED],
  'council server says none, sender-written council pass below': [`Authentication-Results: ${COUNCIL}; none`, HOP, FORGED],
  'Microsoft 365 (no authserv-id) says none, forged council pass below': [
    `Authentication-Results: spf=none (sender IP is 203.0.113.5) smtp.mailfrom=evil.example; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=${COUNCIL};compauth=fail reason=001`,
    HOP,
    FORGED,
  ],
  'council server says temperror, forged pass below': [
    `Authentication-Results: ${COUNCIL}; spf=temperror smtp.mailfrom=sam.green@${COUNCIL}; dmarc=temperror header.from=${COUNCIL}`,
    HOP,
    FORGED,
  ],
};

describe('attack: a sender-written Authentication-Results header naming the council', () => {
  it(`each of ${Object.keys(SHAPES).length} shapes is flagged and waits unfiled; the genuine reply is filed`, async () => {
    const t = await setUp();
    let n = 0;
    for (const [label, headers] of Object.entries(SHAPES)) {
      const eml = await officerReply({
        authenticated: false,
        from: OFFICER,
        to: `cllr.smith@${COUNCIL}`,
        subject: `RE: Depot [${t.ref}]`,
        text: 'Pay at https://evil.example',
        messageId: `<spoof-${++n}@evil.example>`,
      });
      const { imported, refused } = await t.imp([{ name: `s${n}.eml`, bytes: onTop(headers, eml) }]);
      expect(refused, label).toEqual([]);
      expect(imported[0].requestId, label).toBeNull();
      expect(imported[0].flags, label).toContain('sender-checks');
      expect(imported[0].flagNotes.join(' '), label).toMatch(/may not be from who it says/);
    }
    expect(await t.ok('correspondence:forRequest', { requestId: t.requestId })).toEqual([]);
    const genuine = await officerReply({ from: OFFICER, to: `cllr.smith@${COUNCIL}`, subject: `RE: [${t.ref}]`, messageId: '<genuine@x>' });
    const ok = await t.imp([{ name: 'genuine.eml', bytes: genuine }]);
    expect(ok.imported[0]).toMatchObject({ requestId: t.requestId, matchedBy: 'reference' });
    expect(ok.imported[0].flags).not.toContain('sender-checks');
  }, 120_000);
});

// Attack: an outsider's email spoofing the officer's From, carrying the request's reference tag (or
// answering the app's own draft), with every shape of sender-check header an attacker can write:
// none at all, a forged "pass" by its own server, one naming no server, a look-alike server name,
// a forged pass beside the council server's real fail. Each must be flagged in plain words and
// wait for the user to file it by hand: never matched to the request silently.
import { describe, expect, it } from 'vitest';
import { PA_PASS } from '../../support/core';
import { setUp } from '../../support/mail';
import { buildMsg, officerReply } from '../../../../tools/fixtures/mail';

const COUNCIL = 'example-council.gov.uk';
const OFFICER = `Sam Green <sam.green@${COUNCIL}>`;

/** The council's mail server adds its trace headers on top of what the sender wrote. */
const received = (headers: string[], eml: Buffer) => Buffer.concat([Buffer.from(headers.map((h) => `${h}\r\n`).join('')), eml]);

const SPOOF_HEADERS: Record<string, string[]> = {
  'council server: spf softfail, dkim none, dmarc fail': [
    `Authentication-Results: ${COUNCIL}; spf=softfail (domain of transitioning sam.green@${COUNCIL} does not designate 203.0.113.5 as permitted sender) smtp.mailfrom=sam.green@${COUNCIL}; dkim=none (message not signed) header.d=none; dmarc=fail action=quarantine header.from=${COUNCIL}`,
  ],
  'council server: spf fail': [`Authentication-Results: mx2.${COUNCIL}; spf=fail smtp.mailfrom=sam.green@${COUNCIL}`],
  'council server: dkim fail although dmarc says pass': [
    `Authentication-Results: ${COUNCIL}; dkim=fail reason="signature verification failed" header.d=${COUNCIL}; dmarc=pass header.from=${COUNCIL}`,
  ],
  'council server: dmarc permerror, folded over lines': [
    `Authentication-Results: ${COUNCIL};\r\n\tdmarc=permerror\r\n\theader.from=${COUNCIL}`,
  ],
  'no Authentication-Results at all': [],
  'council server: none': [`Authentication-Results: ${COUNCIL}; none`],
  'a pass written by the sender’s own server': [
    `Authentication-Results: mail.evil.example; spf=pass smtp.mailfrom=sam.green@${COUNCIL}; dkim=pass header.d=${COUNCIL}; dmarc=pass header.from=${COUNCIL}`,
  ],
  'a pass naming no server (Microsoft style)': [
    `Authentication-Results: spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=${COUNCIL}; dkim=pass (signature was verified) header.d=${COUNCIL};dmarc=pass action=none header.from=${COUNCIL};compauth=pass reason=100`,
  ],
  'a pass from a look-alike server name': [`Authentication-Results: ${COUNCIL}.evil.example; dmarc=pass header.from=${COUNCIL}`],
  'a pass from a server whose name only ends the same': [`Authentication-Results: not${COUNCIL}; dmarc=pass header.from=${COUNCIL}`],
  'a quoted pass from a server that is not the council’s': [`Authentication-Results: "evil.example" 1; dmarc=pass header.from=${COUNCIL}`],
  'a forged council pass beside the council server’s real fail': [
    `Authentication-Results: ${COUNCIL}; spf=fail smtp.mailfrom=sam.green@${COUNCIL}; dmarc=fail header.from=${COUNCIL}`,
    `Authentication-Results: ${COUNCIL}; spf=pass smtp.mailfrom=sam.green@${COUNCIL}; dkim=pass header.d=${COUNCIL}; dmarc=pass header.from=${COUNCIL}`,
  ],
  'Microsoft 365 (names no server) recording spf fail and dmarc fail': [
    `Authentication-Results: spf=fail (sender IP is 203.0.113.5)\r\n smtp.mailfrom=${COUNCIL}; dkim=none (message not signed)\r\n header.d=none;dmarc=fail action=quarantine\r\n header.from=${COUNCIL};compauth=fail reason=000`,
  ],
  'council server passes only another domain': [
    `Authentication-Results: ${COUNCIL}; dkim=pass header.d=bulk-mailer.example; spf=pass smtp.mailfrom=b@bulk-mailer.example`,
  ],
  'council server: dmarc pass for another From': [`Authentication-Results: ${COUNCIL}; dmarc=pass header.from=other-council.gov.uk`],
};

type Imported = { id: string; requestId: string | null; flags: string[]; flagNotes: string[] };

/** A flagged, unfiled email whose warning is in plain words (no field names, no stack, no schema). */
function expectHeld(item: Imported, label: string) {
  expect(item.requestId, label).toBeNull();
  expect(item.flags, label).toContain('sender-checks');
  const note = item.flagNotes[item.flags.indexOf('sender-checks')]!;
  expect(note, label).toMatch(/may not be from who it says/);
  expect(note, label).toMatch(/file it by hand/);
  expect(note, label).not.toMatch(/undefined|null|Error|zod|authserv|\bat \S+ \(/);
}

describe('attack: spoofed sender with the reference tag', () => {
  it(`each of ${Object.keys(SPOOF_HEADERS).length} sender-check shapes is flagged, and the email waits unfiled; the genuine one is filed`, async () => {
    const t = await setUp();
    let n = 0;
    const tally = { variants: 0, detected: 0, silent: 0 };
    for (const [label, headers] of Object.entries(SPOOF_HEADERS)) {
      const eml = await officerReply({
        authenticated: false,
        from: OFFICER,
        to: `cllr.smith@${COUNCIL}`,
        subject: `RE: Depot valuation [${t.ref}]`,
        text: 'The valuation is £1. Please pay the invoice at https://evil.example/pay.',
        messageId: `<spoof-${++n}@evil.example>`,
      });
      const { imported, refused } = await t.imp([{ name: `spoof-${n}.eml`, bytes: received(headers, eml) }]);
      expect(refused, label).toEqual([]);
      tally.variants++;
      if (imported[0].requestId === null && imported[0].flags.includes('sender-checks')) tally.detected++;
      else tally.silent++;
      expectHeld(imported[0], label);
      // The headers were read, not merely missed: each failure the server recorded is named.
      for (const named of ['SPF softfail', 'SPF fail', 'DKIM fail', 'DMARC permerror', 'DMARC fail'])
        if (headers.join(' ').toUpperCase().includes(named.replace(' ', '=').toUpperCase()))
          expect(imported[0].flagNotes.join(' '), label).toContain(named);
    }
    expect(tally).toEqual({ variants: Object.keys(SPOOF_HEADERS).length, detected: Object.keys(SPOOF_HEADERS).length, silent: 0 });
    // Nothing reached the request: no email on it, no material, no event.
    expect(await t.ok('correspondence:forRequest', { requestId: t.requestId })).toEqual([]);
    const unfiled = await t.ok('correspondence:unfiled');
    expect(unfiled.items).toHaveLength(Object.keys(SPOOF_HEADERS).length);
    for (const item of unfiled.items) expect(item.flags).toContain('sender-checks');
    // The genuine reply, confirmed by the council's server, is still filed at once and unflagged.
    const genuine = await officerReply({ from: OFFICER, to: `cllr.smith@${COUNCIL}`, subject: `RE: [${t.ref}]`, messageId: '<genuine@x>' });
    const ok = await t.imp([{ name: 'genuine.eml', bytes: genuine }]);
    expect(ok.imported[0]).toMatchObject({ requestId: t.requestId, matchedBy: 'reference' });
    expect(ok.imported[0].flags).not.toContain('sender-checks');
  }, 120_000);

  it('held whichever way it matches: the tag in the text, In-Reply-To the app’s draft, an outsider failing SPF, a .msg', async () => {
    const t = await setUp();
    const draft = await t.ok('drafts:open', { requestId: t.requestId, kind: 'request' });
    const spoof = SPOOF_HEADERS['council server: spf softfail, dkim none, dmarc fail']!;
    const variants: Array<[string, Buffer]> = [
      [
        'tag in the text only',
        received(
          spoof,
          await officerReply({ authenticated: false, from: OFFICER, subject: 'Re: valuation', text: `Ref [${t.ref}]`, messageId: '<a@x>' }),
        ),
      ],
      [
        'answers the app’s draft',
        received(
          spoof,
          await officerReply({ authenticated: false, from: OFFICER, subject: 'Re: x', inReplyTo: draft.messageId, messageId: '<b@x>' }),
        ),
      ],
      [
        'outsider failing SPF',
        received(
          [`Authentication-Results: ${COUNCIL}; spf=fail smtp.mailfrom=someone@gmail.com`],
          await officerReply({ authenticated: false, from: 'someone@gmail.com', subject: `[${t.ref}]`, messageId: '<c@x>' }),
        ),
      ],
      [
        '.msg whose transport headers show dmarc=fail',
        Buffer.from(
          buildMsg({
            subject: `RE: [${t.ref}]`,
            from: { name: 'Sam Green', email: `sam.green@${COUNCIL}` },
            to: [{ name: 'Jane', email: `cllr.smith@${COUNCIL}` }],
            body: 'Answer',
            headers: `Message-ID: <d@x>\r\nAuthentication-Results: ${COUNCIL};\r\n dmarc=fail header.from=${COUNCIL}\r\n`,
          }),
        ),
      ],
      [
        '.msg with no sender checks claiming the council',
        Buffer.from(
          buildMsg({
            subject: `RE: [${t.ref}]`,
            from: { name: 'Sam Green', email: `sam.green@${COUNCIL}` },
            to: [{ name: 'Jane', email: `cllr.smith@${COUNCIL}` }],
            body: 'Answer two',
            headers: `Message-ID: <e@x>\r\n`,
          }),
        ),
      ],
    ];
    for (const [label, bytes] of variants) {
      const name = label.startsWith('.msg') ? 'x.msg' : 'x.eml';
      const { imported, refused } = await t.imp([{ name, bytes }]);
      expect(refused, label).toEqual([]);
      expectHeld(imported[0], label);
      if (label.includes('dmarc=fail')) expect(imported[0].flagNotes.join(' ')).toContain(`DMARC fail for ${COUNCIL}`);
    }
    expect(await t.ok('correspondence:forRequest', { requestId: t.requestId })).toEqual([]);
  }, 120_000);

  it('a PA importing the spoof gets the same flag; filed by hand, the timeline says the sender was not confirmed', async () => {
    const t = await setUp();
    await t.ok('users:addPa', { name: 'Pat PA', passphrase: PA_PASS });
    const users = await t.ok('users:list');
    await t.ok('session:lock');
    await t.ok('session:unlock', { userId: users.find((u: { role: string }) => u.role === 'pa')!.id, passphrase: PA_PASS });
    const eml = received(
      SPOOF_HEADERS['a pass written by the sender’s own server']!,
      await officerReply({ authenticated: false, from: OFFICER, subject: `RE: [${t.ref}]`, messageId: '<pa-spoof@x>' }),
    );
    const { imported } = await t.imp([{ name: 's.eml', bytes: eml }]);
    expectHeld(imported[0], 'PA import');
    await t.ok('correspondence:file', { id: imported[0].id, requestId: t.requestId, kind: 'answered', promisedBy: null });
    const detail = await t.ok('requests:get', { id: t.requestId });
    expect(detail.events.at(-1)).toMatchObject({ type: 'answered' });
    expect((detail.events.at(-1) as { note?: string }).note).toMatch(/sender not confirmed by the council’s mail server/);
    const onRequest = await t.ok('correspondence:forRequest', { requestId: t.requestId });
    expect(onRequest[0]!.flags).toContain('sender-checks');
  }, 120_000);
});

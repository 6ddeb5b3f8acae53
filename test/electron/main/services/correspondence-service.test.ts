import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setUp } from '../../support/mail';
import { buildMsg, officerReply } from '../../../../tools/fixtures/mail';

// Across the seams: a draft sent out is how its reply coming in is matched.
describe('drafts out, replies in', () => {
  it('opens the request email as an unsent .eml in a private folder, records its Message-ID, and removes the file on lock', async () => {
    const t = await setUp();
    const preview = await t.ok('drafts:open', { requestId: t.requestId, kind: 'request' });
    expect(preview.subject).toBe(`Depot disposal valuation [${t.ref}]`);
    expect(preview.from).toBe('cllr.smith@example-council.gov.uk');
    expect(preview.to[0]!.email).toBe('sam.green@example-council.gov.uk');
    const opened = t.d.opened[0]!;
    expect(opened.content).toMatch(/^X-Unsent: 1$/m);
    expect(opened.content.replace(/\r?\n[ \t]+/g, ' ')).toContain(`Message-ID: ${preview.messageId}`);
    expect(opened.mode).toBe(0o600);
    expect(opened.dirMode).toBe(0o700);
    // The officer's reply to that Message-ID, without the tag, is matched to the request.
    const reply = await officerReply({
      from: 'sam.green@example-council.gov.uk',
      to: 'cllr.smith@example-council.gov.uk',
      subject: 'RE: Depot disposal valuation',
      inReplyTo: preview.messageId,
    });
    const result = await t.imp([{ name: 'reply.eml', bytes: reply }]);
    expect(result.imported[0]).toMatchObject({ requestId: t.requestId, matchedBy: 'in-reply-to', flags: [] });
    await t.ok('session:lock');
    expect(existsSync(opened.file)).toBe(false);
  });

  it("matches a .msg by Outlook's Thread-Index when the tag and Message-ID chain are gone", async () => {
    const t = await setUp();
    const preview = await t.ok('drafts:open', { requestId: t.requestId, kind: 'request' });
    const threadIndex = /^Thread-Index: (.+)$/m.exec(t.d.opened[0]!.content)![1]!.trim();
    const replyIndex = Buffer.concat([Buffer.from(threadIndex, 'base64'), Buffer.from([1, 2, 3, 4, 5])]).toString('base64');
    expect(preview.messageId).toBeTruthy();
    const msg = buildMsg({
      subject: 'RE: valuation',
      from: { name: 'Sam', email: 'sam.green@example-council.gov.uk' },
      to: [{ name: 'Jane', email: 'cllr.smith@example-council.gov.uk' }],
      body: 'Holding reply',
      headers: `Thread-Index: ${replyIndex}\r\nAuthentication-Results: example-council.gov.uk; dkim=pass header.d=example-council.gov.uk\r\nReceived: from mail.example-council.gov.uk by mx1.example-council.gov.uk; Tue, 24 Nov 2026 10:30:02 +0000\r\n`,
    });
    const { imported } = await t.imp([{ name: 'reply.msg', bytes: msg }]);
    expect(imported[0]).toMatchObject({ requestId: t.requestId, matchedBy: 'thread-index' });
    const filed = await t.ok('correspondence:file', {
      id: imported[0].id,
      requestId: t.requestId,
      kind: 'holding',
      promisedBy: '2026-12-04',
    });
    expect(filed.filed).toMatchObject({ kind: 'holding', promisedBy: '2026-12-04' });
    const detail = await t.ok('requests:get', { id: t.requestId });
    expect(detail.row.target).toBe('2026-12-04');
  });
});

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MailDesk } from '../../../../electron/main/services/correspondence-service';
import { PA_PASS, seededCase } from '../../support/core';
import { buildMsg, officerReply } from '../../../../tools/fixtures/mail';

function fakeDesk() {
  const d = {
    opened: [] as Array<{ file: string; content: string; mode: number; dirMode: number }>,
    copied: [] as string[],
    picks: [] as string[],
    target: null as string | null,
  };
  const desk: MailDesk = {
    openPath: async (file) => {
      d.opened.push({
        file,
        content: readFileSync(file, 'utf8'),
        mode: statSync(file).mode & 0o777,
        dirMode: statSync(path.dirname(file)).mode & 0o777,
      });
      return '';
    },
    copyText: (text) => void d.copied.push(text),
    chooseMessages: async () => d.picks,
    chooseExportTarget: async () => d.target,
  };
  return { d, desk };
}

async function setUp() {
  const fake = fakeDesk();
  const ctx = await seededCase('2026-11-24', { mailDesk: fake.desk });
  const blobs = () => {
    const dir = path.join(ctx.dataFolder, 'vault', 'blobs');
    return ctx.files.existsSync(dir) ? ctx.files.readdirSync(dir).filter((f) => f.endsWith('.blob')).length : 0;
  };
  const imp = (files: Array<{ name: string; bytes: Uint8Array }>) => ctx.ok('correspondence:import', { files });
  return { ...ctx, ...fake, blobs, imp, ref: ctx.request.row.reference as string, requestId: ctx.request.row.id as string };
}

describe('drafts', () => {
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

  it('copies to the clipboard; "I have sent it" logs the chaser on the timeline', async () => {
    const t = await setUp();
    await t.ok('drafts:copy', { requestId: t.requestId, kind: 'chaser' });
    expect(t.d.copied[0]).toContain(`Subject: Chaser: Depot disposal valuation [${t.ref}]`);
    await t.ok('drafts:markSent', { requestId: t.requestId, kind: 'chaser', on: '2026-11-24' });
    const detail = await t.ok('requests:get', { id: t.requestId });
    expect(detail.events.at(-1)).toMatchObject({ type: 'chased', on: '2026-11-24' });
  });

  it('"I have sent it" for the chair notice asks whom it went to and records it as the request page does (R-ASK-8)', async () => {
    const t = await setUp();
    // No person: refused in words, nothing recorded.
    const none = await t.call('drafts:markSent', { requestId: t.requestId, kind: 'chair-notice', on: '2026-11-24' });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/who the notice was sent to/) },
    });
    const early = await t.call('drafts:markSent', { requestId: t.requestId, kind: 'chair-notice', on: '2026-11-01', to: 'Cllr Ann Chair' });
    expect(early.ok).toBe(false);
    expect((await t.ok('requests:get', { id: t.requestId })).events).toEqual([]);
    await t.ok('drafts:markSent', { requestId: t.requestId, kind: 'chair-notice', on: '2026-11-24', to: ' Cllr Ann Chair ' });
    const followUp = await t.ok('requests:followUp', { id: t.requestId });
    expect(followUp.chairNotice).toMatchObject({ sentOn: '2026-11-24', sentTo: 'Cllr Ann Chair' });
    const entry = (await t.ok('requests:get', { id: t.requestId })).events.at(-1);
    // Stamped like every timeline entry: its own id (so it can be corrected) and the injected clock's time.
    expect(entry).toMatchObject({
      kind: 'chair-notice',
      on: '2026-11-24',
      note: 'Notice sent to Cllr Ann Chair.',
      recordedAt: '2026-11-24T12:00:00.000Z',
    });
    expect(entry?.id).toEqual(expect.any(String));
    // Once only.
    expect(
      await t.call('drafts:markSent', { requestId: t.requestId, kind: 'chair-notice', on: '2026-11-24', to: 'Someone else' }),
    ).toMatchObject({ ok: false });
  });

  it('"I have sent it" for an escalation records whom it went to, as "Escalate to…" does (R-DUE-4); the notice has no back door', async () => {
    const t = await setUp();
    expect(await t.call('drafts:markSent', { requestId: t.requestId, kind: 'escalation', on: '2026-11-24' })).toMatchObject({ ok: false });
    expect((await t.ok('requests:followUp', { id: t.requestId })).escalation.history).toEqual([]);
    await t.ok('drafts:markSent', { requestId: t.requestId, kind: 'escalation', on: '2026-11-24', to: 'Pat Director' });
    expect((await t.ok('requests:followUp', { id: t.requestId })).escalation.history).toMatchObject([
      { on: '2026-11-24', to: 'Pat Director' },
    ]);
    // Logging an emailed chair notice by hand would skip whom it went to: refused, nothing recorded.
    const backDoor = await t.call('requests:logEvent', {
      id: t.requestId,
      event: { type: 'emailed', kind: 'chair-notice', on: '2026-11-24', note: '' },
    });
    expect(backDoor).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await t.ok('requests:followUp', { id: t.requestId })).chairNotice).toMatchObject({ sentOn: null });
    // An impossible date is refused as impossible, not as "before the request".
    const impossible = await t.call('drafts:markSent', { requestId: t.requestId, kind: 'chaser', on: '2026-02-30' });
    expect(impossible.ok).toBe(false);
    expect(impossible.error.message).not.toMatch(/before the request/);
  });

  it('refuses a draft that does not apply, and one whose From is not on the council domain (R-ASK-9)', async () => {
    const t = await setUp();
    const options = await t.ok('drafts:options', { requestId: t.requestId });
    expect(options.find((o: { kind: string }) => o.kind === 'foi')).toMatchObject({ applies: false });
    const foi = await t.call('drafts:open', { requestId: t.requestId, kind: 'foi' });
    expect(foi).toMatchObject({ ok: false, error: { code: 'refused' } });
    await t.ok('council:set', { profileId: '000', nation: 'england-and-wales', emailDomain: 'other-council.gov.uk' });
    const r = await t.call('drafts:preview', { requestId: t.requestId, kind: 'request' });
    expect(r.ok).toBe(false);
    expect(r.error.message).toMatch(/council email address/);
    expect(t.d.opened).toHaveLength(0);
  });
});

describe('importing officers’ replies', () => {
  it('matches by the reference tag, files the attachment as "not yet known" material, and logs the answer with the email’s own date', async () => {
    const t = await setUp();
    const reply = await officerReply({
      from: 'Sam Green <sam.green@example-council.gov.uk>',
      to: 'cllr.smith@example-council.gov.uk',
      subject: `RE: Depot disposal valuation [${t.ref}]`,
      date: new Date('2026-11-20T16:00:00Z'),
      attachments: [{ filename: 'Valuation – dépôt.pdf', content: Buffer.from('%PDF fake') }],
    });
    const { imported, refused } = await t.imp([{ name: 'reply.eml', bytes: reply }]);
    expect(refused).toEqual([]);
    const item = imported[0];
    expect(item).toMatchObject({ requestId: t.requestId, matchedBy: 'reference', date: '2026-11-20' });
    const detail = await t.ok('requests:get', { id: t.requestId });
    const material = detail.materials.find((m: { title: string }) => m.title === 'Valuation – dépôt.pdf');
    expect(material!.classification).toEqual({ level: 'unsure' });
    expect(material!.attachments[0]!.name).toBe('Valuation – dépôt.pdf');
    const filed = await t.ok('correspondence:file', { id: item.id, requestId: t.requestId, kind: 'answered', promisedBy: null });
    expect(filed.filed.kind).toBe('answered');
    const after = await t.ok('requests:get', { id: t.requestId });
    expect(after.events.at(-1)).toMatchObject({ type: 'answered', on: '2026-11-20' });
    // Filing twice is refused.
    expect((await t.call('correspondence:file', { id: item.id, requestId: t.requestId, kind: 'answered', promisedBy: null })).ok).toBe(
      false,
    );
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
      headers: `Thread-Index: ${replyIndex}\r\n`,
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

  it('leaves an unmatched email unfiled, flagged (outside domain, copies, blind copy); filing by hand links it', async () => {
    const t = await setUp();
    const reply = await officerReply({
      from: 'someone@gmail.com',
      to: 'other@example-council.gov.uk',
      cc: 'x@example-council.gov.uk',
      subject: 'About the depot',
    });
    const { imported } = await t.imp([{ name: 'odd.eml', bytes: reply }]);
    expect(imported[0].requestId).toBeNull();
    expect(imported[0].flags).toEqual(['outside-domain', 'copies', 'blind-copy']);
    const unfiled = await t.ok('correspondence:unfiled');
    expect(unfiled.items.map((i: { id: string }) => i.id)).toEqual([imported[0].id]);
    await t.ok('correspondence:file', { id: imported[0].id, requestId: t.requestId, kind: 'acknowledged', promisedBy: null });
    expect((await t.ok('correspondence:unfiled')).items).toEqual([]);
    expect(await t.ok('correspondence:forRequest', { requestId: t.requestId })).toHaveLength(1);
    // The same email again is refused, not duplicated.
    const again = await t.imp([{ name: 'odd.eml', bytes: reply }]);
    expect(again.refused[0].reason).toMatch(/already been imported/);
  });

  it('saves nothing for bad files (truncated, non-email, fake .msg, wrong type) and keeps the good one of a batch', async () => {
    const t = await setUp();
    const before = t.blobs();
    const good = await officerReply({
      subject: `RE: [${t.ref}]`,
      from: 'sam.green@example-council.gov.uk',
      to: 'cllr.smith@example-council.gov.uk',
    });
    const withAttachment = await officerReply({ attachments: [{ filename: 'a.pdf', content: Buffer.from('x'.repeat(4000)) }] });
    const result = await t.imp([
      { name: 'cut.eml', bytes: withAttachment.subarray(0, withAttachment.length - 200) },
      { name: 'report.eml', bytes: Buffer.from('%PDF-1.7 nothing') },
      { name: 'fake.msg', bytes: Buffer.from('not a compound file') },
      { name: 'photo.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff]) },
      { name: 'good.eml', bytes: good },
    ]);
    expect(result.refused.map((r: { fileName: string }) => r.fileName)).toEqual(['cut.eml', 'report.eml', 'fake.msg', 'photo.jpg']);
    for (const r of result.refused) expect(r.reason).not.toMatch(/Error|undefined|\bat\b.*\(/);
    expect(result.imported).toHaveLength(1);
    expect(t.blobs()).toBe(before + 1);
  });

  it('a failure halfway through filing keeps nothing partial', async () => {
    const t = await setUp();
    const reply = await officerReply({
      subject: 'No tag',
      attachments: [
        { filename: 'one.pdf', content: Buffer.from('1') },
        { filename: 'two.pdf', content: Buffer.from('2') },
      ],
    });
    const { imported } = await t.imp([{ name: 'r.eml', bytes: reply }]);
    const blobsBefore = t.blobs();
    // A holding reply whose promised date is before the email: refused after nothing, and nothing kept.
    const bad = await t.call('correspondence:file', {
      id: imported[0].id,
      requestId: t.requestId,
      kind: 'holding',
      promisedBy: '2026-11-01',
    });
    expect(bad.ok).toBe(false);
    const detail = await t.ok('requests:get', { id: t.requestId });
    expect(detail.materials).toHaveLength(0);
    expect(t.blobs()).toBe(blobsBefore);
    expect((await t.ok('correspondence:unfiled')).items).toHaveLength(1);
  });

  it('a PA cannot import an email with attachments (Member only until classified), nor see Member-only ones', async () => {
    const t = await setUp();
    await t.ok('users:addPa', { name: 'Pat PA', passphrase: PA_PASS });
    await t.ok('correspondence:import', {
      files: [
        {
          name: 'm.eml',
          bytes: await officerReply({ subject: 'x', attachments: [{ filename: 'a.pdf', content: Buffer.from('secret') }] }),
        },
      ],
    });
    const users = await t.ok('users:list');
    await t.ok('session:lock');
    await t.ok('session:unlock', { userId: users.find((u: { role: string }) => u.role === 'pa')!.id, passphrase: PA_PASS });
    const unfiled = await t.ok('correspondence:unfiled');
    expect(unfiled.items).toEqual([]);
    expect(unfiled.memberOnlyCount).toBe(1);
    const r = await t.imp([
      {
        name: 'n.eml',
        bytes: await officerReply({
          subject: 'y',
          messageId: '<other@x>',
          attachments: [{ filename: 'b.pdf', content: Buffer.from('b') }],
        }),
      },
    ]);
    expect(r.refused[0].reason).toMatch(/ask the Member/);
  });

  it('the contract refuses bytes over 50 MB and a hostile page sending strings for bytes', async () => {
    const t = await setUp();
    const tooBig = await t.call('correspondence:import', { files: [{ name: 'x.eml', bytes: new Uint8Array(50 * 1024 * 1024 + 1) }] });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const notBytes = await t.call('correspondence:import', { files: [{ name: 'x.eml', bytes: '/etc/passwd' }] });
    expect(notBytes.ok).toBe(false);
  });

  it('saves the original out only when its attachments may leave (not-yet-known material is gated)', async () => {
    const t = await setUp();
    const reply = await officerReply({
      subject: `RE: [${t.ref}]`,
      from: 'sam.green@example-council.gov.uk',
      to: 'cllr.smith@example-council.gov.uk',
      attachments: [{ filename: 'a.pdf', content: Buffer.from('x') }],
    });
    const { imported } = await t.imp([{ name: 'r.eml', bytes: reply }]);
    t.d.target = path.join(t.dataFolder, 'out.eml');
    const refused = await t.call('correspondence:exportOriginal', { id: imported[0].id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(existsSync(t.d.target)).toBe(false);
    const plain = await t.imp([
      {
        name: 'p.eml',
        bytes: await officerReply({
          subject: `Thanks [${t.ref}]`,
          messageId: '<p@x>',
          from: 'sam.green@example-council.gov.uk',
          to: 'cllr.smith@example-council.gov.uk',
        }),
      },
    ]);
    const saved = await t.ok('correspondence:exportOriginal', { id: plain.imported[0].id });
    expect(readFileSync(saved.file, 'utf8')).toContain(`Thanks [${t.ref}]`);
  });
});

describe('draft files', () => {
  it('folders left by an earlier run are removed at the next start; live and other folders are left', async () => {
    const { mkdirSync, mkdtempSync, utimesSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const { removeLeftoverDrafts } = await import('../../../../electron/main/services/correspondence-service');
    const root = mkdtempSync(path.join(os.tmpdir(), 'ntk-root-'));
    mkdirSync(path.join(root, 'ntk-drafts-abc123'));
    writeFileSync(path.join(root, 'ntk-drafts-abc123', 'x.eml'), 'X-Unsent: 1');
    const old = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(path.join(root, 'ntk-drafts-abc123'), old, old);
    mkdirSync(path.join(root, 'ntk-drafts-live'));
    mkdirSync(path.join(root, 'something-else'));
    removeLeftoverDrafts(root);
    // A folder in use by another running copy (touched just now) stays.
    expect(readdirSync(root).sort()).toEqual(['ntk-drafts-live', 'something-else']);
  });
});

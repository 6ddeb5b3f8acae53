// Erasure reaches the stored email (R-CLS-6, R-USE-4): material that came as an email's attachment, once
// erased, destroyed or returned, is gone from the email's original and its stored text too; the old
// original is deleted and the journal compacted, so no file in the data folder holds it under any key.
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { openFrame, readFrame } from '../../../../electron/main/vault/frames';
import { parseMessage } from '../../../../electron/main/mail/parse';
import type { StoredMessage } from '../../../../shared/domain/correspondence-records';
import { MEMBER_PASS, PA_PASS } from '../../support/core';
import { setUp } from '../../support/mail';
import { buildMsg, officerReply } from '../../../../tools/fixtures/mail';
import { clearHeader } from './blobs-support';

const PERSONAL = 'Mrs Patel has asthma; 4 Mill Lane';
const KEPT = '%PDF site plan of the depot';

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

/** A matched officer's reply (as .eml or Outlook .msg) with a personal-data attachment and a site plan, filed as two materials. */
async function emailWithAttachments(format: 'eml' | 'msg') {
  const t = await setUp();
  const raw = () => t.core.session.requireVault().records;
  const subject = `RE: Depot (tenants list.pdf attached) [${t.ref}]`;
  const bytes =
    format === 'eml'
      ? await officerReply({
          from: 'Sam Green <sam.green@example-council.gov.uk>',
          to: 'cllr.smith@example-council.gov.uk',
          subject,
          text: 'Please find the tenants list.pdf and the site plan attached.',
          attachments: [
            { filename: 'tenants list.pdf', content: Buffer.from(PERSONAL) },
            { filename: 'site plan.pdf', content: Buffer.from(KEPT) },
          ],
        })
      : Buffer.from(
          buildMsg({
            subject,
            from: { name: 'Sam Green', email: 'sam.green@example-council.gov.uk' },
            to: [{ name: 'Cllr Smith', email: 'cllr.smith@example-council.gov.uk' }],
            body: 'Please find the tenants list.pdf and the site plan attached.',
            // As the council's own server records a genuine officer's email (else it waits to be filed by hand).
            headers: `Authentication-Results: example-council.gov.uk; spf=pass smtp.mailfrom=sam.green@example-council.gov.uk; dkim=pass header.d=example-council.gov.uk; dmarc=pass header.from=example-council.gov.uk\r\nReceived: from mail.example-council.gov.uk by mx1.example-council.gov.uk; Tue, 24 Nov 2026 10:30:02 +0000\r\n`,
            attachments: [
              { name: 'tenants list.pdf', content: Buffer.from(PERSONAL), mime: 'application/pdf' },
              { name: 'site plan.pdf', content: Buffer.from(KEPT), mime: 'application/pdf' },
            ],
          }),
        );
  const { imported } = await t.imp([{ name: `reply.${format}`, bytes }]);
  const id = imported[0].id as string;
  const before = raw().get<StoredMessage>(id)!.data;
  const [personal, plan] = before.filed!.materialIds;
  const memberKey = Buffer.from(raw().exportKeysForQuickUnlock().member!, 'base64');
  const vaultDir = path.join(t.dataFolder, 'vault');
  const blobDir = path.join(vaultDir, 'blobs');
  /** Every frame of the email in every journal and snapshot, opened with the Member's key: does any still hold `text`? */
  const framesHold = (text: string) => {
    let found = 0;
    for (const name of t.files.readdirSync(vaultDir)) {
      if (!/^(journal|snapshot)-\d+\.(log|bin)$/.test(name)) continue;
      const buf = t.files.readFileSync(path.join(vaultDir, name));
      for (let o = 0; o < buf.length; o++) {
        const r = readFrame(buf, o);
        if (!r.ok || r.frame.id !== id) continue;
        const plain = openFrame(r.frame, memberKey);
        if (plain?.toString('utf8').includes(text)) found++;
      }
    }
    return found;
  };
  /** Every file in the data folder's blobs, opened with the Member's key: does any still hold `text`? */
  const filesHold = async (text: string) => {
    let found = 0;
    for (const f of t.files.readdirSync(blobDir).filter((n) => n.endsWith('.blob'))) {
      const blobId = f.slice(0, -5);
      const owner = clearHeader(t.files.readFileSync(path.join(blobDir, f))).owner ?? blobId;
      const bytes = await readAll(raw().attachments.read(blobId, owner, { ownerless: () => true }));
      if (bytes.includes(Buffer.from(text))) found++;
    }
    return found;
  };
  return { ...t, raw, id, before, personal: personal!, plan: plan!, framesHold, filesHold, blobDir };
}

type Case = Awaited<ReturnType<typeof emailWithAttachments>>;

/** The email after: the erased attachment gone from its original and its text, the other kept, the old original deleted, audited. */
async function expectRedacted(t: Case) {
  const after = t.raw().get<StoredMessage>(t.id)!.data;
  expect(after.blobId).not.toBe(t.before.blobId);
  expect(t.files.existsSync(path.join(t.blobDir, `${t.before.blobId}.blob`))).toBe(false);
  expect(after.attachments.map((a) => a.name)).toEqual(['Attachment removed', 'site plan.pdf']);
  expect(after.subject).not.toContain('tenants list.pdf');
  expect(after.text).not.toContain('tenants list.pdf');
  expect(after.text).toContain('[removed]');
  const original = await readAll(t.raw().attachments.read(after.blobId, t.id));
  const parsed = await parseMessage(original, after.fileName);
  expect(parsed.attachments.map((a) => a.name)).toEqual(['attachment-erased.txt', 'site plan.pdf']);
  expect(Buffer.from(parsed.attachments[1]!.content).toString()).toBe(KEPT);
  expect(original.includes(Buffer.from('Mrs Patel'))).toBe(false);
  // No file and no frame in the data folder holds it any more, under any key.
  expect(await t.filesHold('Mrs Patel')).toBe(0);
  expect(t.framesHold('tenants list.pdf')).toBe(0);
  const trail = await t.ok('audit:trail', { recordId: t.id });
  expect(trail.map((e: { action: string }) => e.action)).toContain('redacted');
  // The site plan's material still opens its own file.
  const plan = t.raw().get<{ attachments: Array<{ id: string }> }>(t.plan)!.data;
  expect((await readAll(t.raw().attachments.read(plan.attachments[0]!.id, t.plan))).toString()).toBe(KEPT);
}

describe('R-CLS-6 R-USE-4: erasing or destroying material that came by email redacts the stored email', () => {
  for (const format of ['eml', 'msg'] as const) {
    it(`destroyed (.${format}): the original is rebuilt without it, the old one deleted, the text cleaned, audited`, async () => {
      const t = await emailWithAttachments(format);
      expect(await t.filesHold('Mrs Patel')).toBeGreaterThan(0);
      await t.ok('materials:recordDisposal', { id: t.personal, how: 'destroyed', on: '2026-11-24', reason: 'No longer needed' });
      await expectRedacted(t);
    });
  }

  it('erased as personal data: the same', async () => {
    const t = await emailWithAttachments('eml');
    const m = t.raw().get<Record<string, unknown>>(t.personal)!.data;
    t.raw().put({
      id: t.personal,
      tier: 'member',
      type: 'material',
      data: { ...m, personalData: { personal: true, specialCategory: true, retainUntil: '2026-11-20' } },
    });
    await t.ok('materials:erase', { id: t.personal });
    await expectRedacted(t);
    // Erasing the second one later keeps the first note and order.
    const plan = t.raw().get<Record<string, unknown>>(t.plan)!.data;
    t.raw().put({
      id: t.plan,
      tier: 'member',
      type: 'material',
      data: { ...plan, personalData: { personal: true, specialCategory: false, retainUntil: '2026-11-20' } },
    });
    await t.ok('materials:erase', { id: t.plan });
    const after = t.raw().get<StoredMessage>(t.id)!.data;
    expect(after.attachments.map((a) => a.name)).toEqual(['Attachment removed', 'Attachment removed']);
    expect(await t.filesHold(KEPT)).toBe(0);
  });

  it('erased by a PA (the email is Member only): the email is redacted at the Member’s next unlock', async () => {
    const t = await emailWithAttachments('eml');
    // The Member classified the tenants list open, on the officer's word, on this ordinary request: casework the PA may erase.
    await t.ok('materials:reclassify', {
      id: t.personal,
      classification: { level: 'open' },
      resolution: null,
      confirmation: { officer: 'Sam Green', on: '2026-11-24' },
    });
    const m = t.raw().get<Record<string, unknown>>(t.personal)!.data;
    t.raw().put({
      id: t.personal,
      tier: 'shared',
      type: 'material',
      data: { ...m, personalData: { personal: true, specialCategory: false, retainUntil: '2026-11-20' } },
    });
    t.raw().compact(); // the Member's snapshot carries the shared version to the PA's app
    const member = (await t.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
    const pa = await t.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await t.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    await t.ok('materials:erase', { id: t.personal });
    // The email is Member only: the PA's app cannot touch it, so it still holds the attachment for now.
    expect(t.raw().get(t.id)).toBeUndefined();
    await t.ok('session:lock');
    await t.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS });
    await vi.waitFor(() => expect(t.raw().get<StoredMessage>(t.id)!.data.attachments[0]!.name).toBe('Attachment removed'), {
      timeout: 15_000,
    });
    await expectRedacted(t);
  });

  it('a forged shared email listing the erased material (but no attachment of its own) is not taken at its word; the real one is redacted', async () => {
    const t = await emailWithAttachments('eml');
    const forgedId = `message:${crypto.randomUUID()}`;
    const own = await t.raw().attachments.add(Readable.from([Buffer.from('From: x\r\n\r\nhello')]), 'shared', forgedId);
    const forged: StoredMessage = {
      ...t.before,
      id: forgedId,
      blobId: own.id,
      attachments: [],
      messageId: '<f@x>',
      onMemberOnlyRequest: false,
    };
    t.raw().put({ id: forgedId, tier: 'shared', type: 'correspondence', data: forged });
    await t.ok('materials:recordDisposal', { id: t.personal, how: 'destroyed', on: '2026-11-24', reason: 'No longer needed' });
    await expectRedacted(t);
    expect(t.raw().get<StoredMessage>(forgedId)!.data).toEqual(forged);
    expect(t.raw().attachments.exists(own.id)).toBe(true);
  });
});

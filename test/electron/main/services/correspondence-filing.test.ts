import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUp } from '../../support/mail';
import { officerReply } from '../../../../tools/fixtures/mail';

describe('filing officers’ emails', () => {
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

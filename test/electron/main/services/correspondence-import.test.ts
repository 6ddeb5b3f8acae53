import { describe, expect, it } from 'vitest';
import { PA_PASS } from '../../support/core';
import { setUp } from '../../support/mail';
import { officerReply } from '../../../../tools/fixtures/mail';

describe('importing officers’ emails', () => {
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

  it('an email kept before file hashes were is still "already imported" when the same file comes again; a changed one is kept beside it', async () => {
    const t = await setUp();
    const reply = await officerReply({ subject: 'Old import', messageId: '<old@x>' });
    const first = await t.imp([{ name: 'old.eml', bytes: reply }]);
    const raw = t.core.session.requireVault().records;
    const record = raw.get<Record<string, unknown>>(first.imported[0].id)!;
    const { sha256: _hash, importedBy: _by, ...older } = record.data;
    raw.put({ id: record.id, tier: record.tier, type: 'correspondence', data: older });
    const again = await t.imp([{ name: 'old.eml', bytes: reply }]);
    expect(again.refused[0].reason).toBe('This email has already been imported.');
    const changed = await t.imp([{ name: 'new.eml', bytes: await officerReply({ subject: 'Old import, edited', messageId: '<old@x>' }) }]);
    expect(changed.refused).toEqual([]);
    expect(changed.imported[0].flags).toContain('message-id-clash');
    expect(changed.imported[0].importer).toBe('the Member');
  });
});

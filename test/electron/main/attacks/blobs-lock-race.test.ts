// Races with lock on the file paths: a lock while a copy's dialog is open, while an arrival's files are
// re-sealed, or while erased material is taken out of its email. Each command belongs to the session that
// began it: after the lock it saves nothing, writes nothing out and audits nothing in the next session,
// loses no file, and what it left unfinished is finished at the Member's next unlock.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { StoredMessage } from '../../../../shared/domain/correspondence-records';
import type { MailDesk } from '../../../../electron/main/services/correspondence-ports';
import { MEMBER_PASS, PA_PASS, seededCase } from '../../support/core';
import { fakeDesk } from '../../support/mail';
import { MemoryFiles } from '../../support/memory-files';
import { officerReply } from '../../../../tools/fixtures/mail';
import { NO_PERSONAL_DATA, type Result } from './blobs-support';

describe('a lock while the save dialog of “Save the original email” is open', () => {
  it('writes nothing and audits nothing once the PA has signed in; the dialog answering late changes nothing', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-race-'));
    let answer: (file: string | null) => void = () => undefined;
    const desk: MailDesk = {
      openPath: async () => '',
      copyText: () => undefined,
      chooseMessages: async () => [],
      chooseExportTarget: () => new Promise((resolve) => (answer = resolve)),
    };
    const ctx = await seededCase('2026-11-24', { mailDesk: desk });
    const reply = await officerReply({
      subject: `Thanks [${ctx.request.row.reference}]`,
      messageId: '<race@x>',
      from: 'sam.green@example-council.gov.uk',
      to: 'cllr.smith@example-council.gov.uk',
    });
    const { imported } = await ctx.ok('correspondence:import', { files: [{ name: 'r.eml', bytes: reply }] });
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    for (const variant of ['lock only', 'lock then PA signs in']) {
      const target = path.join(folder, `${variant.replace(/ /g, '-')}.eml`);
      const pending = ctx.call('correspondence:exportOriginal', { id: imported[0].id }) as Promise<Result>;
      await vi.waitFor(() => expect(answer).not.toBeNull());
      await ctx.ok('session:lock');
      if (variant !== 'lock only') await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
      answer(target);
      const result = await pending;
      expect(result.ok, variant).toBe(false);
      expect(existsSync(target), variant).toBe(false);
      if (variant !== 'lock only') {
        expect(await ctx.ok('audit:trail', { recordId: imported[0].id })).toEqual([]);
        await ctx.ok('session:lock');
      }
      const { users } = await ctx.ok<{ users: Array<{ id: string; role: string }> }>('session:getState');
      await ctx.ok('session:unlock', { userId: users.find((u) => u.role === 'member')!.id, passphrase: MEMBER_PASS });
    }
  });
});

/** The vault's in-memory files, with a tripwire: the app locks as the n-th new file starts to be written. */
class Tripwire extends MemoryFiles {
  armed: { left: number; fire: () => void } | null = null;
  override openSync(file: string, flags: Parameters<MemoryFiles['openSync']>[1]): number {
    const fd = super.openSync(file, flags);
    if (this.armed && /\.blob\.[0-9a-f]{12}\.tmp$/.test(file) && --this.armed.left === 0) {
      const { fire } = this.armed;
      this.armed = null;
      fire();
    }
    return fd;
  }
}

describe('a lock while an arrival’s files are sealed again into material', () => {
  it('makes no material, keeps the arrival waiting with its files, and leaves no stray file', async () => {
    const files = new Tripwire();
    const t = await seededCase('2026-11-24', { files });
    const blobDir = path.join(t.dataFolder, 'vault', 'blobs');
    const blobs = () =>
      t.files
        .readdirSync(blobDir)
        .filter((f) => f.endsWith('.blob'))
        .sort();
    const file = new Uint8Array(3 * 64 * 1024 + 5).fill(7);
    const arrival = await t.ok('arrivals:record', {
      requestId: t.request.row.id,
      title: 'Plans',
      summary: '',
      files: [
        { name: 'a.pdf', bytes: file },
        { name: 'b.pdf', bytes: file },
        { name: 'c.pdf', bytes: file },
      ],
      pick: false,
    });
    const memberId = (await t.ok('users:list')).find((u: { role: string }) => u.role === 'member')!.id as string;
    const before = blobs();
    const classify = () =>
      t.call('arrivals:classify', {
        id: arrival.id,
        title: 'Plans',
        summary: '',
        classification: { level: 'open' },
        personalData: NO_PERSONAL_DATA,
        isBriefing: false,
      }) as Promise<Result>;
    for (const n of [1, 2, 3]) {
      files.armed = { left: n, fire: () => void t.core.session.lock('manual') };
      const result = await classify();
      expect(result.ok, `lock as file ${n} is sealed`).toBe(false);
      await t.ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });
      expect((await t.ok('arrivals:list', {}))[0]!.status).toBe('waiting');
      expect(blobs()).toEqual(before); // the arrival's files all there, nothing half-made left
    }
    expect((await classify()).ok).toBe(true);
    expect(blobs()).toHaveLength(before.length); // three arrival files out, three material files in
  }, 60_000);
});

describe('a lock while destroyed material is taken out of its email', () => {
  it('the material stays destroyed, the email keeps its original, and the next Member unlock finishes the redaction', async () => {
    const files = new Tripwire();
    const t = await seededCase('2026-11-24', { files, mailDesk: fakeDesk().desk });
    const raw = () => t.core.session.requireVault().records;
    const reply = await officerReply({
      from: 'Sam Green <sam.green@example-council.gov.uk>',
      to: 'cllr.smith@example-council.gov.uk',
      subject: `RE: Depot [${t.request.row.reference}]`,
      attachments: [{ filename: 'tenants.pdf', content: Buffer.from('Mrs Patel, 4 Mill Lane') }],
    });
    const { imported } = await t.ok('correspondence:import', { files: [{ name: 'r.eml', bytes: reply }] });
    const id = imported[0].id as string;
    const before = raw().get<StoredMessage>(id)!.data;
    const materialId = before.filed!.materialIds[0]!;
    const member = (await t.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
    // The lock falls as the rewritten original starts to be written.
    files.armed = { left: 1, fire: () => void t.core.session.lock('manual') };
    await t.call('materials:recordDisposal', { id: materialId, how: 'destroyed', on: '2026-11-24', reason: 'End of term' });
    expect(files.armed).toBeNull();
    const blobDir = path.join(t.dataFolder, 'vault', 'blobs');
    // Cut short: the old original is still there (the email was not rewritten in the next session's name).
    expect(t.files.existsSync(path.join(blobDir, `${before.blobId}.blob`))).toBe(true);
    await t.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS });
    expect(raw().get<{ disposal: unknown }>(materialId)!.data.disposal).toMatchObject({ how: 'destroyed' });
    await vi.waitFor(() => expect(raw().get<StoredMessage>(id)!.data.attachments[0]!.name).toBe('Attachment removed'), { timeout: 15_000 });
    expect(t.files.existsSync(path.join(blobDir, `${before.blobId}.blob`))).toBe(false);
  }, 60_000);
});

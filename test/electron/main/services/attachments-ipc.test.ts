import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { storedMaterial } from '../../support/materials';
import type { AttachmentDialogs } from '../../../../electron/main/services/attachment-service';
import { MEMBER_PASS, PA_PASS, coreBehindIpc, draft, seededCase } from '../../support/core';
import type { MemoryFiles } from '../../support/memory-files';

const pinkPaper = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
};
const noPersonalData = { personal: false, specialCategory: false, retainUntil: null };

/** Dialogs the test drives: what the user "picks" and where they "save". */
interface FakeDialogs {
  picks: string[];
  target: string | null;
  opened: number;
  suggested: string[];
  dialogs: AttachmentDialogs;
}
function fakeDialogs(): FakeDialogs {
  const d: FakeDialogs = {
    picks: [] as string[],
    target: null as string | null,
    opened: 0,
    suggested: [] as string[],
    dialogs: {
      chooseAttachments: async () => {
        d.opened++;
        return d.picks;
      },
      chooseExportTarget: async (name: string) => {
        d.suggested.push(name);
        return d.target;
      },
    },
  };
  return d;
}

async function withMaterials() {
  const fake = fakeDialogs();
  const ctx = await seededCase('2026-11-24', { attachmentDialogs: fake.dialogs });
  const add = (title: string, classification: unknown) =>
    ctx.ok('materials:add', {
      requestId: ctx.request.row.id,
      title,
      receivedOn: '2026-11-20',
      summary: '',
      classification,
      personalData: noPersonalData,
      isBriefing: false,
    });
  const pink = await add('Depot valuation (pink paper)', pinkPaper);
  const open = await add('Depot site plan', { level: 'open' });
  const files = mkdtempSync(path.join(os.tmpdir(), 'ntk-files-'));
  const file = (name: string, bytes: Buffer) => {
    const p = path.join(files, name);
    writeFileSync(p, bytes);
    return p;
  };
  const changes: Array<{ kind: string; id: string }> = [];
  ctx.core.events.subscribe((channel, payload) => {
    if (channel === 'records:changed') changes.push(payload);
  });
  const blobFiles = () => {
    const dir = path.join(ctx.dataFolder, 'vault', 'blobs');
    return ctx.files.existsSync(dir) ? ctx.files.readdirSync(dir).filter((f) => f.endsWith('.blob')) : [];
  };
  const actions = async (id: string) => (await ctx.ok('audit:trail', { recordId: id })).map((e: { action: string }) => e.action);
  return { ...ctx, vaultFiles: ctx.files as MemoryFiles, fake, pink, open, files, file, changes, blobFiles, actions };
}

async function approveDisclosure(ok: (c: string, i?: unknown) => Promise<any>, materialId: string) {
  const d = await ok('disclosures:start', { materialId });
  await ok('disclosures:advance', { id: d.id, event: { type: 'choose-ground', ground: 'b' } });
  await ok('disclosures:advance', {
    id: d.id,
    event: { type: 'complete-evidence', evidence: { legalProvision: 'Court order under CPR 31.17', requestedBy: 'County Court' } },
  });
  return ok('disclosures:advance', {
    id: d.id,
    event: { type: 'approve', officerCheck: { checked: true, note: 'Head of Estates agreed.' } },
  });
}

describe('attaching files to material through the IPC contract', () => {
  it('R-USE-2 a file streams into the vault sealed under the material’s tier (Member-only for a pink paper), and attaching is audited (R-USE-3)', async () => {
    const { ok, fake, pink, open, file, changes, blobFiles, actions, dataFolder, vaultFiles } = await withMaterials();
    const bytes = Buffer.concat([Buffer.from('PINK PAPER: depot valuation £2.1m. '), randomBytes(200 * 1024)]);
    fake.picks = [file('valuation.pdf', bytes)];
    const result = await ok('attachments:add', { materialId: pink.id });
    expect(result.added).toBe(1);
    expect(result.material.attachments).toEqual([
      { id: expect.any(String), name: 'valuation.pdf', size: bytes.length, addedOn: '2026-11-24' },
    ]);
    expect(changes).toContainEqual({ kind: 'material', id: pink.id });
    const [blob] = blobFiles();
    const sealed = vaultFiles.readFileSync(path.join(dataFolder, 'vault', 'blobs', blob!));
    expect(sealed.readUInt8(8)).toBe(1); // header: 1 = Member-only tier
    expect(sealed.includes(Buffer.from('depot valuation'))).toBe(false);
    expect(
      (await ok('requests:get', { id: pink.requestId })).materials.find((m: { id: string }) => m.id === pink.id).attachments,
    ).toHaveLength(1);
    expect(await actions(pink.id)).toEqual(['classified', 'attached']);

    fake.picks = [file('site-plan.txt', Buffer.from('open site plan'))];
    const openResult = await ok('attachments:add', { materialId: open.id });
    const openBlob = vaultFiles.readFileSync(path.join(dataFolder, 'vault', 'blobs', `${openResult.material.attachments[0].id}.blob`));
    expect(openBlob.readUInt8(8)).toBe(0); // shared (casework) tier
    expect(await actions(open.id)).toEqual(['classified']); // open material: attaching is not audited
  });

  it('R-USE-2 reclassifying moves the files under the new tier’s key: confidential ones Member-only, then open ones back to casework', async () => {
    const { ok, fake, open, file, blobFiles, dataFolder, vaultFiles } = await withMaterials();
    const bytes = Buffer.concat([Buffer.from('site plan '), randomBytes(100 * 1024)]);
    fake.picks = [file('site-plan.pdf', bytes)];
    const attached = (await ok('attachments:add', { materialId: open.id })).material.attachments[0];
    const tierOf = (id: string) => vaultFiles.readFileSync(path.join(dataFolder, 'vault', 'blobs', `${id}.blob`)).readUInt8(8);
    expect(tierOf(attached.id)).toBe(0);
    const before = blobFiles().length;

    const confidential = await ok('materials:reclassify', {
      id: open.id,
      classification: { level: 'confidential', basis: 'given-in-confidence' },
      resolution: null,
    });
    const [moved] = confidential.attachments;
    expect(moved).toMatchObject({ name: 'site-plan.pdf', size: bytes.length });
    expect(moved.id).not.toBe(attached.id);
    expect(tierOf(moved.id)).toBe(1); // Member-only key now
    expect(blobFiles()).not.toContain(`${attached.id}.blob`); // the copy under the casework key is gone
    expect(blobFiles()).toHaveLength(before);

    // Lowering protection needs the officer's confirmation (R-CLS-2).
    const reopened = await ok('materials:reclassify', {
      id: open.id,
      classification: { level: 'open' },
      resolution: null,
      confirmation: { officer: 'Sam Green', on: '2026-11-24' },
    });
    expect(tierOf(reopened.attachments[0].id)).toBe(0);
    fake.target = path.join(dataFolder, 'copy.pdf');
    await ok('attachments:export', { materialId: open.id, attachmentId: reopened.attachments[0].id });
    expect(readFileSync(fake.target).equals(bytes)).toBe(true);
  });

  it('R-USE-2 material an earlier version saved under the casework key on a Member-only request moves at the Member’s unlock, its files sealed again', async () => {
    const { ok, fake, dataFolder, officer, core, blobFiles, vaultFiles } = await withMaterials();
    const secret = await ok('requests:create', draft({ officerId: officer.id, meetingId: null, memberOnly: true, subject: 'Care home' }));
    const raw = core.session.requireVault().records;
    const id = `${secret.row.id}.m.legacy`;
    const bytes = Buffer.concat([Buffer.from('CARE HOME LETTER '), randomBytes(150 * 1024)]);
    const blob = await raw.attachments.add(Readable.from([bytes]), 'shared', id);
    const attachment = { id: blob.id, name: 'letter.pdf', size: blob.size, addedOn: '2026-11-20' };
    raw.put({
      id,
      tier: 'shared',
      type: 'material',
      data: storedMaterial({ id, requestId: secret.row.id, title: 'Old letter', attachments: [attachment] }),
    });
    const tierOf = (blobId: string) => vaultFiles.readFileSync(path.join(dataFolder, 'vault', 'blobs', `${blobId}.blob`)).readUInt8(8);
    expect(tierOf(blob.id)).toBe(0);

    await ok('session:lock');
    const { users } = await ok<{ users: Array<{ id: string; role: string }> }>('session:getState');
    await ok('session:unlock', { userId: users.find((u) => u.role === 'member')!.id, passphrase: MEMBER_PASS });
    await vi.waitFor(() => expect(core.session.requireVault().records.get(id)!.tier).toBe('member'));
    const moved = (await ok('materials:view', { id })).attachments[0]!;
    expect(moved).toMatchObject({ name: 'letter.pdf', size: bytes.length });
    expect(tierOf(moved.id)).toBe(1);
    expect(blobFiles()).not.toContain(`${blob.id}.blob`); // the copy under the casework key is gone
    fake.target = path.join(dataFolder, 'letter-copy.pdf');
    await ok('attachments:export', { materialId: id, attachmentId: moved.id });
    expect(readFileSync(fake.target).equals(bytes)).toBe(true);
  });

  it('cancelling the file dialog changes nothing', async () => {
    const { ok, fake, pink, changes, blobFiles, actions } = await withMaterials();
    changes.length = 0;
    const result = await ok('attachments:add', { materialId: pink.id });
    expect(fake.opened).toBe(1);
    expect(result).toEqual({ material: pink, added: 0 });
    expect(changes).toEqual([]);
    expect(blobFiles()).toEqual([]);
    expect(await actions(pink.id)).toEqual(['classified']);
  });

  it('R-USE-2 a PA cannot attach to Member-only material, even by calling the contract; the dialog never opens', async () => {
    const { ok, call, fake, pink, open, file } = await withMaterials();
    const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    fake.picks = [file('letter.txt', Buffer.from('hello'))];
    expect(await call('attachments:add', { materialId: pink.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('attachments:export', { materialId: pink.id, attachmentId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(fake.opened).toBe(0);
    // The PA works casework: open material takes attachments.
    expect(await ok('attachments:add', { materialId: open.id })).toMatchObject({ added: 1 });
  });

  it('a missing file, a folder or a file over 500 MB is refused with a clear message and the material is left unchanged', async () => {
    const { ok, call, fake, pink, files, file, blobFiles, actions } = await withMaterials();
    const good = file('good.txt', Buffer.from('fine'));
    fake.picks = [good, path.join(files, 'gone.pdf')];
    expect(await call('attachments:add', { materialId: pink.id })).toMatchObject({
      ok: false,
      error: { code: 'io', message: '“gone.pdf” cannot be attached: it is no longer there. Nothing was attached.' },
    });
    mkdirSync(path.join(files, 'folder'));
    fake.picks = [path.join(files, 'folder')];
    expect(await call('attachments:add', { materialId: pink.id })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/“folder” is not a file/) },
    });
    // A sparse file: 501 MB on paper, nothing on disk.
    const big = path.join(files, 'huge.pdf');
    const fd = openSync(big, 'w');
    writeSync(fd, Buffer.from('x'), 0, 1, 501 * 1024 * 1024 - 1);
    closeSync(fd);
    fake.picks = [good, big];
    expect(await call('attachments:add', { materialId: pink.id })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/“huge\.pdf” is 501 MB; files over 500 MB cannot be attached/) },
    });
    expect((await ok('materials:view', { id: pink.id })).attachments).toEqual([]);
    expect(blobFiles()).toEqual([]);
    expect((await actions(pink.id)).filter((a: string) => a === 'attached')).toEqual([]);
  });

  it('refuses a malformed payload before any handler runs; the page cannot send a path', async () => {
    const { call, fake, pink } = await withMaterials();
    expect(await call('attachments:add', { materialId: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('attachments:add', { materialId: pink.id, path: '/etc/passwd' })).toMatchObject({ ok: true, value: { added: 0 } });
    expect(fake.opened).toBe(1); // the stray path was ignored: only main's dialog chooses files
  });

  it('without dialogs (a core that has none) attaching says it is unavailable', async () => {
    const ctx = await seededCase();
    const m = await ctx.ok('materials:add', {
      requestId: ctx.request.row.id,
      title: 'Plan',
      receivedOn: '2026-11-20',
      summary: '',
      classification: { level: 'open' },
      personalData: noPersonalData,
      isBriefing: false,
    });
    expect(await ctx.call('attachments:add', { materialId: m.id })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    void coreBehindIpc;
  });
});

describe('saving a copy of an attachment through the IPC contract', () => {
  it('R-DIS-3 protected material is refused before its disclosure is approved and allowed after; the export is audited with the file name, not the path (R-USE-3)', async () => {
    const { ok, call, fake, pink, files, file, actions } = await withMaterials();
    const bytes = randomBytes(300 * 1024 + 17);
    fake.picks = [file('valuation.pdf', bytes)];
    const { material } = await ok('attachments:add', { materialId: pink.id });
    const attachmentId = material.attachments[0].id;
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'ntk-out-'));
    fake.target = path.join(outDir, 'copy.pdf');

    const before = await call('attachments:export', { materialId: pink.id, attachmentId });
    expect(before).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/a pink paper.*approved disclosure/) },
    });
    expect(fake.suggested).toEqual([]); // refused before the save dialog opened
    const d = await ok('disclosures:start', { materialId: pink.id });
    await ok('disclosures:advance', { id: d.id, event: { type: 'choose-ground', ground: 'b' } });
    expect(await call('attachments:export', { materialId: pink.id, attachmentId })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/at “Ground chosen”/) },
    });
    expect(existsSync(fake.target)).toBe(false);

    await approveDisclosure(ok, pink.id);
    const result = await ok('attachments:export', { materialId: pink.id, attachmentId });
    expect(result).toEqual({ file: fake.target, bytes: bytes.length });
    expect(fake.suggested).toEqual(['valuation.pdf']);
    expect(readFileSync(fake.target).equals(bytes)).toBe(true);
    expect(readdirSync(outDir)).toEqual(['copy.pdf']); // no partial file left beside it
    const trail = await ok('audit:trail', { recordId: pink.id });
    const exported = trail.find((e: { action: string }) => e.action === 'exported');
    expect(exported.detail).toMatchObject({
      attachmentId,
      name: 'valuation.pdf',
      file: 'copy.pdf',
      bytes: bytes.length,
      by: 'Cllr Jane Smith',
    });
    expect(JSON.stringify(exported.detail)).not.toContain(outDir);
    expect(await actions(pink.id)).toEqual(['classified', 'attached', 'exported']);
    void files;
  });

  it('R-USE-1 in public-meeting mode protected material is not exported even with an approved disclosure; open material still is', async () => {
    const { ok, call, fake, pink, open, file } = await withMaterials();
    fake.picks = [file('valuation.pdf', Buffer.from('pink'))];
    const pinkId = (await ok('attachments:add', { materialId: pink.id })).material.attachments[0].id;
    fake.picks = [file('plan.txt', Buffer.from('open plan'))];
    const openId = (await ok('attachments:add', { materialId: open.id })).material.attachments[0].id;
    await approveDisclosure(ok, pink.id);
    await ok('meetingMode:set', { kind: 'public-meeting' });
    fake.target = path.join(mkdtempSync(path.join(os.tmpdir(), 'ntk-out-')), 'x.pdf');
    expect(await call('attachments:export', { materialId: pink.id, attachmentId: pinkId })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/public-meeting mode/) },
    });
    expect(await call('attachments:add', { materialId: pink.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(fake.target)).toBe(false);
    expect(await ok('attachments:export', { materialId: open.id, attachmentId: openId })).toMatchObject({ bytes: 9 });
  });

  it('open material exports freely and is not audited; cancelling the save dialog saves nothing', async () => {
    const { ok, fake, open, file, actions } = await withMaterials();
    fake.picks = [file('plan.txt', Buffer.from('open plan'))];
    const id = (await ok('attachments:add', { materialId: open.id })).material.attachments[0].id;
    expect(await ok('attachments:export', { materialId: open.id, attachmentId: id })).toEqual({ file: null, bytes: 0 });
    fake.target = path.join(mkdtempSync(path.join(os.tmpdir(), 'ntk-out-')), 'plan.txt');
    expect(await ok('attachments:export', { materialId: open.id, attachmentId: id })).toEqual({ file: fake.target, bytes: 9 });
    expect(readFileSync(fake.target, 'utf8')).toBe('open plan');
    expect(await actions(open.id)).toEqual(['classified']);
  });

  it('an altered attachment fails authentication and leaves no copy, partial or whole', async () => {
    const { ok, call, fake, open, file, dataFolder, vaultFiles } = await withMaterials();
    fake.picks = [file('plan.bin', randomBytes(150 * 1024))];
    const id = (await ok('attachments:add', { materialId: open.id })).material.attachments[0].id;
    const blob = path.join(dataFolder, 'vault', 'blobs', `${id}.blob`);
    const sealed = vaultFiles.readFileSync(blob);
    sealed[sealed.length - 10]! ^= 0xff;
    vaultFiles.writeFileSync(blob, sealed);
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'ntk-out-'));
    fake.target = path.join(outDir, 'plan.bin');
    expect(await call('attachments:export', { materialId: open.id, attachmentId: id })).toMatchObject({
      ok: false,
      error: { code: 'cannot-open', message: expect.stringMatching(/fails authentication/) },
    });
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('an attachment id that is not on the material is not found', async () => {
    const { call, open } = await withMaterials();
    expect(await call('attachments:export', { materialId: open.id, attachmentId: '00000000-0000-0000-0000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

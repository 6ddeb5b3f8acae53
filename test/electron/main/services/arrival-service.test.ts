// The PA can write for the Member without reading back, and nothing is lost between
// visits: a PA records what arrived for the Member through the contract, cannot read it back by any
// channel or with their own keys at file level, and the Member opens it and classifies it into material.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../../electron/main/vault';
import { vaultDir } from '../../../../electron/main/services/vault-gateway';
import type { AttachmentDialogs } from '../../../../electron/main/services/attachment-service';
import { MEMBER_PASS, PA_PASS, draft, seededCase } from '../../support/core';

const pinkPaper = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
} as const;
const noPersonalData = { personal: false, specialCategory: false, retainUntil: null };
const SECRET = 'Depot valuation from the Director';
const FILE_TEXT = '%PDF-1.4 valuation 2.1m pink';

type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };
function expectRefused(result: Result, code: string) {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message).not.toMatch(/Error\b|zod|\bat \S+ \(|undefined|\bnull\b|[a-z][A-Z][a-z]|\.ts\b/);
  }
}

async function readAll(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** A Member, a PA signed in, and a picked file on disk for main's dialog. */
async function paSignedIn() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-arrival-'));
  const picked = path.join(folder, 'valuation.pdf');
  writeFileSync(picked, FILE_TEXT);
  const dialogs: AttachmentDialogs = {
    chooseAttachments: async () => [picked],
    chooseExportTarget: async () => path.join(folder, 'copy.pdf'),
  };
  const ctx = await seededCase('2026-11-28', { attachmentDialogs: dialogs });
  const member = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
  const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
  const asMember = async () => {
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS });
  };
  return { ...ctx, pa, member, asMember, picked };
}

describe('arrived for the Member', () => {
  it('a PA records an arrival (typed, dropped and picked files); it is sealed and the PA sees only that it arrived', async () => {
    const ctx = await paSignedIn();
    const arrival = await ctx.ok('arrivals:record', {
      requestId: ctx.request.row.id,
      title: SECRET,
      summary: 'Valuation £2.1m',
      files: [{ name: 'letter.txt', bytes: new TextEncoder().encode('Dear Cllr Smith') }],
      pick: true,
    });
    expect(arrival).toEqual({
      id: arrival.id,
      requestId: ctx.request.row.id,
      arrivedOn: '2026-11-28',
      fileCount: 2,
      status: 'waiting',
      materialId: null,
    });
    // Every channel the PA can reach shows that it arrived, never what it says.
    const seen = JSON.stringify([
      await ctx.ok('arrivals:list', {}),
      await ctx.ok('requests:get', { id: ctx.request.row.id }),
      await ctx.ok('requests:list', { offset: 0, limit: 50 }),
      await ctx.ok('dashboard:get'),
      await ctx.ok('audit:trail', { recordId: arrival.id }).catch(() => []),
    ]);
    expect(seen).not.toMatch(/Depot valuation|2\.1m|valuation\.pdf|letter\.txt|Dear Cllr/);
    expectRefused(await ctx.call('arrivals:open', { id: arrival.id }), 'forbidden');
    expectRefused(
      await ctx.call('arrivals:classify', {
        id: arrival.id,
        title: 'x',
        summary: '',
        classification: { level: 'open' },
        personalData: noPersonalData,
        isBriefing: false,
      }),
      'forbidden',
    );
    expectRefused(await ctx.call('materials:view', { id: arrival.id }), 'not-found');
    expectRefused(await ctx.call('attachments:export', { materialId: arrival.id, attachmentId: 'x' }), 'not-found');

    // At file level, the PA's own keys open the shared record but neither its seal nor its files.
    const stored = ctx.core.session.requireVault().records.get<{ sealed: string; files: Array<{ blobId: string }> }>(arrival.id)!;
    await ctx.ok('session:lock');
    const raw = await Vault.open(vaultDir(ctx.dataFolder), { fs: ctx.files }).unlock(ctx.pa.id, PA_PASS);
    expect(JSON.stringify(raw.get(arrival.id)!.data)).not.toMatch(/Depot|valuation|letter/);
    expect(() => raw.openSealed(Buffer.from(stored.data.sealed, 'base64'), arrival.id)).toThrow(
      expect.objectContaining({ code: 'not-permitted' }),
    );
    for (const f of stored.data.files)
      await expect(readAll(raw.attachments.read(f.blobId, arrival.id))).rejects.toMatchObject({ code: 'not-permitted' });
    raw.lock();
  }, 60_000);

  it('the Member opens it and classifies it as a pink paper: the files become the material’s, under the Member key, and the arrival is done', async () => {
    const ctx = await paSignedIn();
    const arrival = await ctx.ok('arrivals:record', {
      requestId: ctx.request.row.id,
      title: SECRET,
      summary: 'Valuation £2.1m',
      files: [],
      pick: true,
    });
    await ctx.asMember();
    expect((await ctx.ok('arrivals:list', {})).filter((a: { status: string }) => a.status === 'waiting')).toHaveLength(1);
    const opened = await ctx.ok('arrivals:open', { id: arrival.id });
    expect(opened).toMatchObject({ title: SECRET, summary: 'Valuation £2.1m', files: [{ name: 'valuation.pdf', size: FILE_TEXT.length }] });
    const { material, arrival: done } = await ctx.ok('arrivals:classify', {
      id: arrival.id,
      title: opened.title,
      summary: opened.summary,
      classification: pinkPaper,
      personalData: noPersonalData,
      isBriefing: false,
    });
    expect(done).toMatchObject({ status: 'classified', materialId: material.id });
    expect(material).toMatchObject({
      requestId: ctx.request.row.id,
      receivedOn: '2026-11-28',
      classification: { level: 'pink-paper' },
      attachments: [{ name: 'valuation.pdf', size: FILE_TEXT.length }],
    });
    const vault = ctx.core.session.requireVault().records;
    expect(vault.get(material.id)!.tier).toBe('member');
    // The file is the material's now: it opens as the material's own, and no longer as the arrival's.
    const blobId = material.attachments[0]!.id;
    expect(await readAll(vault.attachments.read(blobId, material.id))).toBe(FILE_TEXT);
    await expect(readAll(vault.attachments.read(blobId, arrival.id))).rejects.toMatchObject({ code: 'cannot-open' });
    // The sealed copy is let go once classified: nothing of it remains to be opened twice.
    expect(vault.get<{ sealed: string | null; files: unknown[] }>(arrival.id)!.data).toMatchObject({ sealed: null, files: [] });
    expectRefused(
      await ctx.call('arrivals:classify', {
        id: arrival.id,
        title: 'again',
        summary: '',
        classification: { level: 'open' },
        personalData: noPersonalData,
        isBriefing: false,
      }),
      'refused',
    );

    // Back as the PA: the request says one Member-only item on THIS request, and none on another.
    const other = await ctx.ok(
      'requests:create',
      draft({ officerId: ctx.officer.id, meetingId: ctx.meeting.id, subject: 'Another matter' }),
    );
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: ctx.pa.id, passphrase: PA_PASS });
    expect((await ctx.ok('requests:get', { id: ctx.request.row.id })).lockedMaterials).toBe(1);
    expect((await ctx.ok('requests:get', { id: other.row.id })).lockedMaterials).toBe(0);
    expect((await ctx.ok('arrivals:list', { requestId: ctx.request.row.id }))[0]).toMatchObject({ status: 'classified' });
  }, 60_000);

  it('open and classify are refused in a meeting mode; a PA cannot record on a request they cannot see', async () => {
    const ctx = await paSignedIn();
    const arrival = await ctx.ok('arrivals:record', { requestId: ctx.request.row.id, title: SECRET, summary: '', files: [], pick: false });
    expectRefused(
      await ctx.call('arrivals:record', { requestId: 'no-such-request', title: 'x', summary: '', files: [], pick: false }),
      'not-found',
    );
    await ctx.asMember();
    await ctx.ok('meetingMode:set', { kind: 'public-meeting' });
    expectRefused(await ctx.call('arrivals:open', { id: arrival.id }), 'forbidden');
    await ctx.ok('meetingMode:set', { kind: 'normal' });
    expect((await ctx.ok('arrivals:open', { id: arrival.id })).title).toBe(SECRET);
  }, 60_000);

  it('hostile: a forged arrival naming another material’s blob cannot open or re-seal it; a seal moved to another record does not open', async () => {
    const ctx = await paSignedIn();
    const real = await ctx.ok('arrivals:record', { requestId: ctx.request.row.id, title: SECRET, summary: '', files: [], pick: true });
    await ctx.asMember();
    const { material } = await ctx.ok('arrivals:classify', {
      id: real.id,
      title: SECRET,
      summary: '',
      classification: pinkPaper,
      personalData: noPersonalData,
      isBriefing: false,
    });
    const pinkBlob = material.attachments[0]!.id;
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: ctx.pa.id, passphrase: PA_PASS });
    // The PA forges an arrival whose seal (made by the PA) names the pink paper's blob.
    const raw = ctx.core.session.requireVault().records;
    const forgedId = 'arrival-forged';
    const sealed = raw
      .sealForMember(
        Buffer.from(JSON.stringify({ title: 'Harmless', summary: '', files: [{ blobId: pinkBlob, name: 'p.pdf' }] })),
        forgedId,
      )
      .toString('base64');
    raw.put({
      id: forgedId,
      tier: 'shared',
      type: 'arrival',
      data: {
        id: forgedId,
        requestId: ctx.request.row.id,
        arrivedOn: '2026-11-28',
        sealed,
        files: [{ blobId: pinkBlob, size: 1 }],
        materialId: null,
        classifiedOn: null,
      },
    });
    // And moves a real seal onto another record id.
    const second = await ctx.ok('arrivals:record', { requestId: ctx.request.row.id, title: 'Second', summary: '', files: [], pick: false });
    const secondData = raw.get<Record<string, unknown>>(second.id)!.data;
    raw.put({ id: 'arrival-moved', tier: 'shared', type: 'arrival', data: { ...secondData, id: 'arrival-moved' } });
    await ctx.asMember();
    expect((await ctx.ok('arrivals:open', { id: forgedId })).title).toBe('Harmless');
    expectRefused(
      await ctx.call('arrivals:classify', {
        id: forgedId,
        title: 'Harmless',
        summary: '',
        classification: { level: 'open' },
        personalData: noPersonalData,
        isBriefing: false,
      }),
      'cannot-open',
    );
    expectRefused(await ctx.call('arrivals:open', { id: 'arrival-moved' }), 'cannot-open');
    // The pink paper's file is untouched and still its own; no open material was made from it.
    const vault = ctx.core.session.requireVault().records;
    expect(await readAll(vault.attachments.read(pinkBlob, material.id))).toBe(FILE_TEXT);
    expect((await ctx.ok('requests:get', { id: ctx.request.row.id })).materials.map((m: { title: string }) => m.title)).toEqual([SECRET]);
  }, 60_000);

  it('hostile: a forged material record naming another material’s blob cannot export or re-seal it', async () => {
    const ctx = await paSignedIn();
    await ctx.asMember();
    const arrival = await ctx.ok('arrivals:record', { requestId: ctx.request.row.id, title: SECRET, summary: '', files: [], pick: true });
    const { material } = await ctx.ok('arrivals:classify', {
      id: arrival.id,
      title: SECRET,
      summary: '',
      classification: pinkPaper,
      personalData: noPersonalData,
      isBriefing: false,
    });
    const open = await ctx.ok('materials:add', {
      requestId: ctx.request.row.id,
      title: 'Open letter',
      receivedOn: '2026-11-28',
      summary: '',
      classification: { level: 'open' },
      personalData: noPersonalData,
      isBriefing: false,
    });
    const raw = ctx.core.session.requireVault().records;
    const forged = { ...raw.get<Record<string, unknown>>(open.id)!.data, attachments: [material.attachments[0]] };
    raw.put({ id: open.id, tier: 'shared', type: 'material', data: forged });
    expectRefused(await ctx.call('attachments:export', { materialId: open.id, attachmentId: material.attachments[0]!.id }), 'cannot-open');
    expect(existsSync(path.join(path.dirname(ctx.picked), 'copy.pdf'))).toBe(false);
    // Reclassifying the forged record (which would re-seal its files) fails on the borrowed blob too; the pink paper keeps its file.
    expectRefused(
      await ctx.call('materials:reclassify', {
        id: open.id,
        classification: { level: 'confidential', basis: 'given-in-confidence' },
        resolution: null,
      }),
      'cannot-open',
    );
    expect(await readAll(raw.attachments.read(material.attachments[0]!.id, material.id))).toBe(FILE_TEXT);
  }, 60_000);
});

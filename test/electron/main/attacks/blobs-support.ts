// What the blob attacks share: a Member's case holding every kind of file a PA might aim at (a pink
// paper's attachment, an email's original and attachment, old-format files with no owner), a PA, and
// the PA's file-level tools: reading clear headers, sealing files with the PA's own key, forging records.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { seal } from '../../../../electron/main/vault/crypto';
import type { AttachmentDialogs } from '../../../../electron/main/services/attachment-service';
import type { StoredMessage } from '../../../../shared/domain/correspondence-records';
import { MEMBER_PASS, PA_PASS, seededCase } from '../../support/core';
import { fakeDesk } from '../../support/mail';
import type { MemoryFiles } from '../../support/memory-files';
import { storedMaterial } from '../../support/materials';
import { officerReply } from '../../../../tools/fixtures/mail';

export const PINK = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
} as const;
export const NO_PERSONAL_DATA = { personal: false, specialCategory: false, retainUntil: null };

export type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

/** A refusal in plain words: no stack, no exception name, no schema text, no field path. */
export function expectPlainRefusal(result: Result) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).not.toMatch(/Error\b|zod|\bat \S+ \(|undefined|\bnull\b|[a-z][A-Z][a-z]|\.ts\b/);
}

/** The clear header of a blob file, as a PA with the data folder reads it (no key needed). */
export function clearHeader(bytes: Buffer): { format: 1 | 2; tierCode: number; owner: string | null } {
  const format = bytes.subarray(0, 8).toString('latin1') === 'NTKBLOB2' ? 2 : 1;
  const tierCode = bytes.readUInt8(8);
  const idLen = bytes.readUInt16BE(9);
  if (format === 1) return { format, tierCode, owner: null };
  const ownerLen = bytes.readUInt16BE(11 + idLen);
  return { format, tierCode, owner: bytes.subarray(15 + idLen, 15 + idLen + ownerLen).toString() };
}

/** An old-format (ownerless) file in one chunk, sealed under `key`: what the app wrote before blobs had owners. */
export function oldFormatBlob(
  key: Buffer,
  tier: 'shared' | 'member',
  bytes: Buffer,
  id: string = randomUUID(),
): { id: string; file: Buffer } {
  const idBytes = Buffer.from(id);
  const head = Buffer.alloc(3);
  head.writeUInt8(tier === 'member' ? 1 : 0, 0);
  head.writeUInt16BE(idBytes.length, 1);
  const s = seal(key, bytes, Buffer.from(`ntk-blob|${id}|${tier}|0|1`));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(s.ct.length);
  return { id, file: Buffer.concat([Buffer.from('NTKBLOB1', 'latin1'), head, idBytes, len, s.iv, s.tag, s.ct]) };
}

/** A format-2 file under the shared key naming any owner: what a PA can make with their own key. */
export function paMadeBlob(sharedKey: Buffer, owner: string, bytes: Buffer, id: string = randomUUID()): { id: string; file: Buffer } {
  const idBytes = Buffer.from(id);
  const ownerBytes = Buffer.from(owner);
  const head = Buffer.alloc(3);
  head.writeUInt16BE(idBytes.length, 1);
  const lens = Buffer.alloc(4);
  lens.writeUInt16BE(ownerBytes.length, 0);
  const s = seal(sharedKey, bytes, Buffer.from(`ntk-blob2|${id}|${owner}|shared|0|1`));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(s.ct.length);
  return { id, file: Buffer.concat([Buffer.from('NTKBLOB2', 'latin1'), head, idBytes, lens, ownerBytes, len, s.iv, s.tag, s.ct]) };
}

export const SECRET = '%PDF pink paper: depot valuation 2.1m';

/**
 * The Member's case: a pink paper with an attached file, a matched officer's reply with an attachment
 * (its original and its attachment sealed by the import), and two old-format Member-only files (one an
 * old pink paper's, named by Member-only material; one an old email's). Then a PA, signed in.
 */
export async function memberCase() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-blob-attack-'));
  const picked = path.join(folder, 'valuation.pdf');
  writeFileSync(picked, SECRET);
  let exportName = 0;
  const exported: string[] = [];
  const dialogs: AttachmentDialogs = {
    chooseAttachments: async () => [picked],
    chooseExportTarget: async () => {
      const target = path.join(folder, `copy-${++exportName}.pdf`);
      exported.push(target);
      return target;
    },
  };
  const mail = fakeDesk();
  const ctx = await seededCase('2026-11-24', { attachmentDialogs: dialogs, mailDesk: mail.desk });
  mail.d.target = path.join(folder, 'original.eml');
  const raw = () => ctx.core.session.requireVault().records;
  const blobDir = path.join(ctx.dataFolder, 'vault', 'blobs');
  const blobFiles = () =>
    ctx.files.existsSync(blobDir)
      ? ctx.files
          .readdirSync(blobDir)
          .filter((f) => f.endsWith('.blob'))
          .sort()
      : [];
  const blobBytes = (id: string) => ctx.files.readFileSync(path.join(blobDir, `${id}.blob`));
  const requestId = ctx.request.row.id as string;
  // The vault's files are on the test's in-memory layer: a PA with the data folder writes there.
  const writeFile = (file: string, bytes: Buffer) => (ctx.files as MemoryFiles).writeFileSync(file, bytes);

  const pink = await ctx.ok('materials:add', {
    requestId,
    title: 'Depot valuation',
    receivedOn: '2026-11-20',
    summary: 'Valuation',
    classification: PINK,
    personalData: NO_PERSONAL_DATA,
    isBriefing: false,
  });
  const withFile = await ctx.ok('attachments:add', { materialId: pink.id });
  const pinkBlob = withFile.material.attachments[0]!.id;

  const reply = await officerReply({
    from: 'Sam Green <sam.green@example-council.gov.uk>',
    to: 'cllr.smith@example-council.gov.uk',
    subject: `RE: Depot [${ctx.request.row.reference}]`,
    date: new Date('2026-11-20T16:00:00Z'),
    attachments: [{ filename: 'tenant list.pdf', content: Buffer.from('%PDF tenants: Mrs Patel, 4 Mill Lane') }],
  });
  const imported = await ctx.ok('correspondence:import', { files: [{ name: 'reply.eml', bytes: reply }] });
  const messageId = imported.imported[0].id as string;
  const message = raw().get<StoredMessage>(messageId)!.data;
  const emailOriginalBlob = message.blobId;
  const emailMaterialId = message.filed!.materialIds[0]!;
  const emailAttachmentBlob = raw().get<{ attachments: Array<{ id: string }> }>(emailMaterialId)!.data.attachments[0]!.id;

  // Old-format files, as the app wrote them before blobs had owners, under the Member's real key.
  const keys = raw().exportKeysForQuickUnlock();
  const memberKey = Buffer.from(keys.member!, 'base64');
  const oldPink = oldFormatBlob(memberKey, 'member', Buffer.from(`${SECRET} (old format)`));
  writeFile(path.join(blobDir, `${oldPink.id}.blob`), oldPink.file);
  const oldPinkMaterial = await ctx.ok('materials:add', {
    requestId,
    title: 'Old pink paper',
    receivedOn: '2026-11-19',
    summary: '',
    classification: PINK,
    personalData: NO_PERSONAL_DATA,
    isBriefing: false,
  });
  const stored = raw().get<Record<string, unknown>>(oldPinkMaterial.id)!.data;
  raw().put({
    id: oldPinkMaterial.id,
    tier: 'member',
    type: 'material',
    data: { ...stored, attachments: [{ id: oldPink.id, name: 'old.pdf', size: 10, addedOn: '2026-11-19' }] },
  });
  const oldEmail = oldFormatBlob(memberKey, 'member', Buffer.from('From: officer\r\n\r\nMember-only email (old format)'));
  writeFile(path.join(blobDir, `${oldEmail.id}.blob`), oldEmail.file);

  const member = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
  const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  const as = async (who: 'member' | 'pa') => {
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', who === 'pa' ? { userId: pa.id, passphrase: PA_PASS } : { userId: member.id, passphrase: MEMBER_PASS });
  };
  await as('pa');
  const paShared = Buffer.from(raw().exportKeysForQuickUnlock().shared, 'base64');

  /** Every Member-only file the PA can find by its clear header. */
  const memberOnlyFiles = () =>
    blobFiles()
      .map((f) => f.slice(0, -5))
      .filter((id) => clearHeader(blobBytes(id)).tierCode !== 0);

  return {
    ...ctx,
    raw,
    as,
    folder,
    exported,
    mail,
    blobDir,
    blobFiles,
    blobBytes,
    writeFile,
    requestId,
    message,
    paShared,
    memberOnlyFiles,
    targets: {
      'a pink paper’s attached file': pinkBlob,
      'an email’s original': emailOriginalBlob,
      'an email’s attachment': emailAttachmentBlob,
      'an old-format pink paper (no owner)': oldPink.id,
      'an old-format email (no owner)': oldEmail.id,
    } as Record<string, string>,
    ids: { pink: pink.id as string, oldPinkMaterial: oldPinkMaterial.id as string, messageId, emailMaterialId },
    /** Waits for the Member's unlock to give the old-format pink paper its owner (sealed again under a new id). */
    adopted: () =>
      vi.waitFor(() =>
        expect(raw().get<{ attachments: Array<{ id: string }> }>(oldPinkMaterial.id as string)!.data.attachments[0]!.id).not.toBe(
          oldPink.id,
        ),
      ),
    /** The record each target file belongs to (none for an old-format file no record names). */
    owners: new Map<string, { type: 'material' | 'correspondence'; id: string } | null>([
      [pinkBlob, { type: 'material', id: pink.id as string }],
      [emailOriginalBlob, { type: 'correspondence', id: messageId }],
      [emailAttachmentBlob, { type: 'material', id: emailMaterialId }],
      [oldPink.id, { type: 'material', id: oldPinkMaterial.id as string }],
      [oldEmail.id, null],
    ]),
  };
}

export type MemberCase = Awaited<ReturnType<typeof memberCase>>;

/** A forged open material on the shared request naming `blobId`, written by the PA at file level. */
export function forgeOpenMaterial(t: MemberCase, blobId: string, personal = false) {
  const id = `material:${t.requestId}:${randomUUID()}`;
  const data = storedMaterial({
    id,
    requestId: t.requestId,
    title: 'Agenda pack',
    personalData: personal ? { personal: true, specialCategory: false, retainUntil: '2026-11-20' } : NO_PERSONAL_DATA,
    attachments: [{ id: blobId, name: 'agenda.pdf', size: 10, addedOn: '2026-11-20' }],
  });
  t.raw().put({ id, tier: 'shared', type: 'material', data });
  return id;
}

/** A forged shared email (no attachments, so under the shared key) naming `blobId` as its original. */
export function forgeEmail(t: MemberCase, blobId: string) {
  const id = `message:${randomUUID()}`;
  const data: StoredMessage = {
    ...t.message,
    id,
    blobId,
    messageId: `<${randomUUID()}@example-council.gov.uk>`,
    attachments: [],
    filed: null,
    requestId: null,
    requestReference: null,
    onMemberOnlyRequest: false,
  };
  t.raw().put({ id, tier: 'shared', type: 'correspondence', data });
  return id;
}

/** A forged arrival sealed to the Member (anyone can seal to the Member's public key) naming `blobIds` as agenda PDFs. */
export function forgeArrival(t: MemberCase, blobIds: string[], id = `arrival-${randomUUID()}`) {
  const payload = {
    title: 'Agenda pack',
    summary: 'Agenda PDFs for Cabinet',
    files: blobIds.map((b, i) => ({ blobId: b, name: `agenda-${i}.pdf` })),
  };
  const sealed = t
    .raw()
    .sealForMember(Buffer.from(JSON.stringify(payload)), id)
    .toString('base64');
  t.raw().put({
    id,
    tier: 'shared',
    type: 'arrival',
    data: {
      id,
      requestId: t.requestId,
      arrivedOn: '2026-11-24',
      sealed,
      files: blobIds.map((b) => ({ blobId: b, size: 10 })),
      materialId: null,
      classifiedOn: null,
    },
  });
  return id;
}

/** The PA edits a blob's clear header at file level: another owner, and optionally the shared tier code. */
export function editedHeader(bytes: Buffer, owner: string, tierCode?: number): Buffer {
  const idLen = bytes.readUInt16BE(9);
  const at = 11 + idLen;
  const ownerLen = bytes.readUInt16BE(at);
  const keyLen = bytes.readUInt16BE(at + 2);
  const head = Buffer.from(bytes.subarray(0, at));
  if (tierCode !== undefined) head.writeUInt8(tierCode, 8);
  const ownerBytes = Buffer.from(owner);
  const lens = Buffer.alloc(4);
  lens.writeUInt16BE(ownerBytes.length, 0);
  lens.writeUInt16BE(keyLen, 2);
  const rest = bytes.subarray(at + 4 + ownerLen);
  return Buffer.concat([head, lens, ownerBytes, rest]);
}

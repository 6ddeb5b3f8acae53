// Attack: file names built to read as something else, through every way a name enters: an email's
// attachments (plain, RFC 2231 and RFC 2047 encoded, in an .eml and a .msg), the email file's own
// name, a file attached from disk, and a record a PA forged at file level. Bidi overrides and
// isolates (U+202A-202E, U+2066-2069), marks (U+200E/F, U+061C), zero-width characters
// (U+200B-200D, U+2060) and the byte-order mark (U+FEFF) never reach the saved name, the name shown
// or the name a save dialog suggests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttachmentDialogs } from '../../../../electron/main/services/attachment-service';
import { seededCase } from '../../support/core';
import { fakeDesk } from '../../support/mail';
import { buildMsg, officerReply } from '../../../../tools/fixtures/mail';

const HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
const HOSTILE_NAMES = [
  'invoice\u202Efdp.exe',
  'report\u2066exe.\u2069pdf',
  'a\u2067b\u2068c\u2069.pdf',
  'zero\u200Bwidth\u200C\u200Djoin.pdf',
  '\uFEFFbom-first.pdf',
  'marks\u200E\u200F\u061C.pdf',
  'word\u2060joiner.docx',
  '\u202Bembedded\u202C.xlsx',
  '\u202Aleft\u202D.txt',
];

function dialogs() {
  const suggested: string[] = [];
  const picks: string[] = [];
  const d: AttachmentDialogs = {
    chooseAttachments: async () => picks,
    chooseExportTarget: async (name) => {
      suggested.push(name);
      return null;
    },
  };
  return { d, suggested, picks };
}

describe('attack: names that read as something else', () => {
  it('every hostile attachment name of an .eml and a .msg, and the email’s own name, is saved, shown and suggested clean', async () => {
    const desk = fakeDesk();
    const suggestedByDesk: string[] = [];
    const t = await seededCase('2026-11-24', {
      mailDesk: { ...desk.desk, chooseExportTarget: async (name) => (suggestedByDesk.push(name), null) },
    });
    const ref = t.request.row.reference as string;
    const eml = await officerReply({
      from: 'Sam Green <sam.green@example-council.gov.uk>',
      subject: `RE: [${ref}]`,
      attachments: HOSTILE_NAMES.map((filename, i) => ({ filename, content: Buffer.from(`file ${i}`) })),
    });
    const msg = buildMsg({
      subject: `RE: [${ref}] msg`,
      from: { name: 'Sam Green', email: 'sam.green@example-council.gov.uk' },
      to: [{ name: 'Jane', email: 'cllr.smith@example-council.gov.uk' }],
      body: 'Files',
      headers:
        'Message-ID: <msg-names@x>\r\nAuthentication-Results: example-council.gov.uk; dkim=pass header.d=example-council.gov.uk\r\nReceived: from mail.example-council.gov.uk by mx1.example-council.gov.uk; Tue, 24 Nov 2026 10:30:02 +0000\r\n',
      attachments: HOSTILE_NAMES.map((name, i) => ({ name, content: Buffer.from(`msg file ${i}`) })),
    });
    const result = await t.ok('correspondence:import', {
      files: [
        { name: 'reply\u202Elme.exe\u200B.eml', bytes: eml },
        { name: '\u2066outlook\u2069.msg', bytes: Buffer.from(msg) },
      ],
    });
    expect(result.refused).toEqual([]);
    let checked = 0;
    for (const item of result.imported) {
      expect(item.fileName).not.toMatch(HIDDEN);
      for (const a of item.attachments) {
        expect(a.name).not.toMatch(HIDDEN);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);
    // Filed to the request at once (the sender is confirmed): each file is material, its title and file name clean.
    const detail = await t.ok('requests:get', { id: t.request.row.id });
    expect(detail.materials.length).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);
    for (const m of detail.materials) {
      expect(m.title).not.toMatch(HIDDEN);
      for (const a of m.attachments) expect(a.name).not.toMatch(HIDDEN);
    }
    for (const view of await t.ok('correspondence:forRequest', { requestId: t.request.row.id }))
      for (const a of view.attachments) expect(a.name).not.toMatch(HIDDEN);
    // "Save the original email" (of one with no attachments, so no gate stands first) suggests the cleaned name.
    const plain = await t.ok('correspondence:import', {
      files: [{ name: 'plain\u202Eexe.\u200Beml', bytes: await officerReply({ subject: 'No files', messageId: '<plain@x>' }) }],
    });
    expect(plain.imported[0].fileName).not.toMatch(HIDDEN);
    await t.ok('correspondence:exportOriginal', { id: plain.imported[0].id });
    expect(suggestedByDesk).toHaveLength(1);
    expect(suggestedByDesk[0]).not.toMatch(HIDDEN);
  }, 120_000);

  it('a file attached from disk with a hostile name, and a PA-forged name, are saved and suggested clean', async () => {
    const dlg = dialogs();
    const t = await seededCase('2026-11-24', { attachmentDialogs: dlg.d });
    const open = await t.ok('materials:add', {
      requestId: t.request.row.id,
      title: 'Site plan',
      receivedOn: '2026-11-20',
      summary: '',
      classification: { level: 'open' },
      personalData: { personal: false, specialCategory: false, retainUntil: null },
      isBriefing: false,
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ntk-names-'));
    for (const name of HOSTILE_NAMES) {
      const file = path.join(dir, name);
      writeFileSync(file, 'x');
      dlg.picks.push(file);
    }
    const added = await t.ok('attachments:add', { materialId: open.id });
    expect(added.added).toBe(HOSTILE_NAMES.length);
    for (const a of added.material.attachments) expect(a.name, JSON.stringify(a.name)).not.toMatch(HIDDEN);
    // A name forged into the record at file level is still suggested clean.
    const raw = t.core.session.requireVault().records;
    const record = raw.get<{ attachments: Array<{ name: string }> }>(open.id)!;
    raw.put({
      id: open.id,
      tier: record.tier,
      type: 'material',
      data: { ...record.data, attachments: record.data.attachments.map((a, i) => ({ ...a, name: HOSTILE_NAMES[i]! })) },
    });
    for (const a of record.data.attachments as unknown as Array<{ id: string }>) {
      await t.ok('attachments:export', { materialId: open.id, attachmentId: a.id });
    }
    expect(dlg.suggested).toHaveLength(HOSTILE_NAMES.length);
    for (const name of dlg.suggested) expect(name, JSON.stringify(name)).not.toMatch(HIDDEN);
  }, 120_000);
});

// Every blob has an owner: a PA with the data folder and their own real keys finds the Member's files
// by their clear headers and names them in forged records (an arrival sealed to the Member, a shared
// email, an open material), then waits for the Member to classify, save out, erase or reclassify.
// Each variant must be refused or detected, leave every file as it was, and never crash.
import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { officerReply } from '../../../../tools/fixtures/mail';
import type { StoredMessage } from '../../../../shared/domain/correspondence-records';
import { EventHub } from '../../../../electron/main/services/events';
import { filesOf } from '../../../../electron/main/services/record-files';
import { RecordsRepository } from '../../../../electron/main/services/records-repository';
import { draft, seededCase } from '../../support/core';
import { fakeDesk } from '../../support/mail';
import {
  NO_PERSONAL_DATA,
  SECRET,
  clearHeader,
  editedHeader,
  expectPlainRefusal,
  forgeArrival,
  forgeEmail,
  forgeOpenMaterial,
  memberCase,
  oldFormatBlob,
  paMadeBlob,
  type MemberCase,
  type Result,
} from './blobs-support';

/** attack -> [variants, refused or detected, silent, crashed, lost] */
const tally = new Map<string, [number, number, number, number, number]>();
function count(attack: string, result: Result | 'crash', lost: number) {
  const row = tally.get(attack) ?? [0, 0, 0, 0, 0];
  row[0]++;
  if (result === 'crash') row[3]++;
  else if (result.ok) row[2]++;
  else row[1]++;
  row[4] += lost;
  tally.set(attack, row);
}
afterAll(() => {
  const lines = [...tally].map(([a, [v, r, s, c, l]]) => `| ${a} | ${v} | ${r} | ${s} | ${c} | ${l} |`);
  console.log(['| attack | variants | refused or detected | silent | crashed | lost |', ...lines].join('\n'));
});

/** Calls the contract; a thrown exception (rather than a refusal) counts as a crash. */
async function attempt(t: Pick<MemberCase, 'call'>, channel: string, input: unknown): Promise<Result | 'crash'> {
  try {
    return (await t.call(channel, input)) as Result;
  } catch {
    return 'crash';
  }
}

/**
 * Files the Member had before the attack that are now gone: a file is kept when it is there unchanged, or
 * when the record it belongs to names files that are all there (the Member's unlock gives an old-format
 * file its owner by sealing it again, under a new id: moved, not lost).
 */
function lostFiles(t: MemberCase, before: Map<string, Buffer>): number {
  const there = (id: string) => t.files.existsSync(path.join(t.blobDir, `${id}.blob`));
  let lost = 0;
  for (const [id, bytes] of before) {
    if (there(id) && t.files.readFileSync(path.join(t.blobDir, `${id}.blob`)).equals(bytes)) continue;
    const owner = t.owners.get(id);
    const record = owner ? t.raw().get<{ attachments?: Array<{ id: string }>; blobId?: string }>(owner.id) : undefined;
    const named = record ? (record.data.attachments?.map((a) => a.id) ?? [record.data.blobId!]) : [];
    if (named.length > 0 && !named.includes(id) && named.every(there)) continue;
    lost++;
  }
  return lost;
}

/** The Member's files as they are now (an old-format one already given its owner by an unlock is under its new id). */
const snapshot = (t: MemberCase) =>
  new Map(
    Object.values(t.targets)
      .filter((id) => t.files.existsSync(path.join(t.blobDir, `${id}.blob`)))
      .map((id) => [id, Buffer.from(t.blobBytes(id))]),
  );

/** A genuine arrival the PA records through the contract: its file is sealed for the Member with the arrival as owner. */
async function genuineArrivalBlob(t: MemberCase): Promise<string> {
  const before = new Set(t.blobFiles());
  await t.ok('arrivals:record', {
    requestId: t.requestId,
    title: 'Site plan',
    summary: '',
    files: [{ name: 'plan.pdf', bytes: new Uint8Array(Buffer.from('%PDF plan')) }],
    pick: false,
  });
  return t
    .blobFiles()
    .find((f) => !before.has(f))!
    .slice(0, -5);
}

describe('a PA with the data folder finds the Member’s files by their clear headers', () => {
  it('the headers say which files are Member only, and the PA’s own key opens none of them', async () => {
    const t = await memberCase();
    const found = t.memberOnlyFiles();
    for (const id of Object.values(t.targets)) expect(found).toContain(id);
    for (const [what, id] of Object.entries(t.targets)) {
      const owner = clearHeader(t.blobBytes(id)).owner ?? 'any';
      const read = t.raw().attachments.read(id, owner, { ownerless: () => true });
      await expect(
        (async () => {
          for await (const _ of read) void _;
        })(),
        what,
      ).rejects.toMatchObject({ code: 'not-permitted' });
    }
  });
});

describe('R-USE-2: an arrival accepts only files sealed for the Member with the arrival as owner', () => {
  it('forged arrivals naming the Member’s files (and files the PA made) are refused at classification; nothing moves', async () => {
    const t = await memberCase();
    const arrivalBlob = await genuineArrivalBlob(t);
    const forged: Array<[string, string]> = Object.entries(t.targets).map(([what, id]) => [what, forgeArrival(t, [id])]);
    forged.push(['every Member-only file at once', forgeArrival(t, t.memberOnlyFiles())]);
    forged.push(['another arrival’s own file', forgeArrival(t, [arrivalBlob])]);
    // Files the PA made: under the shared key with the arrival as owner, and in the old format with none.
    const ownId = `arrival-${crypto.randomUUID()}`;
    const own = paMadeBlob(t.paShared, ownId, Buffer.from('%PDF made by the PA'));
    t.writeFile(path.join(t.blobDir, `${own.id}.blob`), own.file);
    forged.push(['a PA-made file with the arrival as owner, not sealed for the Member', forgeArrival(t, [own.id], ownId)]);
    const old = oldFormatBlob(t.paShared, 'shared', Buffer.from('%PDF old format by the PA'));
    t.writeFile(path.join(t.blobDir, `${old.id}.blob`), old.file);
    forged.push(['a PA-made old-format file', forgeArrival(t, [old.id])]);

    await t.as('member');
    await t.adopted();
    const before = snapshot(t);
    before.set(arrivalBlob, Buffer.from(t.blobBytes(arrivalBlob)));
    const files = t.blobFiles();
    const materials = (await t.ok('requests:get', { id: t.requestId })).materials.length;
    for (const [what, id] of forged) {
      const result = await attempt(t, 'arrivals:classify', {
        id,
        title: 'Agenda pack',
        summary: '',
        classification: { level: 'open' },
        personalData: NO_PERSONAL_DATA,
        isBriefing: false,
      });
      count('forged arrival naming the Member’s files, classified open', result, lostFiles(t, before));
      expect(result, what).not.toBe('crash');
      expectPlainRefusal(result as Result);
    }
    // Nothing was re-sealed under the shared key, nothing deleted, no material made.
    expect(t.blobFiles()).toEqual(files);
    expect(lostFiles(t, before)).toBe(0);
    expect((await t.ok('requests:get', { id: t.requestId })).materials).toHaveLength(materials);
    for (const id of before.keys()) expect(clearHeader(t.blobBytes(id)).tierCode, id).not.toBe(0);
  }, 60_000);
});

describe('R-DIS-3: “Save the original email” opens only the email’s own file', () => {
  it('forged shared emails naming a pink paper’s (or any other record’s) file are refused; nothing is written out', async () => {
    const t = await memberCase();
    const arrivalBlob = await genuineArrivalBlob(t);
    const forged = [...Object.entries(t.targets), ['an arrival’s file', arrivalBlob] as [string, string]].map(
      ([what, id]) => [what, forgeEmail(t, id)] as const,
    );
    await t.as('member');
    const before = snapshot(t);
    for (const [what, id] of forged) {
      const result = await attempt(t, 'correspondence:exportOriginal', { id });
      count('forged shared email naming another record’s file, “Save the original email”', result, lostFiles(t, before));
      expect(result, what).not.toBe('crash');
      expectPlainRefusal(result as Result);
      expect(existsSync(t.mail.d.target!), what).toBe(false);
    }
    // The same from a hostile page: ids of other kinds of record.
    for (const id of [t.ids.pink, t.ids.emailMaterialId, t.requestId, 'message:../../vault.json']) {
      const result = await attempt(t, 'correspondence:exportOriginal', { id });
      count('hostile page: “Save the original email” with another record’s id', result, lostFiles(t, before));
      expectPlainRefusal(result as Result);
    }
    expect(existsSync(t.mail.d.target!)).toBe(false);
  }, 60_000);

  it('a Member-only email never leaves in public-meeting mode; every copy of an original is audited on the email', async () => {
    const mail = fakeDesk();
    const ctx = await seededCase('2026-11-24', { mailDesk: mail.desk });
    mail.d.target = path.join(ctx.dataFolder, 'out.eml');
    const secret = await ctx.ok('requests:create', draft({ officerId: ctx.officer.id, meetingId: ctx.meeting.id, memberOnly: true }));
    const reply = await officerReply({
      from: 'sam.green@example-council.gov.uk',
      to: 'cllr.smith@example-council.gov.uk',
      subject: `RE: care home [${secret.row.reference}]`,
      messageId: '<mo@x>',
    });
    const { imported } = await ctx.ok('correspondence:import', { files: [{ name: 'r.eml', bytes: reply }] });
    const id = imported[0].id;
    // And one saved under the shared key before its request's tier was kept on it (not yet moved by an unlock).
    const raw = ctx.core.session.requireVault().records;
    const staleId = `message:${crypto.randomUUID()}`;
    const staleBlob = await raw.attachments.add(Readable.from([Buffer.from('From: x\r\n\r\ncare home')]), 'shared', staleId);
    const template = raw.get<StoredMessage>(id)!.data;
    raw.put({
      id: staleId,
      tier: 'shared',
      type: 'correspondence',
      data: { ...template, id: staleId, blobId: staleBlob.id, messageId: '<stale@x>', onMemberOnlyRequest: undefined },
    });
    for (const mode of [{ kind: 'public-meeting' }, { kind: 'private-session', meetingId: ctx.meeting.id }]) {
      await ctx.ok('meetingMode:set', mode);
      for (const which of [id, staleId]) {
        const result = await attempt(ctx, 'correspondence:exportOriginal', { id: which });
        count('Member-only email saved out in a meeting mode', result, 0);
        expectPlainRefusal(result as Result);
        expect(existsSync(mail.d.target)).toBe(false);
      }
    }
    await ctx.ok('meetingMode:set', { kind: 'public-meeting' });
    await ctx.ok('meetingMode:set', { kind: 'normal' });
    const saved = await ctx.ok('correspondence:exportOriginal', { id });
    expect(readFileSync(saved.file, 'utf8')).toContain('care home');
    const trail = await ctx.ok('audit:trail', { recordId: id });
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['exported']);
    expect(trail[0].detail).toMatchObject({ what: 'the original email', file: 'out.eml' });
  });
});

describe('R-DIS-3: “Save a copy” opens only the material’s own file', () => {
  it('forged open material naming an email’s attachment (or any other record’s file) is refused, for the Member and the PA', async () => {
    const t = await memberCase();
    const arrivalBlob = await genuineArrivalBlob(t);
    const targets = [...Object.entries(t.targets), ['an arrival’s file', arrivalBlob] as [string, string]];
    const forged = targets.map(([what, id]) => [what, forgeOpenMaterial(t, id), id] as const);
    const before = snapshot(t);
    for (const [what, materialId, attachmentId] of forged) {
      const result = await attempt(t, 'attachments:export', { materialId, attachmentId });
      count('forged open material naming another record’s file, “Save a copy” (PA)', result, lostFiles(t, before));
      expect(result, what).not.toBe('crash');
      expectPlainRefusal(result as Result);
    }
    await t.as('member');
    for (const [what, materialId, attachmentId] of forged) {
      const result = await attempt(t, 'attachments:export', { materialId, attachmentId });
      count('forged open material naming another record’s file, “Save a copy” (Member)', result, lostFiles(t, before));
      expect(result, what).not.toBe('crash');
      expectPlainRefusal(result as Result);
    }
    // The hostile page pairing one material with another's attachment.
    const cross = await attempt(t, 'attachments:export', {
      materialId: t.ids.emailMaterialId,
      attachmentId: t.targets['a pink paper’s attached file'],
    });
    count('hostile page: one material’s id with another’s attachment', cross, lostFiles(t, before));
    expectPlainRefusal(cross as Result);
    for (const file of t.exported) expect(existsSync(file) && readFileSync(file, 'utf8').includes('pink paper')).toBe(false);
    expect(lostFiles(t, before)).toBe(0);
  }, 60_000);
});

describe('a blob a Member record still names is never thrown away', () => {
  it('erasing or reclassifying forged material naming the Member’s files leaves every file as it was', async () => {
    const t = await memberCase();
    const forged = Object.entries(t.targets).map(([what, id]) => [what, forgeOpenMaterial(t, id, true)] as const);
    const before = snapshot(t);
    await t.as('member');
    for (const [what, id] of forged) {
      const erased = await attempt(t, 'materials:erase', { id });
      count('forged material naming the Member’s file, erased', erased, lostFiles(t, before));
      expect(erased, what).not.toBe('crash');
      expectPlainRefusal(erased as Result);
      const moved = await attempt(t, 'materials:reclassify', { id, classification: { level: 'confidential' }, resolution: null });
      count('forged material naming the Member’s file, reclassified', moved, lostFiles(t, before));
      expect(moved, what).not.toBe('crash');
      expectPlainRefusal(moved as Result);
    }
    expect(lostFiles(t, before)).toBe(0);
    // The Member's own records still open their files, old format included.
    const pink = await t
      .ok('attachments:export', { materialId: t.ids.pink, attachmentId: t.targets['a pink paper’s attached file'] })
      .catch((e: Error) => e.message);
    expect(String(pink)).toMatch(/approved disclosure/);
  }, 60_000);

  it('the Member’s unlock gives the Member’s old-format files their owner, content unchanged; a PA’s record naming one gets nothing', async () => {
    const t = await memberCase();
    const oldPink = t.targets['an old-format pink paper (no owner)']!;
    const oldEmail = t.targets['an old-format email (no owner)']!;
    const forgedPink = forgeOpenMaterial(t, oldPink);
    const forgedEmail = forgeOpenMaterial(t, oldEmail);
    await t.as('member');
    await t.adopted();
    const records = new RecordsRepository(t.core.session, new EventHub());
    const read = async (id: string, blobId: string) => {
      const chunks: Buffer[] = [];
      for await (const c of filesOf(records, { type: 'material', ...records.find('material', id)! }).read(blobId)) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString();
    };
    const adopted = records.get('material', t.ids.oldPinkMaterial)!.attachments[0]!.id;
    expect(clearHeader(t.blobBytes(adopted))).toEqual({ format: 2, tierCode: 1, owner: t.ids.oldPinkMaterial });
    expect(await read(t.ids.oldPinkMaterial, adopted)).toBe(`${SECRET} (old format)`);
    expect(t.files.existsSync(path.join(t.blobDir, `${oldPink}.blob`))).toBe(false);
    // The PA's records were not adopted: the one naming the unnamed old email keeps naming it and cannot open it.
    expect(records.get('material', forgedEmail)!.attachments[0]!.id).toBe(oldEmail);
    await expect(read(forgedEmail, oldEmail)).rejects.toThrow(/old format/);
    await expect(read(forgedPink, oldPink)).rejects.toMatchObject({ code: 'not-found' });
    await expect(read(forgedPink, adopted)).rejects.toThrow(/another record/);
    expect(clearHeader(t.blobBytes(oldEmail)).format).toBe(1); // kept: a PA's word throws nothing away
  });
});

describe('a clear header edited by the PA never gets a file thrown away', () => {
  it('a Member’s file re-headed to a forged record’s id (and to the shared tier) survives erasure by the Member and by the PA, and the unlock sweep', async () => {
    const t = await memberCase();
    const targets = [t.targets['a pink paper’s attached file']!, t.targets['an email’s original']!, t.targets['an email’s attachment']!];
    const originals = new Map(targets.map((id) => [id, Buffer.from(t.blobBytes(id))]));
    const variants: Array<{ what: string; materialId: string; blobId: string; as: 'member' | 'pa' }> = [];
    for (const blobId of targets) {
      for (const [as, tierCode] of [
        ['member', undefined],
        ['pa', 0],
      ] as const) {
        const materialId = forgeOpenMaterial(t, blobId, true);
        variants.push({ what: `${blobId} as ${as}`, materialId, blobId, as });
        t.writeFile(path.join(t.blobDir, `${blobId}.blob`), editedHeader(originals.get(blobId)!, materialId, tierCode));
        const r = await attempt(t, 'materials:erase', { id: materialId });
        if (as === 'pa') {
          count(
            'PA re-heads a Member’s file to its forged material, then erases it (PA)',
            r,
            t.files.existsSync(path.join(t.blobDir, `${blobId}.blob`)) ? 0 : 1,
          );
          expect(r, blobId).not.toBe('crash');
          expectPlainRefusal(r as Result);
        }
      }
    }
    await t.as('member');
    for (const v of variants.filter((x) => x.as === 'member')) {
      t.writeFile(path.join(t.blobDir, `${v.blobId}.blob`), editedHeader(originals.get(v.blobId)!, v.materialId));
      const r = await attempt(t, 'materials:erase', { id: v.materialId });
      count(
        'PA re-heads a Member’s file to its forged material; the Member erases it',
        r,
        t.files.existsSync(path.join(t.blobDir, `${v.blobId}.blob`)) ? 0 : 1,
      );
      expect(r, v.what).not.toBe('crash');
      expectPlainRefusal(r as Result);
    }
    // Re-headed to a record that exists and names other files: the sweep at the Member's unlock leaves it.
    for (const blobId of targets)
      t.writeFile(path.join(t.blobDir, `${blobId}.blob`), editedHeader(originals.get(blobId)!, t.ids.oldPinkMaterial));
    await t.as('member');
    await new Promise((r) => setTimeout(r, 200));
    for (const blobId of targets) {
      const kept = t.files.existsSync(path.join(t.blobDir, `${blobId}.blob`));
      count(
        'PA re-heads a Member’s file to a record naming others; the unlock sweep',
        kept ? { ok: false, error: { code: 'kept', message: '' } } : { ok: true, value: null },
        kept ? 0 : 1,
      );
      expect(kept).toBe(true);
    }
    // Nothing lost: with its header put back, each file opens for its own record again.
    for (const [id, bytes] of originals) t.writeFile(path.join(t.blobDir, `${id}.blob`), bytes);
    const owner = clearHeader(t.blobBytes(t.targets['a pink paper’s attached file']!)).owner!;
    expect(owner).toBe(t.ids.pink);
  }, 60_000);

  it('filing a forged email naming the Member’s files is refused and makes no material', async () => {
    const t = await memberCase();
    const forged = Object.entries(t.targets).map(([what, id]) => [what, forgeEmail(t, id)] as const);
    await t.as('member');
    const before = snapshot(t);
    const materials = (await t.ok('requests:get', { id: t.requestId })).materials.length;
    for (const [what, id] of forged) {
      const r = await attempt(t, 'correspondence:file', { id, requestId: t.requestId, kind: 'answered', promisedBy: null });
      count('forged shared email naming the Member’s file, filed by hand', r, lostFiles(t, before));
      expect(r, what).not.toBe('crash');
      expectPlainRefusal(r as Result);
    }
    expect((await t.ok('requests:get', { id: t.requestId })).materials).toHaveLength(materials);
    expect(lostFiles(t, before)).toBe(0);
  }, 60_000);
});

describe('a PA’s shared-key file never stands in for a Member-only record’s file', () => {
  it('files replaced at file level (same id, same owner, the PA’s key) are refused where the Member’s records read them', async () => {
    const t = await memberCase();
    const swaps: Array<[string, string, string]> = [
      ['a pink paper’s attached file', t.targets['a pink paper’s attached file']!, t.ids.pink],
      ['an email’s attachment', t.targets['an email’s attachment']!, t.ids.emailMaterialId],
      ['an email’s original', t.targets['an email’s original']!, t.ids.messageId],
    ];
    for (const [, blobId, owner] of swaps)
      t.writeFile(
        path.join(t.blobDir, `${blobId}.blob`),
        paMadeBlob(t.paShared, owner, Buffer.from('%PDF planted by the PA'), blobId).file,
      );
    const old = t.targets['an old-format pink paper (no owner)']!;
    t.writeFile(
      path.join(t.blobDir, `${old}.blob`),
      oldFormatBlob(t.paShared, 'shared', Buffer.from('%PDF planted (old format)'), old).file,
    );
    swaps.push(['an old-format pink paper (no owner)', old, t.ids.oldPinkMaterial]);
    await t.as('member');
    const records = new RecordsRepository(t.core.session, new EventHub());
    for (const [what, blobId, owner] of swaps) {
      const type = owner.startsWith('message:') ? 'correspondence' : 'material';
      let result: Result;
      try {
        const chunks: Buffer[] = [];
        for await (const c of filesOf(records, { type, ...records.find(type, owner)! }).read(blobId)) chunks.push(c as Buffer);
        result = { ok: true, value: Buffer.concat(chunks).toString() };
      } catch (error) {
        result = { ok: false, error: { code: 'cannot-open', message: String((error as Error).message) } };
      }
      count('PA replaces a Member-only record’s file with its own (same id and owner)', result, 0);
      expect(result.ok, what).toBe(false);
    }
    // Through the app: lowering the pink paper (with the committee's resolution) re-seals its file: refused, nothing adopted.
    const lowered = await attempt(t, 'materials:reclassify', {
      id: t.ids.pink,
      classification: { level: 'open' },
      resolution: { meeting: 'Cabinet', date: '2026-11-20', minuteReference: 'C/12' },
    });
    count('PA replaces a Member-only record’s file with its own (same id and owner)', lowered, 0);
    expectPlainRefusal(lowered as Result);
    const original = await attempt(t, 'correspondence:file', {
      id: t.ids.messageId,
      requestId: t.requestId,
      kind: 'answered',
      promisedBy: null,
    });
    expect(original).not.toBe('crash');
  }, 60_000);
});

describe('erasing a PA’s old record with an old-format shared file', () => {
  it('takes the file with it when no other record names it; never when another record (the Member’s) does, nor moves it then', async () => {
    const t = await memberCase();
    await t.as('member');
    const open = await t.ok('materials:add', {
      requestId: t.requestId,
      title: 'Bus timetable',
      receivedOn: '2026-11-19',
      summary: '',
      classification: { level: 'open' },
      personalData: NO_PERSONAL_DATA,
      isBriefing: false,
    });
    const membersOld = oldFormatBlob(t.paShared, 'shared', Buffer.from('%PDF timetable (old format)'));
    t.writeFile(path.join(t.blobDir, `${membersOld.id}.blob`), membersOld.file);
    const stored = t.raw().get<Record<string, unknown>>(open.id)!.data;
    t.raw().put({
      id: open.id,
      tier: 'shared',
      type: 'material',
      data: { ...stored, attachments: [{ id: membersOld.id, name: 'timetable.pdf', size: 10, addedOn: '2026-11-19' }] },
    });
    await t.as('pa');
    // The PA's own old record and file (as attached before files had owners), and a PA record naming the Member's file.
    const own = oldFormatBlob(t.paShared, 'shared', Buffer.from('%PDF letter from Mrs Patel (old format)'));
    t.writeFile(path.join(t.blobDir, `${own.id}.blob`), own.file);
    const ownRecord = forgeOpenMaterial(t, own.id, true);
    const forged = forgeOpenMaterial(t, membersOld.id, true);
    const r = await attempt(t, 'materials:erase', { id: forged });
    const kept = t.files.existsSync(path.join(t.blobDir, `${membersOld.id}.blob`));
    count('PA record naming the Member’s old-format shared file, erased', r, kept ? 0 : 1);
    expect(r).not.toBe('crash');
    expectPlainRefusal(r as Result);
    expect(kept).toBe(true);
    await t.ok('materials:erase', { id: ownRecord });
    expect(t.files.existsSync(path.join(t.blobDir, `${own.id}.blob`))).toBe(false);
    // At the Member's unlock neither record takes the file as its own while both name it (who saved a record last
    // vouches for nothing): it stays as it was, used through either, and the PA's erasure still leaves it.
    await t.as('member');
    await new Promise((r) => setTimeout(r, 500));
    expect(t.raw().get<{ attachments: Array<{ id: string }> }>(open.id)!.data.attachments[0]!.id).toBe(membersOld.id);
    expect(clearHeader(t.blobBytes(membersOld.id)).owner).toBeNull();
    await t.as('pa');
    expectPlainRefusal((await attempt(t, 'materials:erase', { id: forged })) as Result);
    expect(t.files.existsSync(path.join(t.blobDir, `${membersOld.id}.blob`))).toBe(true);
  }, 60_000);
});

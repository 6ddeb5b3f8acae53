import type { VaultFs } from '../../../../electron/main/vault/fsio';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PA_PASS, seededCase } from '../../support/core';

const pinkPaper = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
};
const noPersonal = { personal: false, specialCategory: false, retainUntil: null };

async function withMaterials() {
  const ctx = await seededCase('2026-11-24');
  const add = (over: Record<string, unknown>) =>
    ctx.ok('materials:add', {
      requestId: ctx.request.row.id,
      title: 'Item',
      receivedOn: '2026-11-20',
      summary: 'Text',
      classification: { level: 'open' },
      personalData: noPersonal,
      isBriefing: false,
      ...over,
    });
  const pink = await add({ title: 'Depot valuation (pink paper)', summary: 'Valuation £2.1m', classification: pinkPaper });
  const letter = await add({
    title: 'Letter from Mr Patel',
    summary: 'Mr Patel of 12 Mill Lane says…',
    personalData: { personal: true, specialCategory: false, retainUntil: '2026-11-23' },
    thirdPartyName: 'Mr Patel',
  });
  const notYetDue = await add({
    title: 'Later letter',
    personalData: { personal: true, specialCategory: false, retainUntil: '2027-01-31' },
  });
  return { ...ctx, pink, letter, notYetDue, dataFolder: ctx.core.session.requireVault().records.dir };
}

async function signInAsPa(ctx: Awaited<ReturnType<typeof withMaterials>>) {
  const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
}

const vaultBytes = (files: VaultFs, dir: string) =>
  files
    .readdirSync(dir)
    .filter((f) => /^(snapshot|journal)-/.test(f))
    .map((f) => files.readFileSync(path.join(dir, f)).toString('base64'))
    .join('|');

describe('reclassifying material through the IPC contract', () => {
  it('R-CLS-3 R-USE-3 a pink paper needs the resolution; the change and the resolution are audited', async () => {
    const { call, ok, pink } = await withMaterials();
    expect(await call('materials:reclassify', { id: pink.id, classification: { level: 'open' }, resolution: null })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/minute reference/) },
    });
    expect(
      await call('materials:reclassify', {
        id: pink.id,
        classification: { level: 'open' },
        resolution: { meeting: 'Cabinet', date: 'soon', minuteReference: 'CAB/114' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(
      (await ok('requests:get', { id: pink.requestId })).materials.find((m: { id: string }) => m.id === pink.id).classification.level,
    ).toBe('pink-paper');
    const open = await ok('materials:reclassify', {
      id: pink.id,
      classification: { level: 'open' },
      resolution: { meeting: 'Cabinet', date: '2026-12-02', minuteReference: 'CAB/114' },
    });
    expect(open).toMatchObject({ classification: { level: 'open' }, meetingId: null });
    const trail = await ok('audit:trail', { recordId: pink.id });
    expect(trail.at(-1)).toMatchObject({
      action: 'reclassified',
      detail: { from: 'pink-paper', to: 'open', resolution: { minuteReference: 'CAB/114' } },
    });
  });

  it('R-CLS-2 "unsure" material changes only with the officer’s confirmation', async () => {
    const { call, ok, request } = await withMaterials();
    const unsure = await ok('materials:add', {
      requestId: request.row.id,
      title: 'Site notes',
      receivedOn: '2026-11-20',
      summary: '',
      classification: { level: 'unsure' },
      personalData: noPersonal,
      isBriefing: false,
    });
    expect(await call('materials:reclassify', { id: unsure.id, classification: { level: 'open' }, resolution: null })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/officer confirms/) },
    });
    const done = await ok('materials:reclassify', {
      id: unsure.id,
      classification: { level: 'open' },
      resolution: null,
      confirmation: { officer: 'Sam Green', on: '2026-11-24' },
    });
    expect(done.classification).toEqual({ level: 'open' });
    expect((await ok('audit:trail', { recordId: unsure.id })).at(-1).detail.confirmation).toEqual({
      officer: 'Sam Green',
      on: '2026-11-24',
    });
  });

  it('R-USE-2 a PA cannot reclassify Member-only material, nor make open material protected', async () => {
    const ctx = await withMaterials();
    await signInAsPa(ctx);
    expect(
      await ctx.call('materials:reclassify', {
        id: ctx.pink.id,
        classification: { level: 'open' },
        resolution: { meeting: 'Cabinet', date: '2026-12-02', minuteReference: 'CAB/114' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await ctx.call('materials:reclassify', {
        id: ctx.letter.id,
        classification: { level: 'confidential', basis: 'given-in-confidence' },
        resolution: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      (await ctx.ok('requests:get', { id: ctx.letter.requestId })).materials.find((m: { id: string }) => m.id === ctx.letter.id)
        .classification,
    ).toEqual({ level: 'open' });
  });
});

describe('third-party consent and the disclosure gate', () => {
  async function approvedUpTo(ctx: Awaited<ReturnType<typeof withMaterials>>, materialId: string, ground: 'a' | 'b') {
    const d = await ctx.ok('disclosures:start', { materialId });
    await ctx.ok('disclosures:advance', { id: d.id, event: { type: 'choose-ground', ground } });
    const evidence =
      ground === 'a'
        ? { consentGivenBy: 'Director of Resources', authority: 'Report author', consentDate: '2026-11-24' }
        : { legalProvision: 'Court order in claim K123', requestedBy: 'County Court' };
    await ctx.ok('disclosures:advance', { id: d.id, event: { type: 'complete-evidence', evidence } });
    return d;
  }
  const approve = { type: 'approve', officerCheck: { checked: true, note: 'Head of Estates agreed.' } };

  it('R-ASK-11 protected third-party material cannot be approved for disclosure until consent is given; ground (b) is not held up', async () => {
    const ctx = await withMaterials();
    // Make the letter protected so it goes through the gate.
    await ctx.ok('materials:reclassify', {
      id: ctx.letter.id,
      classification: { level: 'confidential', basis: 'given-in-confidence' },
      resolution: null,
    });

    // Required by law: goes ahead whatever the consent. (Done first: one disclosure of an item is in progress at a time, R-DIS-2.)
    const law = await approvedUpTo(ctx, ctx.letter.id, 'b');
    expect((await ctx.ok('disclosures:advance', { id: law.id, event: approve })).gate.state).toBe('approved');
    await ctx.ok('disclosures:advance', { id: law.id, event: { type: 'disclose', to: 'County Court', on: '2026-11-24', what: 'Letter' } });

    const d = await approvedUpTo(ctx, ctx.letter.id, 'a');
    expect(d.thirdParty).toMatchObject({ name: 'Mr Patel', consent: 'not-asked' });
    expect(await ctx.call('disclosures:advance', { id: d.id, event: approve })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/Mr Patel.*consent/) },
    });
    await ctx.ok('materials:recordConsent', { id: ctx.letter.id, status: 'asked', on: '2026-11-21', note: 'Letter sent' });
    expect(await ctx.call('disclosures:advance', { id: d.id, event: approve })).toMatchObject({ ok: false, error: { code: 'refused' } });
    const given = await ctx.ok('materials:recordConsent', {
      id: ctx.letter.id,
      status: 'given',
      on: '2026-11-24',
      note: 'Signed consent form',
    });
    expect(given.thirdParty).toMatchObject({
      consent: 'given',
      history: [{ status: 'asked' }, { status: 'given', note: 'Signed consent form' }],
    });
    expect((await ctx.ok('disclosures:advance', { id: d.id, event: approve })).gate.state).toBe('approved');

    // Consent withdrawn after approval: the last step is refused too.
    await ctx.ok('materials:recordConsent', { id: ctx.letter.id, status: 'refused', on: '2026-11-24', note: 'Phoned to withdraw' });
    expect(
      await ctx.call('disclosures:advance', { id: d.id, event: { type: 'disclose', to: 'Residents', on: '2026-11-24', what: 'Letter' } }),
    ).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect((await ctx.ok('disclosures:register')).map((e: { to: string }) => e.to)).toEqual(['County Court']);
  });

  it('R-ASK-11 bad consent input changes nothing', async () => {
    const { call, ok, letter, pink } = await withMaterials();
    expect(await call('materials:recordConsent', { id: letter.id, status: 'maybe', on: '2026-11-24', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('materials:recordConsent', { id: letter.id, status: 'given', on: '2027-01-01', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('materials:recordConsent', { id: pink.id, status: 'given', on: '2026-11-24', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/no third party/) },
    });
    expect(await call('materials:recordConsent', { id: 'nope', status: 'given', on: '2026-11-24', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const detail = await ok('requests:get', { id: letter.requestId });
    expect(detail.materials.find((m: { id: string }) => m.id === letter.id).thirdParty).toEqual({ name: 'Mr Patel', consent: 'not-asked' });
  });
});

describe('retention and erasure', () => {
  it('R-CLS-6 lists what is due, erases it for good (content, attachments, older copies in the vault files) and leaves a tombstone', async () => {
    const ctx = await withMaterials();
    const due = await ctx.ok('materials:retentionDue');
    expect(due.map((d: { id: string }) => d.id)).toEqual([ctx.letter.id]);
    expect(due[0]).toMatchObject({ requestReference: ctx.request.row.reference, retainUntil: '2026-11-23' });

    // An attachment, stored the way the attachments feature stores it, is deleted with the rest.
    const records = ctx.core.session.requireVault().records;
    const blob = await records.attachments.add(Readable.from([Buffer.from('scan of the letter')]), 'shared', ctx.letter.id);
    const withBlob = {
      ...records.get<any>(ctx.letter.id)!.data,
      attachments: [{ id: blob.id, name: 'letter.pdf', size: 18, addedOn: '2026-11-20' }],
    };
    records.put({ id: ctx.letter.id, tier: 'shared', type: 'material', data: withBlob });

    const generation = records.stats().generation;
    const erased = await ctx.ok('materials:erase', { id: ctx.letter.id });
    expect(erased).toMatchObject({
      title: 'Personal data erased',
      summary: '',
      erasedOn: '2026-11-24',
      thirdParty: null,
      attachments: [],
      receivedOn: '2026-11-20',
    });
    expect(records.attachments.exists(blob.id)).toBe(false);
    expect(await ctx.ok('materials:retentionDue')).toEqual([]);
    expect((await ctx.ok('dashboard:get')).retentionDue).toBe(0);
    const trail = await ctx.ok('audit:trail', { recordId: ctx.letter.id });
    expect(trail.at(-1)).toMatchObject({ action: 'erased', detail: { on: '2026-11-24', attachmentsDeleted: 1 } });
    // Compacted twice: the generations that held the earlier sealed versions are deleted; the two
    // kept (current and previous) were both written after the tombstone.
    expect(records.stats().generation).toBe(generation + 2);
    const files = ctx.files.readdirSync(ctx.dataFolder).filter((f) => /^(snapshot|journal)-/.test(f));
    expect(files.every((f) => Number(/(\d+)/.exec(f)![1]) > generation)).toBe(true);
    expect(await ctx.call('materials:erase', { id: ctx.letter.id })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/Already done/) },
    });
  });

  it('R-CLS-6 "keep until" needs a later date and a reason; bad input changes nothing saved', async () => {
    const ctx = await withMaterials();
    const before = vaultBytes(ctx.files, ctx.dataFolder);
    expect(await ctx.call('materials:keepUntil', { id: ctx.letter.id, until: '2026-11-24', reason: 'Still needed' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: /after today/ },
    });
    expect(await ctx.call('materials:keepUntil', { id: ctx.letter.id, until: '2027-02-01', reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await ctx.call('materials:erase', { id: ctx.pink.id })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: /no personal data/ },
    });
    expect(vaultBytes(ctx.files, ctx.dataFolder)).toBe(before);
    const kept = await ctx.ok('materials:keepUntil', { id: ctx.letter.id, until: '2027-02-01', reason: 'Ombudsman complaint still open' });
    expect(kept.personalData.retainUntil).toBe('2027-02-01');
    expect(await ctx.ok('materials:retentionDue')).toEqual([]);
    expect((await ctx.ok('audit:trail', { recordId: ctx.letter.id })).at(-1)).toMatchObject({
      action: 'retention-extended',
      detail: { from: '2026-11-23', to: '2027-02-01' },
    });
  });

  it('R-CLS-6 R-USE-2 a PA sees and erases due casework personal data, never Member-only material', async () => {
    const ctx = await withMaterials();
    const secret = await ctx.ok('materials:add', {
      requestId: ctx.request.row.id,
      title: 'Confidential complaint',
      receivedOn: '2026-11-20',
      summary: 'Names',
      classification: { level: 'confidential', basis: 'given-in-confidence' },
      personalData: { personal: true, specialCategory: false, retainUntil: '2026-11-01' },
      isBriefing: false,
    });
    await signInAsPa(ctx);
    expect((await ctx.ok('materials:retentionDue')).map((d: { id: string }) => d.id)).toEqual([ctx.letter.id]);
    expect(await ctx.call('materials:erase', { id: secret.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ctx.call('materials:keepUntil', { id: secret.id, until: '2027-01-01', reason: 'Still needed' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await ctx.ok('materials:erase', { id: ctx.letter.id })).erasedOn).toBe('2026-11-24');
  });
});

describe('destroying or returning protected material', () => {
  it('R-USE-4 the Member records it destroyed or returned; content is wiped, it is audited and leaves the held list', async () => {
    const ctx = await withMaterials();
    const held = await ctx.ok('materials:protectedHeld');
    expect(held.map((h: { id: string }) => h.id)).toEqual([ctx.pink.id]);
    expect(
      await ctx.call('materials:recordDisposal', { id: ctx.pink.id, how: 'returned', on: '2026-11-24', reason: 'End of term' }),
    ).toMatchObject({ ok: false, error: { message: /returned to/ } });
    expect(
      await ctx.call('materials:recordDisposal', { id: ctx.letter.id, how: 'destroyed', on: '2026-11-24', reason: 'End of term' }),
    ).toMatchObject({ ok: false, error: { code: 'refused', message: /open/ } });
    const returned = await ctx.ok('materials:recordDisposal', {
      id: ctx.pink.id,
      how: 'returned',
      on: '2026-11-24',
      returnedTo: 'Democratic Services',
      reason: 'End of term',
    });
    expect(returned).toMatchObject({
      title: 'Protected material returned',
      summary: '',
      disposal: { how: 'returned', returnedTo: 'Democratic Services', on: '2026-11-24' },
      classification: { level: 'pink-paper' },
    });
    expect(await ctx.ok('materials:protectedHeld')).toEqual([]);
    expect((await ctx.ok('audit:trail', { recordId: ctx.pink.id })).at(-1)).toMatchObject({
      action: 'returned',
      detail: { returnedTo: 'Democratic Services' },
    });
    expect(await ctx.call('disclosures:start', { materialId: ctx.pink.id })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: /returned/ },
    });
    expect(
      await ctx.call('materials:reclassify', {
        id: ctx.pink.id,
        classification: { level: 'open' },
        resolution: { meeting: 'Cabinet', date: '2026-12-02', minuteReference: 'CAB/114' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('R-USE-4 R-USE-2 a PA cannot record a disposal or see the held list', async () => {
    const ctx = await withMaterials();
    await signInAsPa(ctx);
    expect(await ctx.call('materials:protectedHeld')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await ctx.call('materials:recordDisposal', { id: ctx.pink.id, how: 'destroyed', on: '2026-11-24', reason: 'End of term' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

// The hostile page (docs/ARCHITECTURE.md, "Trust model"): a compromised page calling the contract directly, through the same dispatcher the
// real preload reaches, and (where the threat is a PA with the files) records forged straight
// into the vault session. Each test expects refusal or detection, and nothing saved changed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { storedMaterial } from '../../support/materials';
import type { AttachmentDialogs } from '../../../../electron/main/services/attachment-service';
import { MEMBER_PASS, PA_PASS, coreBehindIpc, draft, seededCase } from '../../support/core';

const pinkPaper = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
};
const noPersonalData = { personal: false, specialCategory: false, retainUntil: null };
const officerInput = { name: 'Eve Forger', service: 'Estates', role: 'Officer', seniority: 'officer', email: 'eve@example-council.gov.uk' };

type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

/** A refusal in plain words: no stack, no exception name, no zod text, no field path or camelCase name. */
function expectPlainRefusal(result: Result, code?: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  if (code) expect(result.error.code).toBe(code);
  expect(result.error.message).not.toMatch(/Error\b|zod|\bat \S+ \(|undefined|\bnull\b|[a-z][A-Z][a-z]|\.ts\b/);
}

async function withWarnings(extra = {}) {
  const warnings: string[] = [];
  const ctx = await seededCase('2026-11-24', {
    logger: { error: (m: string) => warnings.push(m), warn: (m: string) => warnings.push(m) },
    ...extra,
  });
  return { ...ctx, warnings };
}

async function withPinkPaper(extra = {}) {
  const ctx = await withWarnings(extra);
  const material = await ctx.ok('materials:add', {
    requestId: ctx.request.row.id,
    title: 'Depot valuation',
    receivedOn: '2026-11-20',
    summary: 'Valuation £2.1m',
    classification: pinkPaper,
    personalData: noPersonalData,
    isBriefing: false,
  });
  const raw = () => ctx.core.session.requireVault().records;
  return { ...ctx, material, raw };
}

async function disclosed(ctx: Awaited<ReturnType<typeof withPinkPaper>>) {
  const d = await ctx.ok('disclosures:start', { materialId: ctx.material.id });
  await ctx.ok('disclosures:advance', { id: d.id, event: { type: 'choose-ground', ground: 'b' } });
  await ctx.ok('disclosures:advance', {
    id: d.id,
    event: { type: 'complete-evidence', evidence: { legalProvision: 'Court order 2026/17', requestedBy: 'County Court' } },
  });
  await ctx.ok('disclosures:advance', {
    id: d.id,
    event: { type: 'approve', officerCheck: { checked: true, note: 'Head of Estates agreed.' } },
  });
  await ctx.ok('disclosures:advance', { id: d.id, event: { type: 'disclose', to: 'County Court', on: '2026-11-24', what: 'Valuation' } });
  return d;
}

describe('ids come from main, and a save can only update a record of its own type', () => {
  it('officers:save and meetings:save with the id of a material, disclosure, register entry or each other are refused; nothing changes', async () => {
    const ctx = await withPinkPaper();
    const d = await disclosed(ctx);
    const [entry] = await ctx.ok<Array<{ id: string }>>('disclosures:register');
    for (const id of [ctx.material.id, d.id, entry!.id, ctx.meeting.id, ctx.request.row.id]) {
      expectPlainRefusal(await ctx.call('officers:save', { ...officerInput, id }));
    }
    for (const id of [ctx.material.id, d.id, entry!.id, ctx.officer.id]) {
      expectPlainRefusal(await ctx.call('meetings:save', { committee: 'Forged', date: '2026-12-01', agendaItems: [], id }));
    }
    // The register still holds its one entry, the material and disclosure are intact.
    expect(await ctx.ok('disclosures:register')).toHaveLength(1);
    expect((await ctx.ok('materials:view', { id: ctx.material.id })).title).toBe('Depot valuation');
    expect((await ctx.ok('disclosures:list'))[0]!.gate.state).toBe('disclosed');
    expect((await ctx.ok('officers:list')).map((o: { name: string }) => o.name)).toEqual(['Sam Green']);
  });

  it('an id the page makes up is refused; a new record gets an id made in main; an existing officer can be updated', async () => {
    const { call, ok, officer } = await seededCase();
    expectPlainRefusal(await call('officers:save', { ...officerInput, id: 'chosen-by-the-page' }), 'not-found');
    const created = await ok('officers:save', officerInput);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const updated = await ok('officers:save', {
      ...officerInput,
      role: 'Head of Estates',
      seniority: 'head-of-service',
      name: 'Sam Green',
      id: officer.id,
    });
    expect(updated.id).toBe(officer.id);
    expect((await ok('officers:list')).length).toBe(2);
  });
});

describe('references are checked by type', () => {
  it('a request whose officer is a meeting (or whose meeting is an officer) is refused, for the Member and for a PA; the list keeps working', async () => {
    const ctx = await seededCase();
    const before = await ctx.ok('requests:list', { offset: 0, limit: 50 });
    expectPlainRefusal(await ctx.call('requests:create', draft({ officerId: ctx.meeting.id })), 'invalid-input');
    expectPlainRefusal(await ctx.call('requests:create', draft({ officerId: ctx.officer.id, meetingId: ctx.officer.id })), 'invalid-input');
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    expectPlainRefusal(await ctx.call('requests:create', draft({ officerId: ctx.meeting.id })), 'invalid-input');
    expect((await ctx.ok('requests:list', { offset: 0, limit: 50 })).total).toBe(before.total);
    await ctx.ok('session:lock');
    const { users } = await ctx.ok<{ users: Array<{ id: string; role: string }> }>('session:getState');
    await ctx.ok('session:unlock', { userId: users.find((u: { role: string }) => u.role === 'member')!.id, passphrase: MEMBER_PASS });
    expect(await ctx.ok('requests:list', { offset: 0, limit: 50 })).toEqual(before);
  });

  it('reading by id checks the type: a meeting id is not a request, a request id is not material, a material id is not a disclosure', async () => {
    const ctx = await withPinkPaper();
    expectPlainRefusal(await ctx.call('requests:get', { id: ctx.meeting.id }), 'not-found');
    expectPlainRefusal(await ctx.call('materials:view', { id: ctx.request.row.id }), 'not-found');
    expectPlainRefusal(
      await ctx.call('disclosures:advance', { id: ctx.material.id, event: { type: 'choose-ground', ground: 'b' } }),
      'not-found',
    );
    expectPlainRefusal(await ctx.call('disclosures:start', { materialId: ctx.officer.id }), 'not-found');
    expectPlainRefusal(await ctx.call('materials:erase', { id: ctx.officer.id }), 'not-found');
  });

  it('a malformed record in the vault (forged at file level) is set aside and logged; requests:list, requests:get and the dashboard keep working', async () => {
    const ctx = await withPinkPaper();
    const raw = ctx.raw();
    // One that cannot even be indexed, one that indexes but is not a request, and a damaged material.
    raw.put({ id: 'forged-1', tier: 'shared', type: 'request', data: { subject: 42 } });
    const real = raw.get<Record<string, unknown>>(ctx.request.row.id)!.data;
    raw.put({ id: 'forged-2', tier: 'shared', type: 'request', data: { ...real, id: 'forged-2', officerName: { not: 'a name' } } });
    raw.put({ id: 'forged-3', tier: 'member', type: 'material', data: { requestId: ctx.request.row.id, title: ['x'] } });
    const list = await ctx.ok('requests:list', { offset: 0, limit: 50 });
    expect(list.rows.find((r: { id: string }) => r.id === ctx.request.row.id)).toBeDefined();
    expect(list.rows.find((r: { id: string }) => r.id === 'forged-2')).toMatchObject({ locked: true, subject: 'Could not be read' });
    // Never silently missing: one that cannot be read at all is listed, saying so, like one that can be indexed.
    expect(list.rows.find((r: { id: string }) => r.id === 'forged-1')).toMatchObject({ locked: true, subject: 'Could not be read' });
    expect(list.total).toBe(list.rows.length);
    expect((await ctx.ok('requests:get', { id: ctx.request.row.id })).materials.map((m: { id: string }) => m.id)).toEqual([
      ctx.material.id,
    ]);
    expect(await ctx.call('dashboard:get')).toMatchObject({ ok: true });
    expectPlainRefusal(await ctx.call('requests:get', { id: 'forged-2' }), 'cannot-open');
    expect(ctx.warnings.filter((w) => /set aside/.test(w)).length).toBe(3);
    expect(ctx.warnings.join('\n')).not.toMatch(/a name|42/); // ids and kinds only, no content
  });
});

describe('records forged at file level cannot break or mislead the list (requests:list is made from the request index)', () => {
  it('a request dated 31/02/2026 is set aside as "Could not be read"; the list, Today and every other request keep working', async () => {
    const ctx = await withPinkPaper();
    const real = ctx.raw().get<Record<string, unknown>>(ctx.request.row.id)!.data;
    ctx
      .raw()
      .put({ id: 'forged-date', tier: 'shared', type: 'request', data: { ...real, id: 'forged-date', acknowledgeBy: '2026-02-31' } });
    const list = await ctx.ok('requests:list', { offset: 0, limit: 50 });
    expect(list.rows.find((r: { id: string }) => r.id === 'forged-date')).toMatchObject({ locked: true, subject: 'Could not be read' });
    expect(list.rows.find((r: { id: string }) => r.id === ctx.request.row.id)).toMatchObject({ locked: false });
    expect(await ctx.call('dashboard:get')).toMatchObject({ ok: true });
    expect(await ctx.call('requests:get', { id: ctx.request.row.id })).toMatchObject({ ok: true });
    expectPlainRefusal(await ctx.call('requests:get', { id: 'forged-date' }), 'cannot-open');
  });

  it('an id holding spaces, even one ending in another request’s id, lists each request once', async () => {
    const ctx = await withPinkPaper();
    const real = ctx.raw().get<Record<string, unknown>>(ctx.request.row.id)!.data;
    for (const id of ['x nothing', `x ${ctx.request.row.id}`])
      ctx.raw().put({ id, tier: 'shared', type: 'request', data: { ...real, id, subject: `Copy as ${id}` } });
    const list = await ctx.ok('requests:list', { offset: 0, limit: 50 });
    const ids = list.rows.map((r: { id: string }) => r.id);
    expect(ids.filter((id: string) => id === ctx.request.row.id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['x nothing', `x ${ctx.request.row.id}`]));
    expect(list.total).toBe(ids.length);
  });

  it('a request saved under one id whose data names another (a Member-only one) is set aside: no action can write over that request', async () => {
    const ctx = await withPinkPaper();
    const secret = await ctx.ok(
      'requests:create',
      draft({ officerId: ctx.officer.id, meetingId: null, memberOnly: true, subject: 'Secret matter' }),
    );
    const before = ctx.raw().get(secret.row.id)!;
    const real = ctx.raw().get<Record<string, unknown>>(ctx.request.row.id)!.data;
    ctx.raw().put({ id: 'B', tier: 'shared', type: 'request', data: { ...real, id: secret.row.id, subject: 'Request B' } });
    const list = await ctx.ok('requests:list', { offset: 0, limit: 50 });
    expect(list.rows.find((r: { id: string }) => r.id === 'B')).toMatchObject({ locked: true, subject: 'Could not be read' });
    expectPlainRefusal(
      await ctx.call('requests:logEvent', { id: 'B', event: { type: 'acknowledged', on: '2026-11-24', note: 'Ack B' } }),
      'cannot-open',
    );
    expect(ctx.raw().get(secret.row.id)).toEqual(before);
    expect((await ctx.ok('requests:get', { id: secret.row.id })).row.subject).toBe('Secret matter');
    expect(ctx.warnings.some((w) => /names another record than the one it is saved as/.test(w))).toBe(true);
  });

  it('a request whose corrected holding reply promises 13/13/2026 is left out of the holiday preview; the preview keeps working', async () => {
    const ctx = await withPinkPaper();
    const real = ctx.raw().get<Record<string, unknown>>(ctx.request.row.id)!.data;
    const events = [
      { id: 'h1', type: 'holding', on: '2026-11-23', note: 'Holding reply', promisedBy: '2026-12-10' },
      {
        type: 'correction',
        on: '2026-11-24',
        corrects: 'h1',
        reason: 'Typo',
        changes: [{ field: 'promisedBy', label: 'Promised by', from: '2026-12-10', to: '2026-13-13' }],
      },
    ];
    ctx.raw().put({ id: 'bad-promise', tier: 'shared', type: 'request', data: { ...real, id: 'bad-promise', events } });
    const preview = await ctx.call('holidays:preview', {
      added: [{ date: '2026-11-27', name: 'One-off', nations: ['england-and-wales'] }],
      removed: [],
    });
    expect(preview).toMatchObject({ ok: true });
    expect((preview as { value: Array<{ id: string }> }).value.map((a) => a.id)).not.toContain('bad-promise');
  });

  it('material whose id names one request but which claims another is shown on neither', async () => {
    const ctx = await withPinkPaper();
    const other = await ctx.ok('requests:create', draft({ officerId: ctx.officer.id, meetingId: null, subject: 'Another matter' }));
    const real = ctx.raw().get<Record<string, unknown>>(ctx.material.id)!.data;
    const id = `${ctx.request.row.id}.m.planted`;
    ctx.raw().put({ id, tier: 'member', type: 'material', data: { ...real, id, requestId: other.row.id, title: 'Planted' } });
    const list = await ctx.ok('requests:list', { offset: 0, limit: 50 });
    expect(list.rows.find((r: { id: string }) => r.id === other.row.id)!.classification).toBe('Nothing received yet');
    for (const requestId of [other.row.id, ctx.request.row.id]) {
      const detail = await ctx.ok('requests:get', { id: requestId });
      expect(detail.materials.map((m: { title: string }) => m.title)).not.toContain('Planted');
    }
  });
});

describe('R-USE-2: what is recorded against a Member-only request is Member-only, open or not', () => {
  it('open material on a Member-only request is sealed under the Member key, and a PA cannot read it', async () => {
    const ctx = await withPinkPaper();
    const secret = await ctx.ok(
      'requests:create',
      draft({ officerId: ctx.officer.id, meetingId: null, memberOnly: true, subject: 'Secret matter' }),
    );
    const addOpen = (requestId: string, title: string) =>
      ctx.ok('materials:add', {
        requestId,
        title,
        receivedOn: '2026-11-20',
        summary: '',
        classification: { level: 'open' },
        personalData: noPersonalData,
        isBriefing: false,
      });
    const material = await addOpen(secret.row.id, 'Note of the phone call about the care home');
    expect(ctx.raw().get(material.id)!.tier).toBe('member');
    // Open material on an ordinary request stays casework the PA shares.
    const open = await addOpen(ctx.request.row.id, 'Committee timetable');
    expect(ctx.raw().get(open.id)!.tier).toBe('shared');
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    expectPlainRefusal(await ctx.call('materials:view', { id: material.id }), 'forbidden');
    expect(JSON.stringify(await ctx.call('materials:protectedHeld'))).not.toMatch(/care home|phone call/);
    expect((await ctx.ok('materials:view', { id: open.id })).title).toBe('Committee timetable');
  });
});

describe('R-USE-2: material recorded before that rule moves at the Member’s unlock', () => {
  it('open material on a Member-only request saved under the shared key (as before) goes under the Member key at the next unlock, audited', async () => {
    const ctx = await withPinkPaper();
    const secret = await ctx.ok(
      'requests:create',
      draft({ officerId: ctx.officer.id, meetingId: null, memberOnly: true, subject: 'Secret matter' }),
    );
    const id = `${secret.row.id}.m.legacy`;
    const legacy = storedMaterial({ id, requestId: secret.row.id, title: 'Old note about the care home' });
    ctx.raw().put({ id, tier: 'shared', type: 'material', data: legacy });
    // Material from before ids named their request is found by what it is filed under.
    const oldest = storedMaterial({ id: 'm-from-2025', requestId: secret.row.id, title: 'Older still' });
    ctx.raw().put({ id: oldest.id, tier: 'shared', type: 'material', data: oldest });
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:lock');
    const { users } = await ctx.ok<{ users: Array<{ id: string; role: string }> }>('session:getState');
    await ctx.ok('session:unlock', { userId: users.find((u) => u.role === 'member')!.id, passphrase: MEMBER_PASS });
    await vi.waitFor(() => expect([ctx.raw().get(id)!.tier, ctx.raw().get(oldest.id)!.tier]).toEqual(['member', 'member']));
    // Material on an ordinary request stays where it is.
    expect(ctx.raw().get(ctx.material.id)!.tier).toBe('member'); // a pink paper, Member-only anyway
    expect(ctx.raw().get<{ onMemberOnlyRequest?: boolean }>(ctx.material.id)!.data.onMemberOnlyRequest).toBe(false);
    expect(ctx.raw().get<{ onMemberOnlyRequest?: boolean }>(id)!.data.onMemberOnlyRequest).toBe(true);
    expect((await ctx.ok('audit:trail', { recordId: id })).map((e: { action: string }) => e.action)).toContain('made Member-only');
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    expectPlainRefusal(await ctx.call('materials:view', { id }), 'forbidden');
  });
});

describe('the tier is worked out on every save, never reused from what is stored', () => {
  it('a Member-only request found under the shared key (forged frame) is refused, not written to: the Member’s note never goes under the shared key', async () => {
    const ctx = await withWarnings();
    const secret = await ctx.ok(
      'requests:create',
      draft({ officerId: ctx.officer.id, meetingId: null, memberOnly: true, subject: 'Member-only matter' }),
    );
    const raw = ctx.core.session.requireVault().records;
    const stored = raw.get<Record<string, unknown>>(secret.row.id)!;
    raw.put({ id: stored.id, tier: 'shared', type: 'request', data: stored.data });
    const before = raw.stats();
    expectPlainRefusal(
      await ctx.call('requests:logEvent', { id: secret.row.id, event: { type: 'acknowledged', on: '2026-11-24', note: 'Private note' } }),
      'cannot-open',
    );
    expect(raw.stats()).toEqual(before);
    expect(JSON.stringify(raw.get(secret.row.id)!.data)).not.toMatch(/Private note/);
    expect(
      (await ctx.ok('requests:list', { offset: 0, limit: 50 })).rows.find((r: { id: string }) => r.id === secret.row.id),
    ).toMatchObject({ locked: true, subject: 'Could not be read' });
    expect(ctx.warnings.some((w) => /Member-only content found under the shared key/.test(w))).toBe(true);
  });

  it('a disclosure or protected material forged under the shared key is refused; a correct one is always saved under the Member key', async () => {
    const ctx = await withPinkPaper();
    ctx.raw().put({
      id: 'forged-disclosure',
      tier: 'shared',
      type: 'disclosure',
      data: { id: 'forged-disclosure', materialId: ctx.material.id, gate: { state: 'draft' } },
    });
    expectPlainRefusal(
      await ctx.call('disclosures:advance', { id: 'forged-disclosure', event: { type: 'choose-ground', ground: 'b' } }),
      'cannot-open',
    );
    expect(ctx.raw().get<{ gate: { state: string } }>('forged-disclosure')!.data.gate.state).toBe('draft');
    expect((await ctx.ok('disclosures:list')).map((d: { id: string }) => d.id)).toEqual([]);
    const pink = ctx.raw().get(ctx.material.id)!;
    ctx.raw().put({ id: pink.id, tier: 'shared', type: 'material', data: pink.data });
    expectPlainRefusal(
      await ctx.call('materials:reclassify', {
        id: ctx.material.id,
        classification: { level: 'open' },
        resolution: { meeting: 'Cabinet', date: '2026-12-02', minuteReference: 'CAB/114' },
      }),
      'cannot-open',
    );
    const real = await ctx.ok('disclosures:start', {
      materialId: (
        await ctx.ok('materials:add', {
          requestId: ctx.request.row.id,
          title: 'Another',
          receivedOn: '2026-11-20',
          summary: '',
          classification: pinkPaper,
          personalData: noPersonalData,
          isBriefing: false,
        })
      ).id,
    });
    expect(ctx.raw().get(real.id)!.tier).toBe('member');
  });
});

describe('lookups are prototype-safe', () => {
  it('__proto__ and constructor as a profile id, or as an extra key, are refused and change nothing', async () => {
    const ctx = await seededCase();
    const before = await ctx.ok('council:get');
    for (const profileId of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expectPlainRefusal(await ctx.call('council:set', { profileId, nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' }));
      expectPlainRefusal(await ctx.call('profiles:copy', { sourceId: profileId, name: 'x' }), 'not-found');
    }
    const polluted = JSON.parse(
      '{"profileId":"000","nation":"england-and-wales","emailDomain":"x.gov.uk","__proto__":{"profileId":"004"}}',
    );
    expectPlainRefusal(await ctx.call('council:set', polluted), 'invalid-input');
    expectPlainRefusal(await ctx.call('profiles:save', { ...before.profile, id: '__proto__', editable: true }));
    expect(await ctx.ok('council:get')).toEqual(before);
    expect(({} as Record<string, unknown>).profileId).toBeUndefined();
  });

  it('a settings file holding __proto__ keys or absurd values falls back to the defaults with a warning; Settings keeps working', async () => {
    const warnings: string[] = [];
    const ctx = coreBehindIpc('2026-11-24', { logger: { error: (m: string) => warnings.push(m), warn: (m: string) => warnings.push(m) } });
    ctx.settingsStore.set('autoLockMinutes', 1e9);
    ctx.settingsStore.set('council', JSON.parse('{"__proto__":{"x":1},"profileId":"__proto__","nation":"mars","emailDomain":7}'));
    ctx.settingsStore.set('holidayEdits', { added: 'everything', removed: null });
    expect(await ctx.ok('settings:get')).toEqual({ autoLockMinutes: 5 });
    await ctx.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
    expect((await ctx.ok('council:get')).settings).toEqual({ profileId: '000', nation: 'england-and-wales', emailDomain: '' });
    expect(await ctx.ok('holidays:get')).toEqual({ added: [], removed: [] });
    expect(warnings.some((w) => /autoLockMinutes/.test(w))).toBe(true);
  });
});

describe('downgrading protected material needs its evidence, and every export of once-protected material is audited', () => {
  async function withFile() {
    const files = mkdtempSync(path.join(os.tmpdir(), 'ntk-hostile-'));
    const pick = path.join(files, 'report.pdf');
    writeFileSync(pick, 'the report');
    const dialogs: AttachmentDialogs = {
      chooseAttachments: async () => [pick],
      chooseExportTarget: async () => path.join(files, `copy-${Math.random()}.pdf`),
    };
    const ctx = await withPinkPaper({ attachmentDialogs: dialogs });
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
    return { ...ctx, add };
  }

  it('confidential, exempt, unsure and pink papers cannot be lowered without the officer’s confirmation or the committee’s resolution; nothing changes', async () => {
    const ctx = await withFile();
    const confidential = await ctx.add('Letter', { level: 'confidential', basis: 'given-in-confidence' });
    const exempt = await ctx.add('Tender', { level: 'exempt', paragraph: 3 });
    const unsure = await ctx.add('Note', { level: 'unsure' });
    const attempts: Array<[string, unknown]> = [
      [confidential.id, { level: 'open' }],
      [exempt.id, { level: 'open' }],
      [exempt.id, { level: 'confidential', basis: 'statutory' }],
      [unsure.id, { level: 'open' }],
      [ctx.material.id, { level: 'open' }],
      [ctx.material.id, { level: 'exempt', paragraph: 3 }],
    ];
    for (const [id, classification] of attempts) {
      expectPlainRefusal(await ctx.call('materials:reclassify', { id, classification, resolution: null, confirmation: null }), 'refused');
    }
    expect((await ctx.ok('materials:view', { id: exempt.id })).classification).toEqual({ level: 'exempt', paragraph: 3 });
    // Raising protection needs no evidence.
    await ctx.ok('materials:reclassify', { id: confidential.id, classification: { level: 'exempt', paragraph: 1 }, resolution: null });
  });

  it('with the confirmation the change is made and audited with the evidence; a later export of the now-open material is audited too', async () => {
    const ctx = await withFile();
    const letter = await ctx.add('Letter', { level: 'confidential', basis: 'given-in-confidence' });
    const { material } = await ctx.ok('attachments:add', { materialId: letter.id });
    const confirmation = { officer: 'Sam Green', on: '2026-11-23' };
    await ctx.ok('materials:reclassify', { id: letter.id, classification: { level: 'open' }, resolution: null, confirmation });
    const reopened = await ctx.ok('materials:view', { id: letter.id });
    await ctx.ok('attachments:export', { materialId: letter.id, attachmentId: reopened.attachments[0].id });
    const trail = await ctx.ok('audit:trail', { recordId: letter.id });
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['classified', 'attached', 'reclassified', 'exported']);
    expect(trail[2].detail).toMatchObject({ from: 'confidential', to: 'open', confirmation, by: 'Cllr Jane Smith' });
    expect(material.attachments).toHaveLength(1);
  });
});

describe('the council profile is pinned on a disclosure when it starts', () => {
  it('switching from 004 (Monitoring Officer for every ground) to 000 mid-disclosure does not let it skip the Monitoring Officer', async () => {
    const ctx = await withPinkPaper();
    await ctx.ok('council:set', { profileId: '004', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' });
    const d = await ctx.ok('disclosures:start', { materialId: ctx.material.id });
    await ctx.ok('council:set', { profileId: '000', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' });
    const grounded = await ctx.ok('disclosures:advance', { id: d.id, event: { type: 'choose-ground', ground: 'b' } });
    expect(grounded.steps).toContain('mo-consulted');
    await ctx.ok('disclosures:advance', {
      id: d.id,
      event: { type: 'complete-evidence', evidence: { legalProvision: 'Court order 2026/17', requestedBy: 'County Court' } },
    });
    const approve = await ctx.call('disclosures:advance', {
      id: d.id,
      event: { type: 'approve', officerCheck: { checked: true, note: 'Agreed.' } },
    });
    expectPlainRefusal(approve, 'refused');
    expect(approve.ok || approve.error.message).toMatch(/Monitoring Officer/);
    expect((await ctx.ok('disclosures:list'))[0]!.steps).toContain('mo-consulted');
    expect(await ctx.ok('disclosures:register')).toEqual([]);
  });
});

describe('meeting mode', () => {
  it('needs an unlocked session and is the Member’s: refused while locked and to a PA', async () => {
    const ctx = await seededCase();
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:lock');
    expectPlainRefusal(await ctx.call('meetingMode:set', { kind: 'normal' }), 'locked');
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    expectPlainRefusal(await ctx.call('meetingMode:set', { kind: 'public-meeting' }), 'forbidden');
    expect(await ctx.ok('meetingMode:get')).toEqual({ kind: 'normal' });
  });

  it('ending a private session returns to public-meeting mode; leaving public-meeting mode is audited', async () => {
    const ctx = await seededCase();
    await ctx.ok('meetingMode:set', { kind: 'public-meeting' });
    await ctx.ok('meetingMode:set', { kind: 'private-session', meetingId: ctx.meeting.id });
    expect(await ctx.ok('meetingMode:set', { kind: 'normal' })).toEqual({ kind: 'public-meeting' });
    // The audit trail lists protected things, so it is closed until public-meeting mode ends (R-USE-1).
    expectPlainRefusal(await ctx.call('audit:trail', { recordId: 'meeting-mode' }), 'refused');
    expect(await ctx.ok('meetingMode:set', { kind: 'normal' })).toEqual({ kind: 'normal' });
    const trail = await ctx.ok('audit:trail', { recordId: 'meeting-mode' });
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'left-public-meeting', detail: { by: 'Cllr Jane Smith' } });
  });
});

describe('rule-bearing council settings live in the vault', () => {
  it('values in settings.json move into the vault at the Member’s first unlock and leave the file; an unreadable one stays in the file', async () => {
    const ctx = coreBehindIpc();
    const custom = {
      ...(await import('../../../../shared/domain/profiles')).BUILT_IN_PROFILES['004'],
      id: 'custom-ours',
      name: 'Ours',
      editable: true,
    };
    const unreadable = { id: 'custom-future', name: 'From a newer version' };
    ctx.settingsStore.set('council', { profileId: 'custom-ours', nation: 'scotland', emailDomain: 'example-council.gov.uk' });
    ctx.settingsStore.set('customProfiles', [custom, unreadable]);
    ctx.settingsStore.set('holidayEdits', { added: [{ date: '2026-12-29', name: 'Council closure', nations: ['scotland'] }], removed: [] });
    await ctx.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
    const council = await ctx.ok('council:get');
    expect(council.settings).toEqual({ profileId: 'custom-ours', nation: 'scotland', emailDomain: 'example-council.gov.uk' });
    expect(council.profile.name).toBe('Ours');
    expect((await ctx.ok('holidays:get')).added).toHaveLength(1);
    expect(ctx.settingsStore.get('council')).toBeUndefined();
    expect(ctx.settingsStore.get('holidayEdits')).toBeUndefined();
    expect(ctx.settingsStore.get('customProfiles')).toEqual([unreadable]);
    // Editing settings.json afterwards switches nothing.
    ctx.settingsStore.set('council', { profileId: '000', nation: 'england-and-wales', emailDomain: 'evil.example' });
    expect((await ctx.ok('council:get')).settings.profileId).toBe('custom-ours');
    // A PA reads the settings in force but cannot change them.
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    expect((await ctx.ok('council:get')).settings.profileId).toBe('custom-ours');
    expectPlainRefusal(await ctx.call('holidays:save', { edits: { added: [], removed: [] }, recompute: [] }), 'forbidden');
    expectPlainRefusal(await ctx.call('council:set', { profileId: '000', nation: 'scotland', emailDomain: 'x.gov.uk' }), 'forbidden');
  });

  it('a PA cannot write a Member-written record even through a save that would otherwise be theirs', async () => {
    const ctx = await withPinkPaper();
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    // The council settings record's id, used as an officer id: refused by type, nothing written.
    expectPlainRefusal(await ctx.call('officers:save', { ...officerInput, id: 'council-settings' }));
    expect((await ctx.ok('council:get')).settings.emailDomain).toBe('example-council.gov.uk');
  });
});

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededCase } from '../../support/core';
import { approveCourtOrder } from '../../support/disclosures';

// Disclosures left waiting for the Monitoring Officer and resumed, abandoned drafts, the
// whole-file warning after a partial approval (R-DIS-1), capacity (R-CLS-4) and briefings (R-CLS-5),
// all through the contract as the page (or a hostile page) would call it.

const pinkPaper = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
};
const noPersonalData = { personal: false, specialCategory: false, retainUntil: null };
const groundD = {
  publicInterestReasons: 'Residents are entitled to know the depot was sold below value.',
  goodFaith: true,
  consistentWithAuthorityRequirements: true,
};

async function withPinkPaper() {
  const target: { file: string | null } = { file: null };
  const files = mkdtempSync(path.join(os.tmpdir(), 'ntk-disclosure-'));
  const source = path.join(files, 'valuation.pdf');
  writeFileSync(source, Buffer.from('%PDF-1.4 valuation with prices'));
  const ctx = await seededCase('2026-11-24', {
    attachmentDialogs: { chooseAttachments: async () => [source], chooseExportTarget: async () => target.file },
  });
  const add = (input: Record<string, unknown>) =>
    ctx.ok('materials:add', {
      requestId: ctx.request.row.id,
      receivedOn: '2026-11-20',
      summary: 'Valuation £1.2m',
      personalData: noPersonalData,
      isBriefing: false,
      classification: pinkPaper,
      title: 'Depot valuation',
      ...input,
    });
  const material = await add({});
  return { ...ctx, add, material, files, target };
}

describe('a disclosure waiting for the Monitoring Officer (R-DIS-2)', () => {
  it('is left after "asked on, asked whom", counted on Today, and resumed rather than started twice', async () => {
    const { ok, call, material } = await withPinkPaper();
    const d = await ok('disclosures:start', { materialId: material.id });
    await ok('disclosures:advance', { id: d.id, event: { type: 'choose-ground', ground: 'd' } });
    await ok('disclosures:advance', { id: d.id, event: { type: 'complete-evidence', evidence: groundD } });
    const asked = await ok('disclosures:advance', {
      id: d.id,
      event: { type: 'ask-monitoring-officer', request: { requestedOn: '2026-11-20', monitoringOfficer: 'Alex Reed' } },
    });
    expect(asked.gate.state).toBe('mo-asked');
    expect((await ok('dashboard:get')).disclosuresAwaitingMonitoringOfficer).toBe(1);

    // Opening "Pass it on" again resumes the one in progress: no second disclosure is made.
    const again = await ok('disclosures:start', { materialId: material.id });
    expect(again.id).toBe(d.id);
    expect(again.gate.state).toBe('mo-asked');
    expect(await ok('disclosures:list')).toHaveLength(1);

    // The advice cannot be dated before it was asked, nor after today (the injected clock's UK date).
    const early = await call('disclosures:advance', {
      id: d.id,
      event: { type: 'record-advice', advice: 'Proceed, leaving out the prices.', adviceOn: '2026-11-19' },
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(early.error.message).toContain('cannot be before you asked the Monitoring Officer (20/11/2026)');
    const future = await call('disclosures:advance', {
      id: d.id,
      event: { type: 'record-advice', advice: 'Proceed.', adviceOn: '2026-11-25' },
    });
    expect(future.error.message).toContain('is after today');
    expect((await ok('disclosures:list'))[0]!.gate.state).toBe('mo-asked');

    const advised = await ok('disclosures:advance', {
      id: d.id,
      event: { type: 'record-advice', advice: 'Proceed, leaving out the prices.', adviceOn: '2026-11-23' },
    });
    expect(advised.gate.state).toBe('mo-consulted');
    expect(advised.gate.consultation).toMatchObject({ requestedOn: '2026-11-20', monitoringOfficer: 'Alex Reed', adviceOn: '2026-11-23' });
    expect((await ok('dashboard:get')).disclosuresAwaitingMonitoringOfficer).toBe(0);
  });

  it('a draft can be abandoned (dated today, kept), after which a new one starts; once approved it cannot be', async () => {
    const { ok, call, material } = await withPinkPaper();
    const d = await ok('disclosures:start', { materialId: material.id });
    await ok('disclosures:advance', { id: d.id, event: { type: 'choose-ground', ground: 'b' } });
    const empty = await call('disclosures:advance', { id: d.id, event: { type: 'abandon', reason: '   ' } });
    expect(empty.error.message).toBe('Say why this disclosure is being abandoned.');
    const gone = await ok('disclosures:advance', { id: d.id, event: { type: 'abandon', reason: 'Chose the wrong material.' } });
    expect(gone.gate).toMatchObject({ state: 'abandoned', abandoned: { reason: 'Chose the wrong material.', on: '2026-11-24' } });

    const fresh = await ok('disclosures:start', { materialId: material.id });
    expect(fresh.id).not.toBe(d.id);
    expect(await ok('disclosures:list')).toHaveLength(2);
    await approveCourtOrder(ok, fresh.id);
    const late = await call('disclosures:advance', { id: fresh.id, event: { type: 'abandon', reason: 'Changed my mind.' } });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'This disclosure is already approved; it can no longer be abandoned.' },
    });
    expect((await ok('disclosures:list')).find((x) => x.id === fresh.id)!.gate.state).toBe('approved');
  });
});

describe('saving out the whole file after a partial approval (R-DIS-1)', () => {
  it('is refused without the confirmation, with the warning in words, and nothing is saved; allowed with it', async () => {
    const { ok, call, material, files, target } = await withPinkPaper();
    const { material: withFile } = await ok('attachments:add', { materialId: material.id });
    const attachmentId = withFile.attachments[0].id;
    const d = await ok('disclosures:start', { materialId: material.id });
    const approved = await approveCourtOrder(ok, d.id, { note: 'Agreed.', withheld: 'no prices' });
    expect(approved.gate.withheld).toBe('no prices');

    target.file = path.join(files, 'copy.pdf');
    const refused = await call('attachments:export', { materialId: material.id, attachmentId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(refused.error.message).toContain('“no prices”');
    expect(refused.error.message).toContain('The file was not saved.');
    const falsy = await call('attachments:export', { materialId: material.id, attachmentId, confirmMatchesApproval: false });
    expect(falsy.ok).toBe(false);
    expect(existsSync(target.file)).toBe(false);

    const saved = await ok('attachments:export', { materialId: material.id, attachmentId, confirmMatchesApproval: true });
    expect(saved.file).toBe(target.file);
    expect(existsSync(target.file)).toBe(true);
  });
});

describe('material is bound to its capacity (R-CLS-4)', () => {
  it('passing it on in another role is refused with the reason; the disclosure records its role and purpose', async () => {
    const { ok, call, material } = await withPinkPaper();
    const other = await call('disclosures:start', { materialId: material.id, capacity: 'scrutiny' });
    expect(other).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(other.error.message).toContain('It cannot be used for passing it on in your role as scrutiny');
    expect(other.error.message).not.toMatch(/R-CLS|capacity/);
    expect(await ok('disclosures:list')).toHaveLength(0);
    const bogus = await call('disclosures:start', { materialId: material.id, capacity: 'emperor' });
    expect(bogus.ok).toBe(false);
    expect(await ok('disclosures:list')).toHaveLength(0);

    const same = await ok('disclosures:start', { materialId: material.id, capacity: 'ward-member', purpose: 'Residents’ meeting' });
    expect(same.gate.state).toBe('draft');
  });
});

describe('a briefing given in confidence (R-CLS-5)', () => {
  async function briefing() {
    const ctx = await withPinkPaper();
    const b = await ctx.add({
      title: 'Leader’s briefing on the depot',
      classification: { level: 'open' },
      isBriefing: true,
      briefingRequestedBy: 'Cllr Alex Jones',
    });
    return { ...ctx, b };
  }
  async function approve(ok: (c: string, i?: unknown) => Promise<any>, materialId: string) {
    const d = await ok('disclosures:start', { materialId });
    await ok('disclosures:advance', { id: d.id, event: { type: 'choose-ground', ground: 'a' } });
    await ok('disclosures:advance', {
      id: d.id,
      event: {
        type: 'complete-evidence',
        evidence: { consentGivenBy: 'Cllr Alex Jones', authority: 'Asked for the briefing', consentDate: '2026-11-23' },
      },
    });
    await ok('disclosures:advance', { id: d.id, event: { type: 'approve', officerCheck: { checked: true, note: 'Agreed.' } } });
    return d;
  }

  it('is Member-only whatever its level and records who asked for it', async () => {
    const { b, ok } = await briefing();
    expect(b.isBriefing).toBe(true);
    expect(b.briefing).toEqual({ requestedBy: 'Cllr Alex Jones', permission: null });
    // Open level, but a briefing: it still goes through the gate rather than being "open".
    const d = await ok('disclosures:start', { materialId: b.id });
    expect(d.gate.state).toBe('draft');
    expect(await ok('audit:trail', { recordId: b.id })).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'classified' })]),
    );
  });

  it('is not disclosed to another Member without the requesting Member’s recorded permission', async () => {
    const { b, ok, call } = await briefing();
    const d = await approve(ok, b.id);
    const refused = await call('disclosures:advance', {
      id: d.id,
      event: { type: 'disclose', to: 'Cllr Pat Lee', on: '2026-11-24', what: 'The briefing' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(refused.error.message).toContain('record their permission first');
    expect(await ok('disclosures:register')).toHaveLength(0);

    // Only the Member who asked for it can permit it, and not in the future.
    const wrong = await call('materials:recordBriefingPermission', { id: b.id, givenBy: 'Cllr Pat Lee', givenOn: '2026-11-23' });
    expect(wrong.error.message).toBe('Only Cllr Alex Jones, who asked for the briefing, can permit sharing it.');
    const future = await call('materials:recordBriefingPermission', { id: b.id, givenBy: 'Cllr Alex Jones', givenOn: '2026-11-30' });
    expect(future.ok).toBe(false);
    const narrow = await ok('materials:recordBriefingPermission', {
      id: b.id,
      givenBy: 'Cllr Alex Jones',
      givenOn: '2026-11-23',
      sharedWith: 'Cllr Sam Fox',
    });
    expect(narrow.briefing.permission).toEqual({ givenBy: 'Cllr Alex Jones', givenOn: '2026-11-23', sharedWith: 'Cllr Sam Fox' });
    const stillRefused = await call('disclosures:advance', {
      id: d.id,
      event: { type: 'disclose', to: 'Cllr Pat Lee', on: '2026-11-24', what: 'The briefing' },
    });
    expect(stillRefused.error.message).toBe('Cllr Alex Jones permitted sharing this briefing with Cllr Sam Fox only, not Cllr Pat Lee.');

    await ok('materials:recordBriefingPermission', { id: b.id, givenBy: 'Cllr Alex Jones', givenOn: '2026-11-23' });
    const done = await ok('disclosures:advance', {
      id: d.id,
      event: { type: 'disclose', to: 'Cllr Pat Lee', on: '2026-11-24', what: 'The briefing' },
    });
    expect(done.gate.state).toBe('disclosed');
    const trail = (await ok('audit:trail', { recordId: b.id })).map((e: { action: string }) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['briefing-permission', 'disclosed']));
  });

  it('permission is refused for material that is not a briefing', async () => {
    const { material, call } = await withPinkPaper();
    const r = await call('materials:recordBriefingPermission', { id: material.id, givenBy: 'Cllr Alex Jones', givenOn: '2026-11-23' });
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

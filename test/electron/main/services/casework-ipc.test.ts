import { describe, expect, it } from 'vitest';
import { GATE_EVENTS } from '../../../../shared/domain/disclosure';
import { PA_PASS, draft, seededCase } from '../../support/core';
import { plainMessage } from '../../../../renderer/kit/errors';

const pinkPaper = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
};

async function withPinkPaper() {
  const ctx = await seededCase();
  const material = await ctx.ok('materials:add', {
    requestId: ctx.request.row.id,
    title: 'Depot valuation (pink paper)',
    receivedOn: '2026-11-20',
    summary: 'Valuation £2.1m',
    classification: pinkPaper,
    personalData: { personal: false, specialCategory: false, retainUntil: null },
    isBriefing: false,
  });
  return { ...ctx, material };
}

describe('casework through the IPC contract', () => {
  it('R-DUE-1 a new request gets its due dates from the profile in force, with the explanation recorded', async () => {
    const { request } = await seededCase();
    expect(request.row).toMatchObject({ acknowledgeBy: '2026-11-23', target: '2026-11-23', status: 'overdue', workingDaysLate: 1 });
    expect(request.profileName).toBe('District council (Section 17)');
    expect(request.explanation.join('\n')).toMatch(/day 0/);
  });

  it('R-ASK-3 the main process refuses a curiosity-only request even if the renderer sends it', async () => {
    const { call, officer } = await seededCase();
    const result = await call('requests:create', draft({ officerId: officer.id, justification: 'Just interested in the depot.' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/Curiosity/) } });
  });

  it('R-ASK-9 R-ASK-10 a personal email address or a blind copy is refused', async () => {
    const { call, officer } = await seededCase();
    const personal = await call('requests:create', draft({ officerId: officer.id, fromEmail: 'jane@gmail.com' }));
    expect(personal).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/council email address/) } });
    const bcc = await call('requests:create', draft({ officerId: officer.id, blindCopies: ['x@example.com'] }));
    expect(bcc).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Blind copies/) } });
  });

  it('R-DUE-1 main refuses a request sent tomorrow (the UK date of its clock) in words, and saves nothing', async () => {
    const { call, ok, officer } = await seededCase('2026-11-24');
    const before = await ok('requests:list', { offset: 0, limit: 50 });
    const refused = await call('requests:create', draft({ officerId: officer.id, sentOn: '2026-11-25' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!refused.ok) expect(plainMessage(refused.error.message)).toBe('Date sent must be today or in the past');
    expect((await ok('requests:list', { offset: 0, limit: 50 })).total).toBe(before.total);
    expect(await call('requests:create', draft({ officerId: officer.id, sentOn: '2026-11-24' }))).toMatchObject({ ok: true });
  });

  it('R-ASK-10 a copied address a..b@ is refused in the same words when the request is made and when it is edited', async () => {
    const { call, ok, officer, request } = await seededCase();
    const copies = ['pa@example-council.gov.uk', 'a..b@example.gov.uk'];
    const made = await call('requests:create', draft({ officerId: officer.id, copies }));
    const edited = await call('requests:edit', { id: request.row.id, changes: { copies } });
    expect(made).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'copies.1: Invalid email address' } });
    expect(edited).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'copies.1: Invalid email address' } });
    expect((await ok('requests:get', { id: request.row.id })).draft?.copies).toEqual([]);
  });

  it('R-ASK-8 an agenda-related request creates a chair notice, tracked until sent', async () => {
    const { request, ok } = await seededCase();
    expect(request.row.chairNoticePending).toBe(true);
    const after = await ok('requests:markChairNoticeSent', { id: request.row.id, on: '2026-11-24', to: 'Cllr Ann Chair' });
    expect(after.row.chairNoticePending).toBe(false);
  });

  it('R-DUE-5 a holding reply moves the target; an answer closes the clock', async () => {
    const { request, ok } = await seededCase('2026-11-24');
    const holding = await ok('requests:logEvent', {
      id: request.row.id,
      event: { type: 'holding', on: '2026-11-18', note: 'Valuer’s report due next week.', promisedBy: '2026-11-30' },
    });
    expect(holding.row).toMatchObject({ status: 'holding', target: '2026-11-30' });
    const answered = await ok('requests:logEvent', {
      id: request.row.id,
      event: { type: 'answered', on: '2026-11-24', note: 'Report attached.' },
    });
    expect(answered.row.status).toBe('answered');
  });

  it('R-CLS-3 a pink paper cannot be reclassified without the committee resolution, even through IPC', async () => {
    const { call, material } = await withPinkPaper();
    const refused = await call('materials:reclassify', { id: material.id, classification: { level: 'open' }, resolution: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    const done = await call('materials:reclassify', {
      id: material.id,
      classification: { level: 'open' },
      resolution: { meeting: 'Cabinet', date: '2026-12-02', minuteReference: 'CAB/114' },
    });
    expect(done).toMatchObject({ ok: true, value: { classification: { level: 'open' } } });
  });
});

describe('the disclosure gate cannot be bypassed through IPC', () => {
  it('R-DIS-3 every out-of-order step sent straight to the contract is refused, and nothing is disclosed', async () => {
    const { call, ok, material } = await withPinkPaper();
    const d = await ok('disclosures:start', { materialId: material.id });
    const steps: Record<string, unknown> = {
      'choose-ground': { type: 'choose-ground', ground: 'd' },
      'complete-evidence': {
        type: 'complete-evidence',
        evidence: {
          publicInterestReasons: 'Residents face a financial risk the council has not explained.',
          goodFaith: true,
          consistentWithAuthorityRequirements: true,
        },
      },
      'record-consultation': {
        type: 'record-consultation',
        consultation: {
          requestedOn: '2026-11-21',
          monitoringOfficer: 'A. Khan',
          advice: 'Share the headline figure only.',
          adviceOn: '2026-11-22',
        },
      },
      'record-regard': { type: 'record-regard', regard: { hadRegard: true, followsAdvice: true } },
      approve: { type: 'approve', officerCheck: { checked: true, note: 'Head of Estates agreed.' } },
      disclose: { type: 'disclose', to: 'Riverside Residents Association', on: '2026-11-24', what: 'Headline valuation figure' },
    };
    const order = ['choose-ground', 'complete-evidence', 'record-consultation', 'record-regard', 'approve', 'disclose'];
    for (let i = 0; i < order.length; i++) {
      // From this state, every event except the next legal one must be refused by the main process.
      // Every step the contract accepts (the domain's two-step consultation and abandoning are not wired to it yet).
      for (const type of GATE_EVENTS.filter((t) => t in steps)) {
        if (type === order[i] || (type === 'choose-ground' && i === 1)) continue;
        const result = await call('disclosures:advance', { id: d.id, event: steps[type] });
        expect(result.ok, `step ${i}: ${type} should be refused`).toBe(false);
        expect(result.error.code).toBe('refused');
      }
      expect(await ok('disclosures:register')).toEqual([]);
      await ok('disclosures:advance', { id: d.id, event: steps[order[i]!] });
    }
    const register = await ok('disclosures:register');
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({ to: 'Riverside Residents Association', ground: 'd', moAdvice: 'Share the headline figure only.' });
    const trail = await ok('audit:trail', { recordId: material.id });
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['classified', 'disclosed']);
  });

  it('R-DIS-3 a malformed step is refused by the contract before any handler runs', async () => {
    const { call, ok, material } = await withPinkPaper();
    const d = await ok('disclosures:start', { materialId: material.id });
    expect(await call('disclosures:advance', { id: d.id, event: { type: 'jump-to', state: 'disclosed' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('R-USE-2 a PA cannot open Member-only material or start a disclosure, even by calling the contract', async () => {
    const { call, ok, material, request } = await withPinkPaper();
    const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    expect(await call('materials:view', { id: material.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('disclosures:start', { materialId: material.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const detail = await ok('requests:get', { id: request.row.id });
    expect(detail.materials).toEqual([]);
    expect(detail.lockedMaterials).toBe(1);
  });

  it('R-USE-1 public-meeting mode keeps protected material in the main process', async () => {
    const { call, ok, material } = await withPinkPaper();
    await ok('meetingMode:set', { kind: 'public-meeting' });
    expect(await call('materials:view', { id: material.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok('meetingMode:set', { kind: 'private-session', meetingId: material.meetingId });
    expect(await call('materials:view', { id: material.id })).toMatchObject({ ok: true });
  });

  it('every key-needing call answers "locked" after lock', async () => {
    const { call, ok } = await seededCase();
    await ok('session:lock');
    expect(await call('requests:list', { offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'locked' } });
    for (const channel of ['officers:list', 'dashboard:get', 'disclosures:register']) {
      expect(await call(channel)).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
  });
});

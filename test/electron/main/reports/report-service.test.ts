import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportPrinter } from '../../../../electron/main/reports/report-service';
import { MEMBER_PASS, PA_PASS, draft, seededCase } from '../../support/core';
import { approveCourtOrder } from '../../support/disclosures';

const pinkPaper = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9: depot disposal',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
};
const noPersonalData = { personal: false, specialCategory: false, retainUntil: null };

/** printToPDF and the save dialog, driven by the test. */
function printer() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-reports-'));
  const state = {
    target: path.join(folder, 'report.pdf') as string | null,
    pdf: Buffer.from('%PDF-1.7\n% test report\n%%EOF\n'),
    printed: 0,
    asked: [] as string[],
    /** The HTML documents the printer was given: main's rendering of the report, never the user's window. */
    html: [] as string[],
  };
  const p: ReportPrinter = {
    printToPdf: async (html) => {
      state.printed++;
      state.html.push(html);
      return state.pdf;
    },
    chooseTarget: async (name) => {
      state.asked.push(name);
      return state.target;
    },
  };
  return { state, printer: p, folder };
}

async function withCase() {
  const pr = printer();
  const ctx = await seededCase('2026-11-24', { reportPrinter: pr.printer });
  const pink = await ctx.ok('materials:add', {
    requestId: ctx.request.row.id,
    title: 'Depot valuation (pink paper)',
    receivedOn: '2026-11-20',
    summary: 'Valuation £2.1m; two bidders.',
    classification: pinkPaper,
    personalData: noPersonalData,
    isBriefing: false,
  });
  const secret = await ctx.ok(
    'requests:create',
    draft({
      officerId: ctx.officer.id,
      subject: 'Whistleblowing concern about the depot',
      memberOnly: true,
      agendaItem: null,
      mayBeRaisedAtMeeting: false,
    }),
  );
  const actions = async (id: string) => (await ctx.ok('audit:trail', { recordId: id })).map((e: { action: string }) => e.action);
  return { ...ctx, pr, pink, secret, actions };
}

/** The Member discloses the material to the County Court under ground (b), so it is on the register. */
async function disclose(ok: Awaited<ReturnType<typeof withCase>>['ok'], materialId: string) {
  const d = await ok('disclosures:start', { materialId });
  await approveCourtOrder(ok, d.id);
  await ok('disclosures:advance', {
    id: d.id,
    event: { type: 'disclose', to: 'County Court', on: '2026-11-23', what: 'Depot valuation' },
  });
}

const cells = (report: { sections: Array<{ rows: string[][] }> }) => report.sections.flatMap((s) => s.rows.flat()).join(' | ');

describe('reports through the IPC contract', () => {
  it('outstanding requests by service and officer: open report without Member-only requests; with them it is confidential, watermarked and refused in public-meeting mode', async () => {
    const { ok, call, core } = await withCase();
    const open = await ok('reports:get', { kind: 'outstanding', includeMemberOnly: false });
    expect(open).toMatchObject({
      title: 'Outstanding requests by service and officer',
      watermark: null,
      madeBy: 'Made by Cllr Jane Smith on 24/11/2026',
    });
    expect(open.sections).toEqual([
      expect.objectContaining({
        heading: 'Estates',
        columns: ['Officer', 'Reference', 'Subject', 'Sent', 'Acknowledge by', 'Answer by', 'Status', 'Working days late'],
      }),
    ]);
    // R-USE-1: the request holds a pink paper, so its subject could say what that is about: withheld by name.
    expect(cells(open)).toContain('Not included: about protected material');
    expect(cells(open)).not.toContain('Depot disposal valuation');
    expect(cells(open)).toContain('16/11/2026');
    expect(cells(open)).not.toContain('Whistleblowing');

    const confidential = await ok('reports:get', { kind: 'outstanding', includeMemberOnly: true });
    expect(confidential.watermark).toBe('Confidential: Cllr Jane Smith, 24/11/2026');
    expect(cells(confidential)).toContain('Whistleblowing concern about the depot');

    core.meetingMode.set({ kind: 'public-meeting' });
    expect(await call('reports:get', { kind: 'outstanding', includeMemberOnly: true })).toEqual({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/No report with confidential content is made in public-meeting mode/) },
    });
    expect((await ok('reports:get', { kind: 'outstanding', includeMemberOnly: false })).watermark).toBeNull();
  });

  it('a request’s full record leaves out protected content unless asked; with it the report is gated by the meeting mode', async () => {
    const ctx = await withCase();
    const { ok, call, core, request, pink, meeting } = ctx;
    const plain = await ok('reports:get', { kind: 'request', requestId: request.row.id, includeProtected: false });
    expect(plain.watermark).toBeNull();
    expect(plain.sections.map((s: { heading: string }) => s.heading)).toEqual(['The request', 'Timeline', 'Material received']);
    // Nothing protected is named: the pink paper appears only as what it is, its title and content left out.
    expect(plain.sections[2].rows).toEqual([
      ['Protected material (pink paper)', '20/11/2026', 'Pink paper', '', 'Not included: protected content'],
    ]);
    expect(JSON.stringify(plain)).not.toMatch(/Depot valuation|£2\.1m|two bidders/);
    expect(plain.notes).toContain(
      'Protected material and personal data are not included: neither their content nor their titles, only what kind they are.',
    );
    expect(plain.title).toBe('Request NTK-2026-00001: Not included: about protected material (pink paper)');
    const { pr } = ctx;
    await ok('reports:savePdf', { kind: 'request', requestId: request.row.id, includeProtected: false });
    expect(pr.state.html[0]).toContain('Protected material (pink paper)');
    expect(pr.state.html[0]).not.toMatch(/Depot valuation|£2\.1m|class="watermark"/);
    expect(await ctx.actions(pink.id)).not.toContain('printed');

    const full = await ok('reports:get', { kind: 'request', requestId: request.row.id, includeProtected: true });
    expect(full.watermark).toBe('Confidential: Cllr Jane Smith, 24/11/2026');
    expect(cells(full)).toContain('Valuation £2.1m; two bidders.');
    expect(cells(full)).toContain('Depot valuation (pink paper)');

    core.meetingMode.set({ kind: 'private-session', meetingId: meeting.id });
    expect((await ok('reports:get', { kind: 'request', requestId: request.row.id, includeProtected: true })).watermark).toMatch(
      /^Confidential/,
    );
    core.meetingMode.set({ kind: 'private-session', meetingId: 'another-meeting' });
    expect(await call('reports:get', { kind: 'request', requestId: request.row.id, includeProtected: true })).toMatchObject({
      ok: false,
      // The request itself is hidden in another meeting's private session (R-USE-1), so there is no report of it.
      error: { code: 'refused', message: expect.stringMatching(/hidden in this private session/) },
    });
    core.meetingMode.set({ kind: 'public-meeting' });
    expect(await call('reports:savePdf', { kind: 'request', requestId: request.row.id, includeProtected: true })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(pink.id).toBeTruthy();
  });

  it('R-ASK-8 the timeline in a request’s record names every kind of entry from the timeline’s one list, emails sent and changes included', async () => {
    const { ok, request } = await withCase();
    await ok('requests:logEvent', {
      id: request.row.id,
      event: { type: 'emailed', on: '2026-11-17', note: 'Request sent', kind: 'request' },
    });
    await ok('requests:markChairNoticeSent', { id: request.row.id, on: '2026-11-24', to: 'Cllr Ann Chair' });
    await ok('requests:edit', { id: request.row.id, changes: { ward: 'Riverside North' } });
    const report = await ok('reports:get', { kind: 'request', requestId: request.row.id, includeProtected: false });
    const timeline = report.sections.find((s: { heading: string }) => s.heading === 'Timeline')!;
    const kinds = timeline.rows.map((row: string[]) => row[1]);
    expect(kinds).toEqual(['Sent', 'Email sent', 'Email sent', 'Request changed']);
    expect(kinds.every((k: string) => k && !/^[a-z]+(-[a-z]+)*$/.test(k))).toBe(true);
  });

  it('saving a confidential report writes the PDF where the user chose and records “printed” in the audit trail; cancel and a failed print save nothing', async () => {
    const { ok, call, pr, request, pink, secret, actions } = await withCase();
    const saved = await ok('reports:savePdf', { kind: 'request', requestId: request.row.id, includeProtected: true });
    expect(saved).toEqual({ file: pr.state.target, bytes: pr.state.pdf.length });
    expect(readFileSync(pr.state.target!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pr.state.asked).toEqual([expect.stringMatching(/^Request NTK-2026-00001 Depot disposal valuation 2026-11-24\.pdf$/)]);
    expect(await actions(pink.id)).toContain('printed');

    await ok('reports:savePdf', { kind: 'outstanding', includeMemberOnly: true });
    expect(await actions(secret.row.id)).toContain('printed');

    pr.state.target = null;
    expect(await ok('reports:savePdf', { kind: 'outstanding', includeMemberOnly: false })).toEqual({ file: null, bytes: 0 });

    pr.state.target = path.join(pr.folder, 'broken.pdf');
    pr.state.pdf = Buffer.from('<html>not a pdf</html>');
    expect(await call('reports:savePdf', { kind: 'outstanding', includeMemberOnly: false })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'The PDF could not be made. Nothing was saved.' },
    });
    expect(existsSync(pr.state.target)).toBe(false);
    expect(readdirSync(pr.folder)).toEqual(['report.pdf']);
  });

  it('an audit event a PA writes about the Member’s pink paper naming the Member is refused, and nothing reaches the trail or the register report', async () => {
    const { ok, core, pink } = await withCase();
    await disclose(ok, pink.id);
    const memberId = core.session.requireVault().user.id;
    const pa = await ok('users:addPa', { name: 'Pat Assistant', passphrase: PA_PASS });
    await ok('session:lock');
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    // The PA's own keys, writing the vault directly: a "disclosure" in the Member's name, about a Member-only record.
    expect(() =>
      core.session.requireVault().records.appendAudit({
        recordId: pink.id,
        action: 'disclosed',
        tier: 'shared',
        detail: { by: 'Cllr Jane Smith', at: '2026-11-23T10:00:00.000Z', to: 'The Echo' },
      }),
    ).toThrow(expect.objectContaining({ code: 'not-permitted' }));
    await ok('session:lock');
    await ok('session:unlock', { userId: memberId, passphrase: MEMBER_PASS });

    const trail = await ok('audit:trail', { recordId: pink.id });
    expect(trail.some((e: { detail: { to?: string } | null }) => e.detail?.to === 'The Echo')).toBe(false);
    const own = trail.filter((e: { author: string }) => e.author === 'member');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e: { by: string }) => e.by === 'Cllr Jane Smith')).toBe(true);

    const register = await ok('reports:get', { kind: 'register' });
    const rows = register.sections[1]!.rows as string[][];
    expect(rows.filter((r) => r.join(' ').includes('The Echo'))).toEqual([]);
    expect(rows.filter((r) => r[2] === 'Cllr Jane Smith').map((r) => r[1])).toEqual(expect.arrayContaining(['classified', 'disclosed']));
  });

  it('saving the outstanding report while a pink paper is open prints main’s HTML of that report, with nothing of the pink paper', async () => {
    const { ok, pr, pink } = await withCase();
    // The window shows the pink paper (opening it is what a page does to show it) while asking for the harmless report.
    expect((await ok('materials:view', { id: pink.id })).summary).toBe('Valuation £2.1m; two bidders.');
    const report = await ok('reports:get', { kind: 'outstanding', includeMemberOnly: false });
    await ok('reports:savePdf', { kind: 'outstanding', includeMemberOnly: false });
    expect(pr.state.html).toHaveLength(1);
    const html = pr.state.html[0]!;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Outstanding requests by service and officer</h1>');
    expect(html).toContain(report.madeBy);
    expect(html).toContain('Not included: about protected material');
    expect(html).not.toMatch(/£2\.1m|two bidders|Depot valuation|Depot disposal valuation|pink paper/i);
    expect(html).not.toMatch(/class="(watermark|confidential-mark)"|Confidential:/);
  });

  it('a confidential report is printed watermarked with the Member’s name and the date', async () => {
    const { ok, pr, request } = await withCase();
    await ok('reports:savePdf', { kind: 'request', requestId: request.row.id, includeProtected: true });
    const html = pr.state.html[0]!;
    expect(html).toContain('<div class="watermark" aria-hidden="true">Confidential: Cllr Jane Smith, 24/11/2026</div>');
    expect(html).toContain('Valuation £2.1m; two bidders.');
  });

  it('the disclosure register with its audit trail is the Member’s; a PA’s report never contains Member-only material', async () => {
    const { ok, call, pink, secret, request } = await withCase();
    await disclose(ok, pink.id);
    const register = await ok('reports:get', { kind: 'register' });
    expect(register.watermark).toBe('Confidential: Cllr Jane Smith, 24/11/2026');
    expect(register.sections[0]).toMatchObject({
      heading: 'Disclosures',
      rows: [
        [
          '23/11/2026',
          'Depot valuation',
          'County Court',
          '(b) Required by law',
          expect.stringContaining('Court order under CPR 31.17'),
          'Not needed',
        ],
      ],
    });
    expect(register.sections[1]!.heading).toBe('Audit trail: Depot valuation');
    expect(register.sections[1]!.rows.map((r: string[]) => r[1])).toEqual(expect.arrayContaining(['classified', 'disclosed']));

    const pa = await ok('users:addPa', { name: 'Pat Assistant', passphrase: PA_PASS });
    await ok('session:lock');
    await ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    expect(await call('reports:get', { kind: 'register' })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/Member only/) },
    });
    const paOutstanding = await ok('reports:get', { kind: 'outstanding', includeMemberOnly: true });
    expect(paOutstanding.watermark).toBeNull();
    expect(JSON.stringify(paOutstanding)).not.toContain('Whistleblowing');
    const paRequest = await ok('reports:get', { kind: 'request', requestId: request.row.id, includeProtected: true });
    expect(JSON.stringify(paRequest)).not.toMatch(/£2\.1m|Depot valuation \(pink paper\)/);
    expect(paRequest.notes).toContain('1 Member-only item is not shown.');
    expect(await call('reports:get', { kind: 'request', requestId: secret.row.id, includeProtected: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

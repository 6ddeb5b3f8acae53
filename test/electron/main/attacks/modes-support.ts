// A vault seeded with protected things, each carrying a canary word that must never leave main while a
// meeting mode hides it; and a sweep that calls every contract channel, as a hostile page could, with
// every input that names a seeded record, collecting every answer, event, printed page and saved file.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, eventChannels, invokeChannels, type InvokeChannel } from '../../../../shared/ipc/contract';
import { DRAFT_KINDS } from '../../../../shared/domain/request-records';
import type { ReportPrinter } from '../../../../electron/main/reports/report-service';
import type { AttachmentDialogs } from '../../../../electron/main/services/attachment-service';
import { officerReply } from '../../../../tools/fixtures/mail';
import { fakeDesk } from '../../support/mail';
import { MEMBER_PASS, PA_PASS, draft, seededCase } from '../../support/core';

export const pinkPaper = (meetingDate: string) => ({
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate,
  agendaItem: 'Item 4: zanzibar contract',
  authorDesignation: 'Director of Resources',
  paragraph: 3,
});
const noPersonalData = { personal: false, specialCategory: false, retainUntil: null };

/** Each protected thing's canary word, by what it is. */
export const CANARIES = {
  pinkTitle: 'quokkatitle',
  pinkSummary: 'quokkasummary',
  pinkFile: 'quokkafile',
  pinkRequestSubject: 'wombatsubject',
  pinkRequestQuestion: 'wombatquestion',
  specialTitle: 'patelasthma',
  specialSummary: 'inhalerdosage',
  memberOnlySubject: 'numbatsubject',
  memberOnlyQuestion: 'numbatquestion',
  memberOnlyEmailSubject: 'bilbysubject',
  memberOnlyEmailBody: 'bilbybody',
  disclosureEvidence: 'dingoevidence',
  approvalNote: 'dingonote',
  briefingTitle: 'echidnatitle',
} as const;
export type Canary = keyof typeof CANARIES;

/** The canaries that belong to the pink paper of the seeded meeting (shown in that meeting's private session). */
export const PINK_OF_THE_MEETING: Canary[] = ['pinkTitle', 'pinkSummary', 'pinkFile'];

/** Seeds the vault as the Member: everything a meeting mode must hide, and one request it must not. */
export async function seeded() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-modes-'));
  const out = path.join(folder, 'out');
  mkdirSync(out);
  const pinkFile = path.join(folder, `${CANARIES.pinkFile}.pdf`);
  writeFileSync(pinkFile, `%PDF ${CANARIES.pinkSummary}`);
  const printed: string[] = [];
  let saved = 0;
  /** Runs while a save dialog is open (a race test changes the mode there). */
  const hooks = { onDialog: (): void => undefined };
  const target = (name: string) => (hooks.onDialog(), path.join(out, `${++saved}-${path.basename(name)}`));
  const dialogs: AttachmentDialogs = { chooseAttachments: async () => [pinkFile], chooseExportTarget: async (n) => target(n) };
  const printer: ReportPrinter = {
    printToPdf: async (html) => (printed.push(html), Buffer.from('%PDF-1.7\n%%EOF\n')),
    chooseTarget: async (n) => target(n),
  };
  const mail = fakeDesk();
  mail.desk.chooseExportTarget = async () => target('original.eml');
  const ctx = await seededCase('2026-11-24', { attachmentDialogs: dialogs, reportPrinter: printer, mailDesk: mail.desk });
  const { ok, officer, meeting } = ctx;
  const pa = await ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  const memberId: string = (await ok('users:list')).find((u: { role: string }) => u.role === 'member')!.id;
  const pinkRequest = await ok(
    'requests:create',
    draft({
      officerId: officer.id,
      meetingId: meeting.id,
      subject: `Contract ${CANARIES.pinkRequestSubject}`,
      informationSought: `The report ${CANARIES.pinkRequestQuestion}`,
    }),
  );
  const pink = await ok('materials:add', {
    requestId: pinkRequest.row.id,
    title: `Valuation ${CANARIES.pinkTitle}`,
    receivedOn: '2026-11-20',
    summary: `Two bidders ${CANARIES.pinkSummary}`,
    classification: pinkPaper(meeting.date),
    personalData: noPersonalData,
    isBriefing: false,
  });
  const attached = await ok('attachments:add', { materialId: pink.id });
  const briefing = await ok('materials:add', {
    requestId: pinkRequest.row.id,
    title: `Briefing ${CANARIES.briefingTitle}`,
    receivedOn: '2026-11-21',
    summary: 'Off the record',
    classification: { level: 'open' },
    personalData: noPersonalData,
    isBriefing: true,
  });
  // The open request everyone may see, with open material holding special category personal data.
  const open = ctx.request;
  const special = await ok('materials:add', {
    requestId: open.row.id,
    title: `Care note ${CANARIES.specialTitle}`,
    receivedOn: '2026-11-20',
    summary: `Mrs Patel has asthma ${CANARIES.specialSummary}`,
    classification: { level: 'open' },
    personalData: { personal: true, specialCategory: true, retainUntil: '2026-11-23' },
    isBriefing: false,
  });
  // The open request's timeline repeats the special category material's title.
  await ok('requests:logEvent', {
    id: open.row.id,
    event: { type: 'acknowledged', on: '2026-11-22', note: `About Care note ${CANARIES.specialTitle}` },
  });
  const memberOnly = await ok(
    'requests:create',
    draft({
      officerId: officer.id,
      subject: `Whistleblowing ${CANARIES.memberOnlySubject}`,
      informationSought: `Who complained ${CANARIES.memberOnlyQuestion}`,
      memberOnly: true,
    }),
  );
  const reply = await officerReply({
    from: 'Sam Green <sam.green@example-council.gov.uk>',
    to: 'cllr.smith@example-council.gov.uk',
    subject: `RE: ${CANARIES.memberOnlyEmailSubject} [${memberOnly.row.reference}]`,
    date: new Date('2026-11-20T16:00:00Z'),
    text: `Dear Councillor, ${CANARIES.memberOnlyEmailBody}.`,
  });
  const { imported } = await ok('correspondence:import', { files: [{ name: 'reply.eml', bytes: reply }] });
  const disclosure = await ok('disclosures:start', { materialId: pink.id });
  await ok('disclosures:advance', { id: disclosure.id, event: { type: 'choose-ground', ground: 'b' } });
  await ok('disclosures:advance', {
    id: disclosure.id,
    event: { type: 'complete-evidence', evidence: { legalProvision: 'Court order', requestedBy: CANARIES.disclosureEvidence } },
  });
  await ok('disclosures:advance', {
    id: disclosure.id,
    event: { type: 'approve', officerCheck: { checked: true, note: CANARIES.approvalNote } },
  });
  const control = await ok('requests:create', draft({ officerId: officer.id, subject: 'Potholes on Elm Road', memberOnly: false }));
  return {
    ...ctx,
    pa,
    memberId,
    hooks,
    out,
    printed,
    mail,
    ids: {
      requests: [pinkRequest.row.id, open.row.id, memberOnly.row.id, control.row.id],
      materials: [pink.id, special.id, briefing.id],
      attachments: attached.material.attachments.map((a: { id: string }) => a.id) as string[],
      emails: imported.map((m: { id: string }) => m.id),
      disclosures: [disclosure.id],
      references: [pinkRequest.row.reference, memberOnly.row.reference],
    },
    meeting,
    control,
  };
}
export type Seeded = Awaited<ReturnType<typeof seeded>>;

/** Signs in as the PA, keeping the meeting mode the Member left on. */
export async function asPa(s: Seeded) {
  await s.ok('session:lock');
  await s.ok('session:unlock', { userId: s.pa.id, passphrase: PA_PASS });
}

export async function asMember(s: Seeded) {
  await s.ok('session:lock');
  await s.ok('session:unlock', { userId: s.memberId, passphrase: MEMBER_PASS });
}

/** Channels the sweep leaves alone: they change who is signed in or the keys, not what is shown. */
const NOT_SWEPT = new Set<string>([
  'session:setUp',
  'session:unlock',
  'session:quickUnlock',
  'session:lock',
  'users:addPa',
  'users:removePa',
  'users:changePassphrase',
  'vault:restore',
  'meetingMode:set',
]);

/** Every input, for any channel, that names a seeded record: the channel's own schema keeps those it accepts. */
function candidates(s: Seeded): unknown[] {
  const { requests, materials, attachments, emails, disclosures, references } = s.ids;
  const all = [...requests, ...materials, ...emails, ...disclosures];
  const words = Object.values(CANARIES);
  return [
    undefined,
    ...all.flatMap((id) => [{ id }, { recordId: id }, { materialId: id }, { requestId: id }]),
    ...references.map((reference) => ({ reference })),
    ...materials.flatMap((materialId) => attachments.map((attachmentId) => ({ materialId, attachmentId }))),
    ...requests.flatMap((requestId) => DRAFT_KINDS.map((kind) => ({ requestId, kind }))),
    ...requests.flatMap((requestId) => [true, false].map((includeProtected) => ({ kind: 'request', requestId, includeProtected }))),
    { kind: 'outstanding', includeMemberOnly: true },
    { kind: 'outstanding', includeMemberOnly: false },
    { kind: 'register' },
    { offset: 0, limit: 100 },
    ...words.map((search) => ({ offset: 0, limit: 100, query: { search } })),
    ...materials.map((id) => ({ id, until: '2027-01-01', reason: 'Still needed' })),
    ...materials.map((id) => ({ id, how: 'destroyed', on: '2026-11-24', reason: 'End of term' })),
    ...materials.map((id) => ({ id, status: 'asked', on: '2026-11-24', note: '' })),
    ...materials.map((id) => ({
      id,
      classification: { level: 'open' },
      resolution: null,
      confirmation: { officer: 'Sam Green', on: '2026-11-24' },
    })),
    ...emails.flatMap((id: string) => requests.map((requestId) => ({ id, requestId, kind: 'answered', promisedBy: null }))),
    ...requests.map((id) => ({ id, event: { type: 'acknowledged', on: '2026-11-24' } })),
    ...requests.map((id) => ({ id, on: '2026-11-24', reason: 'No longer needed' })),
    ...requests.map((id) => ({ id, on: '2026-11-24', informationWithheld: false, officerId: null, name: 'Alex Boss', note: '' })),
    { edits: { added: [], removed: [] } },
  ];
}

export interface SweepResult {
  calls: number;
  refused: number;
  answered: number;
  /** Every answer, event, printed page and saved file, as text. */
  seen: string[];
  crashed: number;
}

/** Calls every channel with every input it accepts; collects everything that left main. */
export async function sweep(s: Seeded): Promise<SweepResult> {
  const seen: string[] = [];
  const off = s.core.events.subscribe((channel, payload) => seen.push(`${channel} ${JSON.stringify(payload)}`));
  const result: SweepResult = { calls: 0, refused: 0, answered: 0, seen, crashed: 0 };
  const inputs = candidates(s);
  for (const channel of invokeChannels.filter((c) => !NOT_SWEPT.has(c))) {
    const schema = contract[channel as InvokeChannel].input;
    for (const input of inputs.filter((i) => schema.safeParse(i).success)) {
      result.calls++;
      const r = (await s.call(channel, input)) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
      if (r.ok) result.answered++;
      else result.refused++;
      if (!r.ok && r.error?.code === 'internal') result.crashed++;
      // The answer only: a search's own words are the page's, not a leak.
      const { query: _typed, ...named } = (input ?? {}) as Record<string, unknown>;
      seen.push(`${channel} ${JSON.stringify(named)} -> ${JSON.stringify(r)}`);
    }
  }
  off();
  seen.push(...s.printed);
  for (const f of readdirSync(s.out)) seen.push(`file ${f}: ${readFileSync(path.join(s.out, f), 'latin1')}`);
  seen.push(...s.mail.d.copied, ...s.mail.d.opened.map((o) => o.content));
  return result;
}

/** The canaries found in what left main, each with the first place it was seen. */
export function leaks(seen: readonly string[], hidden: readonly Canary[]): Array<{ canary: Canary; where: string }> {
  return hidden.flatMap((canary) => {
    const where = seen.find((text) => text.toLowerCase().includes(CANARIES[canary]));
    return where ? [{ canary, where: where.slice(0, 300) }] : [];
  });
}

export { eventChannels };

// Attacks on every kind of shared record by a PA at file level, with the PA's real shared key: each
// variant rewrites a record the Member wrote in a way no PA command does (material's title or files,
// an officer's record, a meeting's agenda, an email's words or sender checks, an item that arrived, a
// request's escalation, Monitoring Officer decision or chair notice without its timeline entry, forged
// timeline entries). Each must be set aside at unlock with a warning in plain words naming the kind of
// record (never an id or a field), the record left as the Member wrote it; a PA's own app refuses the
// same save before writing. What the PA's commands do write must still apply.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Vault, memoryCheckpointStore, type VaultSession } from '../../../../electron/main/vault';
import type { StoredRequest } from '../../../../shared/domain/requests';
import { editRequest } from '../../../../shared/domain/request-lifecycle';
import { storedRequest } from '../services/index-support';
import { MEMBER_PASS, PA_PASS, TEST_KDF, paAppend, tempDir } from '../vault/support';
import { attackTable } from './epochs-table';

const table = attackTable();
afterAll(() => console.info(table.print()));

type Json = Record<string, unknown>;
const AT = '2026-12-01T10:00:00.000Z';
const ENTRY = { id: 'e1', type: 'acknowledged', on: '2026-11-25', note: 'Officer acknowledged', recordedAt: '2026-11-25T10:00:00.000Z' };
const REQUEST = storedRequest('req', '2026-11-24', {
  events: [ENTRY] as StoredRequest['events'],
  moReferral: { reason: 'The officer doubts the need to know.', decision: null } as unknown as StoredRequest['moReferral'],
  chairNotice: { text: 'Notice to the chair', sentOn: null },
  escalations: [],
});
const MATERIAL = {
  requestId: 'req',
  title: 'Valuation report',
  receivedOn: '2026-11-26',
  summary: 'The depot valuation',
  classification: { level: 'unsure' },
  personalData: { personal: true, specialCategory: false, retainUntil: '2027-11-26' },
  isBriefing: false,
  briefing: null,
  givenForCapacity: 'ward-member',
  givenForPurpose: 'To answer residents',
  meetingId: null,
  thirdParty: { name: 'Mrs Patel', consent: 'not-asked' },
  attachments: [{ id: 'blob-1', name: 'valuation.pdf', size: 1200, addedOn: '2026-11-26' }],
  erasedOn: null,
  onMemberOnlyRequest: false,
  everProtected: true,
};
const OFFICER = {
  name: 'Sam Green',
  role: 'Estates manager',
  service: 'Estates',
  seniority: 'officer',
  email: 'sam.green@example-council.gov.uk',
};
const MEETING = { committee: 'Cabinet', date: '2026-12-10', agendaItems: ['1. Minutes', '2. Depot sale'], privateItems: ['2. Depot sale'] };
const MESSAGE = {
  kind: 'message',
  requestId: null,
  requestReference: null,
  from: { name: 'Sam Green', email: 'sam.green@example-council.gov.uk' },
  to: [{ name: 'Cllr Jane Smith', email: 'cllr.smith@example-council.gov.uk' }],
  cc: [],
  subject: 'Re: depot sale',
  date: '2026-11-27',
  sentAt: '2026-11-27T09:00:00.000Z',
  text: 'The valuation is attached.',
  html: null,
  attachments: [{ name: 'valuation.pdf', size: 1200, blobId: 'blob-2', contentType: 'application/pdf' }],
  flags: ['outside-domain'],
  flagNotes: ['The council mail server says this sender failed its checks.'],
  matchedBy: null,
  filed: null,
  fileName: 'reply.eml',
  size: 4000,
  importedOn: '2026-11-27',
  format: 'eml',
  blobId: 'blob-eml',
  messageId: '<m1@example-council.gov.uk>',
  inReplyTo: null,
  references: [],
  threadIndex: null,
  threadTopic: null,
};
const DRAFT = {
  kind: 'draft',
  requestId: 'req',
  draftKind: 'chaser',
  messageId: '<d1@ntk>',
  threadIndex: '',
  subject: 'Chasing NTK-req',
  createdAt: '2026-11-28T09:00:00.000Z',
  sentOn: null,
};
const ARRIVAL = { requestId: 'req', arrivedOn: '2026-11-29', sealed: 'c2VhbGVk', files: [], materialId: null, classifiedOn: null };

const BASES: Record<string, Json> = { request: REQUEST, material: MATERIAL, officer: OFFICER, meeting: MEETING, arrival: ARRIVAL };
const baseOf = (type: string, id: string): Json => (type === 'correspondence' ? (id.startsWith('draft') ? DRAFT : MESSAGE) : BASES[type]!);

const entry = (e: Json, n = 2): Json => ({ id: `e${n}`, recordedAt: AT, by: 'pa', ...e });
const withEntries = (extra: Partial<StoredRequest>, ...entries: Json[]): Json => ({ ...REQUEST, ...extra, events: [ENTRY, ...entries] });

interface Variant {
  type: string;
  name: string;
  /** Which base record it targets: a message or a draft for correspondence. */
  base?: 'draft';
  data: Json;
}

/** Changes no PA command makes, kind by kind. */
const FORGED: Variant[] = [
  // Material: where it came from, what it says, its files, its protection history.
  ...(
    [
      ['retitles it', { title: 'Leisure centre leaflet' }],
      ['rewrites the summary', { summary: 'Nothing of interest' }],
      ['moves it to another request', { requestId: 'req-other' }],
      ['drops a file', { attachments: [] }],
      ['swaps a file for another blob', { attachments: [{ ...MATERIAL.attachments[0], id: 'blob-forged' }] }],
      ['clears "was once protected"', { everProtected: false }],
      ['makes it a briefing', { isBriefing: true, briefing: { requestedBy: 'Pat Jones', permission: null } }],
      ['changes the purpose it was given for', { givenForPurpose: 'Publicity' }],
      ['moves it to a Member-only request flag', { onMemberOnlyRequest: true }],
      ['names another person in it', { thirdParty: { name: 'Mr Jones', consent: 'given' } }],
      ['ties it to a meeting', { meetingId: 'mtg-x' }],
      ['"erases" it but keeps the content', { erasedOn: '2026-12-01' }],
      ['records a disposal', { disposal: { how: 'destroyed', on: '2026-12-01' } }],
      ['adds a field the app never writes', { shareWith: 'The Echo' }],
      ['gives it a classification the app cannot read', { classification: { level: 'top-secret' } }],
      ['makes its consent unreadable', { thirdParty: { name: 'Mrs Patel', consent: 42 } }],
    ] as const
  ).map(([name, change]) => ({ type: 'material', name, data: { ...MATERIAL, ...change } as Json })),
  { type: 'officer', name: 'adds a field the app never writes', data: { ...OFFICER, approvedDisclosure: true } },
  { type: 'officer', name: 'replaces it with something not an officer', data: ['not', 'an', 'officer'] as unknown as Json },
  // Meetings: a PA cannot see Member-only requests, so never removes what one may name.
  ...(
    [
      ['removes an agenda item', { agendaItems: ['1. Minutes'], privateItems: [] }],
      ['renames an agenda item', { agendaItems: ['1. Minutes', '2. Something else'], privateItems: ['2. Something else'] }],
      ['takes an item out of the private part', { privateItems: [] }],
      ['adds a field the app never writes', { chair: 'Cllr Brown' }],
    ] as const
  ).map(([name, change]) => ({ type: 'meeting', name, data: { ...MEETING, ...change } as Json })),
  // Emails: the officer's words, the sender and the sender checks are what they were.
  ...(
    [
      ['rewrites the text', { text: 'No valuation exists.' }],
      ['rewrites the HTML', { html: '<p>No valuation exists.</p>' }],
      ['changes the sender', { from: { name: 'Chief Executive', email: 'ceo@example-council.gov.uk' } }],
      ['changes the subject', { subject: 'Re: something else' }],
      ['drops the warning flags', { flags: [], flagNotes: [] }],
      ['changes the date', { date: '2026-11-01' }],
      ['renames an attachment', { attachments: [{ name: 'minutes.pdf', size: 1200, blobId: 'blob-2', contentType: 'application/pdf' }] }],
      ['changes the Message-ID', { messageId: '<m2@example-council.gov.uk>' }],
      ['turns it into a draft', { ...DRAFT }],
    ] as const
  ).map(([name, change]) => ({ type: 'correspondence', name: `email: ${name}`, data: { ...MESSAGE, ...change } as Json })),
  ...(
    [
      ['rewrites the subject', { subject: 'Withdrawn' }],
      ['moves it to another request', { requestId: 'req-other' }],
    ] as const
  ).map(([name, change]) => ({
    type: 'correspondence',
    base: 'draft' as const,
    name: `draft: ${name}`,
    data: { ...DRAFT, ...change } as Json,
  })),
  { type: 'arrival', name: 'names other files', data: { ...ARRIVAL, files: [{ blobId: 'blob-pink', size: 10 }] } },
  { type: 'arrival', name: 'marks it classified', data: { ...ARRIVAL, sealed: null, materialId: 'mat-x', classifiedOn: '2026-12-01' } },
  { type: 'arrival', name: 'moves it to another request', data: { ...ARRIVAL, requestId: 'req-other' } },
  // A request's follow-up fields, changed without the entry the command adds with them.
  ...(
    [
      ['escalates with no entry', { escalatedTo: 'chief-executive' }],
      [
        'adds an escalation with no entry',
        { escalations: [{ on: '2026-12-01', level: 'head-of-service', to: 'X', role: 'Head', informationWithheld: false }] },
      ],
      [
        'records a Monitoring Officer decision with no entry',
        { moReferral: { ...REQUEST.moReferral!, decision: { accepted: true, decidedBy: 'MO', on: '2026-12-01' } } },
      ],
      [
        'marks the chair notice sent with no entry',
        { chairNotice: { text: 'Notice to the chair', sentOn: '2026-12-01', sentTo: 'Chair' } },
      ],
      ['drops the Monitoring Officer referral', { moReferral: null }],
      ['makes its timeline unreadable', { events: 'gone' }],
    ] as const
  ).map(([name, change]) => ({ type: 'request', name, data: { ...REQUEST, ...change } as Json })),
  {
    type: 'request',
    name: 'escalates two steps at once',
    data: withEntries(
      {
        escalatedTo: 'chief-executive',
        escalations: [{ on: '2026-12-01', level: 'chief-executive', to: 'CEO', role: 'Chief executive', informationWithheld: false }],
      },
      entry({
        type: 'escalated',
        on: '2026-12-01',
        note: 'Escalated',
        informationWithheld: false,
        level: 'chief-executive',
        to: 'CEO',
        role: 'Chief executive',
      }),
    ),
  },
  {
    type: 'request',
    name: 'records a decision unlike its entry',
    data: withEntries(
      { moReferral: { ...REQUEST.moReferral!, decision: { accepted: true, decidedBy: 'MO', on: '2026-12-01' } } },
      entry({ type: 'mo-decision', on: '2026-12-01', note: 'Refused', accepted: false, decidedBy: 'MO' }),
    ),
  },
  {
    type: 'request',
    name: 'marks the notice sent on another day than its entry',
    data: withEntries(
      { chairNotice: { text: 'Notice to the chair', sentOn: '2026-11-30', sentTo: 'Chair' } },
      entry({ type: 'emailed', kind: 'chair-notice', on: '2026-12-01', note: 'Notice sent to Chair.', to: 'Chair' }),
    ),
  },
  // Forged timeline entries.
  ...(
    [
      ['an answer dated after it was recorded', entry({ type: 'answered', on: '2027-03-01', note: 'Answered in full' })],
      ['an answer dated before the request was sent', entry({ type: 'answered', on: '2026-11-01', note: 'Answered in full' })],
      ['an entry with no entry time', { id: 'e2', by: 'pa', type: 'answered', on: '2026-12-01', note: 'Answered' }],
      ['an entry with no id', { recordedAt: AT, by: 'pa', type: 'answered', on: '2026-12-01', note: 'Answered' }],
      [
        "an answer passing as the Member's (not marked as the PA's)",
        { id: 'e2', recordedAt: AT, type: 'answered', on: '2026-12-01', note: 'Answered' },
      ],
      ['an entry of a kind no command adds', entry({ type: 'chair-notice-sent', on: '2026-12-01', note: 'Sent', to: 'Chair' })],
      ['an entry of no known kind', entry({ type: 'deadline-waived', on: '2026-12-01', note: 'Waived' })],
      [
        'a holding reply promising a date before itself',
        entry({ type: 'holding', on: '2026-12-01', note: 'Working on it', promisedBy: '2026-11-28' }),
      ],
      [
        'a holding reply dated in the future',
        entry({ type: 'holding', on: '2027-01-20', note: 'Working on it', promisedBy: '2027-06-30' }),
      ],
    ] as const
  ).map(([name, e]) => ({ type: 'request', name: `adds ${name}`, data: withEntries({}, e as Json) })),
  {
    type: 'request',
    name: 'records an edit making the subject unreadable',
    data: withEntries(
      { subject: 42 as unknown as string },
      entry({
        type: 'edited',
        on: '2026-12-01',
        note: 'Edited',
        reason: null,
        changes: [{ field: 'subject', label: 'Subject', from: REQUEST.subject, to: 42, fromText: REQUEST.subject, toText: '42' }],
      }),
    ),
  },
  {
    type: 'request',
    name: 'reopens a request that is open',
    data: withEntries({}, entry({ type: 'reopened', on: '2026-12-01', note: 'Reopened', reason: 'More to ask' })),
  },
  {
    type: 'request',
    name: 'withdraws it after closing it',
    data: withEntries(
      {},
      entry({ type: 'closed', on: '2026-12-01', note: 'Closed', reason: 'Done', outcome: 'answered' }, 2),
      entry({ type: 'withdrawn', on: '2026-12-01', note: 'Withdrawn', reason: 'Not needed' }, 3),
    ),
  },
  {
    type: 'request',
    name: 'adds an answer after closing it',
    data: withEntries(
      {},
      entry({ type: 'closed', on: '2026-12-01', note: 'Closed', reason: 'No longer needed', outcome: 'abandoned' }, 2),
      entry({ type: 'answered', on: '2026-12-01', note: 'Answered in full' }, 3),
    ),
  },
];

const correction = (changes: Json[], over: Json = {}): Json =>
  entry({ type: 'correction', on: '2026-12-01', corrects: 'e1', reason: 'Typed wrongly', changes, ...over });
const dateChange = (from: string, to: string): Json => ({ field: 'on', label: 'Date', from, to });

/** An edit as the app's edit command records it (editRequest), with the request as it leaves it. */
const edit = (changes: Json) => {
  const made = editRequest(REQUEST, changes, '2026-12-01');
  return { updated: made.updated as Json, entry: entry(made.entry as unknown as Json) };
};
const subjectEdit = edit({ subject: 'Depot sale (revised)' });

FORGED.push(
  {
    type: 'request',
    name: 'adds an edit the request does not get (shown, not made)',
    data: withEntries({}, subjectEdit.entry),
  },
  {
    type: 'request',
    name: 'adds an edit whose shown words are not the change',
    data: withEntries(subjectEdit.updated as Partial<StoredRequest>, {
      ...subjectEdit.entry,
      changes: (subjectEdit.entry.changes as Json[]).map((c) => ({ ...c, fromText: 'Something harmless' })),
    }),
  },
  {
    type: 'request',
    name: 'adds an edit with a note that is not the change',
    data: withEntries(subjectEdit.updated as Partial<StoredRequest>, { ...subjectEdit.entry, note: 'Typo fixed.' }),
  },
  ...(
    [
      ['a correction with a false old value', correction([dateChange('2026-11-20', '2026-11-26')])],
      ['a correction of an entry not on the timeline', correction([dateChange('2026-11-25', '2026-11-26')], { corrects: 'e9' })],
      ['a correction dating the entry after the correction', correction([dateChange('2026-11-25', '2026-12-20')])],
      ['a correction dating the entry before the request was sent', correction([dateChange('2026-11-25', '2026-11-02')])],
      ['a correction with no reason', correction([dateChange('2026-11-25', '2026-11-26')], { reason: '' })],
      [
        'a correction of a field the entry does not have',
        correction([{ field: 'promisedBy', label: 'Promised date', from: '', to: '2027-06-30' }]),
      ],
      ['a correction naming a change it does not make', correction([dateChange('2026-11-25', '2026-11-25')])],
    ] as const
  ).map(([name, e]) => ({ type: 'request', name: `adds ${name}`, data: withEntries({}, e) })),
);

/** What the PA's commands do write over the Member's records: each must apply with no warning. */
const ALLOWED: Variant[] = [
  { type: 'material', name: 'reclassified', data: { ...MATERIAL, classification: { level: 'open' } } },
  {
    type: 'material',
    name: 'a file attached',
    data: { ...MATERIAL, attachments: [...MATERIAL.attachments, { id: 'blob-3', name: 'b.pdf', size: 5, addedOn: '2026-12-01' }] },
  },
  { type: 'material', name: 'consent recorded', data: { ...MATERIAL, thirdParty: { name: 'Mrs Patel', consent: 'given' } } },
  {
    type: 'material',
    name: 'kept longer',
    data: { ...MATERIAL, personalData: { ...MATERIAL.personalData, retainUntil: '2028-11-26' } },
  },
  {
    type: 'material',
    name: 'erased',
    data: { ...MATERIAL, title: 'Erased', summary: '', attachments: [], thirdParty: null, erasedOn: '2026-12-01' },
  },
  { type: 'officer', name: 'details edited', data: { ...OFFICER, role: 'Head of estates', email: 'sam.green2@example-council.gov.uk' } },
  { type: 'officer', name: 'retired', data: { ...OFFICER, retiredOn: '2026-12-01' } },
  {
    type: 'meeting',
    name: 'an item added and marked private',
    data: { ...MEETING, agendaItems: [...MEETING.agendaItems, '3. AOB'], privateItems: ['2. Depot sale', '3. AOB'] },
  },
  { type: 'meeting', name: 'retired', data: { ...MEETING, retiredOn: '2026-12-01' } },
  {
    type: 'correspondence',
    name: 'an email filed',
    data: {
      ...MESSAGE,
      requestId: 'req',
      requestReference: 'NTK-req',
      matchedBy: 'hand',
      filed: { kind: 'answered', on: '2026-12-01', promisedBy: null, materialIds: [] },
    },
  },
  {
    type: 'correspondence',
    base: 'draft',
    name: 'a draft marked sent',
    data: { ...DRAFT, sentOn: '2026-12-01', onMemberOnlyRequest: false },
  },
  {
    type: 'request',
    name: 'a holding reply moving the target',
    data: withEntries({}, entry({ type: 'holding', on: '2026-12-01', note: 'Working on it', promisedBy: '2027-01-15' })),
  },
  {
    type: 'request',
    name: 'escalated one step',
    data: withEntries(
      {
        escalatedTo: 'head-of-service',
        escalations: [{ on: '2026-12-01', level: 'head-of-service', to: 'Alex', role: 'Head of service', informationWithheld: false }],
      },
      entry({
        type: 'escalated',
        on: '2026-12-01',
        note: 'Escalated to Alex (Head of service).',
        informationWithheld: false,
        level: 'head-of-service',
        to: 'Alex',
        role: 'Head of service',
      }),
    ),
  },
  {
    type: 'request',
    name: 'the Monitoring Officer decision recorded',
    data: withEntries(
      { moReferral: { ...REQUEST.moReferral!, decision: { accepted: true, decidedBy: 'MO', on: '2026-12-01' } } },
      entry({ type: 'mo-decision', on: '2026-12-01', note: 'Accepted by MO.', accepted: true, decidedBy: 'MO' }),
    ),
  },
  {
    type: 'request',
    name: 'the chair notice marked sent',
    data: withEntries(
      { chairNotice: { text: 'Notice to the chair', sentOn: '2026-12-01', sentTo: 'Chair' } },
      entry({ type: 'emailed', kind: 'chair-notice', on: '2026-12-01', note: 'Notice sent to Chair.', to: 'Chair' }),
    ),
  },
];

const idOf = (v: Variant, i: number) => `${v.base ?? v.type}-${i}`;

/** A vault where the Member wrote one record per variant; returns a forger with the PA's real shared key. */
async function vaultFor(variants: Variant[]) {
  const dir = path.join(tempDir('pa-records'), 'vault');
  const checkpoints = memoryCheckpointStore();
  const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF, checkpoints });
  const pa = await member.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
  variants.forEach((v, i) => member.put({ id: idOf(v, i), tier: 'shared', type: v.type, data: baseOf(v.type, idOf(v, i)) }));
  const memberId = member.user.id;
  member.lock();
  const paSession = await Vault.open(dir).unlock(pa.id, PA_PASS);
  const shared = Buffer.from(paSession.exportKeysForQuickUnlock().shared, 'base64');
  paSession.lock();
  return {
    dir,
    shared,
    forge: (v: Variant, i: number) => paAppend(dir, shared, { kind: 'put', id: idOf(v, i), type: v.type }, v.data),
    openMember: () => Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER_PASS),
    openPa: () => Vault.open(dir).unlock(pa.id, PA_PASS),
  };
}

const asWritten = (s: VaultSession, v: Variant, i: number) =>
  JSON.stringify(s.get(idOf(v, i))?.data) === JSON.stringify(baseOf(v.type, idOf(v, i)));

describe("a PA's file-level rewrite of any kind of record the Member wrote", () => {
  it('R-USE-3 is set aside at unlock with a warning naming the kind of record in plain words; the record stays as written', async () => {
    const v = await vaultFor(FORGED);
    FORGED.forEach((variant, i) => v.forge(variant, i));
    const m = await v.openMember();
    const warning = m.warnings.find((w) => w.kind === 'set-aside');
    const intact = FORGED.map((variant, i) => asWritten(m, variant, i));
    FORGED.forEach((variant, i) =>
      table.add(`PA at file level, ${variant.type}: ${variant.name}`, { caught: !!warning && intact[i]!, lost: intact[i] ? 0 : 1 }),
    );
    expect(FORGED.filter((_, i) => !intact[i]).map((f) => `${f.type}: ${f.name}`)).toEqual([]);
    expect(warning?.message).toContain(`${FORGED.length} changes in the vault were not made by the Member's app`);
    // Plain words: no record id, field path or schema text.
    expect(warning?.message).not.toMatch(/material-\d|officer-\d|\bid\b|requestId|\[|\{/);
    m.lock();
  }, 120_000);

  it("R-USE-3 each is refused by a PA's own app before it is written, in plain words, saving nothing", async () => {
    const v = await vaultFor(FORGED);
    const pa = await v.openPa();
    const escaped: string[] = [];
    FORGED.forEach((variant, i) => {
      const before = pa.stats().lastSeq;
      let refused = false;
      try {
        pa.put({ id: idOf(variant, i), tier: 'shared', type: variant.type, data: variant.data });
      } catch (error) {
        refused = (error as { code?: string }).code === 'not-permitted' && !/\{|\bid\b/.test((error as Error).message);
      }
      const saved = pa.stats().lastSeq !== before;
      table.add(`PA app, ${variant.type}: ${variant.name}`, { caught: refused && !saved, lost: saved ? 1 : 0 });
      if (!refused || saved) escaped.push(`${variant.type}: ${variant.name}`);
    });
    expect(escaped).toEqual([]);
    pa.lock();
  }, 60_000);

  it("what the PA's commands write over the Member's records still applies, with no warning", async () => {
    const v = await vaultFor(ALLOWED);
    ALLOWED.forEach((variant, i) => v.forge(variant, i));
    const m = await v.openMember();
    expect(m.warnings).toEqual([]);
    const applied = ALLOWED.filter((variant, i) => JSON.stringify(m.get(idOf(variant, i))?.data) !== JSON.stringify(variant.data));
    expect(applied.map((a) => `${a.type}: ${a.name}`)).toEqual([]);
    m.lock();
  }, 60_000);

  it("R-DUE-5 a holding reply a PA records moves the target, and its frame is known to be the PA's", async () => {
    const held = ALLOWED.find((a) => a.name === 'a holding reply moving the target')!;
    const v = await vaultFor([held]);
    v.forge(held, 0);
    const m = await v.openMember();
    const record = m.get<StoredRequest>(idOf(held, 0))!;
    expect(record.data.events.at(-1)).toMatchObject({ type: 'holding', promisedBy: '2027-01-15' });
    expect(m.authorOf(idOf(held, 0))).toBe('pa');
    m.lock();
  }, 60_000);
});

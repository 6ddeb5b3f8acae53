// Officers' email in and out: what a draft says, how an imported message is matched to
// its request and what is flagged on it. Pure: main runs these to enforce, the screens to explain.
import { z } from 'zod';
import {
  checkCopies,
  checkCouncilEmail,
  draftKindSchema,
  escalationNames,
  nextEscalation,
  type DraftKind,
  type EscalationLevel,
} from './requests';
import { formatUk, type IsoDate } from './dates';
import { valuesOf } from './named-values';

/** The emails the app can draft for a request. */
export const draftKindNames: Record<DraftKind, string> = {
  request: 'The request',
  chaser: 'A chaser',
  escalation: 'An escalation',
  'chair-notice': 'The chair notice',
  'mo-referral': 'A referral to the Monitoring Officer',
  foi: 'A Freedom of Information request',
};

/** What filing a message records on the request's timeline. */
export const filingKindNames = {
  acknowledged: 'An acknowledgement',
  holding: 'A holding reply (with a promised date)',
  answered: 'The answer',
  none: 'Other correspondence (nothing for the timeline)',
} as const satisfies Record<string, string>;
export const FILING_KINDS = valuesOf(filingKindNames);
export type FilingKind = (typeof FILING_KINDS)[number];

/** Size limit for one imported message (the whole file, attachments included). */
export const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;
/** Files one import may carry. */
export const MAX_MESSAGES_PER_IMPORT = 20;
/** `mailto:` links longer than this are cut by some mail programs; the .eml route is used instead. */
export const MAX_MAILTO_CHARS = 1800;

// ---------------------------------------------------------------------------------------------
// The reference tag

const TAG = /\[(NTK-\d{4}-\d{5,})\]/i;
const REFERENCE = /^NTK-\d{4}-\d{5,}$/;

/** The tag carried in a subject: `[NTK-2026-00042]` for the reference casework gives a request. */
export function referenceTag(reference: string): string {
  if (!REFERENCE.test(reference)) throw new Error(`Not a request reference: ${reference}`);
  return `[${reference}]`;
}

/** The first reference tag in a text, upper-cased, or null. */
export function findReferenceTag(text: string | null | undefined): string | null {
  const m = TAG.exec(text ?? '');
  return m ? m[1]!.toUpperCase() : null;
}

// ---------------------------------------------------------------------------------------------
// Drafts (Out)

export interface DraftFacts {
  reference: string;
  subject: string;
  question: string;
  needToKnow: string;
  capacity: string | null;
  route: string | null;
  routeId: string | null;
  meeting: string | null;
  agendaItem: string | null;
  fromEmail: string;
  memberName: string;
  officer: { name: string; email: string } | null;
  copies: string[];
  blindCopies?: string[];
  sentOn: IsoDate;
  acknowledgeBy: IsoDate | null;
  target: IsoDate;
  today: IsoDate;
  /** The request's status (shared/domain/requests REQUEST_STATUSES). */
  status: string;
  acknowledged: boolean;
  escalatedTo: EscalationLevel | null;
  chairNotice: { text: string; sentOn: IsoDate | null } | null;
  moReferral: { reason: string } | null;
  /** Addresses the directory holds for the next level up and the Monitoring Officer, when known. */
  escalationAddress: { name: string; email: string } | null;
  monitoringOfficer: { name: string; email: string } | null;
}

export interface DraftContent {
  kind: DraftKind;
  from: string;
  to: Array<{ name: string; email: string }>;
  cc: string[];
  subject: string;
  body: string;
  /** Things the Member should know before sending (e.g. no address for the chair in the directory). */
  notes: string[];
}

export type Applicability = { applies: true } | { applies: false; reason: string };

/** Which drafts make sense for this request now (the screen offers those; main refuses the rest). */
export function draftApplies(
  kind: DraftKind,
  f: Pick<DraftFacts, 'status' | 'acknowledged' | 'acknowledgeBy' | 'today' | 'chairNotice' | 'moReferral' | 'routeId' | 'escalatedTo'>,
): Applicability {
  const overdue = f.status === 'overdue' || f.status === 'very-overdue' || f.status === 'escalated';
  const ackLate = !f.acknowledged && !!f.acknowledgeBy && f.acknowledgeBy < f.today;
  switch (kind) {
    case 'request':
      return { applies: true };
    // R-DUE-1 (000 §17.8.2): chase when the acknowledgement or the answer is past its date.
    case 'chaser':
      return overdue || ackLate ? { applies: true } : { applies: false, reason: 'Nothing is overdue yet.' };
    // R-DUE-4 (000 §17.8.2; 004 §11.10): escalate only once the answer is overdue.
    case 'escalation':
      if (f.escalatedTo === 'monitoring-officer') return { applies: false, reason: 'It has already gone to the Monitoring Officer.' };
      return overdue ? { applies: true } : { applies: false, reason: 'The answer is not overdue yet.' };
    // R-ASK-8 (000 §17.8.9; 001 §24.8(a)–(b)): only for a request about agenda business.
    case 'chair-notice':
      if (!f.chairNotice) return { applies: false, reason: 'This request does not need a chair notice.' };
      return f.chairNotice.sentOn ? { applies: false, reason: 'The chair notice has been sent.' } : { applies: true };
    // R-ASK-4 (004 §11.9): only for a request that went to the Monitoring Officer for a decision.
    case 'mo-referral':
      return f.moReferral ? { applies: true } : { applies: false, reason: 'This request was not referred to the Monitoring Officer.' };
    // R-ASK-5 (000 §17.8.6): only when the FOI route was chosen.
    case 'foi':
      return f.routeId === 'foi' ? { applies: true } : { applies: false, reason: 'This request is not a Freedom of Information request.' };
  }
}

// R-ASK-9 (000 §17.13.2) and R-ASK-10 (001 §24.11(a)): From the council address, copies visible, never Bcc.
export function checkDraftAddresses(
  from: string,
  councilDomain: string,
  copies: string[],
  blindCopies: string[] = [],
): { ok: true } | { ok: false; reason: string } {
  const email = checkCouncilEmail(from, councilDomain ? [councilDomain] : []);
  if (!email.ok) return email;
  const c = checkCopies({ cc: copies, bcc: blindCopies });
  if (!c.ok) return c;
  return { ok: true };
}

const line = (label: string, value: string | null | undefined) => (value && value.trim() ? `${label}: ${value.trim()}` : null);

/** What every kind of draft is built from: the tag, the facts block, the due dates, greeting and sign-off. */
interface DraftParts {
  tag: string;
  notes: string[];
  officerTo: Array<{ name: string; email: string }>;
  facts: string[];
  dueLines: string[];
  signOff: string;
  base: { from: string; cc: string[] };
}

const greeting = (name: string | undefined) => `Dear ${name?.trim() || 'colleague'},`;

function draftParts(f: DraftFacts): DraftParts {
  const notes: string[] = [];
  if (!f.officer) notes.push('The officer has no email address in the directory: add it in your email program.');
  const meetingLine = f.meeting ? `${f.meeting}${f.agendaItem ? `, agenda item: ${f.agendaItem}` : ''}` : null;
  const facts = [
    line('Reference', f.reference),
    line('What I am asking for', f.question),
    line('Why I need to know', f.needToKnow),
    line('Capacity', f.capacity),
    line('Route', f.route),
    // s.100F LGA 1972: the inspection names the meeting and the agenda item.
    f.routeId === 'statutory-inspection' ? line('Meeting and agenda item (s.100F)', meetingLine) : line('Meeting', meetingLine),
  ].filter((l): l is string => !!l);
  const dueLines = [
    f.acknowledgeBy ? `Under the council's protocol, please acknowledge this by ${formatUk(f.acknowledgeBy)}.` : null,
    `The protocol's deadline for an answer is ${formatUk(f.target)}.`,
  ].filter((l): l is string => !!l);
  return {
    tag: referenceTag(f.reference),
    notes,
    officerTo: f.officer ? [f.officer] : [],
    facts,
    dueLines,
    signOff: ['', 'Kind regards,', f.memberName].join('\n'),
    base: { from: f.fromEmail.trim(), cc: [...f.copies] },
  };
}

type Composer = (f: DraftFacts, p: DraftParts) => Omit<DraftContent, 'kind'>;

/** Each kind of draft's To, Cc, subject and body. */
const COMPOSERS: Record<DraftKind, Composer> = {
  request: (f, p) => ({
    ...p.base,
    to: p.officerTo,
    notes: p.notes,
    subject: `${f.subject} ${p.tag}`,
    body: [
      greeting(f.officer?.name),
      '',
      'I would be grateful for the following information.',
      '',
      ...p.facts,
      '',
      ...p.dueLines,
      p.signOff,
    ].join('\n'),
  }),
  chaser: (f, p) => {
    const what = f.acknowledged ? 'an answer' : 'an acknowledgement';
    const due = f.acknowledged ? f.target : (f.acknowledgeBy ?? f.target);
    return {
      ...p.base,
      to: p.officerTo,
      notes: p.notes,
      subject: `Chaser: ${f.subject} ${p.tag}`,
      body: [
        greeting(f.officer?.name),
        '',
        `I wrote on ${formatUk(f.sentOn)} asking for the information below and have not yet had ${what}, which was due by ${formatUk(due)}.`,
        'Please could you reply, or tell me when I can expect it.',
        '',
        ...p.facts,
        p.signOff,
      ].join('\n'),
    };
  },
  escalation: composeEscalation,
  // R-ASK-8 (000 §17.8.9; 001 §24.8(a)–(b)): the chair / executive member is told what was asked.
  'chair-notice': (f, p) => ({
    ...p.base,
    to: [],
    notes: [...p.notes, 'Add the chair’s or executive member’s address in your email program.'],
    subject: `For information: ${f.subject} ${p.tag}`,
    body: [greeting(undefined), '', f.chairNotice?.text ?? '', p.signOff].join('\n'),
  }),
  'mo-referral': composeReferral,
  // R-ASK-5 (000 §17.8.6): anyone's right, with its own 20-working-day clock; no need to know is argued.
  foi: (f, p) => ({
    ...p.base,
    to: p.officerTo,
    notes: p.notes,
    subject: `Freedom of Information request: ${f.subject} ${p.tag}`,
    body: [
      greeting(f.officer?.name),
      '',
      'Under the Freedom of Information Act 2000 (or the Environmental Information Regulations), please provide:',
      '',
      f.question,
      '',
      `The statutory deadline is ${formatUk(f.target)}.`,
      p.signOff,
    ].join('\n'),
  }),
};

// R-DUE-4 (000 §17.8.2; 004 §11.10): the next level up, copying the officer first asked.
function composeEscalation(f: DraftFacts, p: DraftParts): Omit<DraftContent, 'kind'> {
  const next = nextEscalation(f.escalatedTo, false);
  const to = next.level === 'monitoring-officer' ? f.monitoringOfficer : f.escalationAddress;
  const notes = to
    ? p.notes
    : [...p.notes, `The directory has no address for ${escalationNames[next.level]}: add it in your email program.`];
  return {
    ...p.base,
    to: to ? [to] : [],
    cc: [...p.base.cc, ...(f.officer ? [f.officer.email] : [])],
    notes,
    subject: `Escalation: ${f.subject} ${p.tag}`,
    body: [
      greeting(to?.name),
      '',
      `I am escalating to ${escalationNames[next.level]} a request I sent on ${formatUk(f.sentOn)}${f.officer ? ` to ${f.officer.name}` : ''}. The answer was due by ${formatUk(f.target)} and has not arrived.`,
      '',
      ...p.facts,
      p.signOff,
    ].join('\n'),
  };
}

// R-ASK-4 (004 §11.9; 002): the Monitoring Officer decides the need to know.
function composeReferral(f: DraftFacts, p: DraftParts): Omit<DraftContent, 'kind'> {
  const notes = f.monitoringOfficer
    ? p.notes
    : [...p.notes, 'The directory has no address for the Monitoring Officer: add it in your email program.'];
  return {
    ...p.base,
    to: f.monitoringOfficer ? [f.monitoringOfficer] : [],
    cc: [...p.base.cc, ...(f.officer ? [f.officer.email] : [])],
    notes,
    subject: `Need to know: please decide: ${f.subject} ${p.tag}`,
    body: [
      greeting(f.monitoringOfficer?.name),
      '',
      'Please would you decide whether I have a need to know the information below.',
      line('Why I am asking you', f.moReferral?.reason) ?? '',
      '',
      ...p.facts,
      p.signOff,
    ].join('\n'),
  };
}

/** The draft's From/To/Cc/subject/body for one kind; throws if the kind does not apply or an address is refused. */
export function composeDraft(kind: DraftKind, f: DraftFacts, councilDomain: string): DraftContent {
  const applies = draftApplies(kind, f);
  if (!applies.applies) throw new DraftRefused(applies.reason);
  const addresses = checkDraftAddresses(f.fromEmail, councilDomain, f.copies, f.blindCopies);
  if (!addresses.ok) throw new DraftRefused(addresses.reason);
  return { kind, ...COMPOSERS[kind](f, draftParts(f)) };
}

export class DraftRefused extends Error {
  override readonly name = 'DomainError';
  readonly code = 'refused';
}

/** A `mailto:` link for the draft, or null when it would be too long for some mail programs. */
export function mailtoFor(d: Pick<DraftContent, 'to' | 'cc' | 'subject' | 'body'>): string | null {
  const q = [
    `subject=${encodeURIComponent(d.subject)}`,
    d.cc.length ? `cc=${encodeURIComponent(d.cc.join(','))}` : null,
    `body=${encodeURIComponent(d.body.replace(/\n/g, '\r\n'))}`,
  ]
    .filter(Boolean)
    .join('&');
  const url = `mailto:${d.to.map((t) => encodeURIComponent(t.email)).join(',')}?${q}`;
  return url.length < MAX_MAILTO_CHARS ? url : null;
}

/** The request's timeline entry when the Member says a draft was sent. */
// R-ASK-8, R-DUE-4 (000 §17.8.9, §17.8.2): a chair notice or an escalation is recorded with whom it went to.
export const sentDraftNamesRecipient = (kind: DraftKind): boolean => kind === 'chair-notice' || kind === 'escalation';

export function sentEventFor(
  kind: DraftKind,
  on: IsoDate,
):
  | { type: 'chased' | 'escalated' | 'emailed'; on: IsoDate; note: string; informationWithheld?: boolean; kind?: DraftKind }
  | { type: 'chair-notice'; on: IsoDate } {
  if (kind === 'chaser') return { type: 'chased', on, note: 'Chaser sent by email.' };
  if (kind === 'escalation') return { type: 'escalated', on, note: 'Escalation sent by email.', informationWithheld: false };
  if (kind === 'chair-notice') return { type: 'chair-notice', on };
  return { type: 'emailed', on, note: `${draftKindNames[kind]} sent by email.`, kind };
}

// ---------------------------------------------------------------------------------------------
// Imported messages (In)

export const addressSchema = z.object({ name: z.string().max(300), email: z.string().max(320) });
export type Address = z.infer<typeof addressSchema>;

/**
 * `sender-checks`: the council's mail server could not confirm the sender (sender-checks.ts);
 * `message-id-clash`: another kept email has its Message-ID (message-clash.ts), worked out afresh for each view.
 */
export const importFlagSchema = z.enum(['outside-domain', 'blind-copy', 'copies', 'sender-checks', 'message-id-clash']);
export type ImportFlag = z.infer<typeof importFlagSchema>;

/** The facts of a parsed message that matching and flags need. */
export interface MessageFacts {
  from: Address | null;
  to: Address[];
  cc: Address[];
  subject: string;
  text: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  threadIndex: string | null;
  threadTopic: string | null;
}

const domainOf = (email: string) => email.trim().toLowerCase().split('@')[1] ?? '';
const inDomain = (email: string, domain: string) => {
  const d = domainOf(email);
  const c = domain.toLowerCase().replace(/^@/, '');
  return !!c && (d === c || d.endsWith(`.${c}`));
};

export interface FlagResult {
  flags: ImportFlag[];
  /** Plain-words explanation of each flag, for the screen. */
  explanations: string[];
  outsideAddresses: string[];
  copies: string[];
}

/** Flags on import: outside the council domain (R-ASK-9), copies recorded and blind copy (R-ASK-10). */
export function importFlags(m: Pick<MessageFacts, 'from' | 'to' | 'cc'>, councilDomain: string, memberEmails: string[]): FlagResult {
  const flags: ImportFlag[] = [];
  const explanations: string[] = [];
  const everyone = [...(m.from ? [m.from] : []), ...m.to, ...m.cc].map((a) => a.email.toLowerCase()).filter(Boolean);
  // R-ASK-9 (000 §17.13.2): official correspondence stays on council addresses; anything else is flagged.
  const outside = councilDomain ? [...new Set(everyone.filter((e) => !inDomain(e, councilDomain)))] : [];
  if (outside.length) {
    flags.push('outside-domain');
    explanations.push(`Not a council address: ${outside.join(', ')}.`);
  }
  // R-ASK-10 (001 §24.11(a)): everyone copied is recorded.
  const copies = m.cc.map((a) => a.email.toLowerCase());
  if (copies.length) {
    flags.push('copies');
    explanations.push(`Copied to: ${copies.join(', ')}.`);
  }
  // R-ASK-10 (001 §24.11(a)): a message that reached the Member without naming them was a blind copy.
  const mine = memberEmails.map((e) => e.trim().toLowerCase()).filter(Boolean);
  const visible = [...m.to, ...m.cc].map((a) => a.email.toLowerCase());
  if (mine.length && !visible.some((e) => mine.includes(e))) {
    flags.push('blind-copy');
    explanations.push('Your address is not in To or Cc: this reached you as a blind copy.');
  }
  return { flags, explanations, outsideAddresses: outside, copies };
}

/** What the matcher knows about requests, built once per import (cheap lookups for 50,000 requests). */
export interface MatchIndex {
  byReference: Map<string, string>;
  byMessageId: Map<string, string>;
  byThread: Map<string, string>;
  byTopic: Map<string, string>;
}

export const normaliseMessageId = (id: string) => id.trim().replace(/^<|>$/g, '').toLowerCase();
/** Outlook's Thread-Index: the first 22 bytes (time + GUID) name the conversation; replies add 5 bytes each. */
export function threadKey(threadIndex: string | null | undefined): string | null {
  if (!threadIndex) return null;
  const clean = threadIndex.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(clean)) return null;
  // 22 bytes are the first 30 base64 characters (plus 2 bits): compare the 29 characters wholly inside them.
  return clean.length >= 30 ? clean.slice(0, 29) : null;
}
export const normaliseTopic = (s: string) =>
  s
    .replace(/^\s*((re|fw|fwd|aw|wg|sv)\s*(\[\d+\])?\s*:\s*)+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export function buildMatchIndex(
  requests: Iterable<{ id: string; reference: string }>,
  drafts: Iterable<{ requestId: string; messageId: string; threadIndex?: string | null; subject?: string | null }>,
): MatchIndex {
  const index: MatchIndex = { byReference: new Map(), byMessageId: new Map(), byThread: new Map(), byTopic: new Map() };
  for (const r of requests) index.byReference.set(r.reference.toUpperCase(), r.id);
  for (const d of drafts) {
    index.byMessageId.set(normaliseMessageId(d.messageId), d.requestId);
    const key = threadKey(d.threadIndex);
    if (key) index.byThread.set(key, d.requestId);
    if (d.subject) index.byTopic.set(normaliseTopic(d.subject), d.requestId);
  }
  return index;
}

export type MatchBy = 'reference' | 'in-reply-to' | 'thread-index' | 'thread-topic';
export type Match = { requestId: string; by: MatchBy } | null;

/** Matching an imported message: the reference tag, then In-Reply-To/References, then Outlook's thread headers. */
export function matchMessage(
  m: Pick<MessageFacts, 'subject' | 'text' | 'inReplyTo' | 'references' | 'threadIndex' | 'threadTopic'>,
  index: MatchIndex,
): Match {
  const tag = findReferenceTag(m.subject) ?? findReferenceTag(m.text.slice(0, 200_000));
  if (tag && index.byReference.has(tag)) return { requestId: index.byReference.get(tag)!, by: 'reference' };
  for (const id of [m.inReplyTo, ...[...m.references].reverse()]) {
    const hit = id ? index.byMessageId.get(normaliseMessageId(id)) : undefined;
    if (hit) return { requestId: hit, by: 'in-reply-to' };
  }
  const key = threadKey(m.threadIndex);
  if (key && index.byThread.has(key)) return { requestId: index.byThread.get(key)!, by: 'thread-index' };
  const topic = m.threadTopic ? index.byTopic.get(normaliseTopic(m.threadTopic)) : undefined;
  if (topic) return { requestId: topic, by: 'thread-topic' };
  return null;
}

/** Tier of an imported message: it carries the request's material, so it is sealed as that material would be. */
export function correspondenceTier(m: { requestMemberOnly: boolean; attachmentCount: number }): 'shared' | 'member' {
  if (m.requestMemberOnly) return 'member';
  // R-CLS-2 (000 §17.9.4): attachments are "not yet known" until classified, so treated as confidential.
  return m.attachmentCount > 0 ? 'member' : 'shared';
}

// ---------------------------------------------------------------------------------------------
// Schemas over IPC

export const draftPreviewSchema = z.object({
  requestId: z.string(),
  kind: draftKindSchema,
  from: z.string(),
  to: z.array(addressSchema),
  cc: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  notes: z.array(z.string()),
  mailto: z.string().nullable(),
  messageId: z.string(),
});
export type DraftPreview = z.infer<typeof draftPreviewSchema>;

export const draftOptionSchema = z.object({
  kind: draftKindSchema,
  label: z.string(),
  applies: z.boolean(),
  reason: z.string().nullable(),
});

export const messageAttachmentSchema = z.object({ name: z.string(), size: z.number(), contentType: z.string() });

export const correspondenceItemSchema = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  requestReference: z.string().nullable(),
  from: addressSchema.nullable(),
  to: z.array(addressSchema),
  cc: z.array(addressSchema),
  subject: z.string(),
  /** The email's own date (UK), YYYY-MM-DD, and its full timestamp. */
  date: z.string(),
  sentAt: z.string().nullable(),
  text: z.string(),
  /** HTML from the email, raw: the page sanitises it (DOMPurify) before showing it. */
  html: z.string().nullable(),
  attachments: z.array(messageAttachmentSchema),
  flags: z.array(importFlagSchema),
  flagNotes: z.array(z.string()),
  matchedBy: z.enum(['reference', 'in-reply-to', 'thread-index', 'thread-topic', 'hand']).nullable(),
  filed: z
    .object({ kind: z.enum(FILING_KINDS), on: z.string(), promisedBy: z.string().nullable(), materialIds: z.array(z.string()) })
    .nullable(),
  fileName: z.string(),
  size: z.number(),
  importedOn: z.string(),
  /** Who imported it, in words, from the vault's authenticated author of the record (never only a claim). */
  importer: z.string().max(300).optional(),
});
export type CorrespondenceItem = z.infer<typeof correspondenceItemSchema>;

export const importResultSchema = z.object({
  imported: z.array(correspondenceItemSchema),
  /** Files refused, each with the reason in plain words. Nothing of a refused file is kept. */
  refused: z.array(z.object({ fileName: z.string(), reason: z.string() })),
});

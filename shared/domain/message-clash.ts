// Two imported emails with one Message-ID: an officer's reply and a copy someone else imported
// first. Both are kept; what differs and who imported each is shown, so a doctored copy cannot
// pre-empt the genuine one. Pure: main works it out for every view of the emails.
import { normaliseMessageId, type Address } from './correspondence';

/** What two copies are compared on. */
export interface ClashFacts {
  from: Address | null;
  to: Address[];
  cc: Address[];
  subject: string;
  sentAt: string | null;
  text: string;
  html: string | null;
  attachments: Array<{ name: string; size: number }>;
  size: number;
}

const addresses = (list: Address[]) => list.map((a) => `${a.name} <${a.email.toLowerCase()}>`).join(', ');
const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 120)}…` : s);

/** The first line of `a` that `b` does not have at the same place, quoted from both. */
function firstDifferentLine(a: string, b: string): string {
  const la = a.split(/\r?\n/);
  const lb = b.split(/\r?\n/);
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: “${clip((la[i] ?? '').trim())}” here, “${clip((lb[i] ?? '').trim())}” in the other`;
  }
  return 'its layout';
}

// R-USE-3 (—): a copy sharing another's Message-ID is kept and shown with what differs, never taken for the other.
export function messageDifferences(a: ClashFacts, b: ClashFacts): string[] {
  const out: string[] = [];
  if (addresses(a.from ? [a.from] : []) !== addresses(b.from ? [b.from] : [])) out.push('the sender');
  if (addresses(a.to) !== addresses(b.to) || addresses(a.cc) !== addresses(b.cc)) out.push('the recipients');
  if (a.subject !== b.subject) out.push('the subject');
  if (a.sentAt !== b.sentAt) out.push('the date sent');
  if (a.text !== b.text) out.push(`the text (${firstDifferentLine(a.text, b.text)})`);
  else if (a.html !== b.html) out.push('the formatted text');
  const files = (m: ClashFacts) => m.attachments.map((f) => `${f.name}:${f.size}`).join('|');
  if (files(a) !== files(b)) out.push('the attachments');
  if (!out.length && a.size !== b.size) out.push('hidden parts of the file (the text shown is the same)');
  return out;
}

/** Whether two emails carry the same Message-ID (absent on either: never a clash). */
export const sameMessageId = (a: string | null, b: string | null): boolean => !!a && !!b && normaliseMessageId(a) === normaliseMessageId(b);

/** The note on one copy of a clash, naming what differs and who imported each. */
export function clashNote(
  self: { importer: string; importedOn: string },
  others: Array<{ importer: string; importedOn: string; differences: string[] }>,
): string {
  const each = others.map(
    (o) =>
      `another copy, imported by ${o.importer} on ${o.importedOn}, differs in ${o.differences.length ? o.differences.join(', ') : 'nothing shown'}`,
  );
  return (
    `This email claims to be the same email as ${others.length === 1 ? 'another one' : `${others.length} others`} kept here (the same message number, or Message-ID), but they differ: ${each.join('; ')}. ` +
    `This one was imported by ${self.importer} on ${self.importedOn}. One of them may have been altered: check with the sender which is genuine.`
  );
}

/** The vault's authenticated author of a record's current version (undefined: none this user can tell). */
export type RecordAuthor = 'member' | 'pa' | 'unknown' | undefined;
type Claimed = 'member' | 'pa' | 'unverified' | undefined;

/**
 * Who imported an email, in words. The vault's author of the record's current version is
 * authenticated; the record's own `importedBy` is only what its last writer said. So a record a
 * PA wrote is a PA's unless it says so itself, and "the Member" is shown only from a Member's save.
 */
// R-USE-3 (—): who imported an email is the vault's authenticated author, a claim only where it tells against its writer.
export function importerWords(author: RecordAuthor, claimed: Claimed): string {
  if (author === 'pa') return claimed === 'member' ? 'the Member, says a PA’s later save (not verified)' : 'a PA';
  if (author === 'member') {
    if (claimed === 'pa') return 'a PA';
    return claimed === 'member' ? 'the Member' : 'not known (not verified)';
  }
  // A PA's app cannot check the Member's seal on the Member's saves, and only that PA sees this.
  if (claimed === 'member') return 'the Member';
  return claimed === 'pa' ? 'a PA' : 'not known (not verified)';
}

/**
 * What a save of an email records as its importer: the session's own role for a new email; for an
 * existing one, what it said before, except that a Member's save never turns a PA's word that the
 * Member imported it into the Member's own (the PA's claim becomes "unverified").
 */
// R-USE-3 (—): a Member's save never adopts a PA's word that the Member imported the email.
export function importerToSave(
  existing: { author: RecordAuthor; claimed: Claimed } | undefined,
  role: 'member' | 'pa',
): 'member' | 'pa' | 'unverified' {
  if (!existing) return role;
  if (existing.author === 'pa') return existing.claimed === 'pa' ? 'pa' : 'unverified';
  return existing.claimed ?? 'unverified';
}

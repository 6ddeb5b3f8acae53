// Sender checks on an imported email: what the council's own mail server recorded about who sent it
// (SPF, DKIM, DMARC in Authentication-Results headers, RFC 8601) and whether that should make the
// user stop and check before the email is filed. Pure: main runs it on import, the tests on samples.
import { emailDomainOf } from './email';

/**
 * Headers read at most, and characters of each: a real email has a handful of short ones. Mail
 * servers add their trace headers at the top, so the council's own come before any the sender wrote.
 */
export const MAX_AUTH_HEADERS = 20;
export const MAX_AUTH_HEADER_CHARS = 4096;
const MAX_RESULTS_PER_HEADER = 30;

/** One method's result in an Authentication-Results header: `dkim=pass header.d=example.gov.uk`. */
export interface AuthResult {
  method: string;
  result: string;
  /** `ptype.property` (header.d, header.from, smtp.mailfrom, ...) and `reason`, lower-case keys. */
  props: Record<string, string>;
}

/** One Authentication-Results header: who wrote it (its authserv-id, null when it names none) and its results. */
export interface AuthResults {
  authservId: string | null;
  results: AuthResult[];
}

type Token = { kind: 'word'; value: string } | { kind: 'eq' };

/**
 * Splits a header value into `;`-separated parts of words and `=`, dropping comments (which nest,
 * RFC 5322 CFWS) and unquoting quoted strings. Never throws: malformed text just gives fewer words.
 */
function tokenise(value: string): Token[][] {
  const parts: Token[][] = [[]];
  let start = -1; // where the word being read began, or -1
  let word = '';
  const flush = (at: number) => {
    if (start !== -1) word += value.slice(start, at);
    if (word) parts.at(-1)!.push({ kind: 'word', value: word });
    word = '';
    start = -1;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x28 /* ( */) {
      flush(i);
      let depth = 1;
      for (i++; i < value.length && depth > 0; i++) {
        const d = value.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29) depth--;
      }
      i--;
    } else if (c === 0x22 /* " */) {
      if (start !== -1) word += value.slice(start, i);
      start = -1;
      for (i++; i < value.length && value.charCodeAt(i) !== 0x22; i++) word += value[i] === '\\' ? (value[++i] ?? '') : value[i];
    } else if (c === 0x3b /* ; */) {
      flush(i);
      parts.push([]);
    } else if (c === 0x3d /* = */) {
      flush(i);
      parts.at(-1)!.push({ kind: 'eq' });
    } else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) flush(i);
    else if (start === -1) start = i;
  }
  flush(value.length);
  return parts;
}

/** `key=value` pairs of one part, in order (a word not in a pair is skipped). */
function pairs(tokens: Token[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const [k, eq, v] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (k?.kind === 'word' && eq?.kind === 'eq' && v?.kind === 'word') {
      out.push([k.value.toLowerCase(), v.value]);
      i += 2;
    }
  }
  return out;
}

/** A result part (`method[/version]=result` then `reason=` and `ptype.property=` pairs), or null. */
function resinfo(tokens: Token[]): AuthResult | null {
  const [first, ...rest] = pairs(tokens);
  if (!first) return null;
  const method = first[0].replace(/\/.*$/, '');
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(method)) return null;
  const props: Record<string, string> = {};
  for (const [k, v] of rest) if (!Object.hasOwn(props, k)) props[k] = v;
  return { method, result: first[1].toLowerCase(), props };
}

/**
 * Reads one Authentication-Results header value (RFC 8601 §2.2): the authserv-id, an optional
 * version, then `;`-separated results, or `none`. Comments in parentheses, quoted strings and
 * several results for one method are all allowed. A header that opens with a result instead of an
 * authserv-id (as some servers write) has none: its results are kept but nobody vouches for them.
 */
export function parseAuthenticationResults(value: string): AuthResults {
  const [head = [], ...rest] = tokenise(value.slice(0, MAX_AUTH_HEADER_CHARS).replace(/\r?\n/g, ' '));
  const results: AuthResult[] = [];
  let authservId: string | null = null;
  if (head.some((t) => t.kind === 'eq')) {
    const own = resinfo(head);
    if (own) results.push(own);
  } else if (head[0]?.kind === 'word') {
    authservId = head[0].value.toLowerCase().replace(/\.$/, '');
  }
  for (const part of rest) {
    if (results.length >= MAX_RESULTS_PER_HEADER) break;
    const r = resinfo(part);
    if (r) results.push(r);
  }
  return { authservId, results };
}

const SENDER_METHODS = ['spf', 'dkim', 'dmarc'] as const;
type SenderMethod = (typeof SENDER_METHODS)[number];
const isSenderMethod = (m: string): m is SenderMethod => (SENDER_METHODS as readonly string[]).includes(m);

/** Results that say the sender could not be confirmed (RFC 7208 §2.6, RFC 6376 §3.9 and RFC 7489 §11.2). */
const FAILING: Record<SenderMethod, ReadonlySet<string>> = {
  spf: new Set(['fail', 'softfail', 'permerror']),
  dkim: new Set(['fail', 'permerror', 'policy']),
  dmarc: new Set(['fail', 'permerror']),
};

const bare = (domain: string) => domain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
const within = (host: string, domain: string) => !!domain && (host === domain || host.endsWith(`.${domain}`));
/** Relaxed alignment (RFC 7489 §3.1): one domain is the other or inside it. */
const aligned = (a: string, b: string) => !!a && !!b && (within(a, b) || within(b, a));
/** The domain in an address-like property value (`user@example.gov.uk` or `example.gov.uk`). */
const domainPart = (v: string | undefined) => bare((v ?? '').replace(/^.*@/, ''));

/** What the council's mail server said about an email's sender. */
export type SenderCheckStatus = 'passed' | 'failed' | 'unauthenticated' | 'not-checked';

export interface SenderCheck {
  status: SenderCheckStatus;
  /** What failed, in short words ("SPF softfail for mail.example.com"), for the note. */
  failures: string[];
  /** Headers written outside the council's mail server that claim a pass (ignored: they prove nothing). */
  ignoredHeaders: number;
}

const inWords = (r: AuthResult, recordedBy: string | null) => {
  const about = r.props['header.from'] ?? r.props['header.d'] ?? r.props['smtp.mailfrom'] ?? r.props['header.i'];
  return `${r.method.toUpperCase()} ${r.result}${about ? ` for ${domainPart(about)}` : ''}${recordedBy ? `, recorded by ${recordedBy}` : ''}`;
};

/** Whether a passing result confirms the From domain (DMARC for it, or DKIM or SPF aligned with it). */
function confirms(r: AuthResult, fromDomain: string): boolean {
  if (r.result !== 'pass') return false;
  if (r.method === 'dmarc') return !r.props['header.from'] || aligned(domainPart(r.props['header.from']), fromDomain);
  if (r.method === 'dkim') return aligned(domainPart(r.props['header.d'] ?? r.props['header.i']), fromDomain);
  if (r.method === 'spf') return aligned(domainPart(r.props['smtp.mailfrom']), fromDomain);
  return false;
}

/**
 * Which header the council's own mail server wrote, as an index into `headers`, or -1 for none. Mail
 * servers add their headers on top, so the council's is the topmost naming the council as its
 * authserv-id; any lower one naming the council was written by the sender (or by a server on the way)
 * and proves nothing. And the topmost counts only when at least one Received header is below it, i.e.
 * a server added it in transit: a header the sender wrote before any hop has no Received below it.
 * What cannot be told apart: when the council's server writes no Authentication-Results at all, a
 * header the sender wrote above a Received header the sender also wrote looks the same (see docs/IT-GUIDE.md).
 */
function councilHeader(headers: AuthResults[], receivedBelow: readonly number[], council: string): { top: number; trusted: number } {
  const top = council ? headers.findIndex((h) => h.authservId !== null && within(h.authservId, council)) : -1;
  return { top, trusted: top !== -1 && (receivedBelow[top] ?? 0) > 0 ? top : -1 };
}

/** Passes claimed in lower headers naming the council that the council's topmost header does not record. */
function contradictions(headers: AuthResults[], top: number, council: string): string[] {
  if (top === -1) return [];
  const passedAbove = new Set(headers[top]!.results.filter((r) => r.result === 'pass').map((r) => r.method));
  const below = headers.slice(top + 1).filter((h) => h.authservId !== null && within(h.authservId, council));
  const claimed = below.flatMap((h) =>
    h.results.filter((r) => isSenderMethod(r.method) && r.result === 'pass' && !passedAbove.has(r.method)),
  );
  return [
    ...new Set(
      claimed.map((r) => `${r.method.toUpperCase()} pass claimed below the council’s mail server’s own check, which did not record it`),
    ),
  ];
}

// R-ASK-9 (000 §17.13.2): mail that fails the council's sender checks, or claims a council From that no check confirms, is marked on import.
// Only the topmost header naming the council, added in transit (a Received header below it), may confirm a sender.
export function senderCheck(
  email: {
    from: { email: string } | null;
    /** Every Authentication-Results header, top first. */
    authenticationResults: string[];
    /** For each of those, how many Received headers are below it in the email. */
    receivedBelow: readonly number[];
  },
  councilDomain: string,
): SenderCheck {
  const council = bare(councilDomain);
  const headers = email.authenticationResults.slice(0, MAX_AUTH_HEADERS).map(parseAuthenticationResults);
  // Only the council's own mail server is believed about a pass (councilHeader): anyone can write an
  // Authentication-Results header into an email before sending it. A failure counts whoever
  // recorded it, since it can only tell against the email it is in (and some servers, Microsoft
  // 365's among them, name no authserv-id); so a forged "pass" beside a real "fail" cannot hide it.
  const { top, trusted } = councilHeader(headers, email.receivedBelow, council);
  const isTrusted = (h: AuthResults) => trusted !== -1 && h === headers[trusted];
  const senderResults = (h: AuthResults) => h.results.filter((r) => isSenderMethod(r.method));
  const results = trusted === -1 ? [] : senderResults(headers[trusted]!);
  const failures = [
    ...new Set(
      headers.flatMap((h) =>
        senderResults(h)
          .filter((r) => FAILING[r.method as SenderMethod].has(r.result))
          .map((r) => inWords(r, isTrusted(h) ? null : (h.authservId ?? 'a server that does not name itself'))),
      ),
    ),
    ...contradictions(headers, top, council),
  ];
  const ignoredHeaders = headers.filter((h) => !isTrusted(h) && h.results.some((r) => r.result === 'pass')).length;
  if (failures.length) return { status: 'failed', failures, ignoredHeaders };
  const fromDomain = email.from ? (emailDomainOf(email.from.email) ?? domainPart(email.from.email)) : '';
  if (council && within(fromDomain, council) && !results.some((r) => confirms(r, fromDomain)))
    return { status: 'unauthenticated', failures: [], ignoredHeaders };
  return { status: results.some((r) => r.result === 'pass') ? 'passed' : 'not-checked', failures: [], ignoredHeaders };
}

/** The warning shown on the email, in plain words, or null when its sender checks give no cause. */
export function senderCheckWarning(check: SenderCheck): string | null {
  const outside = check.ignoredHeaders
    ? ' It also claims to have passed checks that the council’s mail server did not make: those claims prove nothing and were ignored.'
    : '';
  if (check.status === 'failed')
    return (
      'Mail servers could not confirm who sent this email. ' +
      `It may not be from who it says. Check with the sender before you rely on it.${outside} ` +
      `(For the council’s IT team: ${check.failures.join('; ')}.)`
    );
  if (check.status === 'unauthenticated')
    return (
      'This email says it is from a council address, but the council’s mail server recorded no check that confirms it. ' +
      `It may not be from who it says. Check with the sender before you rely on it.${outside}`
    );
  return null;
}

/** Whether an email may be filed to the request it matches without the user confirming it first. */
export const mayFileWithoutAsking = (check: SenderCheck): boolean => check.status === 'passed' || check.status === 'not-checked';

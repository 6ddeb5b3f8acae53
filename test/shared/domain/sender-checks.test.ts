import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_AUTH_HEADERS,
  mayFileWithoutAsking,
  parseAuthenticationResults,
  senderCheck as senderCheckWithTrace,
  senderCheckWarning,
} from '../../../shared/domain/sender-checks';

/** Most cases here are about what the headers say: each is taken as added in transit (a Received header below it). */
const senderCheck = (email: { from: { email: string } | null; authenticationResults: string[] }, council: string) =>
  senderCheckWithTrace({ ...email, receivedBelow: email.authenticationResults.map(() => 1) }, council);

const COUNCIL = 'example-council.gov.uk';
const officer = { email: 'sam.green@example-council.gov.uk' };

// Shapes as real servers write them (RFC 8601 appendix B, Gmail, Microsoft 365, Exim/OpenDMARC).
const GMAIL_STYLE = `mx1.example-council.gov.uk;
       dkim=pass header.i=@example-council.gov.uk header.s=sel1 header.b=AbC/dE+f;
       spf=pass (mx1.example-council.gov.uk: domain of sam.green@example-council.gov.uk designates 192.0.2.7 as permitted sender) smtp.mailfrom=sam.green@example-council.gov.uk;
       dmarc=pass (p=QUARANTINE sp=NONE dis=NONE) header.from=example-council.gov.uk`;
const SPOOFED = `example-council.gov.uk; spf=softfail (domain of transitioning sam.green@example-council.gov.uk does not designate 203.0.113.5 as permitted sender) smtp.mailfrom=sam.green@example-council.gov.uk; dkim=none (message not signed) header.d=none; dmarc=fail action=quarantine header.from=example-council.gov.uk`;

describe('reading Authentication-Results (RFC 8601)', () => {
  it('reads the authserv-id, several results, comments, quoted reasons and properties', () => {
    const h = parseAuthenticationResults(GMAIL_STYLE);
    expect(h.authservId).toBe('mx1.example-council.gov.uk');
    expect(h.results.map((r) => `${r.method}=${r.result}`)).toEqual(['dkim=pass', 'spf=pass', 'dmarc=pass']);
    expect(h.results[0]!.props['header.b']).toBe('AbC/dE+f');
    expect(h.results[1]!.props['smtp.mailfrom']).toBe('sam.green@example-council.gov.uk');
    expect(h.results[2]!.props['header.from']).toBe('example-council.gov.uk');
  });

  it('reads a version, nested comments, quoted strings with semicolons, spaces around =, and `none`', () => {
    const h = parseAuthenticationResults(
      'example.com 1 (a (nested) comment); dkim = pass reason="good; signature" header.i=@mail-router.example.net; dkim=fail reason="bad signature" header.i=@newyork.example.com',
    );
    expect(h.authservId).toBe('example.com');
    expect(h.results).toEqual([
      { method: 'dkim', result: 'pass', props: { reason: 'good; signature', 'header.i': '@mail-router.example.net' } },
      { method: 'dkim', result: 'fail', props: { reason: 'bad signature', 'header.i': '@newyork.example.com' } },
    ]);
    expect(parseAuthenticationResults('example.com; none')).toEqual({ authservId: 'example.com', results: [] });
    expect(parseAuthenticationResults('"example.com"; spf=pass smtp.mailfrom=a@example.net').authservId).toBe('example.com');
  });

  it('a header that opens with a result (as Microsoft 365 writes it) names no authserv-id', () => {
    const h = parseAuthenticationResults(
      'spf=fail (sender IP is 203.0.113.5)\r\n smtp.mailfrom=example-council.gov.uk; dkim=none (message not signed)\r\n header.d=none;dmarc=fail action=none\r\n header.from=example-council.gov.uk;compauth=fail reason=000',
    );
    expect(h.authservId).toBeNull();
    expect(h.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=fail', 'dkim=none', 'dmarc=fail', 'compauth=fail']);
  });

  it('never throws on junk: unclosed comments and quotes, lone semicolons, huge values', () => {
    for (const junk of ['', ';;;', '(((', '"unterminated', 'a; =; ==pass', 'x; spf=', 'x;'.repeat(100_000), '\u0000;\u202e=pass']) {
      expect(() => parseAuthenticationResults(junk)).not.toThrow();
    }
    expect(parseAuthenticationResults(`x;${' dkim=pass;'.repeat(10_000)}`).results.length).toBeLessThanOrEqual(50);
  });
});

describe('senderCheck: what fails, what counts as a council From (R-ASK-9)', () => {
  it('passes an officer’s email the council’s server confirmed', () => {
    const c = senderCheck({ from: officer, authenticationResults: [GMAIL_STYLE] }, COUNCIL);
    expect(c.status).toBe('passed');
    expect(senderCheckWarning(c)).toBeNull();
    expect(mayFileWithoutAsking(c)).toBe(true);
  });

  it('fails dmarc=fail, spf=fail/softfail/permerror, dkim=fail/permerror/policy, each on its own', () => {
    for (const r of [
      'dmarc=fail',
      'spf=fail',
      'spf=softfail',
      'spf=permerror',
      'dkim=fail',
      'dkim=permerror',
      'dkim=policy',
      'dmarc=permerror',
    ]) {
      const c = senderCheck({ from: officer, authenticationResults: [`${COUNCIL}; dkim=pass header.d=${COUNCIL}; ${r}`] }, COUNCIL);
      expect(c.status, r).toBe('failed');
      expect(mayFileWithoutAsking(c)).toBe(false);
      expect(senderCheckWarning(c)).toMatch(/could not confirm who sent this email/);
    }
  });

  it('the spoof: softfail and dmarc=fail are named in the warning, in plain words', () => {
    const c = senderCheck({ from: officer, authenticationResults: [SPOOFED] }, COUNCIL);
    expect(c.status).toBe('failed');
    expect(c.failures).toEqual([`SPF softfail for ${COUNCIL}`, `DMARC fail for ${COUNCIL}`]);
    expect(senderCheckWarning(c)).toMatch(/may not be from who it says/);
  });

  it('a council From with no authentication at all, or only none/neutral/temperror, or only passes for another domain, is unconfirmed', () => {
    for (const headers of [
      [],
      [`${COUNCIL}; none`],
      [`${COUNCIL}; spf=none; dkim=none; dmarc=none`],
      [`${COUNCIL}; spf=neutral smtp.mailfrom=x@${COUNCIL}; dkim=temperror header.d=${COUNCIL}`],
      [`${COUNCIL}; dkim=pass header.d=bulkmailer.example; spf=pass smtp.mailfrom=bounce@bulkmailer.example`],
      [`${COUNCIL}; dmarc=pass header.from=other.example`],
    ]) {
      const c = senderCheck({ from: officer, authenticationResults: headers }, COUNCIL);
      expect(c.status, headers.join(' | ')).toBe('unauthenticated');
      expect(senderCheckWarning(c)).toMatch(/says it is from a council address/);
      expect(mayFileWithoutAsking(c)).toBe(false);
    }
  });

  it('a council subdomain From is a council From; an aligned subdomain DKIM confirms it', () => {
    const from = { email: 'clerk@democracy.example-council.gov.uk' };
    expect(senderCheck({ from, authenticationResults: [] }, COUNCIL).status).toBe('unauthenticated');
    expect(senderCheck({ from, authenticationResults: [`${COUNCIL}; dkim=pass header.d=${COUNCIL}`] }, COUNCIL).status).toBe('passed');
  });

  it('headers written outside the council prove nothing: a forged pass is ignored, and said to be', () => {
    for (const forged of [
      `evil.example; spf=pass smtp.mailfrom=sam.green@${COUNCIL}; dkim=pass header.d=${COUNCIL}; dmarc=pass header.from=${COUNCIL}`,
      `${COUNCIL}.evil.example; dmarc=pass header.from=${COUNCIL}`,
      `notexample-council.gov.uk; dmarc=pass header.from=${COUNCIL}`,
      `spf=pass smtp.mailfrom=${COUNCIL}; dkim=pass header.d=${COUNCIL}; dmarc=pass header.from=${COUNCIL}`,
    ]) {
      const c = senderCheck({ from: officer, authenticationResults: [forged] }, COUNCIL);
      expect(c.status, forged).toBe('unauthenticated');
      expect(c.ignoredHeaders).toBe(1);
      expect(senderCheckWarning(c)).toMatch(/checks that the council’s mail server did not make: those claims prove nothing/);
    }
  });

  it('only the topmost council header counts, and only when added in transit (a Received header below it)', () => {
    const forged = `${COUNCIL}; spf=pass smtp.mailfrom=sam.green@${COUNCIL}; dkim=pass header.d=${COUNCIL}; dmarc=pass header.from=${COUNCIL}`;
    const m365 = `spf=none (sender IP is 203.0.113.5) smtp.mailfrom=evil.example; dkim=none header.d=none;dmarc=none action=none header.from=${COUNCIL};compauth=fail reason=001`;
    const check = (authenticationResults: string[], receivedBelow: number[]) =>
      senderCheckWithTrace({ from: officer, authenticationResults, receivedBelow }, COUNCIL);
    // Written by the sender before any hop: no Received header below it.
    expect(check([forged], [0]).status).toBe('unauthenticated');
    expect(check([forged], [0]).ignoredHeaders).toBe(1);
    expect(check([m365, forged], [0, 0]).status).toBe('unauthenticated');
    // The council's own (topmost) says none or temperror: a pass below it is the sender's and is flagged.
    for (const own of [
      `${COUNCIL}; none`,
      `${COUNCIL}; spf=temperror smtp.mailfrom=sam.green@${COUNCIL}; dmarc=temperror header.from=${COUNCIL}`,
    ]) {
      const c = check([own, forged], [1, 1]);
      expect(c.status, own).toBe('failed');
      expect(c.failures.join(' ')).toMatch(/DMARC pass claimed below the council’s mail server’s own check, which did not record it/);
      expect(mayFileWithoutAsking(c)).toBe(false);
    }
    // The genuine shape: the council's pass on top of the Received header its server added.
    expect(check([forged], [1]).status).toBe('passed');
    // A lower council header that agrees with the top one is harmless.
    expect(check([forged, forged], [2, 1]).status).toBe('passed');
  });

  it('a forged pass beside the council server’s real fail cannot hide it', () => {
    const c = senderCheck({ from: officer, authenticationResults: [`${COUNCIL}; dmarc=pass header.from=${COUNCIL}`, SPOOFED] }, COUNCIL);
    expect(c.status).toBe('failed');
  });

  it('an outsider with no checks is not flagged here (the outside-domain flag says so); one that fails is', () => {
    const outsider = { email: 'someone@gmail.com' };
    expect(senderCheck({ from: outsider, authenticationResults: [] }, COUNCIL).status).toBe('not-checked');
    expect(senderCheck({ from: outsider, authenticationResults: [`${COUNCIL}; spf=fail smtp.mailfrom=gmail.com`] }, COUNCIL).status).toBe(
      'failed',
    );
  });

  it('with no council domain set no pass can be trusted, but a failure still counts', () => {
    expect(senderCheck({ from: officer, authenticationResults: [GMAIL_STYLE] }, '').status).toBe('not-checked');
    expect(senderCheck({ from: officer, authenticationResults: [SPOOFED] }, '').status).toBe('failed');
  });

  it('a failure counts whoever recorded it (Microsoft 365 names no server), and says who did', () => {
    const m365 =
      'spf=fail (sender IP is 203.0.113.5) smtp.mailfrom=example-council.gov.uk; dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=example-council.gov.uk;compauth=fail reason=000';
    const c = senderCheck({ from: officer, authenticationResults: [m365] }, COUNCIL);
    expect(c.status).toBe('failed');
    expect(c.failures).toEqual([
      `SPF fail for ${COUNCIL}, recorded by a server that does not name itself`,
      `DMARC fail for ${COUNCIL}, recorded by a server that does not name itself`,
    ]);
    expect(
      senderCheck({ from: officer, authenticationResults: [GMAIL_STYLE, 'relay.example; dkim=fail header.d=x.example'] }, COUNCIL).failures,
    ).toEqual(['DKIM fail for x.example, recorded by relay.example']);
  });

  it('reads at most MAX_AUTH_HEADERS headers', () => {
    const many = Array.from({ length: MAX_AUTH_HEADERS }, () => `${COUNCIL}; dkim=pass header.d=${COUNCIL}`);
    expect(senderCheck({ from: officer, authenticationResults: [...many, SPOOFED] }, COUNCIL).status).toBe('passed');
  });
});

describe('R-ASK-9 sender checks against generated header soups (property-based)', () => {
  const SERVERS = [COUNCIL, `mx1.${COUNCIL}`, 'evil.example', `${COUNCIL}.evil.example`, `x${COUNCIL}`, null] as const;
  const trustedServer = (s: string | null) => s === COUNCIL || s === `mx1.${COUNCIL}`;
  const METHODS = ['spf', 'dkim', 'dmarc', 'arc', 'compauth', 'auth'] as const;
  const RESULTS = ['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy'] as const;
  const FAILS: Record<string, string[]> = {
    spf: ['fail', 'softfail', 'permerror'],
    dkim: ['fail', 'permerror', 'policy'],
    dmarc: ['fail', 'permerror'],
  };
  const DOMAINS = [COUNCIL, `sub.${COUNCIL}`, 'evil.example', 'gmail.com'] as const;
  const result = fc.record({
    method: fc.constantFrom(...METHODS),
    result: fc.constantFrom(...RESULTS),
    domain: fc.constantFrom(...DOMAINS),
    comment: fc.option(
      fc.string({ maxLength: 20 }).map((s) => s.replace(/[()\\"]/g, '')),
      { nil: undefined },
    ),
  });
  const header = fc.record({ server: fc.constantFrom(...SERVERS), results: fc.array(result, { maxLength: 5 }) });
  const text = (h: { server: string | null; results: Array<{ method: string; result: string; domain: string; comment?: string }> }) =>
    [
      ...(h.server ? [h.server] : []),
      ...h.results.map(
        (r) =>
          `${r.method}=${r.result}${r.comment !== undefined ? ` (${r.comment})` : ''} header.d=${r.domain} smtp.mailfrom=x@${r.domain} header.from=${r.domain}`,
      ),
    ].join(h.server ? '; ' : ';\r\n\t');

  it('a failing result from any server always fails; a pass is only ever the council server’s; nothing throws', () => {
    fc.assert(
      fc.property(fc.array(header, { maxLength: 6 }), fc.constantFrom(...DOMAINS), (headers, fromDomain) => {
        const check = senderCheck({ from: { email: `someone@${fromDomain}` }, authenticationResults: headers.map(text) }, COUNCIL);
        const top = headers.find((h) => trustedServer(h.server));
        const trusted = top?.results ?? [];
        const passedAbove = new Set(trusted.filter((r) => r.result === 'pass').map((r) => r.method));
        const below = headers.slice(top ? headers.indexOf(top) + 1 : headers.length).filter((h) => trustedServer(h.server));
        const contradicted = below.some((h) =>
          h.results.some((r) => r.result === 'pass' && r.method in FAILS && !passedAbove.has(r.method)),
        );
        const trustedFail = contradicted || headers.flatMap((h) => h.results).some((r) => FAILS[r.method]?.includes(r.result));
        expect(check.status === 'failed').toBe(trustedFail);
        if (check.status === 'passed') expect(trusted.some((r) => r.result === 'pass' && r.method in FAILS)).toBe(true);
        const councilFrom = fromDomain === COUNCIL || fromDomain.endsWith(`.${COUNCIL}`);
        const confirmed = trusted.some(
          (r) =>
            r.result === 'pass' &&
            r.method in FAILS &&
            (r.domain === fromDomain || r.domain.endsWith(`.${fromDomain}`) || fromDomain.endsWith(`.${r.domain}`)),
        );
        if (councilFrom && !trustedFail) expect(check.status).toBe(confirmed ? 'passed' : 'unauthenticated');
        expect(mayFileWithoutAsking(check)).toBe(check.status === 'passed' || check.status === 'not-checked');
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary text, and always answers one of the known statuses', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 5 }), (headers) => {
        const check = senderCheck({ from: officer, authenticationResults: headers }, COUNCIL);
        expect(['failed', 'unauthenticated', 'passed']).toContain(check.status);
      }),
      { numRuns: 3000 },
    );
  });
});

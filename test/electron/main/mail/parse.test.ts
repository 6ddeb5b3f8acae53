import { describe, expect, it } from 'vitest';
import { MessageRefused, RTF_DAMAGED, parseMessage } from '../../../../electron/main/mail/parse';
import { composeEml } from '../../../../electron/main/mail/compose';
import { buildEml, buildMsg, nestedBomb, officerReply } from '../../../../tools/fixtures/mail';
import { lzfuCompress, withHeader } from './lzfu';

const refused = async (bytes: Uint8Array, name: string) => {
  const error = await parseMessage(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MessageRefused);
  const message = (error as Error).message;
  // Plain words: no stack, no library text, no field paths.
  expect(message).not.toMatch(/Error|at |undefined|\{|TypeError/);
  return message;
};

describe('parsing .eml (postal-mime)', () => {
  it('plain text: sender, recipients, copies, date, ids', async () => {
    const p = await parseMessage(
      await officerReply({
        cc: 'Ann <ann@example.gov.uk>',
        inReplyTo: '<d1@example.gov.uk>',
        references: ['<d0@x>', '<d1@example.gov.uk>'],
      }),
      'reply.eml',
    );
    expect(p.from).toEqual({ name: 'Pat Officer', email: 'pat.officer@example.gov.uk' });
    expect(p.to[0]!.email).toBe('cllr.member@example.gov.uk');
    expect(p.cc[0]!.email).toBe('ann@example.gov.uk');
    expect(p.sentAt).toBe('2026-11-24T10:30:00.000Z');
    expect(p.inReplyTo).toBe('<d1@example.gov.uk>');
    expect(p.references).toEqual(['<d0@x>', '<d1@example.gov.uk>']);
    expect(p.text).toContain('I will reply by Friday');
  });
  it('HTML with hostile content is kept raw for the page to sanitise, text preferred', async () => {
    const p = await parseMessage(
      await officerReply({
        text: undefined,
        html: '<p>Hi</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="https://tracker.example/p.gif">',
      }),
      'h.eml',
    );
    expect(p.html).toContain('<script>');
    // No plain-text part: the screen shows the sanitised HTML instead.
    expect(p.text).toBe('');
  });
  it('attachments with non-ASCII names, and a nested message/rfc822', async () => {
    const inner = await officerReply({ subject: 'Inner', messageId: '<inner@x>' });
    const p = await parseMessage(
      await officerReply({
        attachments: [
          { filename: 'Évaluation du dépôt – £2m.pdf', content: Buffer.from('%PDF-1.4 fake') },
          { filename: 'forwarded.eml', content: inner, contentType: 'message/rfc822' },
        ],
      }),
      'a.eml',
    );
    expect(p.attachments.map((a) => a.name)).toEqual(['Évaluation du dépôt – £2m.pdf', 'forwarded.eml']);
    expect(Buffer.from(p.attachments[0]!.content).toString()).toBe('%PDF-1.4 fake');
  });
  it('attachment names in an .eml lose bidi controls and zero-width characters', async () => {
    const p = await parseMessage(
      await officerReply({
        attachments: [
          { filename: 'report\u202Egpj.scr', content: Buffer.from('x') },
          { filename: '\u200Dplan\u2067.pdf', content: Buffer.from('y') },
        ],
      }),
      'names.eml',
    );
    expect(p.attachments.map((a) => a.name)).toEqual(['reportgpj.scr', 'plan.pdf']);
  });
  it('reads back a draft the app composed (X-Unsent, Thread-Index, no Bcc)', async () => {
    const built = await composeEml(
      {
        kind: 'request',
        from: 'cllr@example.gov.uk',
        to: [{ name: 'Sam', email: 'sam@example.gov.uk' }],
        cc: ['pa@example.gov.uk'],
        subject: 'Roads [NTK-2026-00001]',
        body: 'Dear Sam',
        notes: [],
      },
      new Date('2026-11-24T09:00:00Z'),
    );
    const raw = built.eml.toString();
    expect(raw).toMatch(/^X-Unsent: 1$/m);
    expect(raw).not.toMatch(/^Bcc:/im);
    const p = await parseMessage(built.eml, 'draft.eml');
    expect(p.messageId).toBe(built.messageId);
    expect(p.threadIndex).toBe(built.threadIndex);
    expect(Buffer.from(built.threadIndex, 'base64').length).toBe(22);
  });
  it('refuses a truncated multipart, a non-email file, an empty file, a MIME bomb and anything over 50 MB', async () => {
    const whole = await officerReply({ attachments: [{ filename: 'a.pdf', content: Buffer.from('x'.repeat(5000)) }] });
    expect(await refused(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.eml')).toMatch(/incomplete|cut short/);
    expect(await refused(Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'), 'report.eml')).toMatch(/not an email/);
    expect(await refused(Buffer.from('just some words\nwith no headers'), 'notes.eml')).toMatch(/not an email/);
    expect(await refused(new Uint8Array(0), 'empty.eml')).toMatch(/empty/);
    expect(await refused(nestedBomb(200), 'bomb.eml')).toMatch(/MIME bomb/);
    expect(await refused(new Uint8Array(50 * 1024 * 1024 + 1), 'huge.eml')).toMatch(/larger than 50 MB/);
  });
  it('refuses a multipart that names no boundary (malformed)', async () => {
    const bad = Buffer.from('From: a@x.gov.uk\r\nTo: b@x.gov.uk\r\nSubject: s\r\nContent-Type: multipart/mixed\r\n\r\nbody');
    expect(await refused(bad, 'bad.eml')).toMatch(/could not be read/);
  });
});

describe('parsing .msg (msgreader)', () => {
  const base = {
    subject: 'RE: Depot [NTK-2026-00001]',
    from: { name: 'Sam Green', email: 'sam@example.gov.uk' },
    to: [{ name: 'Cllr', email: 'cllr@example.gov.uk' }],
    cc: [{ name: 'Ann', email: 'ann@example.gov.uk' }],
  };
  it('plain body, recipients by kind, transport headers, attachments', async () => {
    const p = await parseMessage(
      buildMsg({
        ...base,
        body: 'Plain reply',
        headers:
          'Message-ID: <m1@x>\r\nIn-Reply-To: <d1@x>\r\nThread-Index: AQIDBAUGBwcHBwcHBwcHBwcHBwcHBwkJCQkJ\r\nThread-Topic: Depot\r\n',
        attachments: [{ name: 'Plan – ü.pdf', content: new Uint8Array([1, 2, 3]) }],
      }),
      'reply.msg',
    );
    expect(p.format).toBe('msg');
    expect(p.from?.email).toBe('sam@example.gov.uk');
    expect(p.to.map((a) => a.email)).toEqual(['cllr@example.gov.uk']);
    expect(p.cc.map((a) => a.email)).toEqual(['ann@example.gov.uk']);
    expect(p.text).toBe('Plain reply');
    expect(p.inReplyTo).toBe('<d1@x>');
    expect(p.threadTopic).toBe('Depot');
    expect(p.sentAt).toBe('2026-11-24T10:30:00.000Z');
    expect(p.attachments[0]).toMatchObject({ name: 'Plan – ü.pdf' });
  });
  it('an RTF-only body is decompressed and its encapsulated HTML recovered', async () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 {\\*\\htmltag64 <html><body>}Caf\\'e9 {\\*\\htmltag <b>}budget{\\*\\htmltag </b>}{\\*\\htmltag </body></html>}}";
    const p = await parseMessage(buildMsg({ ...base, rtf }), 'rtf.msg');
    expect(p.html).toContain('Café <b>budget</b>');
  });
  it('an RTF-only body with plain RTF text comes back as text', async () => {
    const p = await parseMessage(buildMsg({ ...base, rtf: '{\\rtf1\\ansi\\fromtext Hello from RTF\\par}' }), 'rtft.msg');
    expect(p.text).toContain('Hello from RTF');
  });
  it('an LZFu-compressed RTF body (as classic Outlook writes it) is decoded by our bounded decoder', async () => {
    const rtf = `{\\rtf1\\ansi\\fromtext ${'Budget figures for the depot. '.repeat(40)}\\par}`;
    const p = await parseMessage(buildMsg({ ...base, rtfCompressed: lzfuCompress(Buffer.from(rtf, 'latin1')) }), 'lzfu.msg');
    expect(p.text).toContain('Budget figures for the depot. Budget figures');
  });
  it('refuses a .msg whose compressed RTF lies about its size, or is cut short, in plain words', async () => {
    const honest = lzfuCompress(Buffer.from('{\\rtf1\\ansi\\fromtext Hello\\par}', 'latin1'));
    // The attack's shape: a few KB whose header claims 2 GB, then references to the byte before.
    const refs = new Uint8Array(7 * 1024).map((_, i) => (i % 17 === 0 ? 0xff : i % 2 ? 0x0f : 0x00));
    for (const rtfCompressed of [withHeader(refs, 0x7fffffff), withHeader(refs, 40_000), honest.subarray(0, honest.length - 4)]) {
      expect(await refused(buildMsg({ ...base, rtfCompressed }), 'bomb.msg')).toBe(RTF_DAMAGED);
    }
  });
  it('refuses a .msg whose sector chain loops (msgreader would grow one array until the process aborts)', async () => {
    const msg = Buffer.from(buildMsg({ ...base, body: 'x'.repeat(5000) }));
    const sector = 1 << msg.readUInt16LE(0x1e);
    const rootStart = msg.readUInt32LE((msg.readUInt32LE(0x30) + 1) * sector + 0x74);
    msg.writeInt32LE(rootStart, (msg.readUInt32LE(0x4c) + 1) * sector + rootStart * 4);
    expect(await refused(msg, 'loop.msg')).toBe('The Outlook message file (.msg) could not be read: it may be damaged or incomplete.');
  });
  it('attachment names lose bidi overrides and zero-width characters, and are kept to a sane length', async () => {
    const p = await parseMessage(
      buildMsg({
        ...base,
        body: 'See attached',
        attachments: [
          { name: 'invoice\u202Efdp.exe', content: new Uint8Array([1]) },
          { name: 'minutes\u200B\u2066.pdf\u2069\uFEFF', content: new Uint8Array([2]) },
          { name: `${'long '.repeat(100)}.docx`, content: new Uint8Array([3]) },
        ],
      }),
      'names.msg',
    );
    expect(p.attachments.map((a) => a.name).slice(0, 2)).toEqual(['invoicefdp.exe', 'minutes.pdf']);
    expect(p.attachments[2]!.name.length).toBeLessThanOrEqual(200);
    expect(p.attachments[2]!.name).toMatch(/^long long .*\.docx$/);
  });
  it('refuses a .msg that is not a CFB file, and a truncated one', async () => {
    expect(await refused(await buildEml({ from: 'a@x', to: 'b@x', subject: 's', text: 't' }), 'fake.msg')).toMatch(
      /not an Outlook message/,
    );
    const whole = buildMsg({ ...base, body: 'x'.repeat(20000) });
    expect(await refused(whole.subarray(0, 1200), 'cut.msg')).toMatch(/could not be read/);
  });
});

describe('parsing runs in a worker thread with a hard time limit', () => {
  // A fake parse that never yields: only terminating its thread can stop it.
  const spinForever = `require('node:worker_threads').parentPort.on('message', () => { for (;;) {} });`;

  it('stops a parse that runs past its limit, with a plain message, and main keeps ticking', async () => {
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 20);
    const started = Date.now();
    const error = await parseMessage(Buffer.from('From: a@x\r\nTo: b@x\r\nSubject: s\r\n\r\nhi'), 'slow.eml', 400, {
      source: spinForever,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    clearInterval(timer);
    expect(error).toBeInstanceOf(MessageRefused);
    expect((error as Error).message).toBe('That email took too long to read, so it was not imported.');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
  });

  it('reports a worker that dies without answering in plain words', async () => {
    const crash = `process.exit(3);`;
    const error = await parseMessage(Buffer.from('x'), 'x.eml', 5_000, { source: crash }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('The email could not be read: it may be damaged or incomplete.');
  });
});

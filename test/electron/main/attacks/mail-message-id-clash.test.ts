// Attack: a PA pre-empts an officer's reply by importing a doctored copy with the same Message-ID
// first (through the app, or forged at file level with the PA's own keys, claiming the Member
// imported it and carrying the genuine file's hash), so that the genuine one would be refused as
// "already imported". Both copies must be kept, each shown with what differs and who imported it
// (from the vault's authenticated author), and only the very same file is "already imported".
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withPa } from '../../support/core';
import { setUp } from '../../support/mail';
import { officerReply } from '../../../../tools/fixtures/mail';

const COUNCIL = 'example-council.gov.uk';
const OFFICER = `Sam Green <sam.green@${COUNCIL}>`;

type Item = { id: string; requestId: string | null; flags: string[]; flagNotes: string[]; importer?: string; subject: string };

async function withPaCase() {
  const t = await withPa(await setUp());
  const everything = async (): Promise<Item[]> => [
    ...(await t.ok('correspondence:unfiled')).items,
    ...(await t.ok('correspondence:forRequest', { requestId: t.requestId })),
  ];
  return { ...t, everything };
}

const clashNote = (item: Item) => item.flagNotes[item.flags.indexOf('message-id-clash')] ?? '';

describe('attack: Message-ID pre-emption', () => {
  it('each doctored copy a PA imports first is kept beside the genuine one, both flagged with what differs and who imported each', async () => {
    const t = await withPaCase();
    const genuineOf = (n: number, over = {}) =>
      officerReply({
        from: OFFICER,
        to: `cllr.smith@${COUNCIL}`,
        subject: `RE: Depot valuation [${t.ref}]`,
        text: 'The valuation is £2.1m. The answer is due by 4 December.\nRegards, Sam',
        date: new Date('2026-11-24T10:00:00Z'),
        messageId: `<reply-${n}@${COUNCIL}>`,
        ...over,
      });
    const variants: Array<{ label: string; doctored: (n: number) => Promise<Buffer>; differs: RegExp }> = [
      {
        label: 'subject changed',
        doctored: (n) => genuineOf(n, { subject: `RE: Depot valuation withdrawn [${t.ref}]` }),
        differs: /the subject/,
      },
      {
        label: 'text changed (figure and date)',
        doctored: (n) => genuineOf(n, { text: 'The valuation is £1.1m. The answer is due by 4 January.\nRegards, Sam' }),
        differs: /the text \(line 1: “The valuation is £[12]\.1m/,
      },
      { label: 'sender changed', doctored: (n) => genuineOf(n, { from: `Ann Other <ann.other@${COUNCIL}>` }), differs: /the sender/ },
      { label: 'date changed', doctored: (n) => genuineOf(n, { date: new Date('2026-11-10T10:00:00Z') }), differs: /the date sent/ },
      { label: 'recipients changed', doctored: (n) => genuineOf(n, { cc: `press@echo.example` }), differs: /the recipients/ },
      {
        label: 'only a hidden header differs',
        doctored: (n) => genuineOf(n, { headers: { 'X-Planted': 'x' } }),
        differs: /hidden parts of the file/,
      },
      {
        label: 'Message-ID written in other case',
        doctored: (n) => genuineOf(n, { messageId: `<REPLY-${n}@${COUNCIL.toUpperCase()}>`, subject: 'Changed' }),
        differs: /the subject/,
      },
    ];
    const tally = { variants: 0, detected: 0, silent: 0, lost: 0 };
    for (const [i, v] of variants.entries()) {
      await t.as('pa');
      const first = await t.imp([{ name: 'doctored.eml', bytes: await v.doctored(i) }]);
      expect(first.refused, v.label).toEqual([]);
      await t.as('member');
      const second = await t.imp([{ name: 'genuine.eml', bytes: await genuineOf(i) }]);
      tally.variants++;
      if (second.refused.length) tally.lost++;
      expect(second.refused, v.label).toEqual([]);
      const all = await t.everything();
      const doctored = all.find((m) => m.id === first.imported[0].id)!;
      const genuine = all.find((m) => m.id === second.imported[0].id)!;
      if (!doctored || !genuine) tally.lost++;
      const flagged = [doctored, genuine].every((m) => m.flags.includes('message-id-clash'));
      if (flagged) tally.detected++;
      else tally.silent++;
      expect(clashNote(genuine), v.label).toMatch(v.differs);
      expect(clashNote(doctored), v.label).toMatch(v.differs);
      expect(clashNote(genuine), v.label).toMatch(/This one was imported by the Member on 24\/11\/2026/);
      expect(clashNote(genuine), v.label).toMatch(/imported by a PA on 24\/11\/2026/);
      expect(clashNote(doctored), v.label).toMatch(/This one was imported by a PA/);
      expect(genuine.importer).toBe('the Member');
      expect(doctored.importer).toBe('a PA');
      // The genuine copy is never filed on its own while a namesake is kept: the user chooses.
      expect(genuine.requestId, v.label).toBeNull();
    }
    expect(tally).toEqual({ variants: variants.length, detected: variants.length, silent: 0, lost: 0 });
  }, 180_000);

  it('a record forged at file level with the genuine file’s hash and a claim that the Member imported it cannot shut the genuine one out', async () => {
    const t = await withPaCase();
    const genuine = await officerReply({ from: OFFICER, subject: `RE: [${t.ref}]`, text: 'Genuine answer', messageId: '<g@x>' });
    const sha256 = createHash('sha256').update(genuine).digest('hex');
    await t.as('pa');
    const planted = await t.imp([
      {
        name: 'd.eml',
        bytes: await officerReply({ from: OFFICER, subject: `RE: [${t.ref}]`, text: 'Doctored answer', messageId: '<g@x>' }),
      },
    ]);
    const id = planted.imported[0].id;
    const raw = t.core.session.requireVault().records;
    const record = raw.get<Record<string, unknown>>(id)!;
    // A PA's app refuses to rewrite a kept email's claims (and a frame written round it is set aside at
    // the Member's unlock: pa-records attacks); either way the genuine copy must still come in.
    for (const claim of [{ importedBy: 'member', sha256 }, { importedBy: 'member' }, { sha256, importedOn: 'yesterday' }]) {
      expect(() => raw.put({ id, tier: record.tier, type: 'correspondence', data: { ...record.data, ...claim } })).toThrow(
        /does not make this change/,
      );
    }
    await t.as('member');
    const result = await t.imp([{ name: 'g.eml', bytes: genuine }]);
    expect(result.refused).toEqual([]);
    const all = await t.everything();
    const forged = all.find((m) => m.id === id)!;
    expect(forged.importer).not.toBe('the Member');
    expect(clashNote(all.find((m) => m.id === result.imported[0].id)!)).toMatch(/differs in the text/);
    // The Member filing the PA's copy does not turn the PA's claim into the Member's word.
    await t.ok('correspondence:file', { id, requestId: t.requestId, kind: 'acknowledged', promisedBy: null });
    const after = (await t.everything()).find((m) => m.id === id)!;
    expect(after.importer).toMatch(/not verified|a PA/);
    expect(after.importer).not.toBe('the Member');
  }, 120_000);

  it('the very same file again is still "already imported", for the Member and for a PA, and nothing is added', async () => {
    const t = await withPaCase();
    const reply = await officerReply({ from: OFFICER, subject: `RE: [${t.ref}]`, messageId: '<same@x>' });
    const first = await t.imp([{ name: 'a.eml', bytes: reply }]);
    expect(first.imported).toHaveLength(1);
    const blobs = t.blobs();
    for (const who of ['member', 'pa'] as const) {
      await t.as(who);
      const again = await t.imp([{ name: 'renamed.eml', bytes: reply }]);
      expect(again.imported, who).toEqual([]);
      expect(again.refused[0].reason, who).toBe('This email has already been imported.');
    }
    expect(t.blobs()).toBe(blobs);
    expect((await t.everything()).filter((m) => m.flags.includes('message-id-clash'))).toEqual([]);
  }, 120_000);
});

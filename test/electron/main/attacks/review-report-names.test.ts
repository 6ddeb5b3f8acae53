import { describe, expect, it } from 'vitest';
import { CANARIES, asPa, seeded, type Canary } from './modes-support';

// R-USE-1 and R-CLS-1: a report without protected content names nothing protected, in normal use too: what
// public-meeting mode would hide (a pink paper's request's subject and question, special category material's
// title and summary) is named only by its withheld name. With protected content it is watermarked.
describe('review: a report without protected content names nothing protected', () => {
  const canariesIn = (value: unknown): Canary[] => {
    const text = JSON.stringify(value).toLowerCase();
    return (Object.entries(CANARIES) as Array<[Canary, string]>).filter(([, w]) => text.includes(w)).map(([k]) => k);
  };

  for (const who of ['member', 'pa'] as const)
    it(`names none of them for the ${who}`, async () => {
      const s = await seeded();
      if (who === 'pa') await asPa(s);
      const [pinkReq, openReq] = s.ids.requests;
      const pink = await s.ok('reports:get', { kind: 'request', requestId: pinkReq, includeProtected: false });
      expect(canariesIn(pink)).toEqual([]);
      expect(pink.title).toContain(
        who === 'member' ? 'Not included: about protected material (pink paper)' : 'Not included: about protected material',
      );
      const open = await s.ok('reports:get', { kind: 'request', requestId: openReq, includeProtected: false });
      expect(canariesIn(open)).toEqual([]);
      expect(JSON.stringify(open)).toContain('Special category personal data');
      const outstanding = await s.ok('reports:get', { kind: 'outstanding', includeMemberOnly: false });
      expect(canariesIn(outstanding)).toEqual([]);
      expect(JSON.stringify(outstanding)).toContain('Potholes on Elm Road');
    }, 120_000);

  it('with protected content, the Member’s report names them and is watermarked', async () => {
    const s = await seeded();
    const [pinkReq] = s.ids.requests;
    const report = await s.ok('reports:get', { kind: 'request', requestId: pinkReq, includeProtected: true });
    expect(canariesIn(report)).toEqual(expect.arrayContaining(['pinkRequestSubject', 'pinkRequestQuestion', 'pinkTitle']));
    expect(report.watermark).toBeTruthy();
  }, 120_000);
});

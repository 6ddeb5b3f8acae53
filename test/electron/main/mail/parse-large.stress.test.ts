// A large message in the stress run (npm run test:stress): building and parsing 20 MB takes seconds.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../electron/main/mail/parse';
import { filler, officerReply } from '../../../../tools/fixtures/mail';

describe('parsing a large .eml (postal-mime)', () => {
  it('a 20 MB attachment comes through byte for byte', async () => {
    const big = filler(20 * 1024 * 1024);
    const p = await parseMessage(await officerReply({ attachments: [{ filename: 'plans.pdf', content: Buffer.from(big) }] }), 'big.eml');
    expect(p.attachments[0]!.content.length).toBe(big.length);
    expect(Buffer.from(p.attachments[0]!.content).equals(Buffer.from(big))).toBe(true);
  }, 60_000);
});

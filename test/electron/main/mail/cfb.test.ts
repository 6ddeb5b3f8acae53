import { describe, expect, it } from 'vitest';
import { CfbDamaged, checkCfb } from '../../../../electron/main/mail/cfb';
import { buildMsg, filler } from '../../../../tools/fixtures/mail';

const sender = {
  subject: 'Depot',
  from: { name: 'Sam', email: 'sam@example.gov.uk' },
  to: [{ name: 'Cllr', email: 'cllr@example.gov.uk' }],
};
const honest = () =>
  Buffer.from(
    buildMsg({ ...sender, body: 'Figures attached. '.repeat(400), attachments: [{ name: 'plan.pdf', content: filler(20_000) }] }),
  );

/** Where things are in a built .msg (512-byte sectors). */
function layout(msg: Buffer) {
  const sector = 1 << msg.readUInt16LE(0x1e);
  const directory = msg.readUInt32LE(0x30);
  const fat = msg.readUInt32LE(0x4c);
  const entry = (i: number) => (directory + 1) * sector + i * 128;
  const fatEntry = (n: number) => (fat + 1) * sector + n * 4;
  return { sector, directory, entry, fatEntry, rootStart: msg.readUInt32LE(entry(0) + 0x74) };
}
const damaged = (msg: Buffer) => expect(() => checkCfb(msg)).toThrow(CfbDamaged);

describe('checking an Outlook file’s container before msgreader walks it', () => {
  it('passes honest files: small and large streams, attachments, a compressed-RTF body', () => {
    expect(() => checkCfb(honest())).not.toThrow();
    expect(() => checkCfb(buildMsg({ ...sender, rtf: '{\\rtf1 hi}' }))).not.toThrow();
    expect(() => checkCfb(buildMsg({ ...sender, body: 'x', attachments: [{ name: 'big.bin', content: filler(300_000) }] }))).not.toThrow();
  });

  it('refuses a sector chain that loops back on itself, or through another sector', () => {
    const self = honest();
    const { fatEntry, rootStart } = layout(self);
    self.writeInt32LE(rootStart, fatEntry(rootStart));
    damaged(self);
    const pair = honest();
    const second = pair.readInt32LE(fatEntry(rootStart));
    expect(second).toBeGreaterThanOrEqual(0);
    pair.writeInt32LE(rootStart, fatEntry(second));
    damaged(pair);
    const directory = honest();
    const at = layout(directory);
    directory.writeInt32LE(at.directory, at.fatEntry(at.directory));
    damaged(directory);
  });

  it('refuses a directory tree that loops: an entry its own sibling, or a child pointing back at the root', () => {
    const sibling = honest();
    const { entry } = layout(sibling);
    const child = sibling.readInt32LE(entry(0) + 0x4c);
    sibling.writeInt32LE(child, entry(child) + 0x48);
    damaged(sibling);
    const back = honest();
    back.writeInt32LE(0, entry(child) + 0x44);
    damaged(back);
  });

  it('refuses a stream claiming more bytes than the file, and counts beyond the file’s sectors', () => {
    const big = honest();
    const { entry } = layout(big);
    const child = big.readInt32LE(entry(0) + 0x4c);
    big.writeInt32LE(0x7fff0000, entry(child) + 0x78);
    damaged(big);
    const fats = honest();
    fats.writeInt32LE(0x7fffffff, 0x2c);
    damaged(fats);
    const extension = honest();
    extension.writeInt32LE(0x7fffffff, 0x48);
    damaged(extension);
    damaged(honest().subarray(0, 300));
  });
});

// Child process for the crash-injection test: saves as fast as it can, printing each sequence
// number only after put() returned (i.e. after the frame was fsynced), until it is SIGKILLed.
import { Vault } from '../../../../electron/main/vault/vault';

const [dir, userId, keysJson, mode, startArg] = process.argv.slice(2) as [string, string, string, string, string];
const keys = JSON.parse(keysJson) as { shared: string; member: string };
const compaction =
  mode === 'compact'
    ? { maxJournalFrames: 7, maxJournalRatio: 1, minJournalBytes: 1e12 } // compact every few saves
    : { maxJournalFrames: 1e9, maxJournalRatio: 1e9, minJournalBytes: 1e12 };
const session = Vault.open(dir, { compaction }).openWithKeys(userId, {
  shared: Buffer.from(keys.shared, 'base64'),
  member: Buffer.from(keys.member, 'base64'),
});
let i = Number(startArg);
for (;;) {
  const n = i++;
  session.put({ id: `k${n % 37}`, tier: n % 3 === 0 ? 'member' : 'shared', type: 'counter', data: { n, pad: 'x'.repeat(n % 500) } });
  process.stdout.write(`${n}\n`);
}

// Attacks on "epochs end" (docs/ARCHITECTURE.md, "Trust model"): a PA the Member removed keeps a
// copy of their old shared key and every file, and goes on appending frames sealed under it (a forged
// audit event, deleting the Member's officer, a new request). Each must be set aside with a warning
// the Member sees at unlock, in the Member's app and in a remaining PA's, before and after compaction;
// an old header put back (to let the removed PA in again) must be refused or warned about.
import * as nodeFs from 'node:fs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Vault, memoryCheckpointStore, type VaultSession } from '../../../../electron/main/vault';
import { deriveSubkey } from '../../../../electron/main/vault/crypto';
import { encodeFrame, type FrameMeta } from '../../../../electron/main/vault/frames';
import { journalName, listGenerations, snapshotName } from '../../../../electron/main/vault/generations';
import { MEMBER_PASS, PA_PASS, TEST_KDF, frames, tempDir } from '../vault/support';
import { attackTable } from './epochs-table';

const STAYING_PASS = 'marble lantern copper seventeen';
const table = attackTable();
afterAll(() => console.info(table.print()));

async function removedPaVault(saveAfterRemoval = true) {
  const dir = path.join(tempDir('epochs'), 'vault');
  const checkpoints = memoryCheckpointStore();
  const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF, checkpoints });
  const leaving = await member.addUser({ name: 'Pat Leaving', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
  const staying = await member.addUser({ name: 'Sam Staying', passphrase: STAYING_PASS, role: 'pa' }, TEST_KDF);
  member.put({ id: 'off-1', tier: 'shared', type: 'officer', data: { name: 'Head of Highways' } });
  member.put({ id: 'req-1', tier: 'shared', type: 'request', data: { subject: 'Bins' } });
  member.appendAudit({ recordId: 'req-1', action: 'viewed', tier: 'shared', detail: {} });
  const leaver = await Vault.open(dir).unlock(leaving.id, PA_PASS);
  leaver.put({ id: 'req-pa', tier: 'shared', type: 'request', data: { subject: 'Written by Pat before removal' } });
  const oldShared = Buffer.from(leaver.exportKeysForQuickUnlock().shared, 'base64');
  leaver.lock();
  const oldHeader = readFileSync(path.join(dir, 'vault.json'));
  const again = await Vault.open(dir, { checkpoints }).unlock(member.user.id, MEMBER_PASS);
  again.removeUser(leaving.id);
  if (saveAfterRemoval) again.put({ id: 'req-2', tier: 'shared', type: 'request', data: { subject: 'After the removal' } });
  const keys = again.exportKeysForQuickUnlock();
  const memberId = again.user.id;
  again.lock();
  member.lock();
  const memberKeys = () => ({ shared: Buffer.from(keys.shared, 'base64'), member: Buffer.from(keys.member!, 'base64') });
  return {
    dir,
    checkpoints,
    oldShared,
    oldHeader,
    openMember: () => Vault.open(dir, { checkpoints }).openWithKeys(memberId, memberKeys()),
    unlockMember: () => Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER_PASS),
    openStaying: () => Vault.open(dir).unlock(staying.id, STAYING_PASS),
  };
}

/** The removed PA at file level: a frame sealed with their old shared key, chained after the current journal's last frame. */
function appendAsRemovedPa(
  dir: string,
  oldShared: Buffer,
  meta: Pick<FrameMeta, 'kind' | 'id' | 'type'> & Partial<FrameMeta>,
  data: unknown,
) {
  const g = listGenerations(nodeFs, dir).current;
  const journal = path.join(dir, journalName(g));
  const last = nodeFs.existsSync(journal) ? frames(journal).at(-1) : undefined;
  // An empty journal continues the snapshot's chain, whose end is in its clear header.
  const end = last
    ? { seq: last.seq, head: last.hash }
    : (() => {
        const snap = readFileSync(path.join(dir, snapshotName(g)));
        const meta = JSON.parse(snap.subarray(12, 12 + snap.readUInt32BE(8)).toString('utf8')) as { lastSeq: number; head: string };
        return { seq: meta.lastSeq, head: Buffer.from(meta.head, 'hex') };
      })();
  const frame = encodeFrame(
    { tier: 'shared', schema: 2, seq: end.seq + 1, prev: end.head, author: 'pa', epoch: 0, ...meta },
    oldShared,
    Buffer.from(JSON.stringify(data)),
    deriveSubkey(oldShared, 'author:pa'),
  );
  writeFileSync(journal, frame.bytes, { flag: 'a' });
}

const FORGERIES: Array<{ name: string; meta: Pick<FrameMeta, 'kind' | 'id' | 'type'> & Partial<FrameMeta>; data: unknown }> = [
  { name: "deletes the Member's officer", meta: { kind: 'delete', id: 'off-1', type: 'officer' }, data: {} },
  {
    name: 'forges an audit event',
    meta: { kind: 'audit', id: 'req-1', type: 'disclosed' },
    data: { to: 'The Echo', by: 'Cllr Jane Smith' },
  },
  { name: 'adds a request', meta: { kind: 'put', id: 'req-new', type: 'request' }, data: { subject: 'Planted' } },
  { name: "replaces the Member's request", meta: { kind: 'put', id: 'req-1', type: 'request' }, data: { subject: 'Changed' } },
  { name: 'replaces its own old request', meta: { kind: 'put', id: 'req-pa', type: 'request' }, data: { subject: 'Changed later' } },
  { name: 'deletes a request made after the removal', meta: { kind: 'delete', id: 'req-2', type: 'request' }, data: {} },
  { name: 'names an epoch never issued', meta: { kind: 'delete', id: 'off-1', type: 'officer', epoch: 7 }, data: {} },
  { name: 'claims to be the Member', meta: { kind: 'delete', id: 'off-1', type: 'officer', author: 'member' }, data: {} },
];

/** What the Member must still see: the officer, both requests as written, and no forged audit event. */
function intact(session: VaultSession, savedAfterRemoval = true): boolean {
  const req1 = session.get<{ subject: string }>('req-1');
  const audits = session.auditTrail();
  return (
    !!session.get('off-1') &&
    req1?.data.subject === 'Bins' &&
    !!session.get('req-2') === savedAfterRemoval &&
    !session.get('req-new') &&
    session.get<{ subject: string }>('req-pa')?.data.subject === 'Written by Pat before removal' &&
    audits.every((a) => a.action !== 'disclosed')
  );
}

async function judged(attack: string, open: () => VaultSession | Promise<VaultSession>, savedAfterRemoval = true): Promise<void> {
  let session: VaultSession | null = null;
  try {
    session = await open();
  } catch (error) {
    // Refusing to open is detection too, in plain words.
    expect((error as { code?: string }).code).toBe('cannot-open');
    table.add(attack, { caught: true });
    return;
  }
  try {
    const warned = session.warnings.some((w) => w.kind === 'set-aside' || w.kind === 'rollback');
    const ok = intact(session, savedAfterRemoval);
    table.add(attack, { caught: warned && ok, lost: ok ? 0 : 1 });
    expect(warned).toBe(true);
    expect(ok).toBe(true);
  } finally {
    session.lock();
  }
}

describe('a removed PA keeps writing with their old key', () => {
  it('every forgery under the ended epoch is set aside with a warning, in the Member app and a remaining PA app', async () => {
    for (const f of FORGERIES) {
      const v = await removedPaVault();
      appendAsRemovedPa(v.dir, v.oldShared, f.meta, f.data);
      await judged(`removed PA frame (Member app): ${f.name}`, v.openMember);
      const staying = await v.openStaying();
      table.add(`removed PA frame (remaining PA app): ${f.name}`, {
        caught: staying.warnings.some((w) => w.kind === 'set-aside') && !!staying.get('off-1') && !staying.get('req-new'),
      });
      expect(staying.warnings.map((w) => w.kind)).toContain('set-aside');
      expect(staying.get('off-1')).toBeDefined();
      staying.lock();
    }
  }, 240_000);

  it('the warning says what happened in plain words, and the frames stay set aside after compaction', async () => {
    const v = await removedPaVault();
    appendAsRemovedPa(v.dir, v.oldShared, FORGERIES[0]!.meta, {});
    appendAsRemovedPa(v.dir, v.oldShared, FORGERIES[1]!.meta, FORGERIES[1]!.data);
    const m = v.openMember();
    const warning = m.warnings.find((w) => w.kind === 'set-aside')!;
    expect(warning.message).toMatch(/2 changes .* set aside/);
    expect(warning.message).toContain('retired when a PA was removed');
    expect(warning.message).not.toMatch(/epoch|seq\b|Error|undefined/);
    m.acknowledgeWarnings();
    expect(m.compact()).toBe(true);
    m.put({ id: 'req-3', tier: 'shared', type: 'request', data: { subject: 'After compaction' } });
    m.lock();
    // After compaction the frames are kept beside the vault, not in the snapshot.
    expect(nodeFs.readdirSync(v.dir).some((n) => n.startsWith('set-aside-'))).toBe(true);
    const after = v.openMember();
    expect(intact(after)).toBe(true);
    after.lock();
    // Writing again after the compaction, into the new generation's journal, is set aside too.
    appendAsRemovedPa(v.dir, v.oldShared, FORGERIES[0]!.meta, {});
    await judged('removed PA frame after compaction', v.openMember);
  }, 120_000);

  it('an old header put back (which would let the removed PA in again) is refused or warned about', async () => {
    const v = await removedPaVault();
    writeFileSync(path.join(v.dir, 'vault.json'), v.oldHeader);
    // The Member's own save after the removal is under the new key: the old header cannot explain it.
    await judged('old header put back (Member saves after removal)', v.unlockMember);
    // With no save since the removal, nothing in the journal contradicts the old header: the checkpoint does.
    const w = await removedPaVault(false);
    writeFileSync(path.join(w.dir, 'vault.json'), w.oldHeader);
    await judged('old header put back (no save since the removal)', w.unlockMember, false);
    // After a compaction the snapshot's check is under the new key, which the old header does not give.
    const x = await removedPaVault();
    const m = x.openMember();
    m.compact();
    m.lock();
    writeFileSync(path.join(x.dir, 'vault.json'), x.oldHeader);
    await judged('old header put back (after compaction)', x.unlockMember);
  }, 120_000);
});

describe('two PAs removed one after the other', () => {
  it('each epoch ends where its removal was: what each wrote in time stays, what they wrote after is set aside', async () => {
    const dir = path.join(tempDir('epochs-two'), 'vault');
    const checkpoints = memoryCheckpointStore();
    const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF, checkpoints });
    const a = await member.addUser({ name: 'Pat First', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    const b = await member.addUser({ name: 'Sam Second', passphrase: STAYING_PASS, role: 'pa' }, TEST_KDF);
    member.put({ id: 'off-1', tier: 'shared', type: 'officer', data: { name: 'Head of Highways' } });
    const memberId = member.user.id;
    member.lock();
    const keyOf = async (id: string, pass: string) => {
      const s = await Vault.open(dir).unlock(id, pass);
      const key = Buffer.from(s.exportKeysForQuickUnlock().shared, 'base64');
      return { s, key };
    };
    const first = await keyOf(a.id, PA_PASS);
    first.s.put({ id: 'by-a', tier: 'shared', type: 'request', data: { subject: 'A, in time' } });
    first.s.lock();
    const m1 = await Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER_PASS);
    m1.removeUser(a.id);
    m1.lock();
    const second = await keyOf(b.id, STAYING_PASS);
    second.s.put({ id: 'by-b', tier: 'shared', type: 'request', data: { subject: 'B, in time (epoch 1)' } });
    second.s.lock();
    const m2 = await Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER_PASS);
    m2.removeUser(b.id);
    m2.put({ id: 'after', tier: 'shared', type: 'request', data: { subject: 'After both removals' } });
    m2.lock();
    const forgeries: Array<[string, Buffer, number]> = [
      ['the first PA, epoch 0', first.key, 0],
      ['the second PA, epoch 1', second.key, 1],
    ];
    for (const [who, key, epoch] of forgeries) {
      appendAsRemovedPa(dir, key, { kind: 'delete', id: 'off-1', type: 'officer', epoch }, {});
      const m = await Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER_PASS);
      const ok = !!m.get('off-1') && !!m.get('by-a') && !!m.get('by-b') && !!m.get('after');
      const warned = m.warnings.some((w) => w.kind === 'set-aside');
      table.add(`removed PA frame after a later removal: ${who}`, { caught: ok && warned, lost: ok ? 0 : 1 });
      expect([who, ok, warned]).toEqual([who, true, true]);
      m.acknowledgeWarnings();
      m.lock();
    }
  }, 120_000);
});

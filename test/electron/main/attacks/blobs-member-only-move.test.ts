// R-USE-2: emails and drafts of a request that is Member only, stored under the shared key (saved before
// the request's tier was kept on them, or before it became Member only), go under the Member key at the
// Member's next unlock, originals and all, the email still owning its file. Then the PA, at file level with
// their real key, opens none of it: no frame in any journal or snapshot, no file. A crash or a lock part-way
// loses nothing.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { openFrame, readFrame } from '../../../../electron/main/vault/frames';
import type { StoredMessage } from '../../../../shared/domain/correspondence-records';
import { MEMBER_PASS, PA_PASS, draft } from '../../support/core';
import { setUp } from '../../support/mail';
import { officerReply } from '../../../../tools/fixtures/mail';
import { clearHeader, oldFormatBlob } from './blobs-support';

const ORIGINAL = 'From: sam.green@example-council.gov.uk\r\nSubject: care home\r\n\r\nThe care home closes in March.';

async function readAll(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * A Member-only request whose emails and draft are under the shared key, as an older app saved them: one
 * email with a format-2 original owned by it, one with an old-format original (no owner), and a draft.
 */
async function staleCase(blocker = false) {
  const t = await setUp();
  const raw = () => t.core.session.requireVault().records;
  const secret = await t.ok('requests:create', draft({ officerId: t.officer.id, meetingId: null, memberOnly: true, subject: 'Care home' }));
  const plain = await officerReply({ subject: `About bins [${t.ref}]`, messageId: '<bins@x>', from: 'sam.green@example-council.gov.uk' });
  const { imported } = await t.imp([{ name: 'bins.eml', bytes: plain }]);
  const template = raw().get<StoredMessage>(imported[0].id)!.data;
  // A record that cannot be moved (its original is not there), saved before the others: it must not hold them back.
  const blockerId = `message:${randomUUID()}`;
  if (blocker)
    raw().put({
      id: blockerId,
      tier: 'shared',
      type: 'correspondence',
      data: {
        ...template,
        id: blockerId,
        blobId: randomUUID(),
        messageId: '<b@x>',
        requestId: secret.row.id,
        onMemberOnlyRequest: undefined,
      },
    });
  const sharedKey = Buffer.from(raw().exportKeysForQuickUnlock().shared, 'base64');
  const blobDir = path.join(t.dataFolder, 'vault', 'blobs');
  const write = (file: string, bytes: Buffer) =>
    (t.files as unknown as { writeFileSync(f: string, b: Buffer): void }).writeFileSync(file, bytes);
  const stale = (blobId: string, id: string): StoredMessage => ({
    ...template,
    id,
    blobId,
    subject: 'RE: care home',
    messageId: `<${randomUUID()}@x>`,
    requestId: secret.row.id,
    requestReference: secret.row.reference,
    filed: { kind: 'none', on: '2026-11-20', promisedBy: null, materialIds: [] },
    onMemberOnlyRequest: undefined,
  });
  const newId = `message:${randomUUID()}`;
  const newBlob = await raw().attachments.add(Readable.from([Buffer.from(ORIGINAL)]), 'shared', newId);
  raw().put({ id: newId, tier: 'shared', type: 'correspondence', data: stale(newBlob.id, newId) });
  const oldId = `message:${randomUUID()}`;
  const old = oldFormatBlob(sharedKey, 'shared', Buffer.from(`${ORIGINAL} (old format)`));
  write(path.join(blobDir, `${old.id}.blob`), old.file);
  raw().put({ id: oldId, tier: 'shared', type: 'correspondence', data: stale(old.id, oldId) });
  const draftId = `draft:${randomUUID()}`;
  raw().put({
    id: draftId,
    tier: 'shared',
    type: 'correspondence',
    data: {
      kind: 'draft',
      requestId: secret.row.id,
      draftKind: 'request',
      messageId: '<d@x>',
      threadIndex: '',
      subject: 'Care home closure',
      createdAt: '2026-11-20T10:00:00.000Z',
      sentOn: null,
    },
  });
  const pa = await t.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  const member = (await t.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
  const unlock = async (who: 'member' | 'pa') => {
    await t.ok('session:lock');
    await t.ok('session:unlock', who === 'pa' ? { userId: pa.id, passphrase: PA_PASS } : { userId: member.id, passphrase: MEMBER_PASS });
  };
  await unlock('pa');
  const paShared = Buffer.from(raw().exportKeysForQuickUnlock().shared, 'base64');
  const ids = [newId, oldId, draftId];
  const vaultDir = path.join(t.dataFolder, 'vault');
  /** The PA at file level: every frame of these records, in every journal and snapshot, tried with the PA's key. */
  const paOpensFrames = () => {
    let opened = 0;
    for (const name of t.files.readdirSync(vaultDir)) {
      if (!/^(journal|snapshot)-\d+\.(log|bin)$/.test(name)) continue;
      const buf = t.files.readFileSync(path.join(vaultDir, name));
      for (let o = 0; o < buf.length; o++) {
        const r = readFrame(buf, o);
        if (r.ok && ids.includes(r.frame.id) && openFrame(r.frame, paShared)) opened++;
      }
    }
    return opened;
  };
  const blobIds = () =>
    t.files
      .readdirSync(blobDir)
      .filter((f) => f.endsWith('.blob'))
      .map((f) => f.slice(0, -5));
  const header = (id: string) => clearHeader(t.files.readFileSync(path.join(blobDir, `${id}.blob`)));
  return { ...t, raw, unlock, ids, newId, oldId, draftId, blockerId, paOpensFrames, paShared, blobIds, header, write, blobDir, sharedKey };
}

type Stale = Awaited<ReturnType<typeof staleCase>>;

/** After the Member's unlock: every record under the Member key, each email's original Member-only, owned by it, and whole. */
async function expectMoved(t: Stale) {
  await vi.waitFor(() => expect(t.ids.map((id) => t.raw().get(id)!.tier)).toEqual(['member', 'member', 'member']), { timeout: 10_000 });
  for (const [id, text] of [
    [t.newId, ORIGINAL],
    [t.oldId, `${ORIGINAL} (old format)`],
  ] as const) {
    const m = t.raw().get<StoredMessage>(id)!.data;
    expect(m.onMemberOnlyRequest).toBe(true);
    expect(t.header(m.blobId)).toEqual({ format: 2, tierCode: 1, owner: id });
    expect(await readAll(t.raw().attachments.read(m.blobId, id))).toBe(text);
  }
}

describe('R-USE-2: emails and drafts of a Member-only request move under the Member key at the Member’s unlock', () => {
  it('before: the PA reads them; after the Member’s unlock: no frame, record or file of them opens with the PA’s real key', async () => {
    const t = await staleCase();
    expect(t.paOpensFrames()).toBeGreaterThan(0);
    expect(t.ids.every((id) => t.raw().get(id) !== undefined)).toBe(true);
    const sharedBefore = t.ids.slice(0, 2).map((id) => t.raw().get<StoredMessage>(id)!.data.blobId);
    await t.unlock('member');
    await expectMoved(t);
    await vi.waitFor(() => expect(t.paOpensFrames()).toBe(0));
    // The shared originals are gone from the folder: none left for the PA's key.
    for (const id of sharedBefore) expect(t.blobIds()).not.toContain(id);
    for (const id of t.blobIds()) {
      const h = t.header(id);
      if (h.owner && t.ids.includes(h.owner)) expect(h.tierCode).toBe(1);
    }
    await t.unlock('pa');
    for (const id of t.ids) expect(t.raw().get(id)).toBeUndefined();
    for (const id of t.ids.slice(0, 2)) {
      expect((await t.call('correspondence:exportOriginal', { id })).ok).toBe(false);
    }
    expect(t.paOpensFrames()).toBe(0);
  });

  it('a crash after the new original is written but before the email is saved: the next unlock finishes, nothing lost', async () => {
    const t = await staleCase();
    // As the Member's app would have left it: a Member-only copy owned by the email, the email not yet saved.
    await t.unlock('member');
    await expectMoved(t); // (a first unlock moves everything; the crash states are made by hand below)
    const m = t.raw().get<StoredMessage>(t.newId)!.data;
    const leftover = await t.raw().attachments.add(Readable.from([Buffer.from(ORIGINAL)]), 'member', t.newId);
    // And the other crash point: the email saved naming the new file, the old shared file not yet deleted.
    const stillThere = await t.raw().attachments.add(Readable.from([Buffer.from(ORIGINAL)]), 'shared', t.oldId);
    expect(t.blobIds()).toEqual(expect.arrayContaining([leftover.id, stillThere.id]));
    await t.unlock('member');
    await vi.waitFor(() => expect(t.blobIds()).not.toContain(stillThere.id));
    expect(t.blobIds()).not.toContain(leftover.id);
    // The files the emails name are still there and open.
    await expectMoved(t);
    expect(t.raw().get<StoredMessage>(t.newId)!.data.blobId).toBe(m.blobId);
  });

  it('a lock part-way through the move keeps every email readable by the Member, and the next unlock finishes', async () => {
    const t = await staleCase();
    await t.unlock('member');
    await t.ok('session:lock'); // at once: the move is cut short wherever it was
    const { users } = await t.ok<{ users: Array<{ id: string; role: string }> }>('session:getState');
    await t.ok('session:unlock', { userId: users.find((u) => u.role === 'member')!.id, passphrase: MEMBER_PASS });
    await expectMoved(t);
  });

  it('an email whose file cannot be moved (missing, or not its own) still goes under the Member key, and holds none of the others back', async () => {
    const t = await staleCase(true);
    await t.unlock('member');
    await expectMoved(t);
    // Its words go under the Member key all the same; the file it names is left where it is.
    expect(t.raw().get(t.blockerId)!.tier).toBe('member');
  });
});

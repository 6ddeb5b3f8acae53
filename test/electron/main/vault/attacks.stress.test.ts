// Tests that attack (docs/ARCHITECTURE.md, "Trust model"): a PA who knows their own passphrase, so holds the shared key, and
// can read and write every file in the data folder. Each forgery must be detected or refused:
// the vault refuses to open, or opens with the forged change set aside and a warning naming it,
// with every Member record intact. The counts are printed as a table at the end.
import { appendFileSync, cpSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { Vault, memoryCheckpointStore, restoreBackup, writeBackup, type VaultSession } from '../../../../electron/main/vault';
import { deriveSubkey, hmac, sha256 } from '../../../../electron/main/vault/crypto';
import { encodeFrame, type FrameMeta } from '../../../../electron/main/vault/frames';
import { canonicalJson } from '../../../../electron/main/vault/header';
import { MEMBER_PASS, PA_PASS, TEST_KDF, frames, paAppend, tempDir } from './support';

const table = new Map<string, { tried: number; caught: number; silent: number; lost: number }>();
function tally(attack: string, caught: boolean, lost = 0) {
  const row = table.get(attack) ?? { tried: 0, caught: 0, silent: 0, lost: 0 };
  row.tried++;
  if (caught) row.caught++;
  else row.silent++;
  row.lost += lost;
  table.set(attack, row);
}
afterAll(() => {
  const lines = [...table].map(([a, r]) => `| ${a} | ${r.tried} | ${r.caught} | ${r.silent} | ${r.lost} |`);
  console.info(['| attack | variants | detected/refused | silently accepted | data lost |', ...lines].join('\n'));
});

const MEMBER_IDS = ['m1', 'mat-1', 'd1', 'reg-1', 'request-index:member'];

async function setup() {
  const dir = path.join(tempDir('attack'), 'vault');
  const checkpoints = memoryCheckpointStore();
  const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF, checkpoints });
  const paUser = await member.addUser({ name: 'Pat Assistant', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
  member.put({ id: 's1', tier: 'shared', type: 'request', data: { subject: 'Bins' } });
  member.put({ id: 'm1', tier: 'member', type: 'request', data: { subject: 'Care home (confidential)' } });
  const blob = await member.attachments.add(Readable.from([Buffer.from('%PDF pink paper')]), 'member', 'mat-1');
  member.put({ id: 'mat-1', tier: 'member', type: 'material', data: { title: 'Pink paper', blobId: blob.id } });
  member.put({ id: 'd1', tier: 'member', type: 'disclosure', data: { state: 'draft' } });
  member.put({ id: 'reg-1', tier: 'member', type: 'register-entry', data: { to: 'Monitoring Officer' } });
  member.put({ id: 'request-index:member', tier: 'member', type: 'request-index', data: { m1: 'overdue' } });
  member.appendAudit({ recordId: 'mat-1', action: 'viewed', tier: 'member', detail: {} });
  const memberId = member.user.id;
  const mk = member.exportKeysForQuickUnlock();
  member.lock();
  const pa = await Vault.open(dir).unlock(paUser.id, PA_PASS);
  pa.put({ id: 's2', tier: 'shared', type: 'request', data: { subject: 'Written by the PA' } });
  const pk = pa.exportKeysForQuickUnlock();
  pa.lock();
  const memberKeys = () => ({ shared: Buffer.from(mk.shared, 'base64'), member: Buffer.from(mk.member!, 'base64') });
  const paShared = () => Buffer.from(pk.shared, 'base64');
  const openMember = (opts: { checkpoints?: typeof checkpoints } = { checkpoints }) =>
    Vault.open(dir, opts).openWithKeys(memberId, memberKeys());
  const openPa = () => Vault.open(dir).openWithKeys(paUser.id, { shared: paShared(), member: null });
  return { dir, checkpoints, memberId, paId: paUser.id, memberKeys, paShared, openMember, openPa };
}

/** Detected or refused: the Member's app refuses to open, or opens with a warning and every Member record as it was. */
function memberSees(open: () => VaultSession): { caught: boolean; lost: number; session: VaultSession | null } {
  let session: VaultSession;
  try {
    session = open();
  } catch (error) {
    expect((error as { code?: string }).code).toMatch(/cannot-open|wrong-passphrase|newer-format/);
    expect((error as Error).message).not.toMatch(/TypeError|undefined/);
    return { caught: true, lost: 0, session: null };
  }
  const warned = session.warnings.some((w) => w.kind === 'set-aside' || w.kind === 'rollback');
  const lost = MEMBER_IDS.filter((id) => session.get(id)?.tier !== 'member').length;
  return { caught: warned, lost, session };
}

function expectCaught(attack: string, open: () => VaultSession) {
  const r = memberSees(open);
  tally(attack, r.caught, r.lost);
  expect(r.caught).toBe(true);
  expect(r.lost).toBe(0);
  r.session?.lock();
  return r;
}

describe('a PA with the files and the shared key cannot forge, remove or roll back Member records', () => {
  it('deleting Member-only records with forged delete frames', async () => {
    for (const id of MEMBER_IDS) {
      const v = await setup();
      const type = {
        m1: 'request',
        'mat-1': 'material',
        d1: 'disclosure',
        'reg-1': 'register-entry',
        'request-index:member': 'request-index',
      }[id]!;
      paAppend(v.dir, v.paShared(), { kind: 'delete', id, type }, null);
      const r = expectCaught('delete Member-only records (forged delete frame)', v.openMember);
      expect(r.session).not.toBeNull();
    }
    const v = await setup();
    paAppend(v.dir, v.paShared(), { kind: 'delete', id: 'm1', type: 'request' }, null, 'member');
    expectCaught('delete Member-only records (forged delete frame)', v.openMember);
  }, 120_000);

  it("replacing a pink paper's content, in the Member's app and the PA's own", async () => {
    for (const claim of ['pa', 'member'] as const) {
      const v = await setup();
      paAppend(v.dir, v.paShared(), { kind: 'put', id: 'mat-1', type: 'material' }, { title: 'FORGED BY PA' }, claim);
      const r = expectCaught('replace a pink paper (shared frame over a Member-tier id)', v.openMember);
      // The PA's own app never lets a shared frame replace a Member-tier record either.
      const pa = v.openPa();
      const replaced = pa.get('mat-1') !== undefined;
      tally('shared-tier frame replacing a Member-tier id (PA app)', !replaced);
      expect(replaced).toBe(false);
      expect(pa.sealedIds().map((s) => s.id)).toContain('mat-1');
      pa.lock();
      void r;
    }
  }, 60_000);

  it('a forged snapshot that drops every Member-tier frame and every audit frame', async () => {
    for (const variant of ['v1 snapshot', 'v2 with a shared-key "member" MAC', 'v2 and the journal deleted'] as const) {
      const v = await setup();
      const shared = v.paShared();
      const all = frames(path.join(v.dir, 'journal-000000.log'));
      const kept = all.filter((f) => f.tier === 'shared' && f.kind === 'put');
      const last = all.at(-1)!;
      const body = Buffer.concat(kept.map((f) => f.bytes));
      const digest = sha256(...kept.map((f) => f.bytes)).toString('hex');
      const macInput = `1|${last.seq}|${last.hash.toString('hex')}|${kept.length}|${digest}`;
      const mac = hmac(deriveSubkey(shared, 'snapshot'), macInput).toString('hex');
      const meta =
        variant === 'v1 snapshot'
          ? {
              format: 'need-to-know-snapshot',
              version: 1,
              generation: 1,
              lastSeq: last.seq,
              head: last.hash.toString('hex'),
              count: kept.length,
              mac,
            }
          : {
              format: 'need-to-know-snapshot',
              version: 2,
              generation: 1,
              lastSeq: last.seq,
              head: last.hash.toString('hex'),
              count: kept.length,
              epoch: 0,
              mac,
              memberMac: hmac(deriveSubkey(shared, 'snapshot:member'), `${macInput}|0`).toString('hex'),
            };
      const metaBytes = Buffer.alloc(512, 0x20);
      Buffer.from(JSON.stringify(meta)).copy(metaBytes);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(512);
      writeFileSync(path.join(v.dir, 'snapshot-000001.bin'), Buffer.concat([Buffer.from('NTKSNAP\u0001', 'latin1'), len, metaBytes, body]));
      if (variant === 'v2 and the journal deleted') unlinkSync(path.join(v.dir, 'journal-000000.log'));
      expectCaught('forged snapshot dropping Member and audit frames', v.openMember);
    }
  }, 60_000);

  it('a forged audit event ("disclosed to The Echo") is refused as the Member\'s, or shown as the PA\'s', async () => {
    const v = await setup();
    paAppend(v.dir, v.paShared(), { kind: 'audit', id: 'mat-1', type: 'disclosed' }, { to: 'The Echo' }, 'member');
    expectCaught('forged audit event', v.openMember);
    const w = await setup();
    paAppend(w.dir, w.paShared(), { kind: 'audit', id: 'mat-1', type: 'disclosed' }, { to: 'The Echo' }, 'pa');
    const session = w.openMember();
    // mat-1 is Member-only: an event about it is the Member's alone, so the PA's is set aside and never shown.
    const shown = session.auditTrail('mat-1').some((e) => e.action === 'disclosed');
    const warned = session.warnings.some((w) => w.kind === 'set-aside');
    tally('forged audit event', warned && !shown);
    expect([warned, shown]).toEqual([true, false]);
    expect(session.auditTrail('mat-1').find((e) => e.action === 'viewed')!.author).toBe('member');
    session.lock();
  }, 60_000);

  it('a forged approved disclosure, a forged register entry and a forged Member request index', async () => {
    const forgeries: Array<[string, Partial<FrameMeta> & Pick<FrameMeta, 'kind' | 'id' | 'type'>, unknown]> = [
      ['forged approved disclosure', { kind: 'put', id: 'd1', type: 'disclosure' }, { state: 'approved' }],
      ['forged approved disclosure', { kind: 'put', id: 'd2', type: 'disclosure' }, { state: 'approved', material: 'mat-1' }],
      ['forged approved disclosure', { kind: 'put', id: 'reg-2', type: 'register-entry' }, { to: 'The Echo' }],
      ['forged request-index:member entry', { kind: 'put', id: 'request-index:member', type: 'request-index' }, { m1: 'answered' }],
      ['forged request-index:member entry', { kind: 'put', id: 'council', type: 'council-settings' }, { profile: '000' }],
    ];
    for (const [attack, meta, data] of forgeries) {
      const v = await setup();
      paAppend(v.dir, v.paShared(), meta, data);
      const r = expectCaught(attack, v.openMember);
      void r;
      const again = v.openMember();
      expect(again.get(meta.id)?.tier ?? 'absent').not.toBe('shared');
      again.lock();
    }
  }, 120_000);

  it("the PA's own app refuses to write Member records or downgrade a tier", async () => {
    const v = await setup();
    const pa = v.openPa();
    const calls: Array<() => unknown> = [
      () => pa.put({ id: 'd9', tier: 'shared', type: 'disclosure', data: { state: 'approved' } }),
      () => pa.put({ id: 'request-index:member', tier: 'shared', type: 'request-index', data: {} }),
      () => pa.put({ id: 'reg-9', tier: 'shared', type: 'register-entry', data: {} }),
      () => pa.put({ id: 'm1', tier: 'shared', type: 'request', data: { subject: 'downgraded' } }),
      () => pa.delete('m1'),
    ];
    for (const call of calls) {
      let refused = false;
      try {
        call();
      } catch (error) {
        refused = (error as { code?: string }).code === 'not-permitted';
      }
      tally('tier downgrade / Member-only type through the PA app', refused);
      expect(refused).toBe(true);
    }
    pa.lock();
  }, 60_000);

  it('vault.json re-MACed with the shared key: Member renamed, an extra PA slot, a second Member, turned back to format 1', async () => {
    const edits: Array<[string, (h: Record<string, any>) => void]> = [
      ['rename', (h) => (h.users.find((u: any) => u.role === 'member').name = 'Cllr Forged')],
      [
        'extra PA',
        (h) => h.users.push({ ...h.users.find((u: any) => u.role === 'pa'), id: '00000000-0000-4000-8000-000000000000', name: 'Mallory' }),
      ],
      ['PA renamed', (h) => (h.users.find((u: any) => u.role === 'pa').name = 'Cllr Jane Smith')],
      ['second Member', (h) => (h.users.find((u: any) => u.role === 'pa').role = 'member')],
      ['swap Member public key', (h) => (h.memberBox.publicKey = h.memberBox.publicKey.replace(/A/g, 'B'))],
      ['downgrade to format 1', (h) => ((h.version = 1), delete h.memberMac, delete h.memberBox)],
    ];
    for (const [, edit] of edits) {
      const v = await setup();
      const file = path.join(v.dir, 'vault.json');
      const h = JSON.parse(readFileSync(file, 'utf8'));
      delete h.mac;
      delete h.checksum;
      edit(h);
      const { memberMac, ...body } = h;
      const mac = hmac(deriveSubkey(v.paShared(), 'header'), canonicalJson(body)).toString('hex');
      const checksum = sha256(Buffer.from(canonicalJson({ ...body, mac, memberMac }))).toString('hex');
      writeFileSync(file, JSON.stringify({ ...body, mac, memberMac, checksum }));
      // The passphrase unlock (the usual one) and the keys-only open (quick unlock) must both catch it.
      let caught = false;
      try {
        (await Vault.open(v.dir, { checkpoints: v.checkpoints }).unlock(v.memberId, MEMBER_PASS)).lock();
      } catch (error) {
        caught = /cannot-open|wrong-passphrase|not-found/.test((error as { code: string }).code);
      }
      const quick = memberSees(v.openMember);
      quick.session?.lock();
      tally('vault.json re-MACed (rename, extra PA, second Member, key swap, downgrade)', caught && quick.caught);
      expect(caught).toBe(true);
      expect(quick.caught).toBe(true);
    }
  }, 180_000);

  it('a frame in the old format appended after the upgrade is set aside', async () => {
    const v = await setup();
    const journal = path.join(v.dir, 'journal-000000.log');
    const last = frames(journal).at(-1)!;
    const frame = encodeFrame(
      { kind: 'delete', tier: 'shared', schema: 1, seq: last.seq + 1, prev: last.hash, id: 'd1', type: 'disclosure' },
      v.paShared(),
      Buffer.alloc(0),
    );
    appendFileSync(journal, frame.bytes);
    expectCaught('old-format frame after the upgrade', v.openMember);
  }, 60_000);
});

describe('rollback and truncation are detected against the Member checkpoint', () => {
  it('truncation of the journal at every frame boundary', async () => {
    const v = await setup();
    const journal = path.join(v.dir, 'journal-000000.log');
    const original = readFileSync(journal);
    const all = frames(journal);
    let offset = 0;
    const boundaries: number[] = [];
    for (const f of all.slice(0, -1)) boundaries.push((offset += f.bytes.length));
    // The PA's own last save is after the Member's checkpoint; cuts from the Member's last save back are what matter.
    const memberLastSeq = all.filter((f) => f.author === 'member').at(-1)!.seq;
    for (let i = 0; i < boundaries.length; i++) {
      const kept = i + 1;
      if (kept >= memberLastSeq) continue;
      writeFileSync(journal, original.subarray(0, boundaries[i]));
      const session = v.openMember();
      const warning = session.warnings.find((w) => w.kind === 'rollback');
      session.lock();
      const missing = memberLastSeq - kept;
      const lead = missing === 1 ? 'A change you or your PA saved up to ' : `${missing} changes you or your PA saved up to `;
      const named = !!warning && warning.message.startsWith(lead);
      tally('journal cut at a frame boundary', named);
      expect(warning?.message).toMatch(new RegExp(`^${lead}\\d\\d/\\d\\d/\\d{4} (is|are) not in this vault`));
    }
    writeFileSync(journal, Buffer.alloc(0));
    const empty = memberSees(v.openMember);
    tally('journal cut at a frame boundary', empty.caught);
    empty.session?.lock();
    expect(empty.caught).toBe(true);
  }, 60_000);

  it('the newest generation deleted, the journal deleted, or the folder replaced by an older copy', async () => {
    for (const variant of ['newest generation deleted', 'journal deleted', 'older copy of the folder'] as const) {
      const v = await setup();
      const older = path.join(tempDir('older'), 'vault');
      cpSync(v.dir, older, { recursive: true });
      const member = v.openMember();
      member.put({ id: 'm2', tier: 'member', type: 'request', data: { subject: 'later' } });
      member.compact();
      member.put({ id: 'm3', tier: 'member', type: 'request', data: { subject: 'later still' } });
      member.lock();
      if (variant === 'newest generation deleted') {
        unlinkSync(path.join(v.dir, 'snapshot-000001.bin'));
        unlinkSync(path.join(v.dir, 'journal-000001.log'));
      } else if (variant === 'journal deleted') {
        unlinkSync(path.join(v.dir, 'journal-000001.log'));
      } else {
        rmSync(v.dir, { recursive: true });
        cpSync(older, v.dir, { recursive: true });
      }
      const r = memberSees(v.openMember);
      r.session?.lock();
      tally('rollback (older generation / journal deleted / older folder)', r.caught);
      expect(r.caught).toBe(true);
    }
  }, 120_000);

  it('restoring an older backup over the vault is not silent', async () => {
    const v = await setup();
    const member = v.openMember();
    const backup = path.join(tempDir('backup'), 'vault.ntkbackup');
    writeBackup(member.dir, backup);
    member.put({ id: 'm4', tier: 'member', type: 'request', data: { subject: 'after the backup' } });
    member.lock();
    restoreBackup(backup, v.dir, { overwrite: true });
    const r = memberSees(v.openMember);
    r.session?.lock();
    tally('restore of an older backup', r.caught);
    expect(r.caught).toBe(true);
  }, 60_000);
});

describe('truncated tails stay recoverable and are reported', () => {
  it('an unfinished save set aside at unlock is reported as a warning', async () => {
    const v = await setup();
    const journal = path.join(v.dir, 'journal-000000.log');
    const size = readFileSync(journal).length;
    truncateSync(journal, size - 10); // the PA's last save torn mid-write
    const session = v.openMember();
    expect(session.warnings.map((w) => w.kind)).toContain('unfinished-save');
    session.lock();
  }, 60_000);
});

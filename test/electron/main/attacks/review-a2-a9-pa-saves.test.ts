// R-USE-3: a PA's save changes a record only as the PA's commands do. Saving over the Member's material and
// then deleting it (in the PA's app, or by appending to the journal), and rewriting an email the Member
// imported (flags dropped, text changed, sender check "passed"), are refused or set aside; the Member's
// version stands.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault, memoryCheckpointStore } from '../../../../electron/main/vault';
import { MEMBER_PASS as VAULT_MEMBER_PASS, PA_PASS as VAULT_PA_PASS, TEST_KDF, paAppend, tempDir } from '../vault/support';
import { MEMBER_PASS, PA_PASS } from '../../support/core';
import { setUp } from '../../support/mail';
import { officerReply } from '../../../../tools/fixtures/mail';

const COUNCIL = 'example-council.gov.uk';

async function memberMaterial() {
  const dir = path.join(tempDir('rv'), 'vault');
  const checkpoints = memoryCheckpointStore();
  const member = await Vault.create(dir, { name: 'Cllr', passphrase: VAULT_MEMBER_PASS }, { kdf: TEST_KDF, checkpoints });
  const pa = await member.addUser({ name: 'Pat', passphrase: VAULT_PA_PASS, role: 'pa' }, TEST_KDF);
  member.put({ id: 'mat-1', tier: 'shared', type: 'material', data: { title: 'Agenda (Member wrote)' } });
  const memberId = member.user.id;
  member.lock();
  const reopen = () => Vault.open(dir, { checkpoints }).unlock(memberId, VAULT_MEMBER_PASS);
  return { dir, pa, reopen };
}

describe('a PA saving over the Member’s material, then deleting it', () => {
  it('R-USE-3 in the PA’s app both steps are refused', async () => {
    const v = await memberMaterial();
    const p = await Vault.open(v.dir).unlock(v.pa.id, VAULT_PA_PASS);
    expect(() => p.put({ id: 'mat-1', tier: 'shared', type: 'material', data: { title: 'Agenda (Member wrote)' } })).toThrow();
    expect(() => p.delete('mat-1')).toThrow();
    p.lock();
    const m = await v.reopen();
    expect(m.get<{ title: string }>('mat-1')?.data.title).toBe('Agenda (Member wrote)');
    m.lock();
  }, 60_000);

  it('R-USE-3 written straight into the journal with the PA’s key, both are set aside and the Member is told', async () => {
    const v = await memberMaterial();
    const p = await Vault.open(v.dir).unlock(v.pa.id, VAULT_PA_PASS);
    const shared = Buffer.from(p.exportKeysForQuickUnlock().shared, 'base64');
    p.lock();
    paAppend(v.dir, shared, { kind: 'put', id: 'mat-1', type: 'material' }, { title: 'x' });
    paAppend(v.dir, shared, { kind: 'delete', id: 'mat-1', type: 'material' }, {});
    const m = await v.reopen();
    expect(m.get<{ title: string }>('mat-1')?.data.title).toBe('Agenda (Member wrote)');
    expect(m.warnings.some((w) => w.kind === 'set-aside')).toBe(true);
    m.lock();
  }, 60_000);
});

describe('a PA rewriting an email the Member imported', () => {
  it('R-USE-3 the save is refused in plain words and the Member still sees the email, flags and sender check as imported', async () => {
    const t = await setUp();
    const eml = Buffer.concat([
      Buffer.from(`Authentication-Results: ${COUNCIL}; spf=fail smtp.mailfrom=sam.green@${COUNCIL}; dmarc=fail header.from=${COUNCIL}\r\n`),
      await officerReply({
        authenticated: false,
        from: `Sam Green <sam.green@${COUNCIL}>`,
        to: `cllr.smith@${COUNCIL}`,
        subject: `RE: [${t.ref}]`,
        text: 'Genuine officer text: the answer is NO.',
        messageId: '<m1@x>',
      }),
    ]);
    const { imported } = await t.imp([{ name: 'a.eml', bytes: eml }]);
    const id = imported[0].id as string;
    const member = (await t.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
    const pa = await t.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await t.ok('session:lock');
    await t.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    const raw = t.core.session.requireVault().records;
    const rec = raw.get<Record<string, unknown>>(id)!;
    const doctored = { ...rec.data, text: 'Doctored: the answer is YES, pay invoice.', flags: [], flagNotes: [], senderCheck: 'passed' };
    expect(() => raw.put({ id, tier: 'shared', type: 'correspondence', data: doctored })).toThrow(/does not make this change for a PA/);
    await t.ok('session:lock');
    await t.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS });
    const item = (await t.ok('correspondence:unfiled')).items.find((x: { id: string }) => x.id === id)!;
    expect(item.text).toContain('Genuine officer text: the answer is NO.');
    expect(item.flags).toEqual(['sender-checks']);
    expect(item.importer).toBe('the Member');
  }, 120_000);
});

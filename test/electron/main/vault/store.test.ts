// The record store through the session: saves and deletions survive a reopen, compaction keeps the
// previous generation and loses nothing, and audit events are chained like any save.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../../electron/main/vault/vault';
import { MEMBER_PASS, PA_PASS, TEST_KDF, newVault, sampleRequest } from './support';

describe('vault: records, journal and compaction', () => {
  it('keeps puts and deletes across a reopen', async () => {
    const { dir, session } = await newVault();
    for (let i = 0; i < 20; i++) session.put({ id: `r${i}`, tier: 'shared', type: 'request', data: sampleRequest(i) });
    session.delete('r3');
    session.put({ id: 'r4', tier: 'shared', type: 'request', data: { changed: true } });
    session.lock();
    const again = await Vault.open(dir).unlock(session.user.id, MEMBER_PASS);
    expect(again.list('request')).toHaveLength(19);
    expect(again.get('r3')).toBeUndefined();
    expect(again.get('r4')?.data).toEqual({ changed: true });
  });

  it('compacts into a new generation, keeps the previous one, and loses nothing', async () => {
    const { dir, session } = await newVault({ compaction: { maxJournalFrames: 50, maxJournalRatio: 1, minJournalBytes: 1e12 } });
    for (let i = 0; i < 120; i++)
      session.put({ id: `r${i % 40}`, tier: i % 2 ? 'member' : 'shared', type: 'request', data: sampleRequest(i) });
    session.appendAudit({ recordId: 'r1', action: 'viewed', tier: 'member', detail: { by: 'Member' } });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(
      expect.arrayContaining(['snapshot-000002.bin', 'journal-000002.log', 'snapshot-000001.bin', 'journal-000001.log']),
    );
    expect(files.some((f) => f.endsWith('000000.log'))).toBe(false); // older than the previous generation: removed
    session.lock();
    const again = await Vault.open(dir).unlock(session.user.id, MEMBER_PASS);
    expect(again.list()).toHaveLength(40);
    expect(again.get('r39')?.data).toEqual(sampleRequest(119));
    expect(again.auditTrail('r1').map((e) => e.action)).toEqual(['viewed']);
  });

  it('R-USE-3: keeps audit events in the chained journal, readable only with the tier key', async () => {
    const { dir, session } = await newVault();
    const pa = await session.addUser({ name: 'Pat', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
    session.appendAudit({ recordId: 'm1', action: 'exported', tier: 'member', detail: { to: 'Monitoring Officer' } });
    session.appendAudit({ recordId: 'r1', action: 'viewed', tier: 'shared', detail: { by: 'Member' } });
    expect(session.auditTrail().map((e) => [e.recordId, e.action, e.detail])).toEqual([
      ['m1', 'exported', { to: 'Monitoring Officer' }],
      ['r1', 'viewed', { by: 'Member' }],
    ]);
    session.lock();
    const paSession = await Vault.open(dir).unlock(pa.id, PA_PASS);
    expect(paSession.auditTrail('m1')).toEqual([expect.objectContaining({ action: 'exported', detail: null })]);
  });
});

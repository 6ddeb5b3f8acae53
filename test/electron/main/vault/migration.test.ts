// A vault written by the format-1 code (test/fixtures/vault-v1, made by tools/fixtures/vault-v1.ts
// before authorship existed) opens with today's code and is upgraded without loss.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Vault, memoryCheckpointStore } from '../../../../electron/main/vault';
import { tempDir } from './support';

const MEMBER = 'correct horse battery staple';
const PA = 'violet kettle harbour ninety';
const FIXTURE = path.resolve('test/fixtures/vault-v1');

async function readAll(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

describe('migration from vault format 1', () => {
  it('opens the format-1 fixture, upgrades it at the Member unlock and loses nothing', async () => {
    const dir = path.join(tempDir('migrate'), 'vault');
    cpSync(FIXTURE, dir, { recursive: true });
    expect(JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8')).version).toBe(1);
    const checkpoints = memoryCheckpointStore();
    const users = Vault.open(dir).users();
    const memberId = users.find((u) => u.role === 'member')!.id;
    const paId = users.find((u) => u.role === 'pa')!.id;

    const member = await Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER);
    expect(member.warnings.map((w) => w.kind)).toEqual(['upgraded']);
    expect(
      member
        .list()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['disc-1', 'mat-1', 'req-1', 'req-2', 'req-3', 'req-4']);
    expect(member.get<{ subject: string }>('req-2')!.data.subject).toBe('Confidential: care home');
    expect(member.auditTrail('mat-1').map((e) => e.action)).toEqual(['viewed']);
    const blobId = member.get<{ blobId: string }>('mat-1')!.data.blobId;
    // The old-format file names no owner: it opens only for a record the Member vouches for (under the Member key).
    expect(await readAll(member.attachments.read(blobId, 'mat-1', { ownerless: () => true }))).toBe('pink paper body');
    await expect(readAll(member.attachments.read(blobId, 'mat-1'))).rejects.toThrow(/old format/);
    member.put({ id: 'req-5', tier: 'member', type: 'request', data: { subject: 'After the upgrade' } });
    member.lock();
    const header = JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    expect(header.version).toBe(2);
    expect(typeof header.memberMac).toBe('string');
    expect(header.memberBox.publicKey).toMatch(/^[A-Za-z0-9+/=]+$/);

    // The PA's old slot still opens; they see the shared records only.
    const pa = await Vault.open(dir).unlock(paId, PA);
    expect(
      pa
        .list()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['req-1', 'req-3', 'req-4']);
    pa.put({ id: 'req-6', tier: 'shared', type: 'request', data: { subject: 'PA after the upgrade' } });
    pa.lock();

    // Opened again: no further upgrade, no warning, everything there.
    const again = await Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER);
    expect(again.warnings).toEqual([]);
    expect(again.list()).toHaveLength(8);
    again.lock();
  }, 60_000);
});

// The session over the real vault gateway: unlock warnings reach the session state until
// acknowledged, two unlocks in flight never make two sessions, and only the Member removes a PA.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../../../electron/main/services/events';
import { SessionService } from '../../../../electron/main/services/session-service';
import { FileVaultGateway } from '../../../../electron/main/services/vault-gateway';
import { memoryCheckpointStore } from '../../../../electron/main/vault';
import { MEMBER_PASS, PA_PASS, TEST_KDF } from '../vault/support';
import { MemoryFiles } from '../../support/memory-files';

function session() {
  const files = new MemoryFiles();
  const gateway = new FileVaultGateway({ dataFolder: '/data', kdf: TEST_KDF, checkpoints: memoryCheckpointStore(), fs: files });
  return { gateway, files, session: new SessionService(gateway, new EventHub(), () => 5) };
}

describe('session and vault trust', () => {
  it('carries a rollback warning on the unlocked state until the Member acknowledges it', async () => {
    const { gateway, files, session: s } = session();
    await s.setUp('Cllr Jane Smith', MEMBER_PASS);
    const vault = s.requireVault();
    for (let i = 0; i < 3; i++) vault.records.put({ id: `r${i}`, tier: 'member', type: 'request', data: { i } });
    const memberId = vault.user.id;
    await s.lock('manual');
    const journal = path.join(gateway.dir, 'journal-000000.log');
    const frames = files.readFileSync(journal);
    files.writeFileSync(journal, frames.subarray(0, frames.readUInt32BE(0) + 4)); // keep only the first save
    const state = await s.unlock(memberId, MEMBER_PASS);
    expect(state).toMatchObject({
      state: 'unlocked',
      warnings: [expect.stringMatching(/^2 changes you or your PA saved up to \d\d\/\d\d\/\d{4} are not in this vault/)],
    });
    expect(await s.acknowledgeWarnings()).not.toHaveProperty('warnings');
    await s.lock('manual');
    expect(await s.unlock(memberId, MEMBER_PASS)).not.toHaveProperty('warnings');
    await s.lock('manual');
  }, 60_000);

  it('refuses a second unlock while one is in flight, and only the Member removes a PA', async () => {
    const { session: s } = session();
    await s.setUp('Cllr Jane Smith', MEMBER_PASS);
    const pa = await s.addPa('Pat Assistant', PA_PASS);
    const memberId = s.requireVault().user.id;
    await s.lock('manual');
    const first = s.unlock(pa.id, PA_PASS);
    await expect(s.unlock(memberId, MEMBER_PASS)).rejects.toMatchObject({ code: 'conflict' });
    await first;
    await expect(s.removePa(pa.id)).rejects.toMatchObject({ code: 'forbidden' });
    await s.unlock(memberId, MEMBER_PASS);
    await expect(s.removePa(memberId)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await s.removePa(pa.id)).toEqual({ removed: pa, mustBeAddedAgain: [] });
    expect(s.users().map((u) => u.role)).toEqual(['member']);
    await s.lock('manual');
  }, 60_000);
});

import * as nodeFs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VaultFs } from '../../../../electron/main/vault/fsio';
import { Vault } from '../../../../electron/main/vault/vault';
import { MEMBER_PASS, newVault, sampleRequest, snapshotFolder } from './support';

type Failure = 'ENOSPC' | 'EACCES' | 'EROFS';

/** node:fs with writes failing on demand; `partial` writes half a buffer first, as a full disk can. */
function failingFs(state: { fail: Failure | null; partial?: boolean }): VaultFs {
  const err = (code: Failure) => Object.assign(new Error(`${code}: injected`), { code });
  return {
    ...nodeFs,
    writeSync: ((fd: number, buffer: Buffer, offset?: number, length?: number, position?: number) => {
      if (state.fail) {
        if (state.partial && (length ?? buffer.length) > 1) {
          nodeFs.writeSync(fd, buffer, offset ?? 0, Math.floor((length ?? buffer.length) / 2), position);
          state.partial = false;
        }
        throw err(state.fail);
      }
      return nodeFs.writeSync(fd, buffer, offset, length, position);
    }) as typeof nodeFs.writeSync,
    openSync: ((path: nodeFs.PathLike, flags?: nodeFs.OpenMode, mode?: nodeFs.Mode) => {
      if (state.fail && flags !== 'r') throw err(state.fail);
      return nodeFs.openSync(path, flags ?? 'r', mode);
    }) as typeof nodeFs.openSync,
  };
}

describe('vault I/O failures', () => {
  for (const failure of ['ENOSPC', 'EACCES', 'EROFS'] as const) {
    it(`${failure} on save gives a clear error and leaves the saved state intact`, async () => {
      const state: { fail: Failure | null; partial?: boolean } = { fail: null };
      const { dir, session } = await newVault({ fs: failingFs(state) });
      session.put({ id: 'r1', tier: 'shared', type: 'request', data: sampleRequest(1) });
      const before = snapshotFolder(dir);
      state.fail = failure;
      state.partial = failure === 'ENOSPC';
      expect(() => session.put({ id: 'r2', tier: 'shared', type: 'request', data: sampleRequest(2) })).toThrow(
        expect.objectContaining({ code: 'io', message: expect.stringMatching(/Could not save: .*Nothing already saved was changed/) }),
      );
      expect(snapshotFolder(dir)).toEqual(before); // a partial frame was taken back off
      // When space returns, saving carries on from a clean journal.
      state.fail = null;
      session.put({ id: 'r3', tier: 'shared', type: 'request', data: sampleRequest(3) });
      session.lock();
      const again = await Vault.open(dir).unlock(session.user.id, MEMBER_PASS);
      expect(
        again
          .list()
          .map((r) => r.id)
          .sort(),
      ).toEqual(['r1', 'r3']);
    });
  }

  it('a failed compaction leaves the old generation in place and no temp file', async () => {
    const state: { fail: Failure | null } = { fail: null };
    const { dir, session } = await newVault({ fs: failingFs(state) });
    for (let i = 0; i < 5; i++) session.put({ id: `r${i}`, tier: 'shared', type: 'request', data: sampleRequest(i) });
    const before = snapshotFolder(dir);
    state.fail = 'ENOSPC';
    expect(() => session.compact()).toThrow(/Could not save the compacted snapshot: the disk is full/);
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('a read-only folder at set-up gives a clear error', async () => {
    const state: { fail: Failure | null } = { fail: 'EROFS' };
    const dir = `${nodeFs.mkdtempSync('/tmp/ntk-ro-')}/vault`;
    await expect(
      Vault.create(dir, { name: 'Jane', passphrase: MEMBER_PASS }, { fs: failingFs(state), kdf: { m: 19456, t: 2, p: 1 } }),
    ).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/read-only/) });
    expect(Vault.exists(dir)).toBe(false);
  });
});

// After lock, what a passphrase unlocked leaves behind: the data keys zeroed, the KDF worker (whose
// WebAssembly memory held the passphrase's encoding) ended, no promise or closure still holding the
// key-encryption key, and (as far as a heap snapshot can show) no copy of the passphrase in main's heap.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../../electron/main/vault';
import { deriveKek, kdfLane, newKdfParams, wipe } from '../../../../electron/main/vault/crypto';
import { KeptWorker } from '../../../../electron/main/workers/run';
import { TEST_KDF, keysCleared, tempDir } from '../vault/support';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('after lock', () => {
  it('the keys are zeroed and the KDF worker is ended', async () => {
    const dir = path.join(tempDir('heap'), 'vault');
    const session = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: 'copper meadow lantern ninety' }, { kdf: TEST_KDF });
    const unlocked = await Vault.open(dir).unlock(session.user.id, 'copper meadow lantern ninety');
    expect(kdfLane.running).toBe(true); // kept for a moment for the next derivation...
    session.lock();
    unlocked.lock();
    expect(kdfLane.running).toBe(false); // ...and ended with the session
    expect(keysCleared(unlocked)).toBe(true);
  }, 60_000);

  it('the derived key is the only copy: wiping it zeroes the memory the worker sent', async () => {
    const kek = await deriveKek('copper meadow lantern ninety', newKdfParams(TEST_KDF));
    expect(kek.buffer.byteLength).toBe(32); // not a slice of a bigger pool holding other bytes
    wipe(kek);
    expect(new Uint8Array(kek.buffer).every((b) => b === 0)).toBe(true);
    kdfLane.end();
  }, 60_000);

  it('the kept worker’s queue holds no answer once a job is done', async () => {
    const lane = new KeptWorker('kdf', 50);
    const job = { password: 'a', salt: Buffer.alloc(16, 1), parallelism: 1, iterations: 2, memorySize: 19 * 1024, hashLength: 32 };
    const key = await lane.run<Uint8Array>(job);
    expect(key).toHaveLength(32);
    expect(await (lane as unknown as { queue: Promise<unknown> }).queue).toBeUndefined();
    lane.end();
  }, 60_000);

  it('no copy of the passphrase is left in main’s heap', async () => {
    // The passphrase is only ever a string inside open(); the test keeps its unique part as bytes, never as a string.
    const marker = Buffer.from(randomBytes(12).toString('hex'), 'latin1');
    const dir = path.join(tempDir('heap-pass'), 'vault');
    const open = async () => {
      const passphrase = `${marker.toString('latin1')} copper meadow lantern`;
      const s = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase }, { kdf: TEST_KDF });
      const again = await Vault.open(dir).unlock(s.user.id, passphrase);
      s.lock();
      again.lock();
    };
    await open();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    gc();
    const file = v8.writeHeapSnapshot(path.join(tempDir('heap-snap'), 'after-lock.heapsnapshot'));
    try {
      expect(readFileSync(file).includes(marker)).toBe(false);
    } finally {
      rmSync(file, { force: true });
    }
  }, 120_000);
});

describe('after lock, through the app', () => {
  it('no copy of the passphrase the page sent is left in main’s heap', async () => {
    const { coreBehindIpc } = await import('../../support/core');
    const marker = Buffer.from(randomBytes(12).toString('hex'), 'latin1');
    const ctx = coreBehindIpc();
    const signIn = async () => {
      const passphrase = `${marker.toString('latin1')} copper meadow lantern`;
      await ctx.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase });
      const userId = ctx.core.session.requireVault().user.id;
      await ctx.ok('session:lock');
      await ctx.ok('session:unlock', { userId, passphrase });
      await ctx.ok('session:lock');
    };
    await signIn();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    gc();
    const file = v8.writeHeapSnapshot(path.join(tempDir('heap-snap-core'), 'after-lock.heapsnapshot'));
    try {
      expect(readFileSync(file).includes(marker)).toBe(false);
    } finally {
      rmSync(file, { force: true });
    }
    ctx.core.dispose();
  }, 120_000);
});

// Argon2id runs in a worker thread: main's event loop keeps ticking during a heavy derivation,
// and the worker's key is byte-for-byte the in-thread reference (known answer).
import { describe, expect, it } from 'vitest';
import { deriveKek, deriveKekInThread, type KdfParams } from '../../../../electron/main/vault/crypto';
import { KeptWorker, WorkerFailure } from '../../../../electron/main/workers/run';

const params = (m: number, t: number): KdfParams => ({
  alg: 'argon2id',
  m,
  t,
  p: 1,
  salt: Buffer.from('0123456789abcdef').toString('base64'),
});

describe('Argon2id in a worker thread', { timeout: 60_000 }, () => {
  it('gives the same key as the in-thread reference, byte for byte', async () => {
    const p = params(19 * 1024, 2);
    const [inWorker, inThread] = await Promise.all([
      deriveKek('correct horse battery staple', p),
      deriveKekInThread('correct horse battery staple', p),
    ]);
    expect(inWorker.equals(inThread)).toBe(true);
    expect(inWorker).toHaveLength(32);
    // A different passphrase gives a different key (the worker really derives).
    expect((await deriveKek('correct horse battery stapler', p)).equals(inWorker)).toBe(false);
  });

  it('keeps main responsive: a 20 ms interval keeps ticking during a heavy derivation', async () => {
    // t=6: at t=3 a quiet machine derived in 290 ms, under the 300 ms this test needs to mean anything.
    const heavy = params(64 * 1024, 6);
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 20);
    const started = Date.now();
    try {
      await deriveKek('a heavy derivation', heavy);
    } finally {
      clearInterval(timer);
    }
    const took = Date.now() - started;
    expect(took).toBeGreaterThan(300); // heavy enough to matter
    // On main's thread the interval would not fire at all until the derivation ended.
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    const longestGap = Math.max(...ticks.slice(1).map((t, i) => t - ticks[i]!));
    expect(longestGap).toBeLessThan(250);
  }, 30_000);

  it('the in-thread reference does block main (so the test above can fail)', async () => {
    // t=6: at t=3 a quiet machine derived in 290 ms, under the 300 ms this test needs to mean anything.
    const heavy = params(64 * 1024, 6);
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 20);
    const started = Date.now();
    await deriveKekInThread('a heavy derivation', heavy);
    const took = Date.now() - started;
    clearInterval(timer);
    expect(took).toBeGreaterThan(300);
    expect(ticks.length).toBeLessThan(3);
  }, 30_000);

  it('refuses out-of-range settings before any worker starts', async () => {
    await expect(deriveKek('x', { ...params(4 * 1024 * 1024, 3) })).rejects.toMatchObject({ code: 'cannot-open' });
  });
});

describe('the kept KDF worker', { timeout: 60_000 }, () => {
  it('answers jobs sent together one after another, each with its own key, and starts afresh after being ended', async () => {
    const lane = new KeptWorker('kdf', 50);
    const job = (password: string) => ({
      password,
      salt: Buffer.from('0123456789abcdef'),
      parallelism: 1,
      iterations: 2,
      memorySize: 19 * 1024,
      hashLength: 32,
    });
    const [a, b] = await Promise.all([lane.run<Uint8Array>(job('first')), lane.run<Uint8Array>(job('second'))]);
    const p = params(19 * 1024, 2);
    expect(Buffer.from(a).equals(await deriveKekInThread('first', p))).toBe(true);
    expect(Buffer.from(b).equals(await deriveKekInThread('second', p))).toBe(true);
    lane.end();
    expect(Buffer.from(await lane.run<Uint8Array>(job('first'))).equals(Buffer.from(a))).toBe(true);
    lane.end();
  });

  it('a job the worker cannot do is refused, and the next job still gets its answer', async () => {
    const lane = new KeptWorker('kdf', 50);
    await expect(
      lane.run({ password: 'x', salt: new Uint8Array(2), parallelism: 1, iterations: 2, memorySize: 19 * 1024, hashLength: 32 }),
    ).rejects.toBeInstanceOf(WorkerFailure);
    const key = await lane.run<Uint8Array>({
      password: 'x',
      salt: Buffer.from('0123456789abcdef'),
      parallelism: 1,
      iterations: 2,
      memorySize: 19 * 1024,
      hashLength: 32,
    });
    expect(key).toHaveLength(32);
    lane.end();
  });
});

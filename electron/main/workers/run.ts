// Runs one job in a fresh worker thread (node:worker_threads), so heavy or hostile work (Argon2id,
// parsing an email or a calendar) never blocks main's event loop, and can be stopped: a job past its
// time limit has its worker terminated, which stops even a loop that never yields, and a job past
// its memory limits ends its worker alone.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { WORKER_ENTRIES, type WorkerName } from './entries';
import type { WorkerReply } from './serve';

/** Set by tools/build.ts in the main bundle: each worker's bundled code. Undefined from TS sources. */
declare const __NTK_WORKER_SOURCES__: Record<WorkerName, string> | undefined;

const devSources = new Map<WorkerName, string>();

/** The worker's code as one script: from the bundle, or (TS sources: tests, harness) bundled now with esbuild. */
export function workerSource(name: WorkerName): string {
  if (typeof __NTK_WORKER_SOURCES__ !== 'undefined') return __NTK_WORKER_SOURCES__[name];
  const cached = devSources.get(name);
  if (cached) return cached;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  // esbuild is a build tool, present wherever the TS sources run; never reached in the built app.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [path.join(root, WORKER_ENTRIES[name])],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.text;
  devSources.set(name, code);
  return code;
}

/** Raised when a job runs past its time limit; its worker has been terminated. */
export class WorkerTimeout extends Error {
  override readonly name = 'WorkerTimeout';
}

/** An error a worker reported, with the worker's own error name (e.g. MessageRefused) kept. */
export class WorkerFailure extends Error {
  constructor(
    readonly workerErrorName: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/**
 * The heap and stack a job on hostile input may use. Past them V8 ends that worker alone (its
 * 'error' is ERR_WORKER_OUT_OF_MEMORY), where an unbounded worker's out-of-memory aborts the
 * whole process, main included. 512 MB old space holds a 50 MB email's text and parts several
 * times over; buffers (attachments) live outside the heap and are bounded by the parsers' limits.
 * A second line only: one array grown past the limit still aborts the process (Node 20 exits 134),
 * so each parser bounds its own growth first (mail/rtf.ts, mail/cfb.ts, the calendar caps).
 */
export const HOSTILE_INPUT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

/** The code Node gives a worker ended for running out of its heap. */
export const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/** Raised when a job's signal is aborted (the app locked); its worker has been terminated. */
export class WorkerCancelled extends Error {
  override readonly name = 'WorkerCancelled';
}

export interface RunOptions {
  /** The worker's heap and stack limits; HOSTILE_INPUT_LIMITS unless given. */
  resourceLimits?: ResourceLimits;
  /** Terminate the worker and reject with WorkerTimeout after this long. */
  timeLimitMs?: number;
  /** Buffers to move (not copy) into the worker. */
  transfer?: ArrayBuffer[];
  /** Code to run instead of the named entry (tests inject a slow or failing worker). */
  source?: string;
  /** Terminate the worker and reject with WorkerCancelled when this is aborted (a lock stops an import). */
  signal?: AbortSignal;
}

/** Posts `input` to a new worker running `name`, resolves with its reply and always ends the worker. */
export function runInWorker<T>(name: WorkerName, input: unknown, options: RunOptions = {}): Promise<T> {
  const worker = new Worker(options.source ?? workerSource(name), {
    eval: true,
    resourceLimits: options.resourceLimits ?? HOSTILE_INPUT_LIMITS,
  });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const cancel = () => finish(() => reject(new WorkerCancelled(`the ${name} worker was stopped`)));
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      fn();
    };
    const timer = options.timeLimitMs
      ? setTimeout(
          () => finish(() => reject(new WorkerTimeout(`the ${name} worker ran past ${options.timeLimitMs} ms`))),
          options.timeLimitMs,
        )
      : undefined;
    worker.once('message', (reply: WorkerReply<T>) =>
      finish(() => (reply.ok ? resolve(reply.value) : reject(new WorkerFailure(reply.error.name, reply.error.message, reply.error.code)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => reject(new WorkerFailure(error.name, error.message, error.code))),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new WorkerFailure('Exit', `the ${name} worker stopped (exit code ${code}) before it answered`))),
    );
    if (options.signal?.aborted) return cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.postMessage(input, options.transfer ?? []);
  });
}

/**
 * One worker kept for a run of jobs of the same kind, then ended once idle. For the KDF only:
 * starting a worker and compiling Argon2id's WebAssembly costs about 100 ms, paid again for every
 * passphrase checked (unlock, adding a PA, changing a passphrase) if each got a fresh worker. Jobs
 * run one at a time; the worker is ended `idleMs` after the last one, so the WebAssembly memory it
 * holds (64 MiB at the default cost) and any trace of a passphrase go with it. Jobs here are
 * trusted input (our own KDF parameters), so no time limit: hostile input goes through runInWorker.
 */
export class KeptWorker {
  private worker: Worker | null = null;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly name: WorkerName,
    private readonly idleMs = 2_000,
  ) {}

  run<T>(input: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    const job = this.queue.then(() => this.runOne<T>(input, transfer));
    // The queue keeps only "done", never the job's answer: a key derived here must not stay reachable.
    this.queue = job.then(
      () => undefined,
      () => undefined,
    );
    return job;
  }

  private runOne<T>(input: unknown, transfer: ArrayBuffer[]): Promise<T> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= new Worker(workerSource(this.name), { eval: true }));
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      const done = (fn: () => void, broken: boolean) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (broken) {
          this.worker = null;
          void worker.terminate();
        } else {
          // An idle worker must not keep the process alive, and is ended soon after.
          worker.unref();
          this.idle = setTimeout(() => this.end(), this.idleMs);
          this.idle.unref?.();
        }
        fn();
      };
      const onMessage = (reply: WorkerReply<T>) =>
        done(
          () => (reply.ok ? resolve(reply.value) : reject(new WorkerFailure(reply.error.name, reply.error.message, reply.error.code))),
          false,
        );
      const onError = (error: Error) => done(() => reject(new WorkerFailure(error.name, error.message)), true);
      const onExit = (code: number) =>
        done(() => reject(new WorkerFailure('Exit', `the ${this.name} worker stopped (exit code ${code}) before it answered`)), true);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(input, transfer);
    });
  }

  /** Whether a worker is running now (busy, or idle until it is ended). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Ends the worker now (also on lock and quit); the next job starts a fresh one. */
  end(): void {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
  }
}

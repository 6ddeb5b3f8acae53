// Runs one job in a fresh worker thread (node:worker_threads), so heavy or hostile work (Argon2id,
// parsing an email) never blocks main's event loop, and can be stopped: a job past its time limit
// has its worker terminated, which stops even a loop that never yields.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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

export interface RunOptions {
  /** Terminate the worker and reject with WorkerTimeout after this long. */
  timeLimitMs?: number;
  /** Buffers to move (not copy) into the worker. */
  transfer?: ArrayBuffer[];
  /** Code to run instead of the named entry (tests inject a slow or failing worker). */
  source?: string;
}

/** Posts `input` to a new worker running `name`, resolves with its reply and always ends the worker. */
export function runInWorker<T>(name: WorkerName, input: unknown, options: RunOptions = {}): Promise<T> {
  const worker = new Worker(options.source ?? workerSource(name), { eval: true });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
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
    worker.once('error', (error) => finish(() => reject(new WorkerFailure(error.name, error.message))));
    worker.once('exit', (code) =>
      finish(() => reject(new WorkerFailure('Exit', `the ${name} worker stopped (exit code ${code}) before it answered`))),
    );
    worker.postMessage(input, options.transfer ?? []);
  });
}

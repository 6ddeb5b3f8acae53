// Worker thread entry: Argon2id (hash-wasm) off main's event loop, so the window and IPC stay
// responsive while a passphrase is checked. Bundled on its own (workers/entries.ts).
import { parentPort } from 'node:worker_threads';
import { argon2id } from 'hash-wasm';
import { serveWorker } from '../workers/serve';

export interface KdfJob {
  password: string;
  salt: Uint8Array;
  parallelism: number;
  iterations: number;
  memorySize: number;
  hashLength: number;
}

if (parentPort) {
  serveWorker<KdfJob, Uint8Array>(parentPort, async (job) => {
    const value = await argon2id({ ...job, outputType: 'binary' });
    return { value, transfer: [value.buffer as ArrayBuffer] };
  });
}

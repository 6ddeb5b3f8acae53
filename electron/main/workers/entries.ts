// The worker threads main runs, by name: each entry is bundled into one self-contained script.
// tools/build.ts bundles them into the main bundle as strings (so a worker never loads a file from
// the app's archive, and the package needs no node_modules); from TS sources they are bundled on
// first use. Paths are relative to the repository root.
export const WORKER_ENTRIES = {
  kdf: 'electron/main/vault/kdf-worker.ts',
  parse: 'electron/main/mail/parse-worker.ts',
  calendar: 'electron/main/calendar/calendar-worker.ts',
} as const;

export type WorkerName = keyof typeof WORKER_ENTRIES;

import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const electronMock = fileURLToPath(new URL('./test/mocks/electron.ts', import.meta.url));

/**
 * Long tests (SIGKILL crash injection, tamper matrices, the 200 MB attachment: anything over ~5 s)
 * are named *.stress.test.ts and run by `npm run test:stress` (vitest.stress.config.ts), so the
 * everyday `npm test` stays under a minute on a 2-core laptop. CI runs both.
 */
export const STRESS = '**/*.stress.test.{ts,tsx}';

/** The attack suites run by `npm run test:attacks` (vitest.attacks.config.ts): minutes of real attacks, so not in `npm test`. */
export const ATTACKS = 'test/electron/main/attacks/**/*.test.ts';

/** shared/, electron/ and tools/ code: Node, with `electron` replaced by the one mock. */
export const nodeProject = (include: string[], exclude: string[] = []) => ({
  resolve: { alias: { electron: electronMock } },
  test: {
    name: 'node',
    environment: 'node' as const,
    include,
    exclude: ['**/node_modules/**', ...exclude],
    // electron-store is ESM and imports `electron`: inline it so the alias applies.
    server: { deps: { inline: ['electron-store'] } },
    testTimeout: 30_000,
    // The main-process code is built by injection (createCore, no module-level state, no vi.mock),
    // so files in one worker can share one module graph: importing the core once per worker
    // instead of once per file saves about 2.5 s a file.
    isolate: false,
  },
});

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, which is one on a 2-core laptop: the
    // files then run one after another. Much of a file's time here is waiting on Argon2id and
    // crypto in worker threads (and, in the vault's own tests, on fsync: service tests run the vault
    // on an in-memory file layer, test/electron/support/memory-files.ts), so three workers on two
    // cores measured fastest (npm test 114 s with one, 90 s with two, 76 s with three, 89 s with four).
    maxWorkers: 3,
    projects: [
      nodeProject(['test/shared/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/tools/**/*.test.ts'], [STRESS, ATTACKS]),
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', STRESS],
          setupFiles: ['test/renderer/setup.ts'],
          // One jsdom per worker instead of one per file (setup.ts cleans the DOM and the fake API after each test).
          isolate: false,
          // jsdom screens with user-event exceed Vitest's 5 s default on a busy 2-core machine.
          testTimeout: 15_000,
        },
      },
    ],
  },
});

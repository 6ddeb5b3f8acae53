import { defineConfig } from 'vitest/config';

// Browser tests: the built renderer in Debian's Chromium, driven by playwright-core, against the
// dev-only harness running the real main-process core. One file at a time: one browser each.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

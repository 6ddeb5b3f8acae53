// `npm run test:stress`: the long tests excluded from `npm test` (see STRESS in vitest.config.ts).
// One file at a time, so the crash children and the 200 MB stream do not fight each other for
// the two cores and trip their own timeouts.
import { defineConfig } from 'vitest/config';
import { nodeProject } from './vitest.config.ts';

export default defineConfig({
  test: {
    // Each file in a fresh process: the memory test measures the process's own growth, which what earlier
    // files left behind (the attack matrix, the crash children's buffers) would blur.
    projects: [
      { ...nodeProject(['test/**/*.stress.test.ts']), test: { ...nodeProject(['test/**/*.stress.test.ts']).test, isolate: true } },
    ],
    fileParallelism: false,
  },
});

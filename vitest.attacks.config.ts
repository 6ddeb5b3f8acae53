// `npm run test:attacks`: the attack suites (test/electron/main/attacks/), each attack done for real
// with many variants (the PA at file level with its real keys, a hostile page calling every channel in
// every meeting mode). They take minutes, not seconds, so the everyday `npm test` leaves them out and
// CI runs them as a step of their own (.ci/run).
import { defineConfig } from 'vitest/config';
import { ATTACKS, STRESS, nodeProject } from './vitest.config.ts';

export default defineConfig({
  test: {
    // As `npm test`: three workers on two cores (much of the time is Argon2id and crypto in worker threads).
    maxWorkers: 3,
    projects: [nodeProject([ATTACKS], [STRESS])],
  },
});

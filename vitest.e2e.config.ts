import { defineConfig } from 'vitest/config';

// Real-browser tests (`npm run test:browser`): Debian's chromium through playwright-core, against a site that
// the global setup builds once from demo data with the real CLI.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One chromium at a time: the machine has two cores.
    fileParallelism: false,
  },
});

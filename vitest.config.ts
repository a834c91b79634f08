import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Guards against hangs only (speed is measured by benchmarks): generous, because CI may share two cores.
    // Hooks build real caches too, so they get the same allowance.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

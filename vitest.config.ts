import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    // Hooks build real caches too; on a shared 2-core machine 10 s (the default) is not enough.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

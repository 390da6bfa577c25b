import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/worker runs inside workerd: vitest.workers.config.ts.
    exclude: ['test/worker/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});

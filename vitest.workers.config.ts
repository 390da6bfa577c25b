import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/** The Worker's tests run inside workerd (local, offline), against wrangler.toml's entry. */
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  test: {
    include: ['test/worker/**/*.test.ts'],
    testTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';
import { NODE_ALLOCATOR_ENV } from './src/runtime/node/process-settings.ts';

// Test processes are forked from this one after the config loads, so they start with the
// allocator settings `npm start` runs with (glibc reads its tunables at exec): cards drawn in
// tests cost what they cost in the server (half, on machines whose page faults are dear).
Object.assign(process.env, NODE_ALLOCATOR_ENV);

/**
 * The suite in projects, so the inner loop is fast: `npx vitest --project unit` (pure logic, no
 * rasterizer, no child process, no browser, no pass over the whole corpus) while `vitest run`
 * runs every project below.
 * The Worker's tests run inside workerd under their own config (vitest.workers.config.ts, project
 * `worker`, `npm run test:worker`): its pool cannot share a root with Node's.
 *
 * Every test file belongs to exactly one project: `unit` is whatever the others do not claim, so a
 * new file is never silently left out (move it out of `unit` when it renders, spawns, reads the
 * whole corpus or loads).
 */
const PROJECTS = {
  /** Draws cards through Satori and resvg: goldens, every layout, the byline raster, QR decoding,
   * and the routes that answer with PNGs (cards, daily, drafts). */
  render: [
    'test/card/golden.test.ts',
    'test/card/layout-all.test.ts',
    'test/card/byline-raster.test.ts',
    'test/card/qr.test.ts',
    'test/card/engine-factory.test.ts',
    'test/card/tree.test.ts',
    'test/http/cards.test.ts',
    'test/http/daily.test.ts',
    'test/http/drafts.test.ts',
    'test/http/node-server.test.ts',
  ],
  /**
   * Reads every source in quotes/sources/: the catalog and alias rebuilds (and their determinism),
   * repairs and attribution measured over the whole corpus.
   */
  corpus: [
    'test/quotes/catalog.test.ts',
    'test/quotes/aliases.test.ts',
    'test/corpus/meta.test.ts',
    'test/corpus/attribution-accuracy.test.ts',
    'test/corpus/normalize/gbk-mojibake.test.ts',
    'test/corpus/normalize/text-residue.test.ts',
    'test/text/opencc.test.ts',
  ],
  /**
   * Spawns processes: the CLI, the local server (and its start-up, test/node-startup.test.ts from
   * issue 15), the Worker bundle build, the machine preflight.
   */
  cli: ['test/cli*.test.ts', 'test/node-startup.test.ts', 'test/worker-bundle.test.ts'],
  /** Drives Chromium (playwright-core) against the running app. */
  browser: ['test/browser/**/*.test.ts'],
  /**
   * The robustness suite: load, bursts, the watchdog, fuzzing, authenticity, faults and the desk.
   * `npm test` runs its small sizes; `npm run test:hardening` the full ones (LOAD_SECONDS, …).
   * Timing-sensitive (2 s watchdog limit, 250 mixed requests), so it runs after the other
   * projects have finished rather than beside them.
   */
  hardening: [
    'test/hardening/**/*.test.ts',
    'test/http/fuzz.test.ts',
    'test/http/desk-fuzz.test.ts',
    'test/http/authenticity.test.ts',
    'test/http/faults.test.ts',
    'test/http/editor.test.ts',
  ],
};
const claimed = Object.values(PROJECTS).flat();
/**
 * CI runs `npm test` and then `npm run test:hardening`, whose sizes include the small ones: with
 * YULU_SKIP_SMALL_HARDENING=1 (.ci/run) `npm test` leaves the hardening project to that second
 * command instead of running it twice (about 2 minutes of the 20 CI allows).
 */
const projects = Object.entries(PROJECTS).filter(
  ([name]) => !(name === 'hardening' && process.env.YULU_SKIP_SMALL_HARDENING === '1'),
);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // beforeAll hooks that read the whole corpus or load fonts get a test's time, not Vitest's 10 s.
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          maxWorkers: 2,
          include: ['test/**/*.test.ts'],
          // test/worker runs inside workerd: vitest.workers.config.ts.
          exclude: ['test/worker/**', 'node_modules/**', ...claimed],
        },
      },
      ...projects.map(([name, include]) => ({
        extends: true as const,
        test: {
          name,
          include,
          sequence: { groupOrder: name === 'hardening' ? 1 : 0 },
          // Two files at a time on the 2-core machines we run on (Vitest's default leaves one core
          // idle; the suite took 557 s with one worker), the timing-sensitive hardening one at a time.
          maxWorkers: name === 'hardening' ? 1 : 2,
        },
      })),
    ],
  },
});

/**
 * The Worker as it runs in workerd: `wrangler dev` in local mode (offline, telemetry off) on a
 * free loopback port, then card requests over HTTP — the first of the isolate (fonts fetched from
 * the assets binding and parsed), distinct uncached OG cards one at a time, and a cached one.
 * `npm run bench:worker`; prints a JSON line and a short summary.
 */
import { execFileSync, spawn } from 'node:child_process';
import { loadArtifacts } from '../src/runtime/node/artifacts.ts';
import { freePort } from '../test/support/free-port.ts';
import { ROOT } from './cards.ts';
import { quantile } from './stats.ts';

const CARDS = 31;

async function timedFetch(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
};
// The desk's tables exist before the first request (card routes look up errata).
execFileSync(
  `${ROOT}node_modules/.bin/wrangler`,
  ['d1', 'migrations', 'apply', 'yulu-editorial', '--local'],
  { cwd: ROOT, env, stdio: 'ignore' },
);
const started = performance.now();
const child = spawn(
  `${ROOT}node_modules/.bin/wrangler`,
  ['dev', '--port', String(port), '--ip', '127.0.0.1', '--log-level', 'error'],
  { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] },
);
try {
  for (;;) {
    if (performance.now() - started > 60_000) throw new Error('wrangler dev did not start in 60 s');
    try {
      if ((await fetch(`${origin}/api/sources`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const ready = performance.now() - started;
  const { catalog } = loadArtifacts();
  const ids = catalog.quotes.map((q) => q.id);
  const card = (id: string) => `${origin}/cards/${id}.png?size=og&theme=paper&script=hans`;
  const first = await timedFetch(card(ids[0]!));
  const uncached: number[] = [];
  for (let i = 1; i <= CARDS; i++) uncached.push(await timedFetch(card(ids[i * 7]!)));
  const cached: number[] = [];
  for (let i = 0; i < 20; i++) cached.push(await timedFetch(card(ids[0]!)));
  const result = {
    readyMs: ready,
    firstCardMs: first,
    uncached: { cards: CARDS, p50: quantile(uncached, 0.5), p90: quantile(uncached, 0.9) },
    cachedP50: quantile(cached, 0.5),
  };
  console.log(JSON.stringify(result));
  console.log(
    `wrangler dev: ready in ${Math.round(ready)} ms; first card of the isolate ${Math.round(first)} ms; ` +
      `uncached OG p50 ${result.uncached.p50.toFixed(1)} ms, p90 ${result.uncached.p90.toFixed(1)} ms ` +
      `over ${CARDS} distinct quotes; cached p50 ${result.cachedP50.toFixed(1)} ms`,
  );
} finally {
  child.kill('SIGTERM');
}

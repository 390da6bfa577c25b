/**
 * `npm run build:worker`: builds the Worker with `wrangler deploy --dry-run` (no account, no
 * network) into dist/worker and checks it: no Node-only module may be pulled in, and the upload
 * must stay within the budget below (Cloudflare's free plan allows 3 MB compressed).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET = { gzipBytes: 2.5 * 1024 * 1024, rawBytes: 9 * 1024 * 1024 };
const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'dist/worker');

execFileSync(join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', OUT], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_HIDE_BANNER: 'true',
  },
});

const files = readdirSync(OUT).filter((f) => f.endsWith('.js') || f.endsWith('.wasm'));
let raw = 0;
let gzip = 0;
for (const file of files) {
  const bytes = readFileSync(join(OUT, file));
  raw += statSync(join(OUT, file)).size;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const code = readFileSync(join(OUT, 'index.js'), 'utf8');
const nodeImports = [
  ...new Set(
    code.match(
      /(?:from\s*|require\()\s*["'](node:[a-z_/]+|fs|path|child_process|zlib|crypto)["']/g,
    ) ?? [],
  ),
];

const report = {
  files,
  rawBytes: raw,
  gzipBytes: gzip,
  budget: BUDGET,
  nodeImports,
};
console.log(JSON.stringify(report, null, 2));
const problems: string[] = [];
if (nodeImports.length)
  problems.push(`the bundle imports Node-only modules: ${nodeImports.join(', ')}`);
if (gzip > BUDGET.gzipBytes)
  problems.push(`gzip size ${gzip} exceeds the budget of ${BUDGET.gzipBytes}`);
if (raw > BUDGET.rawBytes)
  problems.push(`raw size ${raw} exceeds the budget of ${BUDGET.rawBytes}`);
if (problems.length) {
  console.error(`worker bundle check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `worker bundle OK: ${(raw / 1024 / 1024).toFixed(2)} MiB raw, ${(gzip / 1024 / 1024).toFixed(2)} MiB gzip (budget ${(BUDGET.gzipBytes / 1024 / 1024).toFixed(1)} MiB gzip)`,
);

/**
 * Bytes that ship: Yulu's Worker bundle (built and checked by scripts/check-worker.ts, the same
 * as `npm run build:worker`), the fonts, and what the peers ship for comparison.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { paperHansFonts, ROOT } from './cards.ts';

export interface Footprint {
  name: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export interface Bytes {
  worker: (Footprint & { ok: boolean; budgetGzipBytes: number | null }) | { error: string };
  fonts: { allFiles: number; allBytes: number; paperHansFiles: string[]; paperHansBytes: number };
  peers: Footprint[];
}

function footprint(name: string, paths: string[]): Footprint {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const path of paths) {
    const bytes = readFileSync(path);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { name, files: paths.map((p) => p.replace(ROOT, '')), rawBytes, gzipBytes };
}

/** Runs scripts/check-worker.ts (wrangler deploy --dry-run into dist/worker) and reads its report. */
function workerBundle(): Bytes['worker'] {
  let out: string;
  let ok = true;
  try {
    out = execFileSync(`${ROOT}node_modules/.bin/tsx`, [`${ROOT}scripts/check-worker.ts`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? '');
    ok = false;
  }
  const start = out.indexOf('{');
  const end = out.lastIndexOf('}');
  if (start < 0 || end < start) return { error: `scripts/check-worker.ts printed no report` };
  const report = JSON.parse(out.slice(start, end + 1)) as {
    files: string[];
    rawBytes: number;
    gzipBytes: number;
    budget?: { gzipBytes: number };
  };
  return {
    name: 'Yulu Worker bundle (dist/worker)',
    files: report.files,
    rawBytes: report.rawBytes,
    gzipBytes: report.gzipBytes,
    ok,
    budgetGzipBytes: report.budget?.gzipBytes ?? null,
  };
}

export function measureBytes(): Bytes {
  const require = createRequire(import.meta.url);
  const fontFiles = readdirSync(join(ROOT, 'fonts')).filter((f) => /\.(otf|ttf)$/.test(f));
  const paperHans = paperHansFonts();
  const vercel = dirname(require.resolve('@vercel/og'));
  // Native bindings are per platform: measured where this machine has them (linux x64 glibc).
  const binding = (name: string, pkg: string, file: string): Footprint[] => {
    try {
      return [footprint(name, [require.resolve(`${pkg}/${file}`)])];
    } catch {
      return [];
    }
  };
  return {
    worker: workerBundle(),
    fonts: {
      allFiles: fontFiles.length,
      allBytes: fontFiles.reduce((n, f) => n + statSync(join(ROOT, 'fonts', f)).size, 0),
      paperHansFiles: paperHans.map((f) => f.file),
      paperHansBytes: paperHans.reduce((n, f) => n + f.bytes.length, 0),
    },
    peers: [
      footprint(
        '@vercel/og edge build (index.edge.js + resvg.wasm + yoga.wasm)',
        ['index.edge.js', 'resvg.wasm', 'yoga.wasm'].map((f) => join(vercel, f)),
      ),
      ...binding(
        '@takumi-rs/core native binding (linux-x64-gnu)',
        '@takumi-rs/core-linux-x64-gnu',
        'core.linux-x64-gnu.node',
      ),
      ...binding(
        '@resvg/resvg-js native binding (linux-x64-gnu): Yulu on Node',
        '@resvg/resvg-js-linux-x64-gnu',
        'resvgjs.linux-x64-gnu.node',
      ),
    ],
  };
}

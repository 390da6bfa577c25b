// The Node server as `npm start` runs it: src/runtime/node/main.ts and its render thread bundled
// by esbuild into dist/server/node/ (packages stay in node_modules), so the process runs plain
// JavaScript. Through tsx's loader the same server held ~120 MiB more at rest (a loader in the
// main thread and in every render thread: 401 against 281 MiB, 2026-12-01), which the render
// pool's memory bound (issue 15: ≤ 600 MiB under attack) cannot spare. Takes ~0.2 s.
//
// Plain JavaScript so that it runs before anything is built. The output sits three levels below
// the root, as the sources do, so their `new URL('../../../fonts/', import.meta.url)` paths hold.
// Each file is written under a temporary name and renamed: test files that build at the same
// time never read half a file (the bundles are deterministic, so any writer's copy is the same).
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SERVER_DIR = join(ROOT, 'dist/server/node');
export const SERVER_MAIN = join(SERVER_DIR, 'main.mjs');

/** Bundles the server; returns the path of its entry. */
export async function buildServer() {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/runtime/node/main.ts', 'src/runtime/node/render-worker.ts'],
    outdir: SERVER_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  const files = [
    ...result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })),
    {
      // render-pool.ts starts threads from ./render-thread.mjs beside it: in the sources that
      // file registers tsx first; bundled, the worker is JavaScript already.
      path: join(SERVER_DIR, 'render-thread.mjs'),
      contents:
        "const { renderInThread } = await import('./render-worker.mjs');\nexport default renderInThread;\n",
    },
  ];
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return SERVER_MAIN;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();

/**
 * `npm run bench`: measures Yulu's card rendering on this machine and writes
 * bench/results/latest.json and latest.md. No network; everything runs locally.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { CardSpec } from '../src/card/engine.ts';
import { kib, median, mib, ms, quantile } from './stats.ts';
import { quotesOfLength, yuluNode } from './yulu-node.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PER_CASE = Number(process.env.BENCH_QUOTES ?? 30);

const yulu = await yuluNode();
const rows: Record<string, unknown>[] = [];
const lines: string[] = [];

// Warm-up: fonts parsed, Satori and resvg initialised, JIT warm.
for (const q of yulu.library.quotes.slice(0, 5))
  await yulu.render(q, { size: 'og', theme: 'paper', script: 'hans', scale: 1 });

for (const size of ['og', 'portrait'] as const) {
  for (const length of ['short', 'medium', 'long'] as const) {
    const spec: CardSpec = { size, theme: 'paper', script: 'hans', scale: 1 };
    const quotes = quotesOfLength(yulu.library.quotes, length, PER_CASE);
    const runs = [];
    for (const q of quotes) runs.push(await yulu.render(q, spec));
    const total = runs.map((r) => r.total);
    const row = {
      case: `${size} ${length}`,
      quotes: quotes.length,
      median: median(total),
      p95: quantile(total, 0.95),
      layout: median(runs.map((r) => r.layout)),
      raster: median(runs.map((r) => r.raster)),
      encode: median(runs.map((r) => r.encode)),
      pngBytes: median(runs.map((r) => r.png.length)),
      cardsPerSecond: 1000 / median(total),
    };
    rows.push(row);
    console.log(
      `${row.case.padEnd(16)} median ${ms(row.median)}  p95 ${ms(row.p95)}  (layout ${ms(row.layout)}, raster ${ms(row.raster)}, encode ${ms(row.encode)})  PNG ${kib(row.pngBytes)}`,
    );
  }
}

const tsx = join(ROOT, 'node_modules/.bin/tsx');
const child = (args: string[]) =>
  JSON.parse(
    execFileSync(tsx, [join(ROOT, 'bench/yulu-node.ts'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '--expose-gc' },
    })
      .trim()
      .split('\n')
      .at(-1)!,
  );
const colds = [0, 1, 2].map(
  (i) => child(['cold', String(i * 50)]) as { startup: number; firstRender: number; total: number },
);
const cold = {
  startup: median(colds.map((c) => c.startup)),
  firstRender: median(colds.map((c) => c.firstRender)),
  processToFirstCard: median(colds.map((c) => c.total)),
};
console.log(`cold: startup ${ms(cold.startup)}, first render ${ms(cold.firstRender)}`);
const memory = child(['memory', '1000']) as { rss: Record<string, number>; peak: number };
const growth = memory.rss['1000']! / memory.rss['100']! - 1;
console.log(
  `memory: RSS after 100 ${mib(memory.rss['100']!)}, after 200 ${mib(memory.rss['200']!)}, after 1000 ${mib(memory.rss['1000']!)} (${(growth * 100).toFixed(1)}%), peak ${mib(memory.peak)}`,
);

const fontBytes = readdirSync(join(ROOT, 'fonts'))
  .filter((f) => f.endsWith('.otf') || f.endsWith('.ttf'))
  .reduce((n, f) => n + statSync(join(ROOT, 'fonts', f)).size, 0);

const machine = `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
const result = {
  date: new Date().toISOString(),
  machine,
  warm: rows,
  cold,
  memory: { ...memory, growth },
  fontBytes,
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(result, null, 1)}\n`);

lines.push(`Measured ${result.date.slice(0, 10)} on ${machine}.`, '');
lines.push(
  '| card | median | p95 | layout (Satori) | raster (resvg) | PNG encode | PNG size | cards/s |',
  '|---|---|---|---|---|---|---|---|',
);
for (const r of rows as {
  case: string;
  median: number;
  p95: number;
  layout: number;
  raster: number;
  encode: number;
  pngBytes: number;
  cardsPerSecond: number;
}[])
  lines.push(
    `| ${r.case} | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.layout)} | ${ms(r.raster)} | ${ms(r.encode)} | ${kib(r.pngBytes)} | ${r.cardsPerSecond.toFixed(0)} |`,
  );
lines.push(
  '',
  `Cold (fresh process): start-up ${ms(cold.startup)}, first render ${ms(cold.firstRender)}.`,
);
lines.push(
  `Memory: RSS ${mib(memory.rss['100']!)} after 100 renders, ${mib(memory.rss['1000']!)} after 1,000 (${(growth * 100).toFixed(1)}%); peak ${mib(memory.peak)}.`,
);
lines.push(`Fonts: ${kib(fontBytes)} in fonts/ (OTF + TTF).`);
writeFileSync(join(ROOT, 'bench/results/latest.md'), `${lines.join('\n')}\n`);
console.log(`\n${lines.join('\n')}`);

/**
 * `npm run bench`: where Yulu stands against its peers on this machine, in one run, on the same
 * cards. Writes bench/results/latest.json (every number) and latest.md (the tables). Offline.
 *
 *   BENCH_QUOTES=30        distinct quotes per case (size × length)
 *   BENCH_HTTP_SECONDS=5   duration of each cached HTTP load
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { loadFonts } from '../src/runtime/node/cards.ts';
import { measureBreaking } from './breaking.ts';
import { measureBytes } from './bytes.ts';
import { benchCases, paperHansFonts, ROOT, SIZES, specOf, warmupQuotes } from './cards.ts';
import { measureCold } from './cold.ts';
import { measureFidelity } from './fidelity.ts';
import { compare, warmUp } from './compare.ts';
import { measureHttp } from './http.ts';
import { measureMemory } from './memory.ts';
import { stealMs } from './proc.ts';
import { baseline } from './peers/baseline.ts';
import { takumi } from './peers/takumi.ts';
import { vercelOg } from './peers/vercel-og.ts';
import { markdown, type BenchResult } from './report.ts';
import { kib, mib, ms } from './stats.ts';
import { measureThroughput } from './throughput.ts';
import { loadLibrary, yuluNode, yuluWorker } from './yulu.ts';

const PER_CASE = Number(process.env.BENCH_QUOTES ?? 30);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const WARMUP_PER_LENGTH = 3;
const THROUGHPUT_CARDS = 100;
const THROUGHPUT_ROUNDS = 2;
const MEMORY_CARDS = 1000;

const started = performance.now();
const steal0 = stealMs();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

/** The installed version (read from node_modules: not every package exports its package.json). */
function version(pkg: string): string {
  const path = `${ROOT}node_modules/${pkg}/package.json`;
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

// Renderers, all in this process.
const library = loadLibrary();
const fonts = loadFonts();
const peerFonts = paperHansFonts();
const contestants = {
  library,
  fonts,
  yuluNode: await yuluNode(library),
  yuluWorker: await yuluWorker(library),
  peers: {
    baseline: await baseline(peerFonts),
    'vercel-og': vercelOg(peerFonts),
    takumi: await takumi(peerFonts),
  },
};

const cases = benchCases(library, PER_CASE, WARMUP_PER_LENGTH);
log(`warm-up: ${WARMUP_PER_LENGTH * 3 * SIZES.length} cards per renderer`);
await warmUp(contestants, warmupQuotes(library, WARMUP_PER_LENGTH), SIZES.map(specOf));
log(`renderers: ${cases.length} cases × ${PER_CASE} distinct quotes, interleaved`);
const comparison = await compare(contestants, cases, log);
for (const r of comparison.overall)
  log(`${r.yulu} ÷ ${r.peer}: ${r.median.toFixed(2)}× (median of ${r.pairs} pairs)`);
const fidelity = await measureFidelity(contestants, contestants.peers.takumi, cases);
log(
  `Takumi vs Yulu, pixels differing (beyond 1 px): ${fidelity.map((f) => `${f.case} ${(f.differing * 100).toFixed(2)}% (${(f.beyondOnePixel * 100).toFixed(2)}%)`).join(', ')}`,
);

const breaking = await measureBreaking(library);
log(
  `phrase breaking: +${ms(breaking.extraTotal)} per card (${(breaking.extraShare * 100).toFixed(1)}%), layout +${ms(breaking.extraLayout)}`,
);

// Fresh processes.
const cold = measureCold();
log(`cold: first card ${ms(cold.firstRender)}, process → first PNG ${ms(cold.processToFirstCard)}`);
const memory = measureMemory(MEMORY_CARDS);
log(
  `memory: peak RSS ${mib(memory.peak200)} over 200 cards; settled RSS ${mib(memory.rssAfter100)} after 100, ${mib(memory.rssAfterBatch)} after ${memory.cards}`,
);
// 1 and 2 workers alternately, twice: a slow spell of a shared host hits both sizes.
const throughput = [];
for (let round = 0; round < THROUGHPUT_ROUNDS; round++)
  for (const workers of [1, 2]) {
    const t = await measureThroughput(workers, THROUGHPUT_CARDS);
    throughput.push(t);
    log(`throughput: ${workers} worker(s) ${t.cardsPerSecond.toFixed(1)} cards/s`);
  }

let http: BenchResult['http'];
try {
  log('HTTP: server and load generator in fresh processes');
  http = measureHttp({
    seconds: HTTP_SECONDS,
    sequential: 50,
    concurrent: 100,
    concurrentAt50: 250,
  });
  const [one, fifty] = http.cached;
  log(
    `HTTP cached: ${one!.requestsPerSecond.toFixed(0)} req/s at 1 conn, ${fifty!.requestsPerSecond.toFixed(0)} at 50; uncached OG p50 ${ms(http.uncachedSequential.p50)}`,
  );
} catch (error) {
  http = { error: (error as Error).message.split('\n')[0]! };
  log(`HTTP failed: ${http.error}`);
}

const bytes = measureBytes();
log(
  'error' in bytes.worker
    ? `worker bundle: ${bytes.worker.error}`
    : `worker bundle: ${mib(bytes.worker.rawBytes)} raw, ${kib(bytes.worker.gzipBytes)} gzip`,
);

const steal1 = stealMs();
const cpus = os.cpus();
const result: BenchResult = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    stealMsDuringRun: steal0 === null || steal1 === null ? null : steal1 - steal0,
  },
  versions: {
    satori: version('satori'),
    '@resvg/resvg-js': version('@resvg/resvg-js'),
    '@resvg/resvg-wasm': version('@resvg/resvg-wasm'),
    '@vercel/og': version('@vercel/og'),
    '@takumi-rs/core': version('@takumi-rs/core'),
    autocannon: version('autocannon'),
  },
  method: {
    quotesPerCase: PER_CASE,
    warmupQuotesPerLengthAndSize: WARMUP_PER_LENGTH,
    theme: 'paper',
    script: 'hans',
    ratio: 'Yulu ms ÷ peer ms on the same quote, median over quotes',
    order: 'every renderer per quote, start rotating by quote index',
    throughputCards: THROUGHPUT_CARDS,
    throughputRounds: THROUGHPUT_ROUNDS,
    memoryCards: MEMORY_CARDS,
    httpSeconds: HTTP_SECONDS,
  },
  renderers: comparison.rows,
  ratios: comparison.ratios,
  ratiosOverall: comparison.overall,
  fidelity,
  cold,
  memory,
  throughput,
  http,
  bytes,
  breaking,
};

mkdirSync(`${ROOT}bench/results`, { recursive: true });
writeFileSync(`${ROOT}bench/results/latest.json`, `${JSON.stringify(result, null, 1)}\n`);
const md = markdown(result);
writeFileSync(`${ROOT}bench/results/latest.md`, md);
console.log(`\n${md}`);
log('done: bench/results/latest.{json,md}');

/**
 * HTTP: the real `npm start` server (src/runtime/node/main.ts, SQLite store in a temporary data
 * directory) in a child process on 127.0.0.1, driven by autocannon from another fresh process (so
 * the load generator does not carry the renderer benchmark's heap). On a small machine the load
 * generator shares the CPUs with the server, which the numbers include; the CPU each side spends
 * per request is reported next to them.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quote } from '../src/quotes/types.ts';
import { loadArtifacts } from '../src/runtime/node/artifacts.ts';
import { QuoteLibrary } from '../src/quotes/library.ts';
import { buildServer } from '../scripts/build-server.mjs';
import { NODE_SERVER_FLAGS } from '../src/runtime/node/process-settings.ts';
import { freePort } from '../test/support/free-port.ts';
import { isMain, runChild, SERVER_MALLOC } from './child.ts';
import { treeCpuMs } from './proc.ts';
import { median, quantile } from './stats.ts';

export const TARGETS = {
  cachedP50Ms: 2,
  cachedRpsAt50: 2000,
  uncachedOgP50Ms: 50,
};

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** autocannon records latency in whole milliseconds. */
  p50: number;
  p99: number;
  /** Mean latency from the request rate (connections / rps): exact, unlike the histogram. */
  meanFromRate: number;
  non2xx: number;
  errors: number;
  /** The server's CPU time per request (its whole process tree; Linux), and the load generator's. */
  serverCpuUsPerRequest: number | null;
  clientCpuUsPerRequest: number;
}

export interface HttpResult {
  /** Spawn → listening (tsx, catalog, fonts, Yoga, SQLite migrations). */
  serverStartMs: number;
  cached: LoadResult[];
  uncachedSequential: { cards: number; p50: number; p99: number; max: number };
  /** Distinct uncached cards under load, at 4 and at 50 connections. */
  uncachedConcurrent: LoadResult[];
  targets: typeof TARGETS & {
    cachedP50Met: boolean;
    cachedRpsMet: boolean;
    uncachedP50Met: boolean;
  };
}

async function startServer(): Promise<{
  origin: string;
  child: ChildProcess;
  dataDir: string;
  ms: number;
}> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'yulu-bench-'));
  const main = await buildServer(); // the bundle `npm start` runs
  const t0 = performance.now();
  const child = spawn(process.execPath, [...NODE_SERVER_FLAGS, main], {
    env: {
      ...process.env,
      ...SERVER_MALLOC, // as `npm start` runs it
      PORT: String(port),
      HOST: '127.0.0.1',
      YULU_BASE_URL: origin,
      YULU_DATA_DIR: dataDir,
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Yulu is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  return { origin, child, dataDir, ms: performance.now() - t0 };
}

const cardPath = (quote: Quote) => `/cards/${quote.id}.png?size=og&theme=paper&script=hans`;

async function load(
  server: ChildProcess,
  url: string,
  connections: number,
  limit: { duration: number } | { amount: number },
  paths?: () => string,
): Promise<LoadResult> {
  const server0 = treeCpuMs(server.pid!);
  const client0 = process.cpuUsage();
  // autocannon notices the end of an `amount` run only on its 1-second tick (its `duration` is
  // whole seconds then): time the run from the start to the last response instead.
  const t0 = performance.now();
  let last = t0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        ...limit,
        ...(paths ? { requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }] } : {}),
      },
      (error: unknown, r: autocannon.Result) => (error ? reject(error as Error) : resolve(r)),
    );
    instance.on('response', () => {
      last = performance.now();
    });
  });
  const client = process.cpuUsage(client0);
  const server1 = treeCpuMs(server.pid!);
  const requests = result['2xx'];
  const seconds = (last - t0) / 1000;
  const rps = requests / seconds;
  const total = result['2xx'] + result.non2xx;
  return {
    connections,
    seconds,
    requests,
    requestsPerSecond: rps,
    p50: result.latency.p50,
    p99: result.latency.p99,
    meanFromRate: (connections / rps) * 1000,
    non2xx: result.non2xx,
    errors: result.errors,
    serverCpuUsPerRequest:
      server0 === null || server1 === null ? null : ((server1 - server0) * 1000) / total,
    clientCpuUsPerRequest: (client.user + client.system) / total,
  };
}

async function get(url: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return performance.now() - t0;
}

/**
 * `quotes` must be distinct and unrendered: 5 warm the server, 1 is the cached card, `sequential`
 * are fetched one by one uncached, the rest go to the concurrent uncached run.
 */
export interface HttpOptions {
  seconds: number;
  sequential: number;
  /** Distinct cards for the uncached run at 4 connections, and at 50. */
  concurrent: number;
  concurrentAt50: number;
}

/** The HTTP section in a fresh process; its progress goes to stderr. */
export function measureHttp(options: HttpOptions): HttpResult {
  return runChild<HttpResult>('http.ts', [JSON.stringify(options)]);
}

async function runHttp(
  quotes: readonly Quote[],
  options: HttpOptions,
  log: (line: string) => void,
): Promise<HttpResult> {
  const server = await startServer();
  try {
    const { origin } = server;
    let next = 0;
    const take = () => quotes[next++]!;
    // Warm the server (fonts parsed by Satori, JIT) on cards that are not measured.
    for (let i = 0; i < 5; i++) await get(origin + cardPath(take()));

    const cachedUrl = origin + cardPath(take());
    await get(cachedUrl);
    const cached: LoadResult[] = [];
    for (const connections of [1, 50]) {
      const r = await load(server.child, cachedUrl, connections, { duration: options.seconds });
      cached.push(r);
      log(
        `HTTP cached, ${connections} conn: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`,
      );
    }

    const times: number[] = [];
    for (let i = 0; i < options.sequential; i++) times.push(await get(origin + cardPath(take())));
    const uncachedSequential = {
      cards: times.length,
      p50: median(times),
      p99: quantile(times, 0.99),
      max: Math.max(...times),
    };
    log(
      `HTTP uncached OG, sequential: p50 ${uncachedSequential.p50.toFixed(1)} ms, p99 ${uncachedSequential.p99.toFixed(1)} ms`,
    );

    const uncachedConcurrent: LoadResult[] = [];
    for (const [connections, amount] of [
      [4, options.concurrent],
      [50, options.concurrentAt50],
    ] as const) {
      const r = await load(server.child, origin, connections, { amount }, () => cardPath(take()));
      uncachedConcurrent.push(r);
      log(
        `HTTP uncached OG, ${connections} conn: ${r.requestsPerSecond.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`,
      );
    }
    if (next > quotes.length) throw new Error('not enough distinct quotes for the HTTP section');

    const at50 = cached.find((r) => r.connections === 50)!;
    return {
      serverStartMs: server.ms,
      cached,
      uncachedSequential,
      uncachedConcurrent,
      targets: {
        ...TARGETS,
        cachedP50Met: cached.find((r) => r.connections === 1)!.p50 <= TARGETS.cachedP50Ms,
        cachedRpsMet: at50.requestsPerSecond >= TARGETS.cachedRpsAt50,
        uncachedP50Met: uncachedSequential.p50 <= TARGETS.uncachedOgP50Ms,
      },
    };
  } finally {
    server.child.kill();
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { catalog, corpus } = loadArtifacts();
  const { quotes } = new QuoteLibrary(catalog, corpus);
  const options = JSON.parse(process.argv[2]!) as HttpOptions;
  const result = await runHttp(quotes, options, (line) => console.error(`       ${line}`));
  console.log(JSON.stringify(result));
}

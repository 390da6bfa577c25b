/**
 * The Node service as `npm start` runs it, in a child process: for attacks that must measure the
 * server's own RSS and file descriptors apart from the test's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../scripts/build-server.mjs';
import { NODE_ALLOCATOR_ENV, NODE_SERVER_FLAGS } from '../../src/runtime/node/process-settings.ts';

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** Resident set size of the server process now, in MiB. */
  rssMiB(): number;
  output(): string;
  stop(): Promise<void>;
}

export const STRONG_TOKEN = 'test-editor-token-7f3c9a1e5b2d8046';

export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yulu-server-'));
  const main = await buildServer();
  const child = spawn(process.execPath, [...NODE_SERVER_FLAGS, main], {
    env: {
      ...process.env,
      ...NODE_ALLOCATOR_ENV, // as `npm start` runs it
      PORT: '0',
      HOST: '127.0.0.1',
      YULU_DATA_DIR: dataDir,
      EDITOR_TOKEN: STRONG_TOKEN,
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
    const check = () => {
      const match = /running at http:\/\/[^:]+:(\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${log}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Times a GET on a fresh connection (a new client), in ms; a failure counts as Infinity. */
export function timedGet(url: string, timeoutMs = 5_000): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : Infinity));
      res.on('error', () => resolve(Infinity));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(Infinity));
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * The desk's browser scenario (desk-scenario.ts) against the Worker: `wrangler dev` in local mode
 * (workerd on a loopback port, telemetry off, no account, no network) over a local D1 that
 * `wrangler d1 migrations apply --local` migrated, with the two named editors added the way the
 * README tells an operator to: `yulu editors add <name> --d1 --local` prints the token and a
 * `wrangler d1 execute` command, and the test runs that command as printed. The test reads the
 * local D1's SQLite file (read-only) to check what the clicks wrote.
 *
 * It skips, saying why, only when workerd cannot run on this machine (an environmental limit);
 * anything else that keeps wrangler from starting fails the test.
 */
import Database from 'better-sqlite3';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import type { SqlDriver, SqlValue } from '../../src/desk/sql.ts';
import { EditorialStore } from '../../src/desk/store.ts';
import { freePort } from '../support/free-port.ts';
import { deskScenario, type DeskTarget } from './desk-scenario.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'node_modules/.bin');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN = 'worker-browser-test-token-8d2e61';
const ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  NO_UPDATE_NOTIFIER: '1',
};
const run = promisify(execFile);

/** Why workerd cannot run here (missing binary, unsupported platform or libc), or null. */
function workerdUnavailable(): string | null {
  const probe = spawnSync(join(BIN, 'workerd'), ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.error) return `workerd cannot run on this machine (${probe.error.message})`;
  if (probe.status !== 0)
    return `workerd cannot run on this machine: ${(probe.stderr || probe.stdout).trim().slice(0, 300)}`;
  return null;
}
const unavailable = workerdUnavailable();
if (unavailable) console.warn(`SKIPPED the desk on the Worker: ${unavailable}`);

/** A read-only SqlDriver over the local D1's SQLite file (workerd writes it; WAL lets us read). */
function readOnlyD1(persist: string): SqlDriver & { close(): void } {
  const dir = join(persist, 'v3/d1/miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => /^[0-9a-f]{64}\.sqlite$/.test(f));
  if (!file) throw new Error(`no local D1 database in ${dir}`);
  const db = new Database(join(dir, file), { readonly: true, fileMustExist: true });
  return {
    async all(sql, params = []) {
      return db.prepare(sql).all(...params) as Record<string, SqlValue>[];
    },
    async batch() {
      throw new Error('the test only reads the Worker’s D1');
    },
    close: () => db.close(),
  };
}

const persist = mkdtempSync(join(tmpdir(), 'yulu-wrangler-'));
let child: ChildProcess | undefined;
let log = '';
let d1: (SqlDriver & { close(): void }) | undefined;
let target: DeskTarget;
const timings: string[] = [];

/**
 * The local D1 as an operator prepares it: migrations applied, then the two named editors added
 * the documented way (the CLI makes each token and prints the wrangler command, run as printed).
 */
async function prepareD1(lap: (what: string) => void): Promise<DeskTarget['tokens']> {
  await run(
    join(BIN, 'wrangler'),
    ['d1', 'migrations', 'apply', 'yulu-editorial', '--local', '--persist-to', persist],
    {
      cwd: ROOT,
      env: ENV,
    },
  );
  lap('migrations applied');
  // Named editors the documented way: the CLI makes the token and prints the command to run.
  const { run: yulu } = await import('../../src/cli/main.ts');
  const tokens: Record<string, string> = {};
  for (const name of ['安娜', '包博']) {
    const lines: string[] = [];
    expect0(await yulu(['editors', 'add', name, '--d1', '--local'], (line) => lines.push(line)));
    tokens[name] = lines.find((l) => l.startsWith('yulu_ed_'))!;
    const command = lines.find((l) =>
      l.startsWith('npx wrangler d1 execute yulu-editorial --local'),
    );
    if (!command)
      throw new Error(`yulu editors add --d1 printed no wrangler command:\n${lines.join('\n')}`);
    await run('sh', ['-c', `${command} --persist-to "${persist}"`], { cwd: ROOT, env: ENV });
  }
  lap('editors added');
  return tokens as DeskTarget['tokens'];
}

beforeAll(async () => {
  if (unavailable) return;
  const t0 = performance.now();
  const lap = (what: string) =>
    timings.push(`${what} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  child = spawn(
    join(BIN, 'wrangler'),
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persist,
      '--var',
      `PUBLIC_BASE_URL:${base}`,
      '--var',
      `EDITOR_TOKEN:${TOKEN}`,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child!.once('exit', (code) =>
      reject(new Error(`wrangler dev exited (${code}) before serving:\n${log}`)),
    ),
  );
  let polling = true;
  const ready = (async () => {
    while (polling) {
      try {
        if ((await fetch(`${base}/api/sources`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`wrangler dev did not serve within 120 s:\n${log}`)),
      120_000,
    );
  });
  // wrangler dev starts while the D1 is prepared: nothing reads D1 before the first desk request.
  const [tokens] = await Promise.all([
    prepareD1(lap),
    Promise.race([ready, exited, late])
      .then(() => lap('wrangler dev serving'))
      .finally(() => {
        clearTimeout(timer);
        polling = false;
      }),
  ]).finally(() => (polling = false));
  d1 = readOnlyD1(persist);
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  target = {
    base,
    browser,
    store: new EditorialStore(d1),
    tokens,
    shortcut: TOKEN,
  };
  console.log(`the Worker's desk: ${timings.join(', ')}`);
}, 300_000);

function expect0(code: number): void {
  if (code !== 0) throw new Error(`yulu editors add --d1 exited ${code}`);
}

afterAll(async () => {
  await target?.browser.close();
  d1?.close();
  if (child?.pid && child.exitCode === null) {
    const gone = new Promise((resolve) => child!.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM'); // wrangler and the workerd it started (its own group)
    await gone;
  }
  rmSync(persist, { recursive: true, force: true });
});

describe.skipIf(unavailable)('on the Worker (wrangler dev, local D1)', () => {
  deskScenario('worker', () => target, {
    flowMs: 120_000,
    pagesMs: 360_000,
    renderMs: 60_000,
    actionMs: 90_000,
  });
});

/**
 * `npm start` as a newcomer meets it: the banner, HOST=::1, a busy port, bad settings. The server
 * runs as a real process (src/runtime/node/main.ts through tsx), on free loopback ports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArtifacts } from '../src/runtime/node/artifacts.ts';
import { freePort } from './support/free-port.ts';
import { banner, startFailure } from '../src/runtime/node/listen.ts';
import {
  isLoopbackOrigin,
  listeningOrigin,
  parsePort,
  publicOrigin,
  serverConfig,
} from '../src/runtime/node/origin.ts';

const { catalog } = loadArtifacts();
const dataDir = mkdtempSync(join(tmpdir(), 'yulu-start-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const MAIN = ['--import', 'tsx', 'src/runtime/node/main.ts'];
const env = (extra: Record<string, string>) => {
  const copy = new Map(Object.entries(process.env));
  copy.delete('YULU_BASE_URL');
  copy.set('YULU_DATA_DIR', dataDir);
  for (const [key, value] of Object.entries(extra)) copy.set(key, value);
  return Object.fromEntries(copy);
};

/** Starts `npm start`'s entry and resolves with its stdout once the banner is complete. */
function start(extra: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, MAIN, { env: env(extra) });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('cards and links carry')) resolve(stdout);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
}

describe('origins', () => {
  it('brackets IPv6 literals, so the origin is a URL', () => {
    expect(listeningOrigin('::1', 8823)).toBe('http://[::1]:8823');
    expect(new URL(`${listeningOrigin('::1', 8823)}/q/abc`).host).toBe('[::1]:8823');
    expect(listeningOrigin('[::1]', 80)).toBe('http://[::1]:80');
    expect(listeningOrigin('0.0.0.0', 8787)).toBe('http://127.0.0.1:8787');
    expect(listeningOrigin('::', 8787)).toBe('http://[::1]:8787');
    expect(listeningOrigin('localhost', 8787)).toBe('http://localhost:8787');
  });

  it('knows a loopback origin from a public one', () => {
    for (const origin of [
      'http://127.0.0.1:8787',
      'http://127.1.2.3',
      'http://localhost:8787',
      'http://yulu.localhost',
      'http://[::1]:8787',
      'http://0.0.0.0:8787',
    ])
      expect(isLoopbackOrigin(origin), origin).toBe(true);
    for (const origin of [
      'https://yulu.example',
      'http://192.168.1.5:8787',
      'http://[2001:db8::1]',
    ])
      expect(isLoopbackOrigin(origin), origin).toBe(false);
  });

  it('reads YULU_BASE_URL as an origin and rejects what is not an http(s) URL', () => {
    expect(publicOrigin('https://yulu.example/some/path/', 'http://x')).toBe(
      'https://yulu.example',
    );
    expect(publicOrigin(undefined, 'http://[::1]:1')).toBe('http://[::1]:1');
    expect(publicOrigin('  ', 'http://[::1]:1')).toBe('http://[::1]:1');
    expect(() => publicOrigin('yulu.example', 'http://x')).toThrow(
      /YULU_BASE_URL="yulu\.example" is not a URL; set it to the public origin, e\.g\./,
    );
    expect(() => publicOrigin('ftp://yulu.example', 'http://x')).toThrow(/http:\/\/ or https:\/\//);
  });

  it('reads PORT as a port number or names what is allowed', () => {
    expect(parsePort(undefined)).toBe(8787);
    expect(parsePort('8823')).toBe(8823);
    for (const bad of ['abc', '-1', '65536', '80.5'])
      expect(() => parsePort(bad)).toThrow(new RegExp(`PORT="${bad}" is not a port; allowed`));
  });
});

describe('the start banner', () => {
  const base = { fetch: () => new Response(), quoteCount: 3, sampleId: 'abcd1234' };
  it('says which origin cards and links carry when YULU_BASE_URL differs from the address', () => {
    const config = serverConfig({
      HOST: '::1',
      PORT: '8823',
      YULU_BASE_URL: 'https://yulu.example',
    });
    const text = banner({ ...base, ...config }, 8823);
    expect(text).toContain('Yulu is running at http://[::1]:8823/ (3 quotes)');
    expect(text).toContain(
      'cards and links carry https://yulu.example (YULU_BASE_URL), not http://[::1]:8823',
    );
  });
  it('says how to set the public origin when none is set', () => {
    const text = banner({ ...base, ...serverConfig({ PORT: '8823' }) }, 8823);
    expect(text).toMatch(/cards and links carry http:\/\/127\.0\.0\.1:8823 — set YULU_BASE_URL/);
  });
  it('turns start-up errors into one line naming the variable to change', () => {
    const busy = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    expect(startFailure(busy, '127.0.0.1', 8787)).toBe(
      'port 8787 on 127.0.0.1 is already in use (another npm start?); choose another with PORT, e.g. PORT=8788 npm start',
    );
    const absent = Object.assign(new Error('listen EADDRNOTAVAIL'), { code: 'EADDRNOTAVAIL' });
    expect(startFailure(absent, '10.9.9.9', 8787)).toMatch(/HOST=10\.9\.9\.9.*HOST=127\.0\.0\.1/);
  });
});

// Each test starts a server process (catalog, fonts, store): seconds each on a busy machine.
describe('npm start', { timeout: 60_000 }, () => {
  it('serves permalink pages on HOST=::1, with bracketed links', async () => {
    const port = await freePort('::1');
    const banner = await start({ HOST: '::1', PORT: String(port) });
    const origin = `http://[::1]:${port}`;
    expect(banner).toContain(`Yulu is running at ${origin}/`);
    const id = catalog.quotes[0]!.id;
    const page = await fetch(`${origin}/q/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${origin}/q/${id}`);
  });

  it('a busy port is one line naming the port and how to choose another, exit 1', async () => {
    const port = await freePort('127.0.0.1');
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, MAIN, { env: env({ PORT: String(port) }) });
        children.push(child);
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `yulu: port ${port} on 127.0.0.1 is already in use (another npm start?); choose another with PORT, e.g. PORT=${port + 1} npm start`,
      );
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it('a bad PORT or YULU_BASE_URL is one line and exit 2, before anything loads', () => {
    const bad = spawnSync(process.execPath, MAIN, {
      env: env({ PORT: '8787', YULU_BASE_URL: 'yulu.example' }),
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^yulu: YULU_BASE_URL="yulu\.example" is not a URL/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

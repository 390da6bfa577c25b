import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../scripts/build-server.mjs';
import { NODE_ALLOCATOR_ENV, NODE_SERVER_FLAGS } from '../src/runtime/node/process-settings.ts';
import { openSqlite } from '../src/runtime/node/sqlite.ts';
import { loopbackWarning } from '../src/runtime/node/startup.ts';
import { startServer } from './support/server-process.ts';

describe('npm start', () => {
  it('builds the server and runs the bundle with the allocator settings the service is measured with', () => {
    const start = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    const [build, run] = start.split(' && ');
    expect(build).toBe('node scripts/build-server.mjs');
    for (const [name, value] of Object.entries(NODE_ALLOCATOR_ENV))
      expect(run, name).toContain(`${name}=${value} `);
    expect(run?.endsWith(` node ${NODE_SERVER_FLAGS.join(' ')} dist/server/node/main.mjs`)).toBe(
      true,
    );
    // The bench measures what the server runs.
    const bench = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { bench: string } }
    ).scripts.bench;
    for (const [name, value] of Object.entries(NODE_ALLOCATOR_ENV))
      expect(bench, name).toContain(`${name}=${value} `);
  });

  it('answers /healthz and the API and draws an uncached card in a render thread, from the bundle', async () => {
    const server = await startServer();
    try {
      const health = await fetch(`${server.base}/healthz`);
      expect(health.status).toBe(200);
      const id = (await (await fetch(`${server.base}/api/quotes?limit=1`)).json()) as {
        quotes: { id: string }[];
      };
      const card = await fetch(`${server.base}/cards/${id.quotes[0]!.id}.png?size=og&theme=ink`);
      expect(card.status).toBe(200);
      expect(card.headers.get('content-type')).toBe('image/png');
      expect((await card.arrayBuffer()).byteLength).toBeGreaterThan(5_000);
    } finally {
      await server.stop();
    }
  }, 90_000);
});

describe('npm start refuses what cannot be defended', () => {
  it('stops with a clear message on a weak EDITOR_TOKEN', async () => {
    const run = spawnSync(process.execPath, [await buildServer()], {
      env: {
        ...process.env,
        EDITOR_TOKEN: 'editor123',
        PORT: '0',
        YULU_DATA_DIR: mkdtempSync(join(tmpdir(), 'yulu-weak-')),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/refusing to start: EDITOR_TOKEN has 9 characters; use at least 20/);
  });

  it('warns when the public origin is loopback but the server is not only local', () => {
    expect(loopbackWarning('http://127.0.0.1:8787', '127.0.0.1', {})).toBeNull();
    expect(loopbackWarning('http://127.0.0.1:8787', '0.0.0.0', {})).toMatch(
      /loopback.*listening on 0\.0\.0\.0.*YULU_BASE_URL/,
    );
    expect(
      loopbackWarning('http://localhost:8787', '127.0.0.1', { NODE_ENV: 'production' }),
    ).toMatch(/NODE_ENV=production/);
    expect(loopbackWarning('https://yulu.example', '0.0.0.0', {})).toBeNull();
  });

  it('opens SQLite with synchronous = FULL every time, not only the first', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yulu-sync-')), 'e.sqlite');
    for (let i = 0; i < 2; i++) {
      const db = openSqlite(file);
      expect(await db.all('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
      db.close();
    }
  });
});

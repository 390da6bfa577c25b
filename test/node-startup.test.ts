import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../src/runtime/node/sqlite.ts';
import { loopbackWarning } from '../src/runtime/node/startup.ts';

describe('npm start refuses what cannot be defended', () => {
  it('stops with a clear message on a weak EDITOR_TOKEN', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/runtime/node/main.ts'], {
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

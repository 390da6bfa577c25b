import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqlite, readMigrations } from '../../src/runtime/node/sqlite.ts';
import { storeContract } from './store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'yulu-store-'));
let n = 0;
const opened: { close(): void }[] = [];
afterAll(() => {
  for (const db of opened) db.close();
  rmSync(dir, { recursive: true, force: true });
});

// A real SQLite file per test, as the Node runtime keeps under its data directory.
storeContract(
  'SQLite (better-sqlite3)',
  async () => {
    const db = openSqlite(join(dir, `store-${n++}.sqlite`));
    opened.push(db);
    return db;
  },
  async () => readMigrations(),
);

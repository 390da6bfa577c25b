import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Migration } from '../../desk/migrate.ts';
import type { SqlDriver, SqlValue } from '../../desk/sql.ts';

const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url).pathname;

/**
 * The Node store driver: a real SQLite file (better-sqlite3, WAL mode) behind the same SqlDriver
 * port as D1. better-sqlite3 is synchronous and single-connection, so a batch is a true
 * transaction and writes in one process are serialised — exactly D1's guarantees.
 */
export function openSqlite(file: string): SqlDriver & { close(): void } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Explicit on every open: SQLite's default for WAL databases opened later is NORMAL, under
  // which an acknowledged write can be lost on power failure. FULL syncs the WAL on every commit.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const rows = (text: string, params: SqlValue[]) => {
    const statement = db.prepare(text);
    return statement.reader
      ? (statement.all(...params) as Record<string, SqlValue>[])
      : (statement.run(...params), []);
  };
  return {
    async all(text, params = []) {
      return rows(text, params);
    },
    async batch(statements) {
      const run = db.transaction(() =>
        statements.map(({ sql, params }) => {
          const statement = db.prepare(sql);
          if (statement.reader)
            return { rows: statement.all(...params) as Record<string, SqlValue>[], changes: 0 };
          return { rows: [], changes: statement.run(...params).changes };
        }),
      );
      return run();
    },
    close: () => db.close(),
  };
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}${name}`, 'utf8') }));
}

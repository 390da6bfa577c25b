import type { SqlDriver } from './sql.ts';
import { sql } from './sql.ts';

export interface Migration {
  /** File name, e.g. `0001_editorial.sql`; applied in name order. */
  name: string;
  sql: string;
}

/**
 * Applies pending migrations, each in one transaction, recording them in `d1_migrations` — the
 * table wrangler uses for D1 — so the Node SQLite file and D1 follow the same history.
 */
export async function applyMigrations(
  db: SqlDriver,
  migrations: readonly Migration[],
): Promise<string[]> {
  await db.batch([
    sql(
      'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
    ),
  ]);
  const done = new Set((await db.all('SELECT name FROM d1_migrations')).map((r) => String(r.name)));
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
    if (done.has(migration.name)) continue;
    await db.batch([
      ...splitStatements(migration.sql).map((s) => sql(s)),
      sql('INSERT INTO d1_migrations (name) VALUES (?)', migration.name),
    ]);
    applied.push(migration.name);
  }
  return applied;
}

/** Statements of a migration file: comments dropped, split at semicolons ending a line. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

import { applyMigrations } from '../../src/desk/migrate.ts';
import type { SqlDriver } from '../../src/desk/sql.ts';
import { EditorialStore } from '../../src/desk/store.ts';
import { openSqlite, readMigrations } from '../../src/runtime/node/sqlite.ts';

/**
 * A migrated in-memory store whose driver counts every statement that can write (any batch, and
 * any `all` that is not a SELECT): tests assert that reads write nothing.
 */
export async function countingStore(now?: () => Date) {
  const db = openSqlite(':memory:');
  await applyMigrations(db, readMigrations());
  const counter = { writes: 0 };
  const driver: SqlDriver = {
    all: (text, params) => {
      if (!/^\s*SELECT\b/i.test(text)) counter.writes++;
      return db.all(text, params);
    },
    batch: (statements) => {
      counter.writes += statements.length;
      return db.batch(statements);
    },
  };
  return { store: new EditorialStore(driver, now), counter };
}

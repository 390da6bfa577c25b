import { applyMigrations } from '../../src/desk/migrate.ts';
import { EditorialStore } from '../../src/desk/store.ts';
import { openSqlite, readMigrations } from '../../src/runtime/node/sqlite.ts';

/** A migrated editorial store in an in-memory SQLite database, for tests that need a desk. */
export async function memoryStore(): Promise<EditorialStore> {
  const db = openSqlite(':memory:');
  await applyMigrations(db, readMigrations());
  return new EditorialStore(db);
}

import { join } from 'node:path';
import { applyMigrations } from '../../desk/migrate.ts';
import { EditorialStore } from '../../desk/store.ts';
import { openSqlite, readMigrations } from './sqlite.ts';

/** Where the Node runtime keeps editorial data: `YULU_DATA_DIR`, else ./data (git-ignored). */
export const DATA_DIR =
  process.env.YULU_DATA_DIR ?? new URL('../../../data/', import.meta.url).pathname;

/** The SQLite file of the editorial store. */
export const STORE_FILE = join(DATA_DIR, 'editorial.sqlite');

/** Opens (creating if needed) the SQLite store and applies pending migrations. */
export async function openNodeStore(file: string = STORE_FILE): Promise<EditorialStore> {
  const db = openSqlite(file);
  await applyMigrations(db, readMigrations());
  return new EditorialStore(db);
}

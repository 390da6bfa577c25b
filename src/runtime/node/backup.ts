import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { YuluError } from '../../errors.ts';

/**
 * An online backup of the SQLite store (SQLite's backup API through better-sqlite3): consistent
 * while the server keeps writing, checked with `PRAGMA integrity_check` before it is reported.
 */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  if (!existsSync(source))
    throw new YuluError('invalid_argument', `no editorial store at ${source} (YULU_DATA_DIR)`);
  if (existsSync(target))
    throw new YuluError('invalid_argument', `${target} exists; back up to a new file`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(target);
    const copy = new Database(target, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new YuluError(
          'store_unavailable',
          `the backup failed its integrity check: ${String(check)}`,
        );
    } finally {
      copy.close();
    }
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

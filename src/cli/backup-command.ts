/**
 * `yulu backup <file>`, `yulu export [file]`, `yulu import <file>`: the editorial store kept safe
 * (issue 15). On the Worker the same data lives in D1: `wrangler d1 export yulu-editorial
 * --remote --output=backup.sql` (see README).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { applyMigrations } from '../desk/migrate.ts';
import { exportEditorial, importEditorial, parseEditorialExport } from '../desk/export.ts';
import { YuluError } from '../errors.ts';
import { backupSqlite } from '../runtime/node/backup.ts';
import { openSqlite, readMigrations } from '../runtime/node/sqlite.ts';
import { STORE_FILE } from '../runtime/node/store.ts';

export const BACKUP_USAGE = `backup <file>               an online copy of the editorial SQLite store (safe while serving)
export [file]               editorial data as JSON (statuses, trims, errata, schedule, days out, audit,
                            editors as token hashes); stdout without a file
import <file>               load an export into an empty store (never overwrites work)`;

export async function backupCommand(
  verb: 'backup' | 'export' | 'import',
  args: string[],
  out: (line: string) => void,
  storeFile: string = STORE_FILE,
): Promise<number> {
  const [file, extra] = args;
  if (extra !== undefined)
    throw new YuluError('invalid_argument', `yulu ${verb} takes one file\nusage: ${BACKUP_USAGE}`);
  if (verb === 'backup') {
    if (!file)
      throw new YuluError(
        'invalid_argument',
        `yulu backup needs a target file\nusage: ${BACKUP_USAGE}`,
      );
    const { pages } = await backupSqlite(storeFile, file);
    out(`backed up ${storeFile} to ${file} (${pages} pages, integrity ok)`);
    return 0;
  }
  const db = openSqlite(storeFile);
  try {
    await applyMigrations(db, readMigrations());
    if (verb === 'export') {
      const json = `${JSON.stringify(await exportEditorial(db), null, 2)}\n`;
      if (!file) out(json.trimEnd());
      else {
        if (existsSync(file))
          throw new YuluError('invalid_argument', `${file} exists; export to a new file`);
        writeFileSync(file, json);
        out(`exported editorial data to ${file}`);
      }
      return 0;
    }
    if (!file)
      throw new YuluError(
        'invalid_argument',
        `yulu import needs an export file\nusage: ${BACKUP_USAGE}`,
      );
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new YuluError(
        'invalid_argument',
        `${file} cannot be read as JSON (${(cause as Error).message})`,
        { cause },
      );
    }
    const counts = await importEditorial(db, parseEditorialExport(data));
    out(
      `imported ${Object.entries(counts)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ')} into ${storeFile}`,
    );
    return 0;
  } finally {
    db.close();
  }
}

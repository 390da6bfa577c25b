/**
 * Editorial data as JSON (runtime-free): what `yulu export` writes and `yulu import` reads. The
 * editors' work — statuses, trims, errata, the schedule, the days that went out, the audit log —
 * and the named editors (their token hashes only: a token is shown once and never stored), row
 * for row, with the migrations it was made under. Sessions, kept secrets and idempotency records
 * are not editorial data and stay behind (NOT_EXPORTED says why, table by table); a test compares
 * both lists with the migrated schema, so a new table or column cannot be left out unnoticed.
 * Import goes into an empty store only, in one transaction: it can never mix with or overwrite
 * existing work.
 */
import { YuluError } from '../errors.ts';
import { sql, type SqlDriver, type SqlValue } from './sql.ts';

export const EDITORIAL_TABLES = {
  quote_status: ['quote_id', 'status', 'note', 'version', 'updated_at', 'updated_by'],
  trims: [
    'quote_id',
    'parent_id',
    'source',
    'paragraph',
    'span_start',
    'span_end',
    'text',
    'created_at',
    'created_by',
  ],
  errata: ['quote_id', 'corrected', 'reason', 'version', 'updated_at', 'updated_by'],
  schedule: ['day', 'quote_id', 'version', 'updated_at', 'updated_by'],
  audit: ['seq', 'at', 'actor', 'action', 'entity', 'before', 'after'],
  daily_published: ['day', 'quote_id', 'how', 'published_at'],
  editors: ['name', 'token_hash', 'created_at', 'revoked_at'],
} as const;

/** Tables of the store that an export leaves behind, and why. */
export const NOT_EXPORTED = {
  sessions: 'sign-ins expire within hours; a restored store signs everyone in again',
  secrets: 'the draft-signing key stays with its server; a restored one makes a new key',
  idempotency: 'replay protection for form posts of the last day, not editorial work',
  d1_migrations: 'written by the migrations themselves; the export lists their names',
} as const;

/** Tables added after version 1 of the format: a version-1 export has none of their rows. */
const ADDED_IN_VERSION_2: readonly Table[] = ['daily_published', 'editors'];

type Table = keyof typeof EDITORIAL_TABLES;
const TABLES = Object.keys(EDITORIAL_TABLES) as Table[];

export interface EditorialExport {
  format: 'yulu-editorial';
  version: 2;
  exportedAt: string;
  migrations: string[];
  tables: Record<Table, Record<string, SqlValue>[]>;
}

export async function exportEditorial(db: SqlDriver, now = new Date()): Promise<EditorialExport> {
  const tables = {} as EditorialExport['tables'];
  for (const table of TABLES) {
    const columns = EDITORIAL_TABLES[table];
    tables[table] = await db.all(
      `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${columns[0]}`,
    );
  }
  const migrations = (await db.all('SELECT name FROM d1_migrations ORDER BY name')).map((r) =>
    String(r.name),
  );
  return {
    format: 'yulu-editorial',
    version: 2,
    exportedAt: now.toISOString(),
    migrations,
    tables,
  };
}

/**
 * Checks an export's shape: known tables, exactly their columns, SQL values only. A version-1
 * export (before the days that went out and the named editors were exported) is read with those
 * tables empty.
 */
export function parseEditorialExport(data: unknown): EditorialExport {
  const fail = (what: string) => {
    throw new YuluError('invalid_argument', `not a Yulu editorial export: ${what}`);
  };
  if (typeof data !== 'object' || data === null) return fail('expected a JSON object');
  const value = data as Omit<Partial<EditorialExport>, 'version'> & { version?: unknown };
  if (value.format !== 'yulu-editorial' || (value.version !== 1 && value.version !== 2))
    return fail('format must be "yulu-editorial", version 1 or 2');
  if (typeof value.tables !== 'object' || value.tables === null) return fail('no tables');
  for (const table of Object.keys(value.tables))
    if (!(table in EDITORIAL_TABLES)) fail(`unknown table "${table}"`);
  if (value.version === 1) {
    for (const table of ADDED_IN_VERSION_2)
      if (table in value.tables) fail(`a version-1 export has no table "${table}"`);
    value.tables = { ...value.tables, daily_published: [], editors: [] };
    value.version = 2;
  }
  for (const table of TABLES) {
    const rows = value.tables[table];
    if (!Array.isArray(rows)) return fail(`table "${table}" is missing`);
    const columns: readonly string[] = EDITORIAL_TABLES[table];
    for (const [i, row] of rows.entries()) {
      const keys = Object.keys(row ?? {});
      if (keys.length !== columns.length || !keys.every((k) => columns.includes(k)))
        fail(`${table} row ${i + 1} must have exactly the columns ${columns.join(', ')}`);
      for (const v of Object.values(row))
        if (v !== null && typeof v !== 'string' && typeof v !== 'number')
          fail(`${table} row ${i + 1} holds a value that is not text, a number or null`);
    }
  }
  return value as EditorialExport;
}

/** Loads an export into an empty, migrated store in one transaction; returns rows per table. */
export async function importEditorial(
  db: SqlDriver,
  data: EditorialExport,
): Promise<Record<Table, number>> {
  for (const table of TABLES) {
    const [row] = await db.all(`SELECT COUNT(*) AS n FROM ${table}`);
    if (Number(row?.n ?? 0) > 0)
      throw new YuluError(
        'invalid_argument',
        `the store already holds editorial data (${table} has ${String(row?.n)} rows); import only into an empty store, so no work is overwritten`,
      );
  }
  const statements = TABLES.flatMap((table) => {
    const columns = EDITORIAL_TABLES[table];
    return data.tables[table].map((row) =>
      sql(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        ...columns.map((c) => row[c] ?? null),
      ),
    );
  });
  if (statements.length) await db.batch(statements);
  return Object.fromEntries(TABLES.map((t) => [t, data.tables[t].length])) as Record<Table, number>;
}

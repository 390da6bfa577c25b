/**
 * The SQL port the editorial store runs on: Cloudflare D1 on the Worker, SQLite (better-sqlite3)
 * on Node. Both speak SQLite; `batch` is one transaction, all or nothing, statements in order on
 * one connection (so `changes()` in a statement sees the statement before it).
 */
export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params: SqlValue[];
}

export interface SqlResult {
  rows: Record<string, SqlValue>[];
  changes: number;
}

export interface SqlDriver {
  all(sql: string, params?: SqlValue[]): Promise<Record<string, SqlValue>[]>;
  batch(statements: SqlStatement[]): Promise<SqlResult[]>;
}

export const sql = (text: string, ...params: SqlValue[]): SqlStatement => ({ sql: text, params });

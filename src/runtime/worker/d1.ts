import type { SqlDriver, SqlValue } from '../../desk/sql.ts';

/** The Worker's store driver: Cloudflare D1. `batch` is D1's own transaction. */
export function d1Driver(db: D1Database): SqlDriver {
  return {
    async all(sql, params = []) {
      return (
        await db
          .prepare(sql)
          .bind(...params)
          .all<Record<string, SqlValue>>()
      ).results;
    },
    async batch(statements) {
      const results = await db.batch<Record<string, SqlValue>>(
        statements.map(({ sql, params }) => db.prepare(sql).bind(...params)),
      );
      return results.map((r) => ({ rows: r.results ?? [], changes: r.meta?.changes ?? 0 }));
    },
  };
}

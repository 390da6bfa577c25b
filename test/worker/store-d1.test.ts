import { env } from 'cloudflare:workers';
import { d1Driver } from '../../src/runtime/worker/d1.ts';
import { storeContract } from '../desk/store-contract.ts';

interface TestEnv {
  DB: D1Database;
  TEST_MIGRATIONS: { name: string; queries: string[] }[];
}
const testEnv = env as unknown as TestEnv;

/** A fresh database for each test: D1 here is one local database, so clear it. */
async function fresh() {
  const db = d1Driver(testEnv.DB);
  const tables = await db.all(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
  );
  if (tables.length)
    await db.batch(
      tables.map((t) => ({ sql: `DROP TABLE IF EXISTS "${String(t.name)}"`, params: [] })),
    );
  return db;
}

storeContract('D1 (workerd)', fresh, async () =>
  testEnv.TEST_MIGRATIONS.map((m) => ({
    name: m.name,
    sql: m.queries.map((q) => `${q.replace(/;\s*$/, '')};`).join('\n'),
  })),
);

/**
 * The editorial store's contract, run against every driver: SQLite on Node
 * (store-sqlite.test.ts) and D1 inside workerd (test/worker/store-d1.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { applyMigrations, type Migration } from '../../src/desk/migrate.ts';
import type { SqlDriver } from '../../src/desk/sql.ts';
import { EditorialStore } from '../../src/desk/store.ts';
import { YuluError } from '../../src/errors.ts';

export function storeContract(
  name: string,
  fresh: () => Promise<SqlDriver>,
  migrations: () => Promise<Migration[]>,
) {
  async function migrated(): Promise<EditorialStore> {
    const db = await fresh();
    await applyMigrations(db, await migrations());
    return new EditorialStore(db);
  }
  const codeOf = (error: unknown) => (error instanceof YuluError ? error.code : String(error));

  describe(`editorial store on ${name}`, () => {
    it('migrates from empty, once', async () => {
      const db = await fresh();
      const list = await migrations();
      expect(await applyMigrations(db, list)).toEqual(list.map((m) => m.name));
      expect(await applyMigrations(db, list)).toEqual([]);
      const store = new EditorialStore(db);
      expect(await store.statuses()).toEqual([]);
    });

    it('reports an unmigrated database as store_unavailable, not a crash', async () => {
      const store = new EditorialStore(await fresh());
      await expect(store.status('abc')).rejects.toMatchObject({
        code: 'store_unavailable',
        status: 503,
      });
    });

    it('versions every write and rejects a stale one without changing anything', async () => {
      const store = await migrated();
      const v1 = await store.setStatus(
        'q1',
        { status: 'approved', note: 'good' },
        { actor: 'ann', expectedVersion: 0 },
      );
      expect(v1.version).toBe(1);
      const v2 = await store.setStatus(
        'q1',
        { status: 'rejected', note: 'on reflection' },
        { actor: 'bob', expectedVersion: 1 },
      );
      expect(v2.version).toBe(2);
      const stale = await store
        .setStatus('q1', { status: 'approved', note: 'mine' }, { actor: 'ann', expectedVersion: 1 })
        .catch((e: unknown) => e);
      expect(codeOf(stale)).toBe('version_conflict');
      expect((stale as YuluError).status).toBe(409);
      expect((stale as YuluError).message).toMatch(/version 1, it is now at version 2/);
      expect(await store.status('q1')).toMatchObject({
        status: 'rejected',
        note: 'on reflection',
        version: 2,
        updatedBy: 'bob',
      });
    });

    it('lets exactly one of 50 concurrent conflicting writes win, and loses nothing', async () => {
      const store = await migrated();
      await store.setStatus(
        'q2',
        { status: 'candidate', note: '' },
        { actor: 'setup', expectedVersion: 0 },
      );
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          store.setStatus(
            'q2',
            { status: 'approved', note: `editor ${i}` },
            { actor: `editor-${i}`, expectedVersion: 1 },
          ),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(
        lost.every((r) => codeOf((r as PromiseRejectedResult).reason) === 'version_conflict'),
      ).toBe(true);
      const winner = (won[0] as PromiseFulfilledResult<{ note: string }>).value;
      expect(await store.status('q2')).toMatchObject({ version: 2, note: winner.note });
      const audit = (await store.audit()).filter((e) => e.entity === 'quote:q2');
      expect(audit).toHaveLength(2); // the setup write and the one winner
    });

    it('applies a retried write once (idempotency key), even when retries race', async () => {
      const store = await migrated();
      const write = () =>
        store.setStatus(
          'q3',
          { status: 'approved', note: 'once' },
          { actor: 'ann', expectedVersion: 0, idempotencyKey: 'k-123' },
        );
      const results = await Promise.all([write(), write(), write(), write(), write()]);
      expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
      expect((await write()).version).toBe(1);
      expect(await store.status('q3')).toMatchObject({ version: 1 });
      expect((await store.audit()).filter((e) => e.entity === 'quote:q3')).toHaveLength(1);
    });

    it('schedules a day once when two editors race for it', async () => {
      const store = await migrated();
      const results = await Promise.allSettled([
        store.setSchedule('2026-12-01', 'qa', { actor: 'ann', expectedVersion: 0 }),
        store.setSchedule('2026-12-01', 'qb', { actor: 'bob', expectedVersion: 0 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(codeOf(loser.reason)).toBe('version_conflict');
      const day = await store.scheduled('2026-12-01');
      expect(['qa', 'qb']).toContain(day?.quoteId);
      expect(await store.schedule('2026-11-01', '2026-12-31')).toHaveLength(1);
      await expect(
        store.setSchedule('2026-13-45', 'qa', { actor: 'ann', expectedVersion: 0 }),
      ).rejects.toMatchObject({ code: 'invalid_argument' });
    });

    it('keeps an append-only audit log with before and after', async () => {
      const store = await migrated();
      await store.setErratum(
        'q4',
        { corrected: '修正后的文字', reason: 'ASR misheard GPT-3' },
        { actor: 'ann', expectedVersion: 0 },
      );
      await store.setErratum(
        'q4',
        { corrected: '再修正', reason: 'second look' },
        { actor: 'bob', expectedVersion: 1 },
      );
      const [latest, first] = await store.audit();
      expect(first).toMatchObject({
        actor: 'ann',
        action: 'set-erratum',
        entity: 'erratum:q4',
        before: null,
      });
      expect(latest).toMatchObject({
        actor: 'bob',
        before: { corrected: '修正后的文字', version: 1 },
        after: { corrected: '再修正', version: 2 },
      });
      expect(latest!.seq).toBeGreaterThan(first!.seq);
      await expect(
        store.setErratum(
          'q5',
          { corrected: 'x', reason: ' ' },
          { actor: 'ann', expectedVersion: 0 },
        ),
      ).rejects.toMatchObject({
        code: 'invalid_argument',
      });
    });
  });
}

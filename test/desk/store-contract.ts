/**
 * The editorial store's contract, run against every driver: SQLite on Node
 * (store-sqlite.test.ts) and D1 inside workerd (test/worker/store-d1.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { applyMigrations, type Migration } from '../../src/desk/migrate.ts';
import type { SqlDriver } from '../../src/desk/sql.ts';
import { EditorialStore, type SwapSide as SwapSideLike } from '../../src/desk/store.ts';
import { YuluError } from '../../src/errors.ts';

export function storeContract(
  name: string,
  fresh: () => Promise<SqlDriver>,
  migrations: () => Promise<Migration[]>,
) {
  async function migratedWith(): Promise<{ db: SqlDriver; store: EditorialStore }> {
    const db = await fresh();
    await applyMigrations(db, await migrations());
    return { db, store: new EditorialStore(db) };
  }
  const migrated = async () => (await migratedWith()).store;
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
        store.setSchedule('2099-12-01', 'qa', { actor: 'ann', expectedVersion: 0 }),
        store.setSchedule('2099-12-01', 'qb', { actor: 'bob', expectedVersion: 0 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(codeOf(loser.reason)).toBe('version_conflict');
      const day = await store.scheduled('2099-12-01');
      expect(['qa', 'qb']).toContain(day?.quoteId);
      expect(await store.schedule('2099-11-01', '2099-12-31')).toHaveLength(1);
      await expect(
        store.setSchedule('2026-13-45', 'qa', { actor: 'ann', expectedVersion: 0 }),
      ).rejects.toMatchObject({ code: 'invalid_argument' });
    });

    it('keeps named editors: token hashed, sign-in by token, revocation, audit filtered by editor and quote', async () => {
      const store = await migrated();
      const { token } = await store.editors().add('安娜');
      await expect(store.editors().signIn(token)).resolves.toBe('安娜');
      await expect(store.editors().signIn(`${token}x`)).resolves.toBeNull();
      await expect(store.editors().add('安娜')).rejects.toMatchObject({ code: 'invalid_argument' });
      await store.setStatus(
        'q1',
        { status: 'approved', note: '' },
        { actor: '安娜', expectedVersion: 0 },
      );
      await store.setStatus(
        'q2',
        { status: 'rejected', note: '' },
        { actor: 'bob', expectedVersion: 0 },
      );
      await store.setSchedule('2026-12-24', 'q1', { actor: 'bob', expectedVersion: 0 });
      expect((await store.auditPage({ actor: '安娜' })).map((e) => e.entity)).toEqual(['quote:q1']);
      expect((await store.auditPage({ quoteId: 'q1' })).map((e) => e.entity)).toEqual([
        'day:2026-12-24',
        'quote:q1',
      ]);
      expect((await store.auditPage({ day: '2026-12-24' })).map((e) => e.entity)).toContain(
        'day:2026-12-24',
      );
      const [newest] = await store.auditPage({ limit: 1 });
      expect((await store.auditPage({ before: newest!.seq })).length).toBe(2);
      expect(await store.auditActors()).toEqual(['bob', '安娜']);
      await store.editors().revoke('安娜');
      await expect(store.editors().signIn(token)).resolves.toBeNull();
      await expect(store.editors().active('安娜')).resolves.toBe(false);
    });

    it("deletes a revoked editor's session rows, and only theirs", async () => {
      const { db, store } = await migratedWith();
      await store.editors().add('安娜');
      await store.editors().add('Bob');
      const far = Date.now() + 3_600_000;
      for (const [idHash, editor] of [
        ['a1', '安娜'],
        ['a2', '安娜'],
        ['b1', 'Bob'],
        ['e1', 'editor'],
      ] as const)
        await store.createSession({ idHash, editor, csrf: `c-${idHash}`, expires: far });
      const sessions = async () =>
        (await db.all('SELECT id_hash FROM sessions ORDER BY id_hash')).map((r) => r.id_hash);
      expect(await sessions()).toEqual(['a1', 'a2', 'b1', 'e1']);
      await store.editors().revoke('安娜');
      expect(await sessions()).toEqual(['b1', 'e1']);
      // Revoking an unknown name deletes nothing (the shortcut's sessions are not a named editor's).
      await expect(store.editors().revoke('editor')).rejects.toMatchObject({
        code: 'invalid_argument',
      });
      expect(await sessions()).toEqual(['b1', 'e1']);
    });

    it('binds an idempotency key to its request: other content under a used key is a 422 and applies nothing', async () => {
      const store = await migrated();
      const ann = { actor: 'ann', expectedVersion: 0, idempotencyKey: 'form:k1' };
      const first = await store.setStatus('q7', { status: 'approved', note: 'good' }, ann);
      // The same form sent again (a double click, a retry): the first result, nothing applied twice.
      expect(await store.setStatus('q7', { status: 'approved', note: 'good' }, ann)).toEqual(first);
      // Back, change the note, send again with the same key: refused, saying so.
      for (const attempt of [
        () => store.setStatus('q7', { status: 'approved', note: 'changed' }, ann),
        () => store.setStatus('q8', { status: 'approved', note: 'good' }, ann),
        () => store.setErratum('q7', { corrected: '文字', reason: 'r' }, ann),
        () => store.setSchedule('2099-12-02', 'q7', ann),
      ]) {
        const error = await attempt().catch((e: unknown) => e);
        expect(codeOf(error)).toBe('idempotency_mismatch');
        expect((error as YuluError).status).toBe(422);
        expect((error as YuluError).message).toMatch(/different content/);
      }
      expect((await store.status('q7'))?.note).toBe('good');
      expect(await store.status('q8')).toBeNull();
      expect(await store.audit()).toHaveLength(1);
    });

    it('schedules only real calendar days, and never rewrites a day that has gone out', async () => {
      const store = await migrated();
      for (const day of ['2099-02-31', '2099-02-29', '2099-1-01', '20991201', '2099-12-01T00:00'])
        await expect(
          store.setSchedule(day, 'qa', { actor: 'ann', expectedVersion: 0 }),
        ).rejects.toMatchObject({ code: 'invalid_argument' });
      await store.setSchedule('2096-02-29', 'qa', { actor: 'ann', expectedVersion: 0 });
      const past = await store
        .setSchedule('2020-01-01', 'qa', { actor: 'ann', expectedVersion: 0 })
        .catch((e: unknown) => e);
      // A stable code of its own (issue 14), a 409: the request is well formed, the day is not open.
      expect(codeOf(past)).toBe('day_fixed');
      expect((past as YuluError).status).toBe(409);
      expect((past as YuluError).message).toMatch(/has gone out .* is fixed/);
      // No actor rewrites the past: what went out is recorded by the publishing job in
      // daily_published (src/daily/service.ts), never in the editors' schedule.
      await expect(
        store.setSchedule('2020-01-01', 'qb', { actor: 'daily-fallback', expectedVersion: 0 }),
      ).rejects.toMatchObject({ code: 'day_fixed' });
      expect(await store.scheduled('2020-01-01')).toBeNull();
      await store.publish([{ day: '2020-01-01', quoteId: 'qa', how: 'auto' }]);
      expect(await store.publish([{ day: '2020-01-01', quoteId: 'qb', how: 'auto' }])).toEqual([]);
      expect((await store.published('2020-01-01', '2020-01-01'))[0]?.quoteId).toBe('qa');
    });

    /** Row counts of the tables a schedule write touches, and how many batches (writes) ran. */
    async function counted() {
      const { db, store: _unused } = await migratedWith();
      void _unused;
      let batches = 0;
      const counting: SqlDriver = {
        all: (text, params) => db.all(text, params),
        batch: (statements) => {
          batches++;
          return db.batch(statements);
        },
      };
      const store = new EditorialStore(counting);
      const rows = async () => {
        const [row] = await db.all(
          'SELECT (SELECT count(*) FROM schedule) AS schedule, (SELECT count(*) FROM audit) AS audit, (SELECT count(*) FROM idempotency) AS idem',
        );
        return { ...(row as { schedule: number; audit: number; idem: number }), batches };
      };
      return { db, store, rows };
    }
    const ann = (expectedVersion: number, key?: string) => ({
      actor: 'ann',
      expectedVersion,
      idempotencyKey: key,
    });

    it('refuses a schedule on a published day (day_fixed) and a repeat within 60 days (daily_repeat), writing nothing', async () => {
      const { store, rows } = await counted();
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      );
      await store.publish([{ day: today, quoteId: 'qp', how: 'auto' }]);
      await store.setSchedule('2099-03-01', 'qa', ann(0));
      const before = await rows();
      // Today went out: an editor's change would succeed and change nothing; it is refused.
      const published = await store.setSchedule(today, 'qz', ann(0)).catch((e: unknown) => e);
      expect(codeOf(published)).toBe('day_fixed');
      expect((published as YuluError).message).toMatch(/published/);
      // The same quote 59 days after another scheduled day, or before it: refused, naming the day.
      for (const day of ['2099-04-28', '2099-01-01', '2099-03-02']) {
        const repeat = await store.setSchedule(day, 'qa', ann(0)).catch((e: unknown) => e);
        expect(codeOf(repeat), day).toBe('daily_repeat');
        expect((repeat as YuluError).status).toBe(409);
        expect((repeat as YuluError).message).toContain('2099-03-01');
      }
      // A published quote may not come back within 60 days either.
      const soon = await store
        .setSchedule(
          new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10),
          'qp',
          ann(0),
        )
        .catch((e: unknown) => e);
      expect(codeOf(soon)).toBe('daily_repeat');
      expect((soon as YuluError).message).toMatch(/published/);
      expect(await rows()).toEqual(before);
      // Exactly 60 days apart is allowed, and rescheduling a day with its own quote is no repeat.
      await store.setSchedule('2099-04-30', 'qa', ann(0));
      await store.setSchedule('2099-03-01', 'qa', ann(1));
      expect(await store.usesNear('qa', '2099-03-15')).toEqual([
        { day: '2099-03-01', published: false },
        { day: '2099-04-30', published: false },
      ]);
    });

    it('clears a scheduled day: the row keeps counting versions, a stale form stays stale, one audit entry', async () => {
      const { store, rows } = await counted();
      await store.setSchedule('2099-05-01', 'qa', ann(0));
      const start = await rows();
      const cleared = await store.clearSchedule('2099-05-01', ann(1, 'k-clear'));
      expect(cleared).toMatchObject({ day: '2099-05-01', quoteId: '', version: 2 });
      expect(await rows()).toEqual({
        schedule: start.schedule,
        audit: Number(start.audit) + 1,
        idem: Number(start.idem) + 1,
        batches: start.batches + 1,
      });
      // The plan flows back: the day is no longer in the schedule, but its version is kept.
      expect(await store.schedule('2099-01-01', '2099-12-31')).toEqual([]);
      expect((await store.scheduleRows('2099-01-01', '2099-12-31'))[0]?.version).toBe(2);
      const [entry] = await store.audit(1);
      expect(entry).toMatchObject({ action: 'clear', entity: 'day:2099-05-01', actor: 'ann' });
      expect(entry?.after).toEqual(cleared);
      // The same form again: the first result, nothing applied twice.
      expect(await store.clearSchedule('2099-05-01', ann(1, 'k-clear'))).toEqual(cleared);
      // A form made before the clear (version 1) cannot schedule over it unseen.
      const stale = await store.setSchedule('2099-05-01', 'qb', ann(1)).catch((e: unknown) => e);
      expect(codeOf(stale)).toBe('version_conflict');
      // Clearing an open day is a 400; the cleared quote may now go on a day near it.
      await expect(store.clearSchedule('2099-05-01', ann(2))).rejects.toMatchObject({
        code: 'invalid_argument',
      });
      await expect(store.clearSchedule('2099-05-09', ann(0))).rejects.toMatchObject({
        code: 'invalid_argument',
      });
      await store.setSchedule('2099-05-10', 'qa', ann(0));
      expect((await store.setSchedule('2099-05-01', 'qc', ann(2))).version).toBe(3);
      await expect(store.clearSchedule('2020-01-01', ann(1))).rejects.toMatchObject({
        code: 'day_fixed',
      });
    });

    it('swaps two days in one transaction: both or neither, conflicts and refusals write nothing', async () => {
      const { store, rows } = await counted();
      await store.setSchedule('2099-06-01', 'qa', ann(0));
      await store.setSchedule('2099-09-01', 'qx', ann(0));
      // A scheduled day with an automatic one (no row: version 0, the plan's pick qb).
      let before = await rows();
      const [first, second] = await store.swapSchedule(
        { day: '2099-06-01', quoteId: 'qa', expectedVersion: 1 },
        { day: '2099-06-03', quoteId: 'qb', expectedVersion: 0 },
        { actor: 'bob', idempotencyKey: 'k-swap' },
      );
      expect(first).toMatchObject({ day: '2099-06-01', quoteId: 'qb', version: 2 });
      expect(second).toMatchObject({ day: '2099-06-03', quoteId: 'qa', version: 1 });
      expect(await rows()).toEqual({
        schedule: Number(before.schedule) + 1,
        audit: Number(before.audit) + 2,
        idem: Number(before.idem) + 1,
        batches: before.batches + 1,
      });
      const entries = await store.audit(2);
      expect(entries.map((e) => [e.action, e.entity, e.actor])).toEqual([
        ['swap', 'day:2099-06-03', 'bob'],
        ['swap', 'day:2099-06-01', 'bob'],
      ]);
      expect(entries[0]?.after).toEqual(second);
      expect(entries[1]?.after).toEqual(first);
      expect(
        await store.swapSchedule(
          { day: '2099-06-01', quoteId: 'qa', expectedVersion: 1 },
          { day: '2099-06-03', quoteId: 'qb', expectedVersion: 0 },
          { actor: 'bob', idempotencyKey: 'k-swap' },
        ),
      ).toEqual([first, second]);

      before = await rows();
      const refused = async (a: SwapSideLike, b: SwapSideLike, code: string) => {
        const error = await store.swapSchedule(a, b, { actor: 'ann' }).catch((e: unknown) => e);
        expect(codeOf(error), JSON.stringify([a, b])).toBe(code);
      };
      // Stale on either side, or a scheduled day that no longer holds the quote the editor saw.
      await refused(
        { day: '2099-06-01', quoteId: 'qb', expectedVersion: 1 },
        { day: '2099-06-03', quoteId: 'qa', expectedVersion: 1 },
        'version_conflict',
      );
      await refused(
        { day: '2099-06-01', quoteId: 'qb', expectedVersion: 2 },
        { day: '2099-06-03', quoteId: 'qa', expectedVersion: 0 },
        'version_conflict',
      );
      await refused(
        { day: '2099-06-01', quoteId: 'qz', expectedVersion: 2 },
        { day: '2099-06-03', quoteId: 'qa', expectedVersion: 1 },
        'version_conflict',
      );
      // A day that went out; a quote that would land within 60 days of its other use.
      await refused(
        { day: '2020-01-01', quoteId: 'qq', expectedVersion: 0 },
        { day: '2099-06-03', quoteId: 'qa', expectedVersion: 1 },
        'day_fixed',
      );
      await refused(
        { day: '2099-08-01', quoteId: 'qb', expectedVersion: 0 },
        { day: '2099-06-03', quoteId: 'qa', expectedVersion: 1 },
        'daily_repeat',
      );
      await expect(
        store.swapSchedule(
          { day: '2099-06-01', quoteId: 'qb', expectedVersion: 2 },
          { day: '2099-06-01', quoteId: 'qb', expectedVersion: 2 },
          { actor: 'ann' },
        ),
      ).rejects.toMatchObject({ code: 'invalid_argument' });
      expect(await rows()).toEqual(before);
      expect(await store.scheduled('2099-06-01')).toMatchObject({ quoteId: 'qb', version: 2 });
      expect(await store.scheduled('2099-08-01')).toBeNull();
    });

    it('keeps server-side sessions that sign-out revokes, per session and per editor', async () => {
      const store = await migrated();
      const far = Date.now() + 3_600_000;
      const mk = (idHash: string, editor: string) => ({
        idHash,
        editor,
        csrf: `c-${idHash}`,
        expires: far,
      });
      await store.createSession(mk('h1', 'ann'));
      await store.createSession(mk('h2', 'ann'));
      await store.createSession(mk('h3', 'bob'));
      expect(await store.session('h1')).toEqual(mk('h1', 'ann'));
      await store.revokeSession('h1');
      expect(await store.session('h1')).toBeNull();
      expect(await store.session('h2')).not.toBeNull();
      expect(await store.revokeEditorSessions('ann')).toBe(1);
      expect(await store.session('h2')).toBeNull();
      expect(await store.session('h3')).not.toBeNull();
      await store.createSession({ ...mk('old', 'bob'), expires: Date.now() - 1 });
      expect(await store.session('old')).toBeNull();
      expect(await store.session('nope')).toBeNull();
    });

    it('makes a kept secret once and returns the same one after, also when asked at once', async () => {
      const store = await migrated();
      let made = 0;
      const make = () => `secret-${++made}`;
      const [a, b] = await Promise.all([
        store.keptSecret('draft-signing-key', make),
        store.keptSecret('draft-signing-key', make),
      ]);
      expect(a).toBe(b);
      expect(await store.keptSecret('draft-signing-key', make)).toBe(a);
      expect(await store.keptSecret('other', make)).not.toBe(a);
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

    // Fault injection inside the database: a trigger aborts the audit (or idempotency) insert, a
    // statement that runs *after* the record's own insert or update in the same batch. The whole
    // write must roll back — no record, no version bump, no audit entry — and a retry with the
    // same idempotency key once the fault is gone is applied exactly once.
    it('rolls back a write that fails part-way: nothing half applied, the retry applies once', async () => {
      const { db, store } = await migratedWith();
      const ann = (expectedVersion: number, idempotencyKey?: string) => ({
        actor: 'ann',
        expectedVersion,
        idempotencyKey,
      });
      await store.setStatus('q1', { status: 'approved', note: 'kept' }, ann(0));
      await store.setSchedule('2099-12-01', 'q1', ann(0));
      const saved = {
        status: await store.status('q1'),
        day: await store.scheduled('2099-12-01'),
        audit: await store.audit(),
      };

      for (const table of ['audit', 'idempotency']) {
        await db.all(
          `CREATE TRIGGER injected_fault BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'injected fault in ${table}'); END`,
        );
        const writes: [string, () => Promise<unknown>][] = [
          [
            'new status',
            () => store.setStatus('q2', { status: 'rejected', note: 'x' }, ann(0, `${table}-a`)),
          ],
          [
            'status update',
            () =>
              store.setStatus('q1', { status: 'rejected', note: 'lost?' }, ann(1, `${table}-b`)),
          ],
          ['schedule', () => store.setSchedule('2099-12-01', 'q9', ann(1, `${table}-c`))],
          [
            'erratum',
            () => store.setErratum('q3', { corrected: '改', reason: 'r' }, ann(0, `${table}-d`)),
          ],
        ];
        if (table === 'audit')
          writes.push([
            'trim',
            () =>
              store.createTrim(
                {
                  quoteId: 't1',
                  parentId: 'q1',
                  source: 's',
                  paragraph: 'p1',
                  span: [0, 4],
                  text: '一二三四',
                },
                'ann',
              ),
          ]);
        for (const [what, write] of writes)
          await expect(write(), `${what} with a fault in ${table}`).rejects.toMatchObject({
            code: 'store_unavailable',
            message: expect.stringContaining('injected fault'),
          });
        await db.all('DROP TRIGGER injected_fault');

        expect(await store.status('q1'), table).toEqual(saved.status);
        expect(await store.status('q2'), table).toBeNull();
        expect(await store.scheduled('2099-12-01'), table).toEqual(saved.day);
        expect(await store.erratum('q3'), table).toBeNull();
        expect(await store.trim('t1'), table).toBeNull();
        expect(await store.audit(), table).toEqual(saved.audit);
      }

      // The fault is gone: retrying with the key of the failed attempt applies once.
      const retried = await Promise.all(
        [1, 2, 3].map(() =>
          store.setStatus('q1', { status: 'rejected', note: 'retried' }, ann(1, 'idempotency-b')),
        ),
      );
      expect(retried.map((r) => r.version)).toEqual([2, 2, 2]);
      expect((await store.audit()).filter((e) => e.entity === 'quote:q1')).toHaveLength(2);
    });
  });
}

import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCommand } from '../src/cli/backup-command.ts';
import { openNodeStore } from '../src/runtime/node/store.ts';
import { YuluError } from '../src/errors.ts';
import { EDITORIAL_TABLES, NOT_EXPORTED, type EditorialExport } from '../src/desk/export.ts';

const dir = mkdtempSync(join(tmpdir(), 'yulu-backup-'));
const lines: string[] = [];
const out = (line: string) => lines.push(line);

async function seeded(file: string) {
  const store = await openNodeStore(file);
  const ann = (v: number, key?: string) => ({
    actor: 'ann',
    expectedVersion: v,
    idempotencyKey: key,
  });
  await store.setStatus('q1', { status: 'approved', note: '好句 “quoted”' }, ann(0, 'k1'));
  await store.setStatus('q1', { status: 'rejected', note: 'on reflection' }, ann(1));
  await store.setErratum('q2', { corrected: '修正后的文字', reason: 'ASR misheard' }, ann(0));
  await store.setSchedule('2099-12-24', 'q1', ann(0));
  await store.publish([{ day: '2026-11-30', quoteId: 'q2', how: 'auto' }]);
  const { token } = await store.editors().add('林编辑');
  await store.editors().add('old-hand');
  await store.editors().revoke('old-hand');
  return Object.assign(store, { token });
}

describe('yulu backup, export and import', () => {
  it('backs up the live store online to a file that holds the same data', async () => {
    const source = join(dir, 'live.sqlite');
    const store = await seeded(source);
    const target = join(dir, 'copy.sqlite');
    expect(await backupCommand('backup', [target], out, source)).toBe(0);
    expect(lines.at(-1)).toMatch(/integrity ok/);
    const copy = await openNodeStore(target);
    expect(await copy.status('q1')).toEqual(await store.status('q1'));
    expect(await copy.audit()).toEqual(await store.audit());
    await expect(backupCommand('backup', [target], out, source)).rejects.toThrow(/exists/);
  });

  it('round-trips editorial data through JSON: export, import into an empty store, export again', async () => {
    const source = join(dir, 'a.sqlite');
    const { token } = await seeded(source);
    const file = join(dir, 'a.json');
    expect(await backupCommand('export', [file], out, source)).toBe(0);
    const text = readFileSync(file, 'utf8');
    const first = JSON.parse(text) as EditorialExport;
    expect(first.tables.quote_status).toHaveLength(1);
    expect(first.tables.audit).toHaveLength(4);
    expect(first.tables.daily_published).toEqual([
      expect.objectContaining({ day: '2026-11-30', quote_id: 'q2', how: 'auto' }),
    ]);
    expect(first.migrations).toContain('0001_editorial.sql');
    // The named editors travel as token hashes: the token itself is nowhere in the file.
    expect(first.tables.editors.map((e) => [e.name, e.revoked_at === null])).toEqual([
      ['old-hand', false],
      ['林编辑', true],
    ]);
    expect(first.tables.editors.every((e) => /^[0-9a-f]{64}$/.test(String(e.token_hash)))).toBe(
      true,
    );
    expect(text).not.toContain(token);

    const target = join(dir, 'b.sqlite');
    expect(await backupCommand('import', [file], out, target)).toBe(0);
    expect(lines.at(-1)).toMatch(
      /imported 1 quote_status, 0 trims, 1 errata, 1 schedule, 4 audit, 1 daily_published, 2 editors/,
    );
    const again = join(dir, 'b.json');
    await backupCommand('export', [again], out, target);
    const second = JSON.parse(readFileSync(again, 'utf8')) as EditorialExport;
    expect(second.tables).toEqual(first.tables);
    // The imported store keeps working: versions and the audit sequence carry on.
    const store = await openNodeStore(target);
    const next = await store.setStatus(
      'q1',
      { status: 'approved', note: 'back' },
      { actor: 'bob', expectedVersion: 2 },
    );
    expect(next.version).toBe(3);
    expect((await store.audit(1))[0]?.seq).toBe(5);
    // The restored editors sign in with the tokens they already hold; the revoked one cannot.
    expect(await store.editors().signIn(token)).toBe('林编辑');
    expect(await store.editors().active('old-hand')).toBe(false);
    // A day that went out stays out after a restore.
    expect((await store.published('2026-11-30', '2026-11-30'))[0]?.quoteId).toBe('q2');
  });

  it('exports every table of the migrated schema, or says why not', async () => {
    const file = join(dir, 'schema.sqlite');
    await openNodeStore(file);
    const db = new Database(file, { readonly: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all()
        .map((r) => (r as { name: string }).name)
        .sort();
      // A new table must be added to EDITORIAL_TABLES or, with a reason, to NOT_EXPORTED.
      expect(tables).toEqual(
        [...Object.keys(EDITORIAL_TABLES), ...Object.keys(NOT_EXPORTED)].sort(),
      );
      // And an exported table is exported whole: every column of the schema, no other.
      for (const [table, columns] of Object.entries(EDITORIAL_TABLES)) {
        const schema = db
          .prepare(`PRAGMA table_info(${table})`)
          .all()
          .map((c) => (c as { name: string }).name);
        expect([...columns].sort(), table).toEqual(schema.sort());
      }
    } finally {
      db.close();
    }
  });

  it('reads a version-1 export (before days out and editors were exported)', async () => {
    const source = join(dir, 'v1.sqlite');
    await seeded(source);
    const file = join(dir, 'v1.json');
    await backupCommand('export', [file], out, source);
    const current = JSON.parse(readFileSync(file, 'utf8')) as EditorialExport;
    const older: Partial<EditorialExport['tables']> = { ...current.tables };
    delete older.daily_published;
    delete older.editors;
    const v1 = join(dir, 'v1-old.json');
    writeFileSync(v1, JSON.stringify({ ...current, version: 1, tables: older }));
    expect(await backupCommand('import', [v1], out, join(dir, 'v1-target.sqlite'))).toBe(0);
    expect(lines.at(-1)).toMatch(/1 schedule, 4 audit, 0 daily_published, 0 editors/);
  });

  it('never imports over existing work, and refuses files that are not exports', async () => {
    const source = join(dir, 'c.sqlite');
    await seeded(source);
    const file = join(dir, 'c.json');
    await backupCommand('export', [file], out, source);
    const refused = await backupCommand('import', [file], out, source).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(YuluError);
    expect((refused as YuluError).message).toMatch(/already holds editorial data/);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'yulu-editorial', version: 1, tables: { sessions: [] } }),
    );
    await expect(backupCommand('import', [bad], out, join(dir, 'd.sqlite'))).rejects.toThrow(
      /unknown table "sessions"/,
    );
  });
});

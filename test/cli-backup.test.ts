import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCommand } from '../src/cli/backup-command.ts';
import { openNodeStore } from '../src/runtime/node/store.ts';
import { YuluError } from '../src/errors.ts';
import type { EditorialExport } from '../src/desk/export.ts';

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
  return store;
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
    await seeded(source);
    const file = join(dir, 'a.json');
    expect(await backupCommand('export', [file], out, source)).toBe(0);
    const first = JSON.parse(readFileSync(file, 'utf8')) as EditorialExport;
    expect(first.tables.quote_status).toHaveLength(1);
    expect(first.tables.audit).toHaveLength(4);
    expect(first.migrations).toContain('0001_editorial.sql');

    const target = join(dir, 'b.sqlite');
    expect(await backupCommand('import', [file], out, target)).toBe(0);
    expect(lines.at(-1)).toMatch(/imported 1 quote_status, 0 trims, 1 errata, 1 schedule, 4 audit/);
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
    (await import('node:fs')).writeFileSync(
      bad,
      JSON.stringify({ format: 'yulu-editorial', version: 1, tables: { sessions: [] } }),
    );
    await expect(backupCommand('import', [bad], out, join(dir, 'd.sqlite'))).rejects.toThrow(
      /unknown table "sessions"/,
    );
  });
});

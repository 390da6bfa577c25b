/** `yulu editors add|list|revoke` against a fresh data directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'yulu-editors-'));
process.env.YULU_DATA_DIR = dir;
process.env.YULU_LANG = 'zh';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function yulu(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const { run } = await import('../src/cli/main.ts');
  const lines: string[] = [];
  const code = await run(argv, (line) => lines.push(line));
  return { code, lines };
}

describe('yulu editors', () => {
  it('adds an editor and prints the token once, lists and revokes', async () => {
    const added = await yulu('editors', 'add', '陈编辑');
    expect(added.code).toBe(0);
    const token = added.lines.find((l) => l.startsWith('yulu_ed_'))!;
    expect(token).toMatch(/^yulu_ed_[\w-]{43}$/);
    const listed = await yulu('editors', 'list');
    expect(listed.lines.join('\n')).toContain('陈编辑');
    expect(listed.lines.join('\n')).toContain('有效');
    expect(listed.lines.join('\n')).not.toContain(token);
    const { openNodeStore } = await import('../src/runtime/node/store.ts');
    const store = await openNodeStore();
    await expect(store.editors().signIn(token)).resolves.toBe('陈编辑');
    expect((await yulu('editors', 'revoke', '陈编辑')).code).toBe(0);
    await expect(store.editors().signIn(token)).resolves.toBeNull();
    await expect(yulu('editors', 'add', '陈编辑')).rejects.toThrow(/already exists/);
    await expect(yulu('editors', 'fire', 'x')).rejects.toThrow(/verbs are: add, list, revoke/);
  });
});

describe('yulu editors --d1 (the Worker)', () => {
  it('prints the token once and a wrangler d1 command whose SQL signs that editor in', async () => {
    const added = await yulu('editors', 'add', '林 编辑', '--d1');
    expect(added.code).toBe(0);
    const token = added.lines.find((l) => l.startsWith('yulu_ed_'))!;
    const command = added.lines.at(-1)!;
    expect(command).toMatch(
      /^npx wrangler d1 execute yulu-editorial --remote --command "INSERT INTO editors /,
    );
    expect(command).not.toContain(token);
    const local = await yulu('editors', 'add', '周编辑', '--d1', '--local');
    expect(local.lines.at(-1)).toMatch(
      /^npx wrangler d1 execute yulu-editorial --local --command "/,
    );
    // The printed SQL, run against a store with the same schema, adds exactly that editor.
    const { openSqlite, readMigrations } = await import('../src/runtime/node/sqlite.ts');
    const { applyMigrations } = await import('../src/desk/migrate.ts');
    const { EditorDirectory } = await import('../src/desk/editors.ts');
    const db = openSqlite(':memory:');
    await applyMigrations(db, readMigrations());
    const sql = /--command "(.*)"$/.exec(command)![1]!;
    await db.batch([{ sql, params: [] }]);
    const directory = new EditorDirectory(db);
    await expect(directory.signIn(token)).resolves.toBe('林 编辑');
    // Revoking prints the matching UPDATE; run, it ends the editor's access.
    const revoked = await yulu('editors', 'revoke', '林 编辑', '--d1');
    await db.batch([{ sql: /--command "(.*)"$/.exec(revoked.lines.at(-1)!)![1]!, params: [] }]);
    await expect(directory.signIn(token)).resolves.toBeNull();
    // Nothing was written to the local store: the editor exists only where the SQL ran.
    expect((await yulu('editors', 'list')).lines.join('\n')).not.toContain('林 编辑');
    await expect(yulu('editors', 'list', '--d1')).rejects.toThrow(
      /SELECT name, created_at, revoked_at FROM editors/,
    );
    await expect(yulu('editors', 'add', 'editor', '--d1')).rejects.toThrow(/reserved/);
  });
});

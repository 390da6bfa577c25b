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

import { editorInsertSql, editorRevokeSql, type EditorDirectory } from '../desk/editors.ts';
import { YuluError } from '../errors.ts';

export const EDITORS_USAGE = `yulu editors add <name>       creates an editor; the token is shown once
       yulu editors list             lists editors
       yulu editors revoke <name>    revokes an editor and ends their sessions
       … add|revoke <name> --d1 [--local]   for the Worker: prints the wrangler d1 command to run
                                     (D1 --remote by default; --local for wrangler dev's database)`;

/** The Worker's D1 database (wrangler.toml [[d1_databases]] database_name). */
export const D1_DATABASE = 'yulu-editorial';

/** Chinese first; English when YULU_LANG (or LANG) starts with "en". One language per line. */
const english = /^en/i.test(process.env.YULU_LANG ?? process.env.LANG ?? '');
const say = {
  created: (name: string) =>
    english
      ? `Created editor ${name}. Token (shown only this once; hand it to them securely, only its hash is kept):`
      : `已创建编辑 ${name}。口令如下（只显示这一次，请安全地交给本人；系统只保存它的散列值）：`,
  d1: (local: boolean) =>
    english
      ? `Not stored yet: run this to add them to the Worker's D1 (${local ? 'wrangler dev, --local' : 'the deployed database, --remote'}):`
      : `尚未写入：运行下面的命令，把编辑登记到 Worker 的 D1（${local ? '本地 wrangler dev，--local' : '线上数据库，--remote'}）：`,
  d1Revoke: english
    ? "Run this to revoke them in the Worker's D1 (their sessions end at their next request):"
    : '运行下面的命令，在 Worker 的 D1 中停用该编辑（其会话在下一次请求时失效）：',
  none: english
    ? 'No editors yet. Create one with yulu editors add <name>.'
    : '还没有编辑。用 yulu editors add <名字> 创建。',
  row: (name: string, created: string, revoked: string | null) =>
    english
      ? `${name}	created ${created}	${revoked ? `revoked ${revoked}` : 'active'}`
      : `${name}	创建于 ${created}	${revoked ? `已停用 ${revoked}` : '有效'}`,
  revoked: (name: string, at: string) =>
    english
      ? `Revoked editor ${name} (${at}); their sessions have ended.`
      : `已停用编辑 ${name}（${at}），其会话已失效。`,
};

/**
 * The `wrangler d1 execute` command line that runs `sql` against the Worker's D1. Names are
 * letters, digits, spaces and . _ · - (checkEditorName) and the rest is hex and ISO dates, so the
 * SQL needs no shell escaping inside double quotes.
 */
export function d1Command(sql: string, local: boolean): string {
  return `npx wrangler d1 execute ${D1_DATABASE} ${local ? '--local' : '--remote'} --command "${sql}"`;
}

/**
 * `yulu editors`: named editors of the desk's store (data/editorial.sqlite, or YULU_DATA_DIR).
 * With --d1 the editor is for the Worker: the token is made here and the command that writes its
 * hash into D1 is printed (this process has no access to D1; wrangler has).
 */
export async function editorsCommand(
  open: () => Promise<EditorDirectory>,
  args: string[],
  out: (line: string) => void,
): Promise<number> {
  const d1 = args.includes('--d1');
  const local = args.includes('--local');
  if (local && !d1)
    throw new YuluError('invalid_argument', `--local goes with --d1\nusage: ${EDITORS_USAGE}`);
  const [verb, ...names] = args.filter((a) => a !== '--d1' && a !== '--local');
  const name = names.join(' ').trim();
  if ((verb === 'add' || verb === 'revoke') && !name)
    throw new YuluError('invalid_argument', `name the editor\nusage: ${EDITORS_USAGE}`);
  if (d1 && verb !== 'add' && verb !== 'revoke')
    throw new YuluError(
      'invalid_argument',
      `--d1 works with add and revoke; list D1's editors with: ${d1Command('SELECT name, created_at, revoked_at FROM editors', local)}`,
    );
  switch (verb) {
    case 'add': {
      if (d1) {
        const { editor, token, sql } = await editorInsertSql(name);
        out(say.created(editor.name));
        out(token);
        out(say.d1(local));
        out(d1Command(sql, local));
        return 0;
      }
      const { editor, token } = await (await open()).add(name);
      out(say.created(editor.name));
      out(token);
      return 0;
    }
    case 'list': {
      const all = await (await open()).list();
      if (!all.length) out(say.none);
      for (const e of all) out(say.row(e.name, e.createdAt, e.revokedAt));
      return 0;
    }
    case 'revoke': {
      if (d1) {
        out(say.d1Revoke);
        out(d1Command(editorRevokeSql(name), local));
        return 0;
      }
      const editor = await (await open()).revoke(name);
      out(say.revoked(editor.name, editor.revokedAt ?? ''));
      return 0;
    }
    default:
      throw new YuluError(
        'invalid_argument',
        `unknown editors verb "${verb ?? ''}"; verbs are: add, list, revoke\nusage: ${EDITORS_USAGE}`,
      );
  }
}

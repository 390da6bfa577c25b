import type { EditorDirectory } from '../desk/editors.ts';
import { YuluError } from '../errors.ts';

export const EDITORS_USAGE = `yulu editors add <name>       creates an editor; the token is shown once
       yulu editors list             lists editors
       yulu editors revoke <name>    revokes an editor and ends their sessions`;

/** Chinese first; English when YULU_LANG (or LANG) starts with "en". One language per line. */
const english = /^en/i.test(process.env.YULU_LANG ?? process.env.LANG ?? '');
const say = {
  created: (name: string) =>
    english
      ? `Created editor ${name}. Token (shown only this once; hand it to them securely, only its hash is kept):`
      : `已创建编辑 ${name}。口令如下（只显示这一次，请安全地交给本人；系统只保存它的散列值）：`,
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
 * `yulu editors`: named editors of the desk's store (data/editorial.sqlite, or YULU_DATA_DIR).
 * On the Worker the same table lives in D1 (see README: wrangler d1 execute).
 */
export async function editorsCommand(
  editors: EditorDirectory,
  args: string[],
  out: (line: string) => void,
): Promise<number> {
  const [verb, ...names] = args;
  const name = names.join(' ').trim();
  switch (verb) {
    case 'add': {
      if (!name)
        throw new YuluError('invalid_argument', `name the editor\nusage: ${EDITORS_USAGE}`);
      const { editor, token } = await editors.add(name);
      out(say.created(editor.name));
      out(token);
      return 0;
    }
    case 'list': {
      const all = await editors.list();
      if (!all.length) out(say.none);
      for (const e of all) out(say.row(e.name, e.createdAt, e.revokedAt));
      return 0;
    }
    case 'revoke': {
      if (!name)
        throw new YuluError('invalid_argument', `name the editor\nusage: ${EDITORS_USAGE}`);
      const editor = await editors.revoke(name);
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

/**
 * Named editors, runtime-free (same SQL port as the editorial store: D1 or SQLite). `add` makes
 * a random token and keeps only its SHA-256 hash; the token is returned once and never again.
 * Signing in with a token finds its editor by hash; a revoked editor cannot sign in, and the desk
 * refuses sessions of an editor revoked after signing in. EDITOR_TOKEN stays a single-editor
 * shortcut that signs in as `editor`, a name reserved for it.
 */
import { YuluError } from '../errors.ts';
import { base64url } from '../text/base64url.ts';
import { sql, type SqlDriver, type SqlValue } from './sql.ts';

export interface Editor {
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The name EDITOR_TOKEN signs in as; no named editor may take it. */
export const SHORTCUT_EDITOR = 'editor';
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._·-]{0,39}$/u;
const TOKEN_PREFIX = 'yulu_ed_';

async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A name is 1–40 letters, digits, spaces, . _ · -, starting with a letter or digit. */
export function checkEditorName(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  if (!NAME.test(trimmed))
    throw new YuluError(
      'invalid_argument',
      `editor name "${name}" is not allowed: 1–40 letters or digits (spaces . _ · - inside)`,
    );
  if (trimmed.toLowerCase() === SHORTCUT_EDITOR)
    throw new YuluError(
      'invalid_argument',
      `"${SHORTCUT_EDITOR}" is reserved for the EDITOR_TOKEN shortcut; choose a person's name`,
    );
  return trimmed;
}

function toEditor(row: Record<string, SqlValue>): Editor {
  return {
    name: String(row.name),
    createdAt: String(row.created_at),
    revokedAt: row.revoked_at === null ? null : String(row.revoked_at),
  };
}

/** A new editor's token (shown once) and the SHA-256 hash that is all the store keeps. */
export async function mintEditorToken(): Promise<{ token: string; hash: string }> {
  const random = new Uint8Array(32);
  crypto.getRandomValues(random);
  const token = `${TOKEN_PREFIX}${base64url(random)}`;
  return { token, hash: await hashToken(token) };
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * SQL that adds a named editor to a store this process cannot reach (the Worker's D1, through
 * `wrangler d1 execute`): the same row `add` writes. A plain INSERT, so a name already taken fails
 * loudly (UNIQUE constraint) instead of doing nothing.
 */
export async function editorInsertSql(
  name: string,
  at: Date = new Date(),
): Promise<{ editor: Editor; token: string; sql: string }> {
  const clean = checkEditorName(name);
  const { token, hash } = await mintEditorToken();
  const createdAt = at.toISOString();
  return {
    editor: { name: clean, createdAt, revokedAt: null },
    token,
    sql: `INSERT INTO editors (name, token_hash, created_at, revoked_at) VALUES (${literal(clean)}, ${literal(hash)}, ${literal(createdAt)}, NULL);`,
  };
}

/** SQL that revokes a named editor in D1 (what `revoke` does; sessions end at their next request). */
export function editorRevokeSql(name: string, at: Date = new Date()): string {
  return `UPDATE editors SET revoked_at = ${literal(at.toISOString())} WHERE name = ${literal(checkEditorName(name))} AND revoked_at IS NULL;`;
}

export class EditorDirectory {
  constructor(
    private readonly db: SqlDriver,
    private readonly now: () => Date = () => new Date(),
    private readonly guard: <T>(operation: () => Promise<T>) => Promise<T> = (op) => op(),
  ) {}

  /** Creates an editor; returns the token, which is not stored and cannot be shown again. */
  async add(name: string): Promise<{ editor: Editor; token: string }> {
    const clean = checkEditorName(name);
    const { token, hash } = await mintEditorToken();
    const at = this.now().toISOString();
    const [result] = await this.guard(() =>
      this.db.batch([
        sql(
          'INSERT INTO editors (name, token_hash, created_at, revoked_at) VALUES (?, ?, ?, NULL) ON CONFLICT (name) DO NOTHING',
          clean,
          hash,
          at,
        ),
      ]),
    );
    if (result?.changes !== 1)
      throw new YuluError(
        'invalid_argument',
        `an editor named "${clean}" already exists (or existed); names are never reused`,
      );
    return { editor: { name: clean, createdAt: at, revokedAt: null }, token };
  }

  async list(): Promise<Editor[]> {
    const rows = await this.guard(() =>
      this.db.all('SELECT name, created_at, revoked_at FROM editors ORDER BY created_at, name'),
    );
    return rows.map(toEditor);
  }

  /**
   * Revokes an editor: they can no longer sign in, and their sessions are deleted in the same
   * transaction (no row of a revoked editor's session stays behind; the gate refuses them too).
   */
  async revoke(name: string): Promise<Editor> {
    const at = this.now().toISOString();
    await this.guard(() =>
      this.db.batch([
        sql('UPDATE editors SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL', at, name),
        sql(
          'DELETE FROM sessions WHERE editor = ? AND EXISTS (SELECT 1 FROM editors WHERE name = ? AND revoked_at IS NOT NULL)',
          name,
          name,
        ),
      ]),
    );
    const [row] = await this.guard(() =>
      this.db.all('SELECT name, created_at, revoked_at FROM editors WHERE name = ?', [name]),
    );
    if (!row)
      throw new YuluError('invalid_argument', `no editor named "${name}"; see yulu editors list`);
    return toEditor(row);
  }

  /** The active editor a token belongs to, or null. Tokens are found by hash, never compared. */
  async signIn(token: string): Promise<string | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const hash = await hashToken(token);
    const [row] = await this.guard(() =>
      this.db.all('SELECT name FROM editors WHERE token_hash = ? AND revoked_at IS NULL', [hash]),
    );
    return row ? String(row.name) : null;
  }

  /** Whether a named editor may still use the desk. */
  async active(name: string): Promise<boolean> {
    const [row] = await this.guard(() =>
      this.db.all('SELECT 1 AS ok FROM editors WHERE name = ? AND revoked_at IS NULL', [name]),
    );
    return Boolean(row);
  }
}

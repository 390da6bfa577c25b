import type { Context } from 'hono';
import type { Session } from '../../desk/session.ts';
import { YuluError } from '../../errors.ts';
import { html, type Html } from '../html/markup.ts';

/** The request's form; a body that is not a readable form is a 400, never a crash. */
export async function readForm(c: Context): Promise<Record<string, unknown>> {
  try {
    return (await c.req.parseBody()) as Record<string, unknown>;
  } catch (cause) {
    throw new YuluError(
      'invalid_argument',
      `the form could not be read (${(cause as Error).message}); send application/x-www-form-urlencoded or multipart/form-data`,
      { cause },
    );
  }
}

/**
 * The first submit button of a form whose buttons each make a choice: disabled, so pressing
 * Enter in one of its fields submits nothing (implicit submission uses the first submit button,
 * and a disabled one cancels it). Enter must never choose for the editor.
 */
export const NO_DEFAULT = html`<button type="submit" disabled hidden aria-hidden="true" tabindex="-1"></button>`;

/** What every write form carries: the session's CSRF token, the version seen, a fresh key. */
export function hidden(session: Session, version: number): Html {
  const key = crypto.randomUUID();
  return html`<input type="hidden" name="csrf" value="${session.csrf}"><input type="hidden" name="version" value="${version}"><input type="hidden" name="key" value="${key}">`;
}

/** Who writes (the signed-in editor's name), the version they saw, and the form's idempotency key. */
export function writeContext(form: Record<string, unknown>, session: Pick<Session, 'editor'>) {
  const version = Number(form.version);
  if (!Number.isInteger(version) || version < 0)
    throw new YuluError(
      'invalid_argument',
      'the form lacks the version it was made from; reload the page',
    );
  const key =
    typeof form.key === 'string' && /^[0-9a-f-]{36}$/.test(form.key) ? form.key : undefined;
  return {
    actor: session.editor,
    expectedVersion: version,
    idempotencyKey: key ? `form:${key}` : undefined,
  };
}

/**
 * Runs a write; a version conflict (409) or a reused form key with other content (422) becomes
 * `onConflict`'s page, which keeps what was typed; anything else propagates.
 */
export async function unlessConflict(
  write: () => Promise<unknown>,
  onConflict: (error: YuluError) => Promise<Response> | Response,
): Promise<Response | undefined> {
  try {
    await write();
    return undefined;
  } catch (error) {
    if (
      error instanceof YuluError &&
      (error.code === 'version_conflict' || error.code === 'idempotency_mismatch')
    )
      return onConflict(error);
    throw error;
  }
}

/** The opening line of a conflict page: what conflicted. */
export const conflictLine = (error: YuluError) =>
  html`<p class="error" role="alert"><strong>${error.code}</strong>: ${error.message}</p>`;

/** A conflict page's status: 409 for a stale version, 422 for a reused key with other content. */
export const conflictStatus = (error: YuluError): 409 | 422 =>
  error.code === 'idempotency_mismatch' ? 422 : 409;

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { YuluError } from '../errors.ts';

/** The one place errors become HTTP: `{ error: { code, message } }` with the error's status. */
export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof YuluError) {
    if (error.retryAfter !== undefined)
      c.header('Retry-After', String(Math.ceil(error.retryAfter)));
    return c.json(
      { error: { code: error.code, message: error.message } },
      error.status as ContentfulStatusCode,
    );
  }
  if (error instanceof HTTPException) {
    return c.json(
      { error: { code: 'http_error', message: error.message || 'request failed' } },
      error.status,
    );
  }
  console.error(error);
  return c.json(
    {
      error: {
        code: 'internal_error',
        message: 'an unexpected error occurred; it has been logged',
      },
    },
    500,
  );
}

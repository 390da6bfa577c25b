import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { YuluError } from '../errors.ts';

/** What a client is told about a failure: a stable code, a message, an HTTP status. */
export interface ErrorReply {
  code: string;
  message: string;
  status: ContentfulStatusCode;
  /** Seconds to wait before trying again (503 overloaded, 429 rate_limited): Retry-After. */
  retryAfter?: number;
}

/**
 * The one mapping from a thrown value to what the client is told. A YuluError keeps its code,
 * message and status; Hono's own HTTPException (e.g. a body limit) keeps its status; anything
 * else is a bug: logged, and answered as a 500 without details.
 */
export function errorReply(error: unknown): ErrorReply {
  if (error instanceof YuluError)
    return {
      code: error.code,
      message: error.message,
      status: httpStatus(error.status),
      ...(error.retryAfter !== undefined ? { retryAfter: Math.ceil(error.retryAfter) } : {}),
    };
  if (error instanceof HTTPException)
    return {
      code: 'http_error',
      message: error.message || 'request failed',
      status: httpStatus(error.status),
    };
  console.error(error);
  return {
    code: 'internal_error',
    message: 'an unexpected error occurred; it has been logged',
    status: 500,
  };
}

function httpStatus(status: number): ContentfulStatusCode {
  return (status >= 400 && status <= 599 ? status : 500) as ContentfulStatusCode;
}

/** An error as JSON: `{ error: { code, message } }` with the error's status. */
export function errorResponse(c: Context, error: unknown): Response {
  const { code, message, status, retryAfter } = errorReply(error);
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  return c.json({ error: { code, message } }, status);
}

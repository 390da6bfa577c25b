/**
 * Input limits on every request, before any route reads anything (issue 15):
 *
 * - Bodies: sign-in takes a few KiB, desk writes tens of KiB, nothing else takes a body at all.
 *   A declared Content-Length over the limit is refused (413) before a byte is read; a body
 *   without one (chunked) is counted as it streams and refused as soon as it passes the limit.
 * - Query values: at most QUERY_VALUE_MAX characters each, and at most QUERY_PARAMETERS_MAX
 *   parameters: a filter is never run on a 14,000-character value.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { YuluError } from '../errors.ts';
import { errorResponse } from './errors.ts';

export const SIGN_IN_BODY_MAX = 4 * 1024;
export const DESK_BODY_MAX = 64 * 1024;
export const OTHER_BODY_MAX = 16 * 1024;
export const QUERY_VALUE_MAX = 1024;
export const QUERY_PARAMETERS_MAX = 32;

/** The body limit of a path: sign-in, the desk, everything else. */
export function bodyLimitFor(path: string): number {
  if (path === '/editor/login') return SIGN_IN_BODY_MAX;
  if (path === '/editor' || path.startsWith('/editor/')) return DESK_BODY_MAX;
  return OTHER_BODY_MAX;
}

function tooLarge(c: Context, max: number): Response {
  return errorResponse(
    c,
    new YuluError(
      'payload_too_large',
      `the request body is larger than ${max / 1024} KiB, the most ${new URL(c.req.url).pathname} accepts`,
    ),
  );
}

const limiters = new Map<number, MiddlewareHandler>();

/** Refuses oversized bodies (413) and oversized or too many query values (400). */
export function inputLimits(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    let parameters = 0;
    for (const [name, value] of url.searchParams) {
      if (++parameters > QUERY_PARAMETERS_MAX)
        throw new YuluError(
          'invalid_argument',
          `more than ${QUERY_PARAMETERS_MAX} query parameters; no route takes that many`,
        );
      if (value.length > QUERY_VALUE_MAX || name.length > QUERY_VALUE_MAX)
        throw new YuluError(
          'invalid_argument',
          `query parameter "${name.slice(0, 40)}" is ${Math.max(value.length, name.length)} characters long; at most ${QUERY_VALUE_MAX} are allowed`,
        );
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS')
      return next();
    const max = bodyLimitFor(url.pathname);
    let limiter = limiters.get(max);
    if (!limiter) {
      limiter = bodyLimit({ maxSize: max, onError: (c) => tooLarge(c, max) });
      limiters.set(max, limiter);
    }
    return limiter(c, next);
  };
}

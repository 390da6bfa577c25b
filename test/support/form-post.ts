import type { Hono } from 'hono';

/**
 * A desk test's form POST: `fields` sent urlencoded to `origin + path`, extra headers (Cookie,
 * Origin, Idempotency…) merged in. `app` is a getter because the tests build their app in
 * beforeAll.
 */
export const formPoster =
  (app: () => Pick<Hono, 'request'>, origin: string) =>
  (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    app().request(`${origin}${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    });

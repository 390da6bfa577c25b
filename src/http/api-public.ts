import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { z } from 'zod';
import type { QuoteLibrary } from '../quotes/library.ts';
import type { Quote } from '../quotes/types.ts';
import { YuluError } from '../errors.ts';
import { strictQuery, validQuery } from './validate.ts';
import { absolute, speakerHref, type Links } from './links.ts';

/** API answers change when the deployment or an editor does: cache briefly, revalidate by ETag. */
export const API_CACHE = 'public, max-age=300';

/**
 * What every public API response carries: CORS for any origin without credentials (so other
 * sites' pages can call the API from the browser), a strong ETag over the body (304 on a match)
 * and a Cache-Control unless the route chose its own.
 */
export function publicApi(): MiddlewareHandler[] {
  return [
    cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86_400 }),
    etag(),
    async (c, next) => {
      await next();
      if (c.req.method === 'GET' && c.res.status < 400 && !c.res.headers.has('Cache-Control'))
        c.header('Cache-Control', API_CACHE);
    },
  ];
}

export const randomQuery = z.strictObject({
  tier: z.enum(['publishable', 'all']).default('publishable'),
  speaker: z.string().min(1).max(40).optional(),
  source: z.string().min(1).max(80).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  minLength: z.coerce.number().int().min(0).max(1000).optional(),
  maxLength: z.coerce.number().int().min(0).max(1000).optional(),
});

/** GET /api/quotes/random and GET /api/speakers. */
export function publicApiRoutes(
  library: QuoteLibrary,
  describe: (q: Quote) => unknown,
  links?: Links,
) {
  return new Hono()
    .get('/quotes/random', validQuery(randomQuery), (c) => {
      const { speaker, source, minScore, minLength, maxLength, tier } = c.req.valid('query');
      const length = (q: Quote) => [...q.text].length;
      const pool = library
        .filter({
          ...(speaker ? { speaker } : {}),
          ...(source ? { source } : {}),
          ...(minScore !== undefined ? { minScore } : {}),
        })
        .filter(
          (q) =>
            (tier === 'all' || q.tier === 'publishable') &&
            (minLength === undefined || length(q) >= minLength) &&
            (maxLength === undefined || length(q) <= maxLength),
        );
      const [random = 0] = crypto.getRandomValues(new Uint32Array(1));
      const pick = pool[random % Math.max(1, pool.length)];
      if (!pick)
        throw new YuluError('quote_not_found', 'no publishable quote matches these filters');
      return c.json({ total: pool.length, quote: describe(pick) }, 200, {
        'Cache-Control': 'no-store',
      });
    })
    .get('/speakers', (c) => {
      strictQuery(c, []);
      const speakers = library.speakers().map(({ name }) => {
        const quotes = library.quotes.filter((q) => q.speaker === name);
        const sources = [...new Set(quotes.map((q) => q.source))];
        const person = library.documents.flatMap((d) => d.meta.people).find((p) => p.name === name);
        return {
          name,
          role: person?.role ?? quotes[0]?.role ?? 'guest',
          title: person?.title ?? null,
          company: person?.company ?? null,
          quotes: quotes.filter((q) => q.tier === 'publishable').length,
          sources,
          page: links ? absolute(links, speakerHref(name)) : speakerHref(name),
        };
      });
      return c.json({ speakers });
    });
}

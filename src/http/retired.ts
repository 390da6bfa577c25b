import type { MiddlewareHandler } from 'hono';
import { YuluError } from '../errors.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { errorResponse } from './errors.ts';
import { errorPage } from './pages/error.ts';

/** The URL shapes that carry a quote ID: the permalink, the cards and the API's quote. */
const QUOTE_PATHS = [
  /^(\/q\/)([0-9a-z]{8})()$/,
  /^(\/cards\/)([0-9a-z]{8})(\.(?:png|svg))$/,
  /^(\/api\/quotes\/)([0-9a-z]{8})()$/,
];

/**
 * Shared links keep working when a rebuild retires a quote ID (quotes/aliases.json): a retired
 * ID's permalink, card and API URLs answer 301 to the same URL of the successor, query kept, or
 * 410 with the reason when the words are no longer a quote. Live IDs pass straight through.
 * Self-contained on purpose: mounted with one `app.use` before every route.
 */
export function retiredIds(library: QuoteLibrary): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    for (const shape of QUOTE_PATHS) {
      const match = shape.exec(url.pathname);
      if (!match) continue;
      const [, prefix, id, suffix] = match as unknown as [string, string, string, string];
      const alias = library.retired(id);
      if (!alias) return next();
      if (alias.successor) {
        return c.body(null, 301, {
          Location: `${prefix}${alias.successor}${suffix}${url.search}`,
          'Cache-Control': 'public, max-age=86400',
        });
      }
      const error = new YuluError('quote_retired', `quote ${id} was withdrawn: ${alias.reason}`);
      return prefix === '/q/' ? errorPage(c, error, library) : errorResponse(c, error);
    }
    return next();
  };
}

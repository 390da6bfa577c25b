import { Hono } from 'hono';
import type { QuoteLibrary } from '../quotes/library.ts';
import { YuluError } from '../errors.ts';
import { apiRoutes } from './api.ts';
import { errorResponse } from './errors.ts';

export interface AppOptions {
  library: QuoteLibrary;
}

/** The one Hono app every runtime serves. Runtime-free: dependencies come in through options. */
export function createApp({ library }: AppOptions) {
  const app = new Hono();
  app.get('/healthz', (c) =>
    c.json({ ok: true, quotes: library.quotes.length, sources: library.documents.length }),
  );
  app.route('/api', apiRoutes(library));
  app.notFound((c) =>
    errorResponse(
      c,
      new YuluError('route_not_found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`),
    ),
  );
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

import { Hono } from 'hono';
import { z } from 'zod';
import type { QuoteLibrary } from '../quotes/library.ts';
import type { Quote } from '../quotes/types.ts';
import { YuluError } from '../errors.ts';
import { validQuery } from './validate.ts';

const listQuery = z.strictObject({
  speaker: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  q: z.string().min(1).max(200).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^\d+$/, 'expected the nextCursor of a previous page').optional(),
});

/** JSON API: quotes (filter, search, cursor pagination), one quote with its paragraph, sources. */
export function apiRoutes(library: QuoteLibrary) {
  const describe = (q: Quote) => ({ ...q, textHans: library.simplified(q) });

  return new Hono()
    .get('/quotes', validQuery(listQuery), (c) => {
      const { speaker, source, q, minScore, limit, cursor } = c.req.valid('query');
      const filter: Parameters<QuoteLibrary['filter']>[0] = {};
      if (speaker) filter.speaker = speaker;
      if (source) filter.source = source;
      if (q) filter.text = q;
      if (minScore !== undefined) filter.minScore = minScore;
      const all = library.filter(filter);
      const start = cursor ? Number(cursor) : 0;
      const page = all.slice(start, start + limit);
      const next = start + limit < all.length ? String(start + limit) : null;
      return c.json({ total: all.length, quotes: page.map(describe), nextCursor: next });
    })
    .get('/quotes/:id', (c) => {
      const { quote, document, paragraph } = library.resolve(c.req.param('id'));
      return c.json({
        quote: describe(quote),
        paragraph: {
          id: paragraph.id,
          text: paragraph.text,
          lines: paragraph.lines,
          attribution: paragraph.attribution,
        },
        source: document.meta,
      });
    })
    .get('/sources', (c) =>
      c.json({
        sources: library.documents.map((d) => ({
          ...d.meta,
          paragraphs: d.paragraphs.length,
          quotes: library.quotes.filter((q) => q.source === d.meta.slug).length,
        })),
      }),
    )
    .get('/sources/:slug', (c) => {
      const doc = library.document(c.req.param('slug'));
      return c.json({
        source: doc.meta,
        paragraphs: doc.paragraphs.map(({ raw: _raw, ...p }) => p),
      });
    })
    .all('*', (c) => {
      throw new YuluError(
        'route_not_found',
        `no API route ${c.req.method} ${new URL(c.req.url).pathname}; routes are GET /api/quotes, /api/quotes/{id}, /api/sources, /api/sources/{slug}`,
      );
    });
}

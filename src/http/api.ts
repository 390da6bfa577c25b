import { Hono } from 'hono';
import type { CardContent } from '../card/card-version.ts';
import { CARD_SIZES } from '../card/templates.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import type { Quote } from '../quotes/types.ts';
import { YuluError } from '../errors.ts';
import { publicApiRoutes } from './api-public.ts';
import { cardUrl, origin as originOf, permalink, sourceUrl, type Links } from './links.ts';
import { openApiDocument } from './openapi.ts';
import { listQuery } from './api-query.ts';

export { listQuery } from './api-query.ts';
import { strictQuery, validQuery } from './validate.ts';

/** What the API needs to link to cards and pages (links.ts). */
export type ApiLinks = Links;

/** A quote's page, its place in the source, and its card in every size (default theme and script). */
function quoteUrls(links: ApiLinks, content: CardContent & { quote: Quote }) {
  const q = content.quote;
  const cards = CARD_SIZES.map((size) => {
    const spec = { size: size.name, theme: 'paper', script: 'hans' as const, scale: 1 as const };
    const urls = {
      width: size.width,
      height: size.height,
      png: cardUrl(links, content, spec, 'png'),
      svg: cardUrl(links, content, spec, 'svg'),
    };
    return [size.name, urls] as const;
  });
  return {
    permalink: permalink(links, q.id),
    sourceView: sourceUrl(links, q.source, q.id),
    cards: Object.fromEntries(cards),
  };
}

/** JSON API: quotes (filter, search, cursor pagination), one quote with its paragraph, sources. */
export function apiRoutes(library: QuoteLibrary, links?: ApiLinks) {
  const origin = links ? originOf(links) : '';
  const urls = (q: Quote) =>
    links ? quoteUrls(links, { quote: q, document: library.document(q.source) }) : {};
  const describe = (q: Quote) => ({ ...q, textHans: library.simplified(q), ...urls(q) });

  return new Hono()
    .route('/', publicApiRoutes(library, describe, links))
    .get('/openapi.json', (c) => {
      strictQuery(c, []);
      return c.json(openApiDocument(origin || new URL(c.req.url).origin));
    })
    .get('/quotes', validQuery(listQuery), (c) => {
      const { speaker, source, q, minScore, minLength, maxLength, limit, cursor, tier } =
        c.req.valid('query');
      const filter: Parameters<QuoteLibrary['filter']>[0] = {};
      if (tier === 'publishable') filter.tier = 'publishable';
      if (speaker) filter.speaker = speaker;
      if (source) filter.source = source;
      if (q) filter.text = q;
      if (minScore !== undefined) filter.minScore = minScore;
      const length = (quote: Quote) => [...quote.text].length;
      const all = library
        .filter(filter)
        .filter(
          (quote) =>
            (minLength === undefined || length(quote) >= minLength) &&
            (maxLength === undefined || length(quote) <= maxLength),
        );
      const start = cursor ? Number(cursor) : 0;
      const page = all.slice(start, start + limit);
      const next = start + limit < all.length ? String(start + limit) : null;
      return c.json({ total: all.length, quotes: page.map(describe), nextCursor: next });
    })
    .get('/quotes/:id', (c) => {
      const { quote, document, paragraph } = library.resolve(c.req.param('id'));
      // Context: the nearest speech paragraphs before and after, as a reader would see them.
      const speech = document.paragraphs.filter(
        (p) => p.kind === 'speech' || p.id === paragraph.id,
      );
      const at = speech.findIndex((p) => p.id === paragraph.id);
      const neighbour = (k: number) => {
        const p = speech[k];
        return p ? { id: p.id, speaker: p.attribution.speaker, text: p.text } : null;
      };
      return c.json({
        quote: describe(quote),
        paragraph: {
          id: paragraph.id,
          text: paragraph.text,
          lines: paragraph.lines,
          attribution: paragraph.attribution,
        },
        context: { before: neighbour(at - 1), after: neighbour(at + 1) },
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
        `no API route ${c.req.method} ${new URL(c.req.url).pathname}; routes are GET /api/quotes, /api/quotes/{id}, /api/quotes/random, /api/sources, /api/sources/{slug}, /api/speakers, /api/daily, /api/openapi.json`,
      );
    });
}

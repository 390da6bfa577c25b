import type { Context } from 'hono';
import { Hono } from 'hono';
import { CardCache } from '../card/card-cache.ts';
import type { CardEngine } from '../card/engine.ts';
import { CARD_FILE, CARD_QUERY, cardRequest, cardSpec, type CardRequest } from '../card/spec.ts';
import { YuluError } from '../errors.ts';
import { strictQuery } from './validate.ts';
import type { ResolvedQuote } from '../quotes/library.ts';

/** Unversioned card URLs may change when the design does: cache briefly, then revalidate. */
const SHORT_CACHE = 'public, max-age=300, must-revalidate';
const FOREVER = 'public, max-age=31536000, immutable';

/** Query → spec. Unknown or repeated parameters and unknown values are 400s that say what is allowed. */
export function parseCardQuery(c: Context): { request: CardRequest; v: string | undefined } {
  const query = strictQuery(c, CARD_QUERY);
  return { request: cardRequest(query), v: query.v };
}

/** GET /cards/{id}.png and /cards/{id}.svg: cached, de-duplicated, with strong ETags. */
export function cardRoutes(
  source: CardEngine | (() => Promise<CardEngine>),
  cache: CardCache = new CardCache(),
  /** Resolves IDs through editors' trims and errata; without it, the catalog alone. */
  resolve?: (id: string) => Promise<ResolvedQuote>,
) {
  return new Hono().get('/:file', async (c) => {
    const engine = typeof source === 'function' ? await source() : source;
    const match = CARD_FILE.exec(c.req.param('file'));
    if (!match)
      throw new YuluError(
        'route_not_found',
        `no card "${c.req.param('file')}"; card URLs are /cards/{id}.png or /cards/{id}.svg`,
      );
    const [, id, format] = match as unknown as [string, string, 'png' | 'svg'];
    const { request, v } = parseCardQuery(c);
    const spec = cardSpec(request);
    const resolved = resolve ? await resolve(id) : undefined;
    // A `v` that is not the current content version (an erratum, a new font, a redesign since the
    // URL was made) never gets today's bytes under its name: it is sent to the current URL.
    if (v !== undefined && v !== engine.contentVersion(id, resolved)) {
      c.header('Cache-Control', SHORT_CACHE);
      return c.redirect(engine.cardPath(id, spec, format, resolved), 302);
    }
    const etag = engine.etag(id, spec, format, resolved);
    const headers: Record<string, string> = {
      ETag: etag,
      'Cache-Control': v === undefined ? SHORT_CACHE : FOREVER,
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    if (ifNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);

    // The ETag covers the text and flags (an erratum changes them): it is part of the key.
    const key = `${engine.version}/${id}.${format}?${engine.canonicalQuery(spec)}#${etag}`;
    const card = await cache.get(key, async () =>
      format === 'png'
        ? { body: (await engine.png(id, spec, resolved)).png, contentType: 'image/png' }
        : {
            body: new TextEncoder().encode((await engine.svg(id, spec, resolved)).svg),
            contentType: 'image/svg+xml; charset=utf-8',
          },
    );
    return c.body(card.body as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      'Content-Type': card.contentType,
    });
  });
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

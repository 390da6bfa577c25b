import type { Context } from 'hono';
import { Hono } from 'hono';
import { CardCache } from '../card/card-cache.ts';
import type { CardEngine } from '../card/engine.ts';
import { CARD_FILE, CARD_QUERY, cardRequest, cardSpec, type CardRequest } from '../card/spec.ts';
import { YuluError } from '../errors.ts';
import { strictQuery } from './validate.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import { admitClient, type RateLimiter } from '../card/admission.ts';
import { renderCost, renderJob, type CardRenderer } from '../card/card-renderer.ts';

/** How uncached renders are drawn and admitted (see card/admission.ts). */
export interface CardAdmission {
  render: CardRenderer;
  /** Per-client budget of uncached renders; none: unlimited (tests, local tools). */
  limiter?: RateLimiter | undefined;
  /** Who is asking (the socket's address on Node, CF-Connecting-IP on the Worker). */
  client: (c: Context) => string;
}

/** SVG cards are documents a browser may open directly: nothing in them may run or load. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

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
  cache: CardCache | undefined,
  /** Resolves IDs through editors' trims and errata; without it, the catalog alone. */
  resolve: ((id: string) => Promise<ResolvedQuote>) | undefined,
  admission: CardAdmission,
) {
  const cards = cache ?? new CardCache();
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
    const etag = engine.etag(id, spec, format, resolved);
    const headers: Record<string, string> = {
      ETag: etag,
      'Cache-Control': v === engine.version ? FOREVER : SHORT_CACHE,
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    if (ifNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);

    // The ETag covers the text and flags (an erratum changes them): it is part of the key.
    const key = `${engine.version}/${id}.${format}?${engine.canonicalQuery(spec)}#${etag}`;
    // Only a miss renders, and only a render is admitted: cached cards are always served.
    const card = await cards.get(key, async () => {
      const job = renderJob(id, spec, format, resolved);
      await admitClient(admission.limiter, admission.client(c), renderCost(job));
      return admission.render(job);
    });
    return c.body(card.body as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      'Content-Type': card.contentType,
      ...(format === 'svg' ? { 'Content-Security-Policy': SVG_CSP } : {}),
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

import { Hono } from 'hono';
import { YuluError } from '../errors.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import { oembedFor } from '../share/oembed.ts';
import { DISPLAY_SCRIPTS, type DisplayScript } from '../text/scripts.ts';
import { origin as originOf, type Links } from './links.ts';
import { sharedQuote } from './share.ts';
import { strictQuery } from './validate.ts';

const QUOTE_PATH = /^\/(?:q|embed)\/([0-9a-z]{8})$/;

/**
 * GET /oembed?url=…&maxwidth=&maxheight=&format=json (oEmbed 1.0, https://oembed.com): a quote's
 * permalink (or embed URL) on this site → a `rich` answer. Per the spec, a URL this provider does
 * not serve is a 404 and a format other than JSON a 501.
 */
export function oembedRoutes(links: Links, resolve: (id: string) => Promise<ResolvedQuote>) {
  const origin = originOf(links);
  return new Hono().get('/oembed', async (c) => {
    const { url, maxwidth, maxheight, format } = strictQuery(c, [
      'url',
      'maxwidth',
      'maxheight',
      'format',
    ]);
    if (format !== undefined && format !== 'json')
      throw new YuluError(
        'invalid_argument',
        `format "${format.slice(0, 20)}" is not offered; use format=json`,
        { status: 501 },
      );
    if (!url) throw new YuluError('invalid_argument', `url is required, e.g. ${origin}/q/{id}`);
    const width = dimension('maxwidth', maxwidth);
    dimension('maxheight', maxheight); // accepted; the answer's height is the reader's (null)
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new YuluError('invalid_argument', `url must be an absolute URL like ${origin}/q/{id}`);
    }
    const id = QUOTE_PATH.exec(target.pathname)?.[1];
    if (target.origin !== new URL(origin).origin || !id)
      throw new YuluError(
        'quote_not_found',
        `no embed for ${url.slice(0, 200)}: this provider embeds ${origin}/q/{id}`,
      );
    const script = target.searchParams.get('script') ?? 'hans';
    if (!(DISPLAY_SCRIPTS as readonly string[]).includes(script))
      throw new YuluError(
        'invalid_argument',
        `unknown script "${script.slice(0, 20)}" in url; allowed: ${DISPLAY_SCRIPTS.join(', ')}`,
      );
    const shared = sharedQuote(links, await resolve(id), script as DisplayScript);
    return c.json(oembedFor(shared, { name: '语录 Yulu', url: `${origin}/` }, width), 200, {
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
    });
  });
}

function dimension(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n < 1)
    throw new YuluError('invalid_argument', `${name} must be a whole number of pixels ≥ 1`);
  return n;
}

import { canonicalQuery, type CardSpec } from '../card/spec.ts';
import type { DisplayScript } from '../text/script.ts';

/*
 * Every URL the web side gives out is built here: the public origin, a quote's permalink, its card
 * URLs, its place in the source view. Absolute URLs always use the configured public origin, never
 * the request's Host (a forged Host must not end up in a shared link or a signed draft).
 */

/** What links need: the public origin and the render version cards are cached under. */
export interface Links {
  baseUrl: string;
  renderVersion: string;
}

/** The public origin without a trailing slash, e.g. `https://yulu.example`. */
export function origin(links: Pick<Links, 'baseUrl'>): string {
  return links.baseUrl.replace(/\/+$/, '');
}

/** A quote's page, relative; simplified is the default script and carries no query. */
export function quoteHref(id: string, script: DisplayScript = 'hans'): string {
  return script === 'hans' ? `/q/${id}` : `/q/${id}?script=${script}`;
}

/** A quote's page, absolute: what the card's QR code, citations and Open Graph name. */
export function permalink(
  links: Pick<Links, 'baseUrl'>,
  id: string,
  script?: DisplayScript,
): string {
  return `${origin(links)}${quoteHref(id, script)}`;
}

/** A card's path carrying the render version (`v=`): safe to cache forever. */
export function cardHref(
  links: Pick<Links, 'renderVersion'>,
  id: string,
  spec: CardSpec,
  format: 'png' | 'svg',
): string {
  return `/cards/${id}.${format}?${canonicalQuery(spec)}&v=${links.renderVersion}`;
}

/** A card's absolute URL (embeds, og:image, the API). */
export function cardUrl(links: Links, id: string, spec: CardSpec, format: 'png' | 'svg'): string {
  return `${origin(links)}${cardHref(links, id, spec, format)}`;
}

/** A signed draft card's absolute URL; `query` is the signed query (desk/draft.ts). */
export function draftCardUrl(links: Pick<Links, 'baseUrl'>, id: string, query: string): string {
  return `${origin(links)}/cards/draft/${id}.png?${query}`;
}

/** A source's reading view, relative; with a quote, highlighted and scrolled to. */
export function sourceHref(slug: string, highlight?: string): string {
  return highlight ? `/sources/${slug}?hl=${highlight}#q-${highlight}` : `/sources/${slug}`;
}

/** A source's reading view, absolute. */
export function sourceUrl(links: Pick<Links, 'baseUrl'>, slug: string, highlight?: string): string {
  return `${origin(links)}${sourceHref(slug, highlight)}`;
}

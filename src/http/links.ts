import type { CardContent } from '../card/card-version.ts';
import { cardPath } from '../card/engine.ts';
import type { CardSpec } from '../card/spec.ts';
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

/**
 * A card's path carrying its content version (`v=`, card/card-version.ts): safe to cache forever.
 * `content` is the quote as shown (an editor's trim or erratum applied) with its document, so the
 * URL changes whenever the words, the source's metadata or the renderer do.
 */
export function cardHref(
  links: Pick<Links, 'renderVersion'>,
  content: CardContent,
  spec: CardSpec,
  format: 'png' | 'svg',
): string {
  return cardPath(content, spec, format, links.renderVersion);
}

/** A card's absolute URL (embeds, og:image, the API). */
export function cardUrl(
  links: Links,
  content: CardContent,
  spec: CardSpec,
  format: 'png' | 'svg',
): string {
  return `${origin(links)}${cardHref(links, content, spec, format)}`;
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

/** The daily quote's page: today's (`/daily`) or a day's (`/daily/2026-12-01`), relative. */
export function dailyHref(date?: string): string {
  return date ? `/daily/${date}` : '/daily';
}

/** The daily quote's feeds, relative. */
export const FEED_HREFS = { atom: '/daily/feed.xml', json: '/daily/feed.json' } as const;

/** A speaker's page, relative: the canonical (simplified) name, percent-encoded. */
export function speakerHref(name: string): string {
  return `/speakers/${encodeURIComponent(name)}`;
}

/** The public search page, relative. */
export function searchHref(query?: string): string {
  return query ? `/search?q=${encodeURIComponent(query)}` : '/search';
}

/** A quote's frameable embed, relative. */
export function embedHref(id: string, script: DisplayScript = 'hans'): string {
  return script === 'hans' ? `/embed/${id}` : `/embed/${id}?script=${script}`;
}

/** The oEmbed endpoint for a page URL, relative. */
export function oembedHref(pageUrl: string): string {
  return `/oembed?url=${encodeURIComponent(pageUrl)}&format=json`;
}

/** Any relative href made absolute with the public origin. */
export function absolute(links: Pick<Links, 'baseUrl'>, href: string): string {
  return `${origin(links)}${href}`;
}

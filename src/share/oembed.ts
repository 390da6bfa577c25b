import { quoteBlockquote } from './quote-html.ts';
import type { SharedQuote } from './shared-quote.ts';

/** oEmbed widths outside this range are clamped (a card narrower than 200 px is unreadable). */
export const OEMBED_WIDTH = { min: 200, max: 1200, default: 550 } as const;

/**
 * The oEmbed 1.0 answer for a quote (https://oembed.com, type "rich"): a self-contained
 * blockquote of the words, speaker, source and link, and the card as the thumbnail.
 */
export function oembedFor(
  quote: SharedQuote,
  site: { name: string; url: string },
  maxWidth?: number,
) {
  const width = Math.min(
    OEMBED_WIDTH.max,
    Math.max(OEMBED_WIDTH.min, Math.floor(maxWidth ?? OEMBED_WIDTH.default)),
  );
  const scale = Math.min(1, width / quote.card.width);
  return {
    version: '1.0',
    type: 'rich',
    title: `${quote.speaker}：“${quote.text}”`,
    author_name: quote.speaker,
    author_url: quote.permalink,
    provider_name: site.name,
    provider_url: site.url,
    cache_age: 86_400,
    html: quoteBlockquote(quote, width),
    width,
    height: null,
    thumbnail_url: quote.card.url,
    thumbnail_width: Math.round(quote.card.width * scale),
    thumbnail_height: Math.round(quote.card.height * scale),
  };
}

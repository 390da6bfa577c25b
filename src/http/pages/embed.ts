import type { Context } from 'hono';
import type { ResolvedQuote } from '../../quotes/library.ts';
import { fontFaces } from '../html/fonts.ts';
import { html, trusted } from '../html/markup.ts';
import { SITE_STYLE } from '../html/style.ts';
import type { Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';
import type { Links } from '../links.ts';
import { quoteCard } from './quote-card.ts';

/**
 * The frameable embed's headers: any site may frame it (frame-ancestors *), it runs no script,
 * sets no cookie and loads only this origin's images and fonts.
 */
export const EMBED_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': [
    "default-src 'none'",
    "img-src 'self'",
    "font-src 'self'",
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; '),
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'public, max-age=300',
};

/** GET /embed/{id}: the quote and its card, for an iframe on another site; links open the permalink. */
export function embedPage(c: Context, links: Links, resolved: ResolvedQuote, ui: Ui): Response {
  const { quote } = resolved;
  const w = wordsFor(ui);
  const doc = html`<!doctype html>
<html lang="${ui === 'en' ? 'en' : 'zh-Hans'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${quote.speaker} · ${w.site.brand}</title>
<style>${trusted(fontFaces())}${SITE_STYLE}main{padding:0 .75rem}figure.card{margin:.5rem 0 0}blockquote.quote{margin:1rem 0 .5rem;font-size:1.15rem}</style></head>
<body><main><h1 class="visually-hidden">${w.quote.from[0]}<span lang="zh-Hans">${quote.speaker}</span>${w.quote.from[1]}</h1>
${quoteCard(ui, links, resolved, { linkTarget: '_blank' })}</main></body></html>`;
  return c.body(doc.toString(), 200, { ...EMBED_HEADERS });
}

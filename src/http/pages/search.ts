import type { Context } from 'hono';
import { YuluError } from '../../errors.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';
import { quoteHref, speakerHref } from '../links.ts';

/** Queries longer than this are refused; results beyond the first RESULTS are counted, not listed. */
export const QUERY_MAX = 100;
export const RESULTS = 50;

/**
 * GET /search?q=: quotes whose words contain the query, simplified and traditional folded (the
 * library searches simplified text and converts the query).
 */
export function searchPage(
  c: Context,
  library: QuoteLibrary,
  query: string | undefined,
  ui: Ui,
): Response {
  const w = wordsFor(ui);
  const q = (query ?? '').trim();
  if ([...q].length > QUERY_MAX)
    throw new YuluError(
      'invalid_argument',
      `q is at most ${QUERY_MAX} characters, got ${[...q].length}`,
    );
  const found = q ? library.filter({ text: q, tier: 'publishable' }) : [];
  const results = q
    ? html`<p role="status">${w.search.found(found.length)}${found.length > RESULTS ? w.search.firstShown(RESULTS) : ''}</p>
<ol class="top">${found
        .slice(0, RESULTS)
        .map(
          (quote) =>
            html`<li><a href="${withUi(quoteHref(quote.id), ui)}" lang="zh-Hans">${library.simplified(quote)}</a><span class="muted"> —— <a href="${withUi(speakerHref(quote.speaker), ui)}" lang="zh-Hans">${quote.speaker}</a></span></li>`,
        )}</ol>`
    : '';
  const body = html`<h1>${w.search.heading}</h1>
<form class="search" role="search" method="get" action="/search">
<label for="q" class="visually-hidden">${w.search.field}</label>
<input id="q" name="q" type="search" value="${q}" maxlength="${QUERY_MAX}" placeholder="${w.search.placeholder}">
${ui === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button>${w.search.button}</button></form>
${results}`;
  return sitePage(c, {
    title: `${q ? `${q} · ` : ''}${w.search.title} · ${w.site.brand}`,
    head: html`<meta name="robots" content="noindex">`,
    body,
    ui,
  });
}

import type { Context } from 'hono';
import { YuluError } from '../../errors.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { say, withUi, type Ui } from '../html/ui.ts';
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
  const s = (zh: string, en: string) => say(ui, zh, en);
  const q = (query ?? '').trim();
  if ([...q].length > QUERY_MAX)
    throw new YuluError(
      'invalid_argument',
      `q is at most ${QUERY_MAX} characters, got ${[...q].length}`,
    );
  const found = q ? library.filter({ text: q, tier: 'publishable' }) : [];
  const results = q
    ? html`<p role="status">${s(`找到 ${found.length} 条语录`, `${found.length} quotes found`)}${found.length > RESULTS ? s(`，显示前 ${RESULTS} 条`, `; the first ${RESULTS} are shown`) : ''}</p>
<ol class="top">${found
        .slice(0, RESULTS)
        .map(
          (quote) =>
            html`<li><a href="${withUi(quoteHref(quote.id), ui)}" lang="zh-Hans">${library.simplified(quote)}</a><span class="muted">—— <a href="${withUi(speakerHref(quote.speaker), ui)}" lang="zh-Hans">${quote.speaker}</a></span></li>`,
        )}</ol>`
    : '';
  const body = html`<h1>${s('搜索语录', 'Search quotes')}</h1>
<form class="search" role="search" method="get" action="/search">
<label for="q" class="visually-hidden">${s('要找的字词（简体或繁体）', 'Words to find (simplified or traditional)')}</label>
<input id="q" name="q" type="search" value="${q}" maxlength="${QUERY_MAX}" placeholder="${s('例如：大模型', 'e.g. 大模型')}">
${ui === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button>${s('搜索', 'Search')}</button></form>
${results}`;
  return sitePage(c, {
    title: `${q ? `${q} · ` : ''}${s('搜索', 'Search')} · ${s('语录', 'Yulu')}`,
    head: html`<meta name="robots" content="noindex">`,
    body,
    ui,
  });
}

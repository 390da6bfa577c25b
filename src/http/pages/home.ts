import type { Context } from 'hono';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';
import { absolute, quoteHref, speakerHref, type Links } from '../links.ts';
import { META_LANG, sourceList } from './shared.ts';

/** GET /: what Yulu is, every source, the best quotes; in one interface language. */
export function homePage(c: Context, links: Links, library: QuoteLibrary, ui: Ui): Response {
  const w = wordsFor(ui);
  const top = library.quotes
    .filter((q) => q.tier === 'publishable')
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 10);
  const body = html`<h1>${w.home.heading}</h1>
<p>${w.home.intro}</p>
${sourceList(library, ui, w.home.sources)}
<section><h2>${w.home.top}</h2>
<ol class="top">${top.map((q) => {
    const doc = library.document(q.source);
    return html`<li><a href="${withUi(quoteHref(q.id), ui)}" lang="zh-Hans">${library.simplified(q)}</a>
<span class="muted">—— <a href="${withUi(speakerHref(q.speaker), ui)}" lang="zh-Hans">${q.speaker}</a> · <span lang="${META_LANG}">${doc.meta.publication}</span></span></li>`;
  })}</ol></section>
<p>${w.home.data}<a href="/api/quotes"><code>/api/quotes</code></a> · <a href="/api/sources"><code>/api/sources</code></a> · <a href="/api/openapi.json">OpenAPI</a></p>`;
  return sitePage(c, {
    title: w.home.title,
    head: html`<meta name="description" content="${w.home.description}">`,
    body,
    ui,
    canonical: absolute(links, '/'),
  });
}

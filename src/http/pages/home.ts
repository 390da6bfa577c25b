import type { Context } from 'hono';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { quoteHref } from '../links.ts';
import { sourceList } from './shared.ts';

/** GET /: what Yulu is, every source, the best quotes. */
export function homePage(c: Context, library: QuoteLibrary): Response {
  const top = library.quotes
    .filter((q) => q.tier === 'publishable')
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 10);
  const body = html`<h1>语录 <span class="en">Yulu</span></h1>
<p lang="zh-Hans">语录把中文访谈里的原话做成带出处的引语卡片。每条语录都有一个短 ID，能追溯到原文的具体段落；讲者、来源、日期，以及机器转写、讲者为推断等注意事项，都写在明处。</p>
<p lang="en">Yulu turns Chinese interviews into attributed quote cards. Every quote has a short ID that leads back to the exact paragraph of its source, with the speaker, the publication and date, and every caveat — machine transcripts, inferred speakers — in plain view.</p>
${sourceList(library, '来源 Sources')}
<section><h2>精选语录 Top quotes</h2>
<ol class="top">${top.map((q) => {
    const doc = library.document(q.source);
    return html`<li><a href="${quoteHref(q.id)}" lang="zh-Hans">${library.simplified(q)}</a>
<span class="muted">—— ${q.speaker} · ${doc.meta.publication}</span></li>`;
  })}</ol></section>
<p>数据接口 Data: <a href="/api/quotes">/api/quotes</a> · <a href="/api/sources">/api/sources</a></p>`;
  return sitePage(c, {
    title: '语录 Yulu — 中文访谈引语卡片 Attributed quote cards from Chinese interviews',
    head: html`<meta name="description" content="语录：中文访谈的带出处引语卡片，每一句都能追溯到原文段落。Attributed quote cards from Chinese interviews.">`,
    body,
  });
}

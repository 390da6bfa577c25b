import type { Context } from 'hono';
import { cardSize } from '../../card/templates.ts';
import type { ResolvedQuote } from '../../quotes/library.ts';
import { quotationJsonLd } from '../../share/jsonld.ts';
import { quoteBlockquote } from '../../share/quote-html.ts';
import { displayDate, type SharedQuote } from '../../share/shared-quote.ts';
import { convertScript } from '../../text/script.ts';
import { DISPLAY_SCRIPTS, quoted, SCRIPTS, type DisplayScript } from '../../text/scripts.ts';
import { sitePage } from '../html/layout.ts';
import { html, trusted, type Html } from '../html/markup.ts';
import { say, withUi, type Ui } from '../html/ui.ts';
import {
  absolute,
  cardHref,
  embedHref,
  oembedHref,
  permalink,
  sourceHref,
  speakerHref,
  type Links,
} from '../links.ts';
import { sharedQuote } from '../share.ts';
import { quoteNotes } from './evidence.ts';
import { downloadRows, ogSpec, scriptNav } from './quote-parts.ts';
import { clip, originalLink, sourceLang } from './shared.ts';

const KIND: Record<string, [string, string]> = {
  article: ['报道', 'article'],
  dialogue: ['对话', 'dialogue'],
  'machine-transcript': ['播客机器转写', 'podcast, machine transcript'],
};

/**
 * Description, canonical and alternates (the page's own script is canonical: canonical, og:url
 * and hreflang agree), Open Graph, Twitter, oEmbed discovery and schema.org Quotation JSON-LD.
 */
function head(links: Links, q: SharedQuote, script: DisplayScript, alt: string): Html {
  const og = cardSize('og');
  const who = q.affiliation ? `${q.speaker}（${q.affiliation}）` : q.speaker;
  const description = `${who}：${quoted(q.text, script)}——${q.source.publication}《${q.source.title}》`;
  return html`<meta name="description" content="${description}">
<link rel="canonical" href="${q.permalink}">
${DISPLAY_SCRIPTS.map(
  (
    s,
  ) => html`<link rel="alternate" hreflang="${SCRIPTS[s].htmlLang}" href="${permalink(links, q.id, s)}">
`,
)}<link rel="alternate" hreflang="x-default" href="${permalink(links, q.id)}">
<link rel="alternate" type="application/json+oembed" href="${absolute(links, oembedHref(q.permalink))}" title="${q.speaker}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="语录 Yulu">
<meta property="og:title" content="${who}">
<meta property="og:description" content="${q.text}">
<meta property="og:url" content="${q.permalink}">
<meta property="og:image" content="${q.card.url}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${og.width}">
<meta property="og:image:height" content="${og.height}">
<meta property="og:image:alt" content="${alt}">
<meta property="og:locale" content="${SCRIPTS[script].ogLocale}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${who}">
<meta name="twitter:description" content="${q.text}">
<meta name="twitter:image" content="${q.card.url}">
<meta name="twitter:image:alt" content="${alt}">
<script type="application/ld+json">${trusted(quotationJsonLd(q))}</script>`;
}

/** The two ways to put the quote on another page: a frame, or the oEmbed blockquote. */
function embedSnippets(ui: Ui, links: Links, q: SharedQuote, script: DisplayScript): Html {
  const frame = `<iframe src="${absolute(links, embedHref(q.id, script))}" width="560" height="520" style="border:0;max-width:100%" title="${q.speaker}" loading="lazy"></iframe>`;
  return html`<section><h2>${say(ui, '嵌入', 'Embed')}</h2>
<p class="small muted">${say(ui, '用框架嵌入（无脚本、无 Cookie）：', 'As a frame (no script, no cookies):')}</p>
<textarea readonly rows="3" aria-label="${say(ui, '框架嵌入代码', 'Frame embed code')}" class="code">${frame}</textarea>
<p class="small muted">${say(ui, '或粘贴 HTML 引文（支持 oEmbed 的平台只需粘贴本页链接）：', 'Or paste the HTML quotation (platforms with oEmbed need only this page’s link):')}</p>
<textarea readonly rows="4" aria-label="${say(ui, 'HTML 引文代码', 'HTML quotation code')}" class="code">${quoteBlockquote(q)}</textarea></section>`;
}

/** GET /q/{id}: the quote's permalink page, in one of the display scripts. */
export function quotePage(
  c: Context,
  links: Links,
  resolved: ResolvedQuote,
  script: DisplayScript,
  ui: Ui,
): Response {
  const { quote, document, paragraph } = resolved;
  const { meta } = document;
  const q = sharedQuote(links, resolved, script);
  const lang = SCRIPTS[script].htmlLang;
  // The interface speaks the page's script too: 讲者 on simplified pages, 講者 on traditional ones.
  const t = (text: string) => convertScript(text, 'hans', script);
  const s = (zh: string, en: string) => say(ui, t(zh), en);
  const who = q.affiliation ? `${q.speaker}（${q.affiliation}）` : q.speaker;
  const alt = `${s('语录卡片', 'Quote card')}：${who}：${quoted(q.text, script)}`;
  const when =
    ui === 'en'
      ? displayDate(meta.date, meta.dateIsEstimate, ui)
      : t(displayDate(meta.date, meta.dateIsEstimate));
  const og = cardSize('og');
  const original =
    q.text !== quote.text
      ? html`<p class="original muted">${s('原文', 'As published')}：<span lang="${sourceLang(meta)}">${quote.text}</span></p>`
      : '';
  const caveats = [
    meta.kind === 'machine-transcript' ? t('（机器转写）') : '',
    quote.flags.includes('edited') ? t('（经编辑校正）') : '',
  ].join('');
  const citation = `${who}：${quoted(q.text, script)}——${q.source.publication}《${q.source.title}》${caveats}，${t(displayDate(meta.date, meta.dateIsEstimate))}。 ${q.permalink}`;

  const body = html`<figure class="card">
<img src="${cardHref(links, resolved, ogSpec(script), 'png')}" width="${og.width}" height="${og.height}" alt="${alt}">
</figure>
${scriptNav(quote.id, script)}
<h1 class="visually-hidden">${s(`${q.speaker}的语录`, `A quote from ${q.speaker}`)}</h1>
<blockquote class="quote" lang="${lang}">
<p>${q.text}</p>
<footer>—— <strong>${q.speaker}</strong>${q.affiliation ? html`，${q.affiliation}` : ''}</footer>
</blockquote>
${original}
<dl class="facts">
<dt>${s('讲者', 'Speaker')}</dt>
<dd><a href="${withUi(speakerHref(quote.speaker), ui)}" lang="${lang}">${q.speaker}</a>${q.affiliation ? html` · <span lang="${lang}">${q.affiliation}</span>` : ''}</dd>
<dt>${s('来源', 'Source')}</dt>
<dd><span lang="${lang}">《${q.source.title}》</span><br><span lang="${lang}">${q.source.publication}</span> · ${s(...(KIND[meta.kind] ?? ['', '']))}${originalLink(meta)}</dd>
<dt>${s('日期', 'Date')}</dt>
<dd>${when}</dd>
<dt>${s('原文段落', 'In context')}</dt>
<dd><a href="${withUi(sourceHref(meta.slug, quote.id), ui)}">${s(`在原文中查看（${paragraph.id}）`, `Read it in the source (${paragraph.id})`)}</a></dd>
</dl>
${quoteNotes(ui, quote.flags, paragraph, t)}
<section><h2>${s('引用', 'Cite')}</h2>
<textarea readonly rows="4" aria-label="${s('引用文字', 'Citation')}" lang="${lang}">${citation}</textarea></section>
${embedSnippets(ui, links, q, script)}
<section><h2>${s('下载卡片', 'Download the card')}</h2>
<table class="downloads"><thead><tr><th>${s('尺寸', 'Size')}</th><th>${s('文件（像素）', 'Files (px)')}</th></tr></thead>
<tbody>${downloadRows(links, resolved, script)}</tbody></table></section>
<p class="muted">ID <code>${quote.id}</code> · <a href="/api/quotes/${quote.id}">JSON</a></p>`;

  return sitePage(c, {
    title: `${q.speaker}：${quoted(clip(q.text, 28), script)} · ${s('语录', 'Yulu')}`,
    head: head(links, q, script, alt),
    body,
    ui,
    lang,
    convert: t,
  });
}

import type { Context } from 'hono';
import { cardSize } from '../../card/templates.ts';
import type { ResolvedQuote } from '../../quotes/library.ts';
import { quotationJsonLd } from '../../share/jsonld.ts';
import { quoteBlockquote } from '../../share/quote-html.ts';
import { displayDate, type SharedQuote } from '../../share/shared-quote.ts';
import { convertScript } from '../../text/script.ts';
import { DISPLAY_SCRIPTS, quoted, SCRIPTS, type DisplayScript } from '../../text/scripts.ts';
import { canonicalIn, sitePage } from '../html/layout.ts';
import { html, trusted, type Html } from '../html/markup.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor, type Words } from '../html/words.ts';
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

/**
 * Description, Open Graph (og:url is the page's canonical URL: the page's own script and
 * interface language), Twitter, oEmbed discovery and schema.org Quotation JSON-LD.
 */
function head(
  links: Links,
  q: SharedQuote,
  script: DisplayScript,
  alt: string,
  ui: Ui,
  brand: string,
): Html {
  const og = cardSize('og');
  const who = q.affiliation ? `${q.speaker}（${q.affiliation}）` : q.speaker;
  const description = `${who}：${quoted(q.text, script)}——${q.source.publication}《${q.source.title}》`;
  return html`<meta name="description" content="${description}">
<link rel="alternate" type="application/json+oembed" href="${absolute(links, oembedHref(q.permalink))}" title="${q.speaker}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${brand}">
<meta property="og:title" content="${who}">
<meta property="og:description" content="${q.text}">
<meta property="og:url" content="${canonicalIn(q.permalink, ui)}">
<meta property="og:image" content="${q.card.url}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${og.width}">
<meta property="og:image:height" content="${og.height}">
<meta property="og:image:alt" content="${alt}">
<meta property="og:locale" content="${ui === 'en' ? 'en_GB' : SCRIPTS[script].ogLocale}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${who}">
<meta name="twitter:description" content="${q.text}">
<meta name="twitter:image" content="${q.card.url}">
<meta name="twitter:image:alt" content="${alt}">
<script type="application/ld+json">${trusted(quotationJsonLd(q))}</script>`;
}

/** The two ways to put the quote on another page: a frame, or the oEmbed blockquote. */
function embedSnippets(w: Words, links: Links, q: SharedQuote, script: DisplayScript): Html {
  const frame = `<iframe src="${absolute(links, embedHref(q.id, script))}" width="560" height="520" style="border:0;max-width:100%" title="${q.speaker}" loading="lazy"></iframe>`;
  return html`<section><h2>${w.quote.embed}</h2>
<p class="small muted">${w.quote.frameIntro}</p>
<textarea readonly rows="3" aria-label="${w.quote.frameCode}" class="code" lang="en">${frame}</textarea>
<p class="small muted">${w.quote.quotationIntro}</p>
<textarea readonly rows="4" aria-label="${w.quote.quotationCode}" class="code" lang="${q.lang}">${quoteBlockquote(q)}</textarea></section>`;
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
  const w = wordsFor(ui, script);
  const who = q.affiliation ? `${q.speaker}（${q.affiliation}）` : q.speaker;
  const alt = `${w.quote.card}${ui === 'en' ? ': ' : '：'}${who}：${quoted(q.text, script)}`;
  const t = (text: string) => convertScript(text, 'hans', script);
  const og = cardSize('og');
  const original =
    q.text !== quote.text
      ? html`<p class="original muted">${w.quote.asPublished}${ui === 'en' ? ': ' : '：'}<span lang="${sourceLang(meta)}">${quote.text}</span></p>`
      : '';
  // The citation is Chinese whatever the interface: it is pasted next to the Chinese words.
  const zh = wordsFor('zh', script);
  const caveats = [
    meta.kind === 'machine-transcript' ? zh.quote.transcriptCaveat : '',
    quote.flags.includes('edited') ? zh.quote.editedCaveat : '',
  ].join('');
  const citation = `${who}：${quoted(q.text, script)}——${q.source.publication}《${q.source.title}》${caveats}，${t(displayDate(meta.date, meta.dateIsEstimate))}。 ${q.permalink}`;

  const body = html`<figure class="card">
<img src="${cardHref(links, resolved, ogSpec(script), 'png')}" width="${og.width}" height="${og.height}" alt="${alt}">
</figure>
${scriptNav(quote.id, script, ui)}
<h1 class="visually-hidden">${w.quote.from[0]}<span lang="${lang}">${q.speaker}</span>${w.quote.from[1]}</h1>
<blockquote class="quote" lang="${lang}">
<p>${q.text}</p>
<footer>—— <strong>${q.speaker}</strong>${q.affiliation ? html`，${q.affiliation}` : ''}</footer>
</blockquote>
${original}
<dl class="facts">
<dt>${w.quote.speaker}</dt>
<dd><a href="${withUi(speakerHref(quote.speaker), ui)}" lang="${lang}">${q.speaker}</a>${q.affiliation ? html` · <span lang="${lang}">${q.affiliation}</span>` : ''}</dd>
<dt>${w.quote.source}</dt>
<dd><span lang="${lang}">《${q.source.title}》</span><br><span lang="${lang}">${q.source.publication}</span> · ${w.sourceKinds[meta.kind]}${originalLink(meta, ui)}</dd>
<dt>${w.quote.date}</dt>
<dd>${ui === 'en' ? displayDate(meta.date, meta.dateIsEstimate, ui) : t(displayDate(meta.date, meta.dateIsEstimate))}</dd>
<dt>${w.quote.inContext}</dt>
<dd><a href="${withUi(sourceHref(meta.slug, quote.id), ui)}">${w.quote.readInSource(paragraph.id)}</a></dd>
</dl>
${quoteNotes(w, quote.flags, paragraph)}
<section><h2>${w.quote.cite}</h2>
<textarea readonly rows="4" aria-label="${w.quote.citation}" lang="${lang}">${citation}</textarea></section>
${embedSnippets(w, links, q, script)}
<section><h2>${w.quote.download}</h2>
<table class="downloads"><thead><tr><th>${w.quote.size}</th><th>${w.quote.files}</th></tr></thead>
<tbody>${downloadRows(links, resolved, script, ui)}</tbody></table></section>
<p class="muted">ID <code>${quote.id}</code> · <a href="/api/quotes/${quote.id}">JSON</a></p>`;

  return sitePage(c, {
    title: `${q.speaker}：${quoted(clip(q.text, 28), script)} · ${w.site.brand}`,
    head: head(links, q, script, alt, ui, w.site.brand),
    body,
    ui,
    script,
    canonical: q.permalink,
    alternates: DISPLAY_SCRIPTS.map(
      (s) => [SCRIPTS[s].htmlLang, permalink(links, q.id, s)] as const,
    ),
  });
}

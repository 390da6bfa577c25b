import type { Context } from 'hono';
import { cardSize } from '../../card/templates.ts';
import type { ResolvedQuote } from '../../quotes/library.ts';
import { convertScript } from '../../text/script.ts';
import { DISPLAY_SCRIPTS, quoted, SCRIPTS, type DisplayScript } from '../../text/scripts.ts';
import { sitePage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { cardHref, cardUrl, permalink, sourceHref, type Links } from '../links.ts';
import { ROLES, SOURCE_KINDS } from './labels.ts';
import { downloadRows, ogSpec, quoteNotes, scriptNav } from './quote-parts.ts';
import {
  affiliation,
  clip,
  displayDate,
  displayTitle,
  originalLink,
  sourceLang,
} from './shared.ts';

/** What the page says about a quote, in the reader's script. */
interface Shown {
  id: string;
  script: DisplayScript;
  lang: string;
  text: string;
  speaker: string;
  attributed: string;
  alt: string;
  description: string;
  permalink: string;
  image: string;
}

/** The quote, its speaker and source, in `script`: metadata is written in simplified. */
function shown(links: Links, { quote, document }: ResolvedQuote, script: DisplayScript) {
  const { meta } = document;
  const t = (text: string) => convertScript(text, 'hans', script);
  const person = meta.people.find((p) => p.name === quote.speaker);
  const text = convertScript(quote.text, meta.script, script);
  const speaker = t(quote.speaker);
  const role = t(affiliation(person));
  const attributed = `${speaker}${role ? `（${role}）` : ''}`;
  const publication = t(meta.publication);
  const title = t(displayTitle(meta));
  const caveats = [
    meta.kind === 'machine-transcript' ? t('（机器转写）') : '',
    quote.flags.includes('edited') ? t('（经编辑校正）') : '',
  ].join('');
  const date = meta.dateIsEstimate ? `${meta.date}${t('（日期为推定）')}` : meta.date;
  const page = permalink(links, quote.id);
  return {
    t,
    person,
    role,
    title,
    publication,
    citation: `${attributed}：${quoted(text, script)}——${publication}《${title}》${caveats}，${date}。 ${page}`,
    shown: {
      id: quote.id,
      script,
      lang: SCRIPTS[script].htmlLang,
      text,
      speaker,
      attributed,
      alt: `语录卡片：${attributed}：${quoted(text, script)}`,
      description: `${attributed}：${quoted(text, script)}——${publication}《${title}》`,
      permalink: page,
      image: cardUrl(links, quote.id, ogSpec(script), 'png'),
    } satisfies Shown,
  };
}

/** Description, canonical and alternate links, Open Graph and Twitter cards. */
function head(s: Shown): Html {
  const og = cardSize('og');
  return html`<meta name="description" content="${s.description}">
<link rel="canonical" href="${s.permalink}">
${DISPLAY_SCRIPTS.map(
  (script) =>
    html`<link rel="alternate" hreflang="${SCRIPTS[script].htmlLang}" href="${script === 'hans' ? s.permalink : `${s.permalink}?script=${script}`}">
`,
)}<meta property="og:type" content="article">
<meta property="og:site_name" content="语录 Yulu">
<meta property="og:title" content="${s.attributed}">
<meta property="og:description" content="${s.text}">
<meta property="og:url" content="${s.script === 'hans' ? s.permalink : `${s.permalink}?script=${s.script}`}">
<meta property="og:image" content="${s.image}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${og.width}">
<meta property="og:image:height" content="${og.height}">
<meta property="og:image:alt" content="${s.alt}">
<meta property="og:locale" content="${SCRIPTS[s.script].ogLocale}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${s.attributed}">
<meta name="twitter:description" content="${s.text}">
<meta name="twitter:image" content="${s.image}">
<meta name="twitter:image:alt" content="${s.alt}">`;
}

/** The embed code: the card linking to its page. Shown as text, so escaped twice. */
function embedCode(s: Shown): string {
  const og = cardSize('og');
  return html`<a href="${s.permalink}"><img src="${s.image}" width="${og.width}" height="${og.height}" alt="${s.alt}"></a>`.toString();
}

/** GET /q/{id}: the quote's permalink page, in one of the display scripts. */
export function quotePage(
  c: Context,
  links: Links,
  resolved: ResolvedQuote,
  script: DisplayScript,
): Response {
  const { quote, document, paragraph } = resolved;
  const { meta } = document;
  const {
    t,
    person,
    role,
    title,
    publication,
    citation,
    shown: s,
  } = shown(links, resolved, script);
  const { id, lang, text, speaker } = s;
  const og = cardSize('og');
  const original =
    text !== quote.text
      ? html`<p class="original muted">原文 <span class="en">as published</span>：<span lang="${sourceLang(meta)}">${quote.text}</span></p>`
      : '';

  const body = html`<figure class="card">
<img src="${cardHref(links, id, ogSpec(script), 'png')}" width="${og.width}" height="${og.height}" alt="${s.alt}">
</figure>
${scriptNav(id, script)}
<blockquote class="quote" lang="${lang}">
<p>${text}</p>
<footer>—— <strong>${speaker}</strong>${role ? html`，${role}` : ''}</footer>
</blockquote>
${original}
<dl class="facts">
<dt>讲者 <span class="en">Speaker</span></dt>
<dd><strong lang="${lang}">${speaker}</strong>${person ? html` · <span lang="${lang}">${t(person.title)}</span> · <span lang="${lang}">${t(person.company)}</span> <span class="muted">${ROLES[person.role]}</span>` : ''}</dd>
<dt>来源 <span class="en">Source</span></dt>
<dd><span lang="${lang}">《${title}》</span><br>${publication} · ${SOURCE_KINDS[meta.kind]}${originalLink(meta)}</dd>
<dt>日期 <span class="en">Date</span></dt>
<dd>${displayDate(meta)}${meta.dateNote ? html`<br><span class="muted">${meta.dateNote}</span>` : ''}</dd>
<dt>原文段落 <span class="en">In context</span></dt>
<dd><a href="${sourceHref(meta.slug, id)}">在原文中查看 ${paragraph.id} <span class="en">Read it in the source</span></a></dd>
</dl>
${quoteNotes(quote.flags, paragraph)}
<section><h2>引用 <span class="en">Cite</span></h2>
<textarea readonly rows="4" aria-label="引用文字 Citation" lang="${lang}">${citation}</textarea></section>
<section><h2>嵌入 <span class="en">Embed</span></h2>
<textarea readonly rows="4" aria-label="嵌入代码 Embed code" class="code">${embedCode(s)}</textarea></section>
<section><h2>下载卡片 <span class="en">Download the card</span></h2>
<table class="downloads"><thead><tr><th>尺寸 Size</th><th>文件 Files (px)</th></tr></thead>
<tbody>${downloadRows(links, id, script)}</tbody></table></section>
<p class="muted">ID <code>${id}</code> · <a href="/api/quotes/${id}">JSON</a></p>`;

  return sitePage(c, {
    title: `${speaker}：${quoted(clip(text, 28), script)} · 语录 Yulu`,
    head: head(s),
    body,
  });
}

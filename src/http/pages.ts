import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { cardPath, type CardSpec } from '../card/engine.ts';
import type { ApiLinks } from './api.ts';
import { CARD_SIZES, SCALES, cardSize, type CardSize } from '../card/templates.ts';
import type { Person, SourceMeta } from '../corpus/meta.ts';
import { foldPunctuationWidth, spaceHanAndLatin } from '../corpus/normalize/punctuation.ts';
import type {
  AttributionMethod,
  Document,
  Paragraph,
  ParagraphFlag,
  ParagraphKind,
} from '../corpus/types.ts';
import { YuluError } from '../errors.ts';
import type { QuoteLibrary, ResolvedQuote } from '../quotes/library.ts';
import type { Quote, QuoteFlag } from '../quotes/types.ts';
import { convertScript, DISPLAY_SCRIPTS, type DisplayScript } from '../text/script.ts';
import { esc } from './html.ts';
import { strictQuery } from './validate.ts';

/*
 * Server-rendered pages: the permalink page of a quote (/q/{id}), the reading view of a source
 * (/sources/{slug}), and the home page (/). No JavaScript, no external assets; runtime-free.
 * Every value that reaches the markup goes through `h` (escaped unless it is already Html), and
 * the only text shown as a quote is the catalog's, never the request's.
 */

// ---------------------------------------------------------------------------------------------
// Markup: a tagged template that escapes every interpolated value unless it is already Html.

class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part instanceof Html) return part.html;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  if (part === null || part === undefined || typeof part === 'boolean') return '';
  return esc(part);
}

function h(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

// ---------------------------------------------------------------------------------------------
// Headers, query parameters, errors.

/** Every page response carries these (pages run no script at all, so the CSP allows none). */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

/** Pages change only when the deployment does: cache briefly. Errors are not cached. */
const PAGE_CACHE = 'public, max-age=300';

const QUOTE_ID = /^[0-9a-z]{8}$/;

/** The page's own query (see strictQuery). */
function pageQuery(c: Context, allowed: readonly string[]): Record<string, string> {
  return strictQuery(c, allowed);
}

/**
 * An error as an HTML page: the same stable code and message as the JSON API, with the error's
 * status. With the library, 404 pages list the sources so the reader can go on from there.
 */
export function htmlError(c: Context, error: unknown, library?: QuoteLibrary): Response {
  let code = 'internal_error';
  let message = 'an unexpected error occurred; it has been logged';
  let status = 500;
  if (error instanceof YuluError) {
    ({ code, message, status } = error);
  } else if (error instanceof HTTPException) {
    code = 'http_error';
    message = error.message || 'request failed';
    status = error.status;
  } else {
    console.error(error);
  }
  const heading = ERROR_HEADINGS[status] ?? (status >= 500 ? '出错了' : '请求有误');
  const body = h`<h1>${heading} <span class="en">${status}</span></h1>
<p class="error" role="alert"><code>${code}</code> ${message}</p>
${status === 404 && library ? sourceList(library, '现有来源 Sources') : ''}
<p><a href="/">← 返回首页 Home</a></p>`;
  return page(c, {
    title: `${status} ${code} · 语录 Yulu`,
    head: h`<meta name="robots" content="noindex">`,
    body,
    status: (status >= 400 && status <= 599 ? status : 500) as ContentfulStatusCode,
  });
}

const ERROR_HEADINGS: Record<number, string> = {
  400: '请求有误',
  404: '找不到这个页面',
  422: '无法处理',
  500: '出错了',
  503: '暂时不可用',
};

async function guarded(
  c: Context,
  library: QuoteLibrary,
  handler: () => Response | Promise<Response>,
): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return htmlError(c, error, library);
  }
}

// ---------------------------------------------------------------------------------------------
// Routes.

/** GET /, /q/{id} and /sources/{slug}; mounted at the root. */
export function pageRoutes(
  library: QuoteLibrary,
  /** Public origin and render version; pages need no fonts, so they work while cards are down. */
  links: () => Promise<ApiLinks>,
  /** Resolves IDs through editors' trims and errata; without it, the catalog alone. */
  resolve: (id: string) => Promise<ResolvedQuote> = async (id) => library.resolve(id),
  /** Reviewed errata by quote ID, shown in the source view beside the original words. */
  errata: () => Promise<ReadonlyMap<string, Erratum>> = async () => new Map(),
): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    guarded(c, library, () => {
      pageQuery(c, []);
      return homePage(c, library);
    }),
  );
  app.get('/q/:id', (c) =>
    guarded(c, library, async () => {
      const { script = 'hans' } = pageQuery(c, ['script']);
      if (!(DISPLAY_SCRIPTS as readonly string[]).includes(script))
        throw new YuluError(
          'invalid_argument',
          `unknown script "${script}"; allowed: ${DISPLAY_SCRIPTS.join(', ')}`,
        );
      const id = c.req.param('id');
      if (!QUOTE_ID.test(id))
        throw new YuluError(
          'quote_not_found',
          `no quote with ID "${id}" (IDs are 8 characters of 0-9 and a-z)`,
        );
      const resolved = await resolve(id);
      return quotePage(c, library, await links(), resolved, script as DisplayScript);
    }),
  );
  app.get('/sources/:slug', (c) =>
    guarded(c, library, async () => {
      const { hl } = pageQuery(c, ['hl']);
      return sourcePage(c, library, library.document(c.req.param('slug')), hl, await errata());
    }),
  );
  return app;
}

// ---------------------------------------------------------------------------------------------
// Labels.

const SCRIPTS: Record<DisplayScript, { label: string; lang: string; locale: string }> = {
  hans: { label: '简体', lang: 'zh-Hans', locale: 'zh_CN' },
  hant: { label: '繁體', lang: 'zh-Hant', locale: 'zh_TW' },
  tw: { label: '台灣正體', lang: 'zh-Hant-TW', locale: 'zh_TW' },
  hk: { label: '香港繁體', lang: 'zh-Hant-HK', locale: 'zh_HK' },
};

const sourceLang = (meta: SourceMeta) => (meta.script === 'hans' ? 'zh-Hans' : 'zh-Hant');

const KINDS: Record<ParagraphKind, string> = {
  speech: '讲话 speech',
  heading: '标题 heading',
  narration: '叙述 narration',
  'key-points': '编辑要点（转述）key points, paraphrase',
  furniture: '页面杂项 page furniture',
  teaser: '片头预告 teaser',
};

const SOURCE_KINDS: Record<SourceMeta['kind'], string> = {
  article: '报道 article',
  dialogue: '对话 dialogue',
  'machine-transcript': '播客机器转写 machine transcript',
};

const ROLES: Record<Person['role'], string> = {
  guest: '嘉宾 guest',
  interviewer: '提问 interviewer',
  host: '主持 host',
};

const METHODS: Record<AttributionMethod, string> = {
  prefix: 'name prefix',
  'prefix-without-colon': 'name prefix without colon',
  continuation: 'continues the previous turn',
  'tagged-speech': 'tagged 「…」 speech',
  'untagged-question': 'untagged question',
  'split-turn': 'turn split off a merged line',
  'unmarked-question': 'unmarked press question',
  'transcript-turn': 'transcript turn (inferred)',
  'not-speech': 'not speech',
};

/** What a paragraph flag means to a reader. */
const PARAGRAPH_FLAGS: Record<ParagraphFlag, string> = {
  'unrepaired-mojibake': '乱码未能确定修复，不产出语录 unrepaired mojibake: never quoted',
  'machine-transcript': '机器转写 machine transcript: words may be mis-heard',
  'traditional-source': '繁体原文 traditional-script source',
  edited: '经编辑校正 edited',
  restated: '导语复述正文，不重复收录 restated: the lead repeats the body, never quoted',
};

const pct = (confidence: number) => `${Math.round(confidence * 100)}%`;

// ---------------------------------------------------------------------------------------------
// Shared pieces.

/** Company and title as one phrase (月之暗面创始人兼 CEO; MiniMax 创始人兼 CEO), or ''. */
function affiliation(person: Person | undefined): string {
  if (!person) return '';
  const company = person.company === person.name ? '' : person.company;
  if (!company) return person.title;
  return spaceHanAndLatin(`${company}${person.title}`).text;
}

/** Titles were width-folded in the captures like the text was: same restoration for display. */
function displayTitle(meta: SourceMeta): string {
  return spaceHanAndLatin(foldPunctuationWidth(meta.title).text).text;
}

function displayDate(meta: SourceMeta): string {
  return meta.dateIsEstimate ? `${meta.date}（推定日期 estimated）` : meta.date;
}

function sourceList(library: QuoteLibrary, heading: string): Html {
  const counts = new Map<string, number>();
  for (const q of library.quotes) counts.set(q.source, (counts.get(q.source) ?? 0) + 1);
  return h`<section class="sources"><h2>${heading}</h2><ul>${library.documents.map(
    (doc) =>
      h`<li><a href="/sources/${doc.meta.slug}">《${displayTitle(doc.meta)}》</a>
<span class="muted">${doc.meta.publication} · ${displayDate(doc.meta)} · ${counts.get(doc.meta.slug) ?? 0} 条语录 quotes</span></li>`,
  )}</ul></section>`;
}

interface PageSpec {
  title: string;
  head?: Html;
  body: Html;
  status?: ContentfulStatusCode;
}

function page(c: Context, spec: PageSpec): Response {
  const status = spec.status ?? 200;
  const doc = h`<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${spec.title}</title>
${spec.head}
<style>${STYLE}</style>
</head>
<body>
<header class="site"><a class="brand" href="/">语录 <span class="en">Yulu</span></a></header>
<main>
${spec.body}
</main>
<footer class="site"><a href="/">语录 Yulu</a> · <a href="/api/quotes">API</a> · 每一句都能追溯到原文段落 Every quote leads back to its source paragraph.</footer>
</body>
</html>
`;
  return c.body(doc.html, status, {
    ...PAGE_SECURITY_HEADERS,
    'Cache-Control': status === 200 ? PAGE_CACHE : 'no-store',
  });
}

// ---------------------------------------------------------------------------------------------
// GET /

function homePage(c: Context, library: QuoteLibrary): Response {
  const top = [...library.quotes]
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 10);
  const body = h`<h1>语录 <span class="en">Yulu</span></h1>
<p lang="zh-Hans">语录把中文访谈里的原话做成带出处的引语卡片。每条语录都有一个短 ID，能追溯到原文的具体段落；讲者、来源、日期，以及机器转写、讲者为推断等注意事项，都写在明处。</p>
<p lang="en">Yulu turns Chinese interviews into attributed quote cards. Every quote has a short ID that leads back to the exact paragraph of its source, with the speaker, the publication and date, and every caveat — machine transcripts, inferred speakers — in plain view.</p>
${sourceList(library, '来源 Sources')}
<section><h2>精选语录 Top quotes</h2>
<ol class="top">${top.map((q) => {
    const doc = library.document(q.source);
    return h`<li><a href="/q/${q.id}" lang="zh-Hans">${library.simplified(q)}</a>
<span class="muted">—— ${q.speaker} · ${doc.meta.publication}</span></li>`;
  })}</ol></section>
<p>数据接口 Data: <a href="/api/quotes">/api/quotes</a> · <a href="/api/sources">/api/sources</a></p>`;
  return page(c, {
    title: '语录 Yulu — 中文访谈引语卡片 Attributed quote cards from Chinese interviews',
    head: h`<meta name="description" content="语录：中文访谈的带出处引语卡片，每一句都能追溯到原文段落。Attributed quote cards from Chinese interviews.">`,
    body,
  });
}

// ---------------------------------------------------------------------------------------------
// GET /q/{id}

const OG_SPEC = (script: DisplayScript): CardSpec => ({
  size: 'og',
  theme: 'paper',
  script,
  scale: 1,
});

/** Quote marks for a script: “…‘…’…” in simplified, 「…『…』…」 in traditional. */
function quoted(text: string, script: DisplayScript): string {
  if (script === 'hans') return `“${text.replaceAll('“', '‘').replaceAll('”', '’')}”`;
  return `「${text.replace(/[「“]/g, '『').replace(/[」”]/g, '』')}」`;
}

const QUOTE_NOTES: Record<QuoteFlag, (p: Paragraph) => Html> = {
  'machine-transcript': () =>
    h`<strong>机器转写</strong>：这句话出自语音识别（ASR）生成的转写稿，个别词语可能听错。<span class="en">Wording from a speech recogniser's transcript; individual words may be mis-heard.</span>`,
  edited: () =>
    h`<strong>经编辑校正</strong>：编辑审核后修正了文字，原文另有记录。<span class="en">An editor's reviewed correction applies; the original wording is kept on record.</span>`,
  draft: () =>
    h`<strong>草稿预览</strong>：编辑提议的修正，尚未发布。<span class="en">An editor's proposed correction, not published.</span>`,
  'inferred-speaker': (p) =>
    h`<strong>讲者为推断</strong>：该段没有名字前缀，讲者由上下文判断（${METHODS[p.attribution.method]}，置信度 ${pct(p.attribution.confidence)}：${p.attribution.evidence}）。<span class="en">The speaker was inferred from context: the paragraph carries no name prefix.</span>`,
  'traditional-source': () =>
    h`<strong>繁体原文</strong>：来源为繁体字，其他字形由 OpenCC 自动转换。<span class="en">The source is in traditional script; the other scripts are OpenCC conversions.</span>`,
};

function quotePage(
  c: Context,
  library: QuoteLibrary,
  links: ApiLinks,
  { quote, document, paragraph }: ReturnType<QuoteLibrary['resolve']>,
  script: DisplayScript,
): Response {
  const { meta } = document;
  const id = quote.id;
  const lang = SCRIPTS[script].lang;
  // Metadata is written in simplified; quote text in the source's script.
  const t = (text: string) => convertScript(text, 'hans', script);
  const text = convertScript(quote.text, meta.script, script);
  const person = meta.people.find((p) => p.name === quote.speaker);
  const speaker = t(quote.speaker);
  const role = t(affiliation(person));
  const title = t(displayTitle(meta));
  const publication = t(meta.publication);

  const permalink = `${links.baseUrl.replace(/\/+$/, '')}/q/${id}`;
  const origin = new URL(permalink).origin;
  const pageUrl = script === 'hans' ? permalink : `${permalink}?script=${script}`;
  const og = cardSize('og');
  const cardSrc = cardPath({ quote, document }, OG_SPEC(script), 'png', links.renderVersion);
  const cardUrl = `${origin}${cardSrc}`;
  const attributed = `${speaker}${role ? `（${role}）` : ''}`;
  const alt = `语录卡片：${attributed}：${quoted(text, script)}`;
  const sourceHref = `/sources/${meta.slug}?hl=${id}#q-${id}`;

  const caveats = [
    meta.kind === 'machine-transcript' ? t('（机器转写）') : '',
    quote.flags.includes('edited') ? t('（经编辑校正）') : '',
  ].join('');
  const date = meta.dateIsEstimate ? `${meta.date}${t('（日期为推定）')}` : meta.date;
  const citation = `${attributed}：${quoted(text, script)}——${publication}《${title}》${caveats}，${date}。 ${permalink}`;
  const embed = `<a href="${esc(permalink)}"><img src="${esc(cardUrl)}" width="${og.width}" height="${og.height}" alt="${esc(alt)}"></a>`;
  const description = `${attributed}：${quoted(text, script)}——${publication}《${title}》`;

  const head = h`<meta name="description" content="${description}">
<link rel="canonical" href="${permalink}">
${DISPLAY_SCRIPTS.map(
  (s) =>
    h`<link rel="alternate" hreflang="${SCRIPTS[s].lang}" href="${s === 'hans' ? permalink : `${permalink}?script=${s}`}">
`,
)}<meta property="og:type" content="article">
<meta property="og:site_name" content="语录 Yulu">
<meta property="og:title" content="${attributed}">
<meta property="og:description" content="${text}">
<meta property="og:url" content="${pageUrl}">
<meta property="og:image" content="${cardUrl}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${og.width}">
<meta property="og:image:height" content="${og.height}">
<meta property="og:image:alt" content="${alt}">
<meta property="og:locale" content="${SCRIPTS[script].locale}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${attributed}">
<meta name="twitter:description" content="${text}">
<meta name="twitter:image" content="${cardUrl}">
<meta name="twitter:image:alt" content="${alt}">`;

  const scripts = h`<nav class="scripts" aria-label="字形 Script">${DISPLAY_SCRIPTS.map((s) =>
    s === script
      ? h`<strong aria-current="page" lang="${SCRIPTS[s].lang}">${SCRIPTS[s].label}</strong>`
      : h`<a href="/q/${id}${s === 'hans' ? '' : `?script=${s}`}" hreflang="${SCRIPTS[s].lang}" lang="${SCRIPTS[s].lang}">${SCRIPTS[s].label}</a>`,
  )}</nav>`;

  const notes = quote.flags.map((flag) => h`<li>${QUOTE_NOTES[flag](paragraph)}</li>`);
  const original =
    text !== quote.text
      ? h`<p class="original muted">原文 <span class="en">as published</span>：<span lang="${sourceLang(meta)}">${quote.text}</span></p>`
      : '';

  const downloads = CARD_SIZES.map((size: CardSize) => {
    const spec = (scale: CardSpec['scale']): CardSpec => ({
      ...OG_SPEC(script),
      size: size.name,
      scale,
    });
    const file = `yulu-${id}-${size.name}`;
    return h`<tr><td>${size.name}<br><span class="muted">${size.label}</span></td>
<td>${SCALES.map(
      (scale) =>
        h`<a href="${cardPath({ quote, document }, spec(scale), 'png', links.renderVersion)}" download="${file}${scale === 1 ? '' : `@${scale}x`}.png">PNG ${size.width * scale} × ${size.height * scale}</a><br>`,
    )}<a href="${cardPath({ quote, document }, spec(1), 'svg', links.renderVersion)}" download="${file}.svg">SVG ${size.width} × ${size.height}</a></td></tr>`;
  });

  const body = h`<figure class="card">
<img src="${cardSrc}" width="${og.width}" height="${og.height}" alt="${alt}">
</figure>
${scripts}
<blockquote class="quote" lang="${lang}">
<p>${text}</p>
<footer>—— <strong>${speaker}</strong>${role ? h`，${role}` : ''}</footer>
</blockquote>
${original}
<dl class="facts">
<dt>讲者 <span class="en">Speaker</span></dt>
<dd><strong lang="${lang}">${speaker}</strong>${person ? h` · <span lang="${lang}">${t(person.title)}</span> · <span lang="${lang}">${t(person.company)}</span> <span class="muted">${ROLES[person.role]}</span>` : ''}</dd>
<dt>来源 <span class="en">Source</span></dt>
<dd><span lang="${lang}">《${title}》</span><br>${publication} · ${SOURCE_KINDS[meta.kind]}${meta.url ? h` · <a href="${meta.url}" rel="noopener noreferrer">原始网页 original page</a>` : ''}</dd>
<dt>日期 <span class="en">Date</span></dt>
<dd>${displayDate(meta)}${meta.dateNote ? h`<br><span class="muted">${meta.dateNote}</span>` : ''}</dd>
<dt>原文段落 <span class="en">In context</span></dt>
<dd><a href="${sourceHref}">在原文中查看 ${paragraph.id} <span class="en">Read it in the source</span></a></dd>
</dl>
${notes.length ? h`<section class="notes"><h2>注意 <span class="en">Notes</span></h2><ul>${notes}</ul></section>` : ''}
<section><h2>引用 <span class="en">Cite</span></h2>
<textarea readonly rows="4" aria-label="引用文字 Citation" lang="${lang}">${citation}</textarea></section>
<section><h2>嵌入 <span class="en">Embed</span></h2>
<textarea readonly rows="4" aria-label="嵌入代码 Embed code" class="code">${embed}</textarea></section>
<section><h2>下载卡片 <span class="en">Download the card</span></h2>
<table class="downloads"><thead><tr><th>尺寸 Size</th><th>文件 Files (px)</th></tr></thead>
<tbody>${downloads}</tbody></table></section>
<p class="muted">ID <code>${id}</code> · <a href="/api/quotes/${id}">JSON</a></p>`;

  return page(c, {
    title: `${speaker}：${quoted(clip(text, 28), script)} · 语录 Yulu`,
    head,
    body,
  });
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

// ---------------------------------------------------------------------------------------------
// GET /sources/{slug}

/** An editor's reviewed correction of a machine-transcript quote. */
export interface Erratum {
  corrected: string;
  reason: string;
}

function sourcePage(
  c: Context,
  library: QuoteLibrary,
  document: Document,
  hl: string | undefined,
  errata: ReadonlyMap<string, Erratum> = new Map(),
): Response {
  const { meta } = document;
  const lang = sourceLang(meta);
  const byParagraph = new Map<string, Quote[]>();
  let quoteCount = 0;
  for (const q of library.quotes) {
    if (q.source !== meta.slug) continue;
    quoteCount++;
    const list = byParagraph.get(q.paragraph) ?? [];
    list.push(q);
    byParagraph.set(q.paragraph, list);
  }

  // The quote to highlight, or a notice saying why nothing is highlighted.
  let target: Quote | undefined;
  let notice: Html | undefined;
  if (hl !== undefined) {
    const found = QUOTE_ID.test(hl) ? library.find(hl) : undefined;
    if (!found) {
      notice = h`<p class="notice" role="status">没有找到要高亮的语录${QUOTE_ID.test(hl) ? h` <code>${hl}</code>` : ''}。<span class="en">The quote to highlight was not found in this source${QUOTE_ID.test(hl) ? '' : ' (quote IDs are 8 characters of 0-9 and a-z)'}.</span></p>`;
    } else if (found.source !== meta.slug) {
      const other = library.document(found.source).meta;
      notice = h`<p class="notice" role="status">语录 <a href="/q/${found.id}"><code>${found.id}</code></a> 出自另一来源 <span class="en">is from another source</span>：<a href="/sources/${other.slug}?hl=${found.id}#q-${found.id}">《${displayTitle(other)}》</a></p>`;
    } else {
      const { paragraph } = library.resolve(found.id);
      if (paragraph.text.slice(found.span[0], found.span[1]) === found.text) target = found;
      else
        notice = h`<p class="notice" role="status">语录 <code>${found.id}</code> 与原文不再一致，未高亮。<span class="en">The quote no longer matches its paragraph, so nothing is highlighted.</span></p>`;
    }
  }

  const excluded = document.paragraphs.filter((p) => p.kind !== 'speech').length;
  // Flags every paragraph carries (machine transcript, traditional script) are said once.
  const docFlags = (Object.keys(PARAGRAPH_FLAGS) as ParagraphFlag[]).filter(
    (flag) =>
      document.paragraphs.length > 0 && document.paragraphs.every((p) => p.flags.includes(flag)),
  );

  const body = h`<article class="source">
<h1>《${displayTitle(meta)}》</h1>
<p>${meta.publication} · ${displayDate(meta)} · ${SOURCE_KINDS[meta.kind]}${meta.url ? h` · <a href="${meta.url}" rel="noopener noreferrer">原始网页 original page</a>` : ''}</p>
${meta.dateNote ? h`<p class="muted small">${meta.dateNote}</p>` : ''}
<ul class="people">${meta.people.map(
    (p) =>
      h`<li><strong>${p.name}</strong> ${affiliation(p)} <span class="muted">${ROLES[p.role]}</span></li>`,
  )}</ul>
${meta.notes ? h`<p class="muted small" lang="en">${meta.notes}</p>` : ''}
${docFlags.map((flag) => h`<p class="notice">${PARAGRAPH_FLAGS[flag]}</p>`)}
<p class="small">${document.paragraphs.length} 段 paragraphs · ${document.paragraphs.length - excluded} 段讲话 speech · ${excluded} 段不收录 excluded · ${quoteCount} 条语录 quotes</p>
<p class="legend small muted">灰色段落不是讲者原话（标题、叙述、页面杂项等）或带有问题标记，不会成为语录；它们照原样保留，方便核对。<span class="en">Greyed paragraphs are not the speaker's own words (headings, narration, page furniture…) or carry a flag; they never become quotes and are shown as they are, for checking.</span></p>
${notice}
${document.paragraphs.map((p) =>
  paragraphBlock(
    p,
    lang,
    byParagraph.get(p.id) ?? [],
    target?.paragraph === p.id ? target : undefined,
    docFlags,
    errata,
  ),
)}
</article>`;

  return page(c, {
    title: `《${displayTitle(meta)}》 · ${meta.publication} · 语录 Yulu`,
    head: h`<meta name="description" content="${`《${displayTitle(meta)}》（${meta.publication}，${meta.date}）全文阅读视图：每一段的讲者判定与出处。Reading view with every paragraph's attribution.`}">`,
    body,
  });
}

function paragraphBlock(
  p: Paragraph,
  lang: string,
  quotes: readonly Quote[],
  target: Quote | undefined,
  docFlags: readonly ParagraphFlag[],
  errata: ReadonlyMap<string, Erratum> = new Map(),
): Html {
  const excluded = p.kind !== 'speech';
  const flags = p.flags.filter((f) => !docFlags.includes(f));
  const classes = ['para', excluded ? 'excluded' : 'speech'];
  if (flags.length) classes.push('flagged');
  if (target) classes.push('hl');
  const a = p.attribution;
  const how = `${METHODS[a.method]} · ${pct(a.confidence)} · ${a.evidence}`;
  const who = a.speaker
    ? h`<span class="who" title="${how}">${a.speaker}</span> <span class="how">${METHODS[a.method]} · ${pct(a.confidence)}</span>`
    : '';
  const labels = [
    excluded
      ? h`<span class="label">不收录 excluded: ${KINDS[p.kind]}${p.reason ? h` — <span class="reason">${p.reason}</span>` : ''}</span>`
      : '',
    ...flags.map((f) => h`<span class="label flag" data-flag="${f}">${PARAGRAPH_FLAGS[f]}</span>`),
  ];
  const text = target
    ? h`${p.text.slice(0, target.span[0])}<mark id="q-${target.id}">${p.text.slice(target.span[0], target.span[1])}</mark>${p.text.slice(target.span[1])}`
    : p.text;
  const lines =
    p.lines[0] === p.lines[1] ? `line ${p.lines[0]}` : `lines ${p.lines[0]}–${p.lines[1]}`;
  const showRaw =
    p.raw !== p.text && (p.repairs['gbk-mojibake'] || p.flags.includes('unrepaired-mojibake'));
  const meta = [
    h`<a class="pid" href="#${p.id}" title="${lines}">${p.id}</a>`,
    who,
    ...labels,
  ].filter((part) => part !== '');
  const extras = [
    target
      ? h`<p class="small"><a href="/q/${target.id}">→ 语录页 <span class="en">quote page</span> <code>${target.id}</code></a></p>`
      : '',
    quotes.length
      ? h`<p class="qlinks small">语录 <span class="en">quotes</span>: ${quotes.map((q, i) => h`${i ? ' ' : ''}<a href="/q/${q.id}"><code>${q.id}</code></a>`)}</p>`
      : '',
    ...quotes
      .filter((q) => errata.has(q.id))
      .map((q) => {
        const e = errata.get(q.id) as Erratum;
        return h`<p class="erratum small" data-erratum="${q.id}">勘误 <span class="en">erratum</span> <code>${q.id}</code>：<q lang="${lang}">${e.corrected}</q>（${e.reason}）<span class="en">— the transcript's words above are kept as captured</span></p>`;
      }),
    showRaw
      ? h`<details class="small"><summary>原始文本（修复前）<span class="en">raw capture, before repair</span></summary><p lang="${lang}">${p.raw}</p></details>`
      : '',
  ].filter((part) => part !== '');
  return h`<section class="${classes.join(' ')}" id="${p.id}">
<p class="meta">${meta.map((part, i) => h`${i ? ' ' : ''}${part}`)}</p>
<p class="text" lang="${lang}">${text}</p>${extras.map((part) => h`\n${part}`)}
</section>
`;
}

// ---------------------------------------------------------------------------------------------
// Style: system CJK fonts, one calm column, light and dark.

const STYLE = new Html(`
:root{color-scheme:light dark;--bg:#faf8f3;--fg:#1f1d1a;--muted:#6b645a;--rule:#e2dbcf;--accent:#8a3b12;--mark:#fbe3a0;--hl:#fdf3d6;--notice:#f3ede2}
@media (prefers-color-scheme:dark){:root{--bg:#171614;--fg:#ebe6de;--muted:#a1988b;--rule:#37322c;--accent:#e3a574;--mark:#6b5418;--hl:#2a251b;--notice:#24211d}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.8 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
:lang(zh-Hant){font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","PingFang TC","Noto Sans CJK TC","Source Han Sans TC","Microsoft JhengHei",sans-serif}
:lang(zh-Hant-HK){font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","PingFang HK","Noto Sans CJK HK","Source Han Sans HK","Microsoft JhengHei",sans-serif}
main,header.site,footer.site{max-width:40rem;margin:0 auto;padding:0 1.25rem}
header.site{padding-top:1.25rem}footer.site{padding-bottom:3rem;margin-top:3rem;border-top:1px solid var(--rule);padding-top:1rem;font-size:.85rem;color:var(--muted)}
.brand{font-weight:600;text-decoration:none;color:var(--fg);letter-spacing:.05em}
a{color:var(--accent);text-underline-offset:.2em}
h1{font-size:1.6rem;line-height:1.4;margin:1.5rem 0 .75rem;font-weight:600}
h2{font-size:1.05rem;margin:2.25rem 0 .5rem;font-weight:600}
.en{font-weight:400;color:var(--muted);font-size:.9em}
.muted{color:var(--muted)}.small{font-size:.85rem}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
figure.card{margin:1.5rem 0 0}
figure.card img{display:block;width:100%;height:auto;border:1px solid var(--rule);border-radius:6px;background:#f4efe6}
.scripts{display:flex;gap:1rem;font-size:.9rem;margin:.75rem 0}
.scripts strong{font-weight:600}
blockquote.quote{margin:2rem 0 1rem;padding:0;font-family:"Songti SC","Noto Serif CJK SC","Source Han Serif SC",serif;font-size:1.45rem;line-height:1.85}
blockquote.quote:lang(zh-Hant){font-family:"Songti TC","Noto Serif CJK TC","Source Han Serif TC",serif}
blockquote.quote p{margin:0}
blockquote.quote footer{margin-top:.75rem;font-family:inherit;font-size:1rem;color:var(--muted)}
blockquote.quote footer strong{color:var(--fg)}
.original{font-size:.9rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:1.5rem 0}
dl.facts dt{color:var(--muted);font-size:.9rem}dl.facts dd{margin:0}
.notes ul{padding-left:1.2rem}.notes li{margin:.4rem 0}
textarea{width:100%;font:inherit;font-size:.95rem;line-height:1.6;padding:.6rem .75rem;border:1px solid var(--rule);border-radius:6px;background:transparent;color:inherit;resize:vertical}
textarea.code{font:.8rem/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
table.downloads{width:100%;border-collapse:collapse;font-size:.9rem}
table.downloads th,table.downloads td{text-align:left;vertical-align:top;padding:.5rem .5rem .5rem 0;border-top:1px solid var(--rule)}
.notice{background:var(--notice);padding:.5rem .75rem;border-radius:6px;font-size:.9rem}
.error code{font-weight:600}
.sources ul{padding-left:1.2rem}.sources li{margin:.35rem 0}.sources .muted{font-size:.85rem;display:block}
ol.top li{margin:.75rem 0}ol.top a{color:var(--fg);text-decoration:none}ol.top a:hover{text-decoration:underline}ol.top .muted{display:block;font-size:.85rem}
ul.people{padding-left:1.2rem}
.para{margin:0;padding:.5rem .75rem;border-left:3px solid transparent;scroll-margin-top:1rem}
.para .meta{margin:0;font-size:.78rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.para .text{margin:.1rem 0 .25rem}
.para .pid{color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-decoration:none}
.para .pid:hover{text-decoration:underline}
.para .who{color:var(--fg);font-weight:600}
.para .label{border:1px solid var(--rule);border-radius:4px;padding:0 .35rem}
.para.excluded .text,.para.flagged .text{color:var(--muted)}
.para.excluded,.para.flagged{border-left-color:var(--rule)}
.para.flagged .label.flag{border-color:var(--accent);color:var(--accent)}
.para.hl,.para:target{background:var(--hl);border-left-color:var(--accent)}
mark{background:var(--mark);color:inherit;padding:.05em 0;border-radius:2px}
.qlinks{margin:0;color:var(--muted)}.qlinks a{text-decoration:none}
details{margin:.25rem 0;color:var(--muted)}
@media (max-width:30rem){body{font-size:16px}blockquote.quote{font-size:1.25rem}dl.facts{grid-template-columns:1fr}}
`);

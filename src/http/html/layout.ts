import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DESK_HEADERS, PAGE_CACHE, PAGE_HEADERS } from './headers.ts';
import { dailyHref, FEED_HREFS, searchHref } from '../links.ts';
import { fontFaces } from './fonts.ts';
import { html, trusted, type Html } from './markup.ts';
import { switchHref, uiLang, uiOf, withUi, type Ui } from './ui.ts';
import { wordsFor } from './words.ts';
import { SCRIPTS, type DisplayScript } from '../../text/scripts.ts';
import { DESK_STYLE, SITE_STYLE } from './style.ts';

export interface SitePage {
  title: string;
  head?: Html;
  body: Html;
  status?: ContentfulStatusCode;
  /** The interface language (`?lang=en`); Chinese by default. */
  ui?: Ui;
  /** The display script of the page's Chinese: `<html lang>` and the script of its labels. */
  script?: DisplayScript;
  /**
   * The page's absolute URL with a Chinese interface (no `lang=`). The canonical URL, og:url and
   * the hreflang alternates are derived from it, so they agree: an English page is canonical
   * under its own `?lang=en` URL.
   */
  canonical?: string;
  /** hreflang → URL of the Chinese versions (default: this page in its script). */
  alternates?: readonly (readonly [hreflang: string, href: string])[];
}

/** The canonical URL of a page in an interface language (see SitePage.canonical). */
export const canonicalIn = (canonical: string, ui: Ui) => withUi(canonical, ui);

function linkTags(spec: SitePage, ui: Ui, zhLang: string): Html | '' {
  if (!spec.canonical) return '';
  const alternates = spec.alternates ?? [[zhLang, spec.canonical] as const];
  const base = alternates[0]?.[1] ?? spec.canonical;
  return html`<link rel="canonical" href="${canonicalIn(spec.canonical, ui)}">
${alternates.map(
  ([hreflang, href]) => html`<link rel="alternate" hreflang="${hreflang}" href="${href}">
`,
)}<link rel="alternate" hreflang="en" href="${canonicalIn(base, 'en')}">
<link rel="alternate" hreflang="x-default" href="${base}">`;
}

/**
 * A public page: the site's header (today's quote, search, the language switch) and footer
 * around the body, the web fonts and feed autodiscovery in the head; cached briefly when 200.
 * Every label comes from the words of the page's language (html/words.ts).
 */
export function sitePage(c: Context, spec: SitePage): Response {
  const status = spec.status ?? 200;
  const ui = spec.ui ?? safeUi(c);
  const script = spec.script ?? 'hans';
  const w = wordsFor(ui, script).site;
  const htmlLang = uiLang(ui, SCRIPTS[script].htmlLang);
  const other: Ui = ui === 'en' ? 'zh' : 'en';
  const otherLang = other === 'en' ? 'en' : 'zh-Hans';
  const doc = html`<!doctype html>
<html lang="${htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${spec.title}</title>
${linkTags(spec, ui, SCRIPTS[script].htmlLang)}
<link rel="alternate" type="application/atom+xml" title="${w.daily} (Atom)" href="${FEED_HREFS.atom}">
<link rel="alternate" type="application/feed+json" title="${w.daily} (JSON Feed)" href="${FEED_HREFS.json}">
${spec.head}
<style>${trusted(fontFaces())}${SITE_STYLE}</style>
</head>
<body>
<header class="site"><a class="brand" href="${withUi('/', ui)}">${w.brand}</a>
<nav aria-label="${w.nav}"><a href="${withUi(dailyHref(), ui)}">${w.daily}</a> <a href="${withUi(searchHref(), ui)}">${w.search}</a> <a href="${switchHref(c, other)}" lang="${otherLang}" hreflang="${otherLang}">${w.otherLanguage}</a></nav></header>
<main>
${spec.body}
</main>
<footer class="site">${w.footer} <a href="/api/openapi.json">API</a> · <a href="${FEED_HREFS.atom}">${w.feed}</a></footer>
</body>
</html>
`;
  return c.body(doc.toString(), status, {
    ...PAGE_HEADERS,
    'Cache-Control': status === 200 ? PAGE_CACHE : 'no-store',
  });
}

export interface DeskFrame {
  /** `zh` (default) or `en`: the page's one language. */
  lang?: 'zh' | 'en';
  /** The desk's header (navigation, sign-out, language switch); none on the sign-in page. */
  header?: Html;
}

/**
 * A page of the editorial desk: never indexed, one language, one small responsive style sheet,
 * the desk's script file, the title as the main heading.
 */
export function deskPage(
  c: Context,
  title: string,
  body: Html,
  status: ContentfulStatusCode = 200,
  frame: DeskFrame = {},
): Response {
  const lang = frame.lang === 'en' ? 'en' : 'zh-Hans';
  const doc = html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title} · 语录</title>
<style>${DESK_STYLE}</style><script src="/editor/desk.js" defer></script></head>
<body>${frame.header ?? html`<header class="desk"><span class="brand">语录</span></header>`}<main id="main"><h1>${title}</h1>${body}</main></body></html>`;
  return c.body(doc.toString(), status, { ...DESK_HEADERS });
}

/** The interface language, or Chinese when `?lang=` is malformed (an error page must render). */
function safeUi(c: Context): Ui {
  try {
    return uiOf(c);
  } catch {
    return 'zh';
  }
}

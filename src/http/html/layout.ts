import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DESK_HEADERS, PAGE_CACHE, PAGE_HEADERS } from './headers.ts';
import { dailyHref, FEED_HREFS, searchHref } from '../links.ts';
import { fontFaces } from './fonts.ts';
import { html, trusted, type Html } from './markup.ts';
import { say, switchHref, uiLang, uiOf, withUi, type Ui } from './ui.ts';
import { DESK_STYLE, SITE_STYLE } from './style.ts';

export interface SitePage {
  title: string;
  head?: Html;
  body: Html;
  status?: ContentfulStatusCode;
  /** The interface language (`?lang=en`); Chinese by default. */
  ui?: Ui;
  /** `<html lang>` when the interface is Chinese: the page's display script (default zh-Hans). */
  lang?: string;
  /** Converts the simplified interface labels into the page's script (with `lang`). */
  convert?: (text: string) => string;
}

/**
 * A public page: the site's header (today's quote, search, the language switch) and footer
 * around the body, the web fonts and feed autodiscovery in the head; cached briefly when 200.
 */
export function sitePage(c: Context, spec: SitePage): Response {
  const status = spec.status ?? 200;
  const ui = spec.ui ?? safeUi(c);
  const convert = spec.convert ?? ((text: string) => text);
  const s = (zh: string, en: string) => say(ui, convert(zh), en);
  const other: Ui = ui === 'en' ? 'zh' : 'en';
  const doc = html`<!doctype html>
<html lang="${uiLang(ui, spec.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${spec.title}</title>
<link rel="alternate" type="application/atom+xml" title="${s('今日语录', 'Quote of the day')} (Atom)" href="${FEED_HREFS.atom}">
<link rel="alternate" type="application/feed+json" title="${s('今日语录', 'Quote of the day')} (JSON Feed)" href="${FEED_HREFS.json}">
${spec.head}
<style>${trusted(fontFaces())}${SITE_STYLE}</style>
</head>
<body>
<header class="site"><a class="brand" href="${withUi('/', ui)}">${s('语录', 'Yulu')}</a>
<nav aria-label="${s('站点', 'Site')}"><a href="${withUi(dailyHref(), ui)}">${s('今日语录', 'Quote of the day')}</a> <a href="${withUi(searchHref(), ui)}">${s('搜索', 'Search')}</a> <a href="${switchHref(c, other)}" lang="${other === 'en' ? 'en' : 'zh-Hans'}" hreflang="${other === 'en' ? 'en' : 'zh-Hans'}">${other === 'en' ? 'English' : '中文'}</a></nav></header>
<main>
${spec.body}
</main>
<footer class="site">${s('每一句都能追溯到原文段落。', 'Every quote leads back to its source paragraph.')} <a href="/api/openapi.json">API</a> · <a href="${FEED_HREFS.atom}">${s('订阅', 'Feed')}</a></footer>
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

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DESK_HEADERS, PAGE_CACHE, PAGE_HEADERS } from './headers.ts';
import { html, type Html } from './markup.ts';
import { DESK_STYLE, SITE_STYLE } from './style.ts';

export interface SitePage {
  title: string;
  head?: Html;
  body: Html;
  status?: ContentfulStatusCode;
}

/** A public page: the site's header and footer around the body; cached briefly when 200. */
export function sitePage(c: Context, spec: SitePage): Response {
  const status = spec.status ?? 200;
  const doc = html`<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${spec.title}</title>
${spec.head}
<style>${SITE_STYLE}</style>
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

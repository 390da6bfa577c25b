import type { Context } from 'hono';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { errorReply } from '../errors.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { uiOf, withUi, type Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';
import { sourceList } from './shared.ts';

/** The interface language, or Chinese when `?lang=` itself is what was wrong. */
function safeUi(c: Context): Ui {
  try {
    return uiOf(c);
  } catch {
    return 'zh';
  }
}

/**
 * An error as a public page: the same stable code and message as the JSON API (errors.ts), with
 * the error's status. The Chinese page says what happened in Chinese and keeps the API's English
 * message beside it, marked as English; the English page shows the message itself. With the
 * library, 404 and 410 pages list the sources so the reader can go on.
 */
export function errorPage(c: Context, error: unknown, library?: QuoteLibrary): Response {
  const { code, message, status, retryAfter } = errorReply(error);
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  const ui = safeUi(c);
  const w = wordsFor(ui).error;
  const heading = w.headings[status] ?? w.headings[status >= 500 ? 500 : 400] ?? String(status);
  const said =
    ui === 'en'
      ? html`<p class="error" role="alert"><span class="message">${message}</span> <span class="muted small">${w.code}: <code>${code}</code></span></p>`
      : html`<p class="error" role="alert">${w.codes[code] ?? w.fallback} <span class="muted small">${w.code}：<code>${code}</code></span></p>
<p class="muted small">${w.detail}：<span lang="en">${message}</span></p>`;
  const body = html`<h1>${heading}</h1>
${said}
${(status === 404 || status === 410) && library ? sourceList(library, ui, w.sources) : ''}
<p><a href="${withUi('/', ui)}">${w.home}</a></p>`;
  return sitePage(c, {
    title: `${status} ${heading} · ${wordsFor(ui).site.brand}`,
    head: html`<meta name="robots" content="noindex">`,
    body,
    status,
    ui,
  });
}

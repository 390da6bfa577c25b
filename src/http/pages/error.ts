import type { Context } from 'hono';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { errorReply } from '../errors.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { sourceList } from './shared.ts';

const ERROR_HEADINGS: Record<number, string> = {
  400: '请求有误',
  404: '找不到这个页面',
  410: '这条语录已撤下',
  422: '无法处理',
  500: '出错了',
  503: '暂时不可用',
};

/**
 * An error as a public page: the same stable code and message as the JSON API (errors.ts), with
 * the error's status. With the library, 404 pages list the sources so the reader can go on.
 */
export function errorPage(c: Context, error: unknown, library?: QuoteLibrary): Response {
  const { code, message, status, retryAfter } = errorReply(error);
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  const heading = ERROR_HEADINGS[status] ?? (status >= 500 ? '出错了' : '请求有误');
  const body = html`<h1>${heading} <span class="en">${status}</span></h1>
<p class="error" role="alert"><code>${code}</code> ${message}</p>
${status === 404 && library ? sourceList(library, '现有来源 Sources') : ''}
<p><a href="/">← 返回首页 Home</a></p>`;
  return sitePage(c, {
    title: `${status} ${code} · 语录 Yulu`,
    head: html`<meta name="robots" content="noindex">`,
    body,
    status,
  });
}

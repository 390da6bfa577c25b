/**
 * Page furniture: text a capture carries that nobody said. Each rule is a named pattern with the
 * reason it exists; all are matched against the simplified form of a paragraph so that one rule
 * serves simplified and traditional pages alike.
 */

/** Exact lines of WeChat / mirror / portal chrome (000, 004). */
const CHROME_LINES = new Set([
  '查看原文',
  '其他',
  '继续滑动看下一个',
  '向上滑动看下一个',
  '您可能也对以下帖子感兴趣',
  '看全文',
  '最新评论',
  '热门阅读',
  '推荐阅读',
  '和讯特稿',
]);

/** Chrome that varies in its numbers or tail: comment widgets, counters. */
const CHROME_PATTERNS: RegExp[] = [
  /^查看剩下\d+条评论$/u,
  /^写评论/u,
  /^提 ?交还可输入\d*$/u,
  /点此查看未经处理的缓存$/u,
];

/** Credit and byline lines: interviewers, editors, layout, photo credits, first-published notes. */
const CREDIT_PATTERNS: RegExp[] = [
  /^(采访|编辑|排版|作者|撰文|责任编辑|来源|出品|策划)[：:|]/u,
  /^[（(](图片来源|本文首发|责任编辑|来源)/u,
  /^转载原创文章请/u,
];

/** Advertorial disclaimers (004 is labelled an advertisement by its host site). */
const DISCLAIMER_PATTERNS: RegExp[] = [/^[（(【]免责声明/u, /^【广告】/u];

/** Headers that open a list of links to other articles; every line after one is a link title. */
const LINK_LIST_HEADERS = new Set(['更多阅读', '相关阅读', '往期推荐', '推荐阅读']);

/** A date or timestamp line, optionally followed by a short channel name (004: `… 市场信息`). */
const DATE_LINE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?(?: \S{1,12})?$/u;

/** An SEO keyword line: many short terms joined by `|` (004 ends with ~100 place names). */
function isKeywordLine(text: string): boolean {
  return text.split('|').length >= 10;
}

export interface FurnitureContext {
  title: string;
  publication: string;
}

/** Returns why a paragraph is furniture, or null when it is content. */
export function furnitureReason(hans: string, context: FurnitureContext): string | null {
  const text = hans.trim();
  if (CHROME_LINES.has(text) || CHROME_PATTERNS.some((re) => re.test(text))) return 'page chrome';
  if (LINK_LIST_HEADERS.has(text)) return 'link list';
  if (CREDIT_PATTERNS.some((re) => re.test(text))) return 'credit line';
  if (DISCLAIMER_PATTERNS.some((re) => re.test(text))) return 'disclaimer';
  if (DATE_LINE.test(text)) return 'date line';
  if (isKeywordLine(text)) return 'SEO keywords';
  if (isPublicationLine(text, context.publication)) return 'byline';
  if (containsTitle(text, context.title)) return 'title';
  return null;
}

export function isLinkListHeader(hans: string): boolean {
  return LINK_LIST_HEADERS.has(hans.trim());
}

const squash = (text: string) => text.replace(/[\s，,：:？?！!。|｜]/gu, '');

/** `Founder Park Founder Park`: the account name, possibly repeated, as a line of its own. */
function isPublicationLine(text: string, publication: string): boolean {
  const name = squash(publication.split(/[(（]/u)[0] ?? publication);
  if (name.length < 3) return false;
  const line = squash(text);
  return line.length > 0 && line.replaceAll(name, '') === '';
}

/** The article's own title line, bare or wrapped by a content farm ("今天小编分享…:TITLE,欢迎阅读。"). */
function containsTitle(text: string, title: string): boolean {
  const t = squash(title);
  const line = squash(text);
  return t.length >= 6 && line.includes(t) && line.length <= t.length + 30;
}

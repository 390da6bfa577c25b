/**
 * A small reader for the pages' own markup (well-formed HTML that src/http writes): which text a
 * page shows, in which language each piece is marked, and its head links. Not a general HTML
 * parser: it knows void elements, raw-text elements and entities, and fails on a tag left open
 * or closed out of order, so a malformed page cannot slip past the checks that use it.
 */

const VOID = new Set(['meta', 'link', 'img', 'br', 'input', 'hr', 'source', 'wbr']);
const RAW = new Set(['script', 'style', 'textarea', 'title']);

export interface TextRun {
  text: string;
  /** The nearest `lang` in force (the element's own or an ancestor's). */
  lang: string;
  /** True when no element inside `<html>` marks a language: the page's own (interface) text. */
  interface: boolean;
  /** Tag names from the root to the element holding the text. */
  path: string[];
  /** Class names of the element holding the text and its ancestors. */
  classes: string[];
  /** Where it came from: text, or an attribute (aria-label, placeholder, title, alt). */
  kind: 'text' | 'aria-label' | 'placeholder' | 'title' | 'alt';
}

export interface ElementText {
  tag: string;
  attrs: Record<string, string>;
  /** All text inside the element, descendants included. */
  text: string;
  /** The interface text inside it: what no element inside `<html>` marks with a `lang`. */
  own: string;
}

export interface PageText {
  htmlLang: string;
  runs: TextRun[];
  /** Every element in the body with the text inside it. */
  elements: ElementText[];
  /** `<link>` and `<meta>` attributes of the head. */
  links: Record<string, string>[];
  metas: Record<string, string>[];
  h1: number;
}

export function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:-]+)(?:="([^"]*)")?/g))
    attrs[m[1]!.toLowerCase()] = decode(m[2] ?? '');
  return attrs;
}

interface Open {
  tag: string;
  attrs: Record<string, string>;
  lang: string;
  own: string[];
  /** The element or an ancestor below `<html>` has a `lang`: its text is marked, not interface. */
  marked: boolean;
  text: string[];
}

export function readPage(markup: string): PageText {
  const page: PageText = { htmlLang: '', runs: [], elements: [], links: [], metas: [], h1: 0 };
  const stack: Open[] = [];
  const token =
    /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-z0-9]+)\s*>|<([a-z0-9]+)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>|([^<]+)/gi;
  const inBody = () => stack.some((o) => o.tag === 'body');
  const addText = (text: string, kind: TextRun['kind'], at: Open[]) => {
    if (!text.trim()) return;
    const lang = at.at(-1)?.lang ?? '';
    page.runs.push({
      text,
      lang,
      interface: !at.at(-1)?.marked,
      path: at.map((o) => o.tag),
      classes: at.flatMap((o) => (o.attrs.class ?? '').split(/\s+/).filter(Boolean)),
      kind,
    });
  };
  let m: RegExpExecArray | null;
  while ((m = token.exec(markup))) {
    const [whole, close, open, attrSource, text] = m;
    if (whole.startsWith('<!')) continue;
    if (text !== undefined) {
      const t = decode(text);
      for (const o of stack) o.text.push(t);
      if (!stack.at(-1)?.marked) for (const o of stack) o.own.push(t);
      if (inBody()) addText(t, 'text', stack);
      continue;
    }
    if (close) {
      const top = stack.pop();
      if (top?.tag !== close.toLowerCase())
        throw new Error(`</${close}> closes <${top?.tag ?? 'nothing'}>`);
      if (inBody() || top.tag === 'body')
        page.elements.push({
          tag: top.tag,
          attrs: top.attrs,
          text: top.text.join(''),
          own: top.own.join(''),
        });
      continue;
    }
    const tag = open!.toLowerCase();
    const attrs = attributes(attrSource ?? '');
    const lang = attrs.lang ?? stack.at(-1)?.lang ?? '';
    if (tag === 'html') page.htmlLang = attrs.lang ?? '';
    if (tag === 'h1') page.h1++;
    if (tag === 'link') page.links.push(attrs);
    if (tag === 'meta') page.metas.push(attrs);
    const marked = (tag !== 'html' && attrs.lang !== undefined) || Boolean(stack.at(-1)?.marked);
    const element: Open = { tag, attrs, lang, marked, text: [], own: [] };
    if (inBody())
      for (const kind of ['aria-label', 'placeholder', 'title', 'alt'] as const)
        if (attrs[kind]) addText(attrs[kind], kind, [...stack, element]);
    if (VOID.has(tag)) continue;
    if (RAW.has(tag)) {
      const end = markup.indexOf(`</${tag}>`, token.lastIndex);
      if (end < 0) throw new Error(`<${tag}> is never closed`);
      const inner = decode(markup.slice(token.lastIndex, end));
      for (const o of stack) o.text.push(inner);
      // A textarea's content is code to copy, in the language it is marked with; the others
      // (title, style, script) are not body text.
      if (tag === 'textarea' && inBody()) addText(inner, 'text', [...stack, element]);
      if (!marked) for (const o of stack) o.own.push(inner);
      if (inBody()) page.elements.push({ tag, attrs, text: inner, own: marked ? '' : inner });
      token.lastIndex = end + tag.length + 3;
      continue;
    }
    stack.push(element);
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.tag}> is never closed`);
  return page;
}

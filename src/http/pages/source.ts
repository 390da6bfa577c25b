import type { Context } from 'hono';
import type { Document, ParagraphFlag } from '../../corpus/types.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import type { Quote } from '../../quotes/types.ts';
import { sitePage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { quoteHref, sourceHref } from '../links.ts';
import { PARAGRAPH_FLAGS, ROLES, SOURCE_KINDS } from './labels.ts';
import { paragraphBlock, type Erratum } from './paragraph.ts';
import {
  affiliation,
  displayDate,
  displayTitle,
  originalLink,
  QUOTE_ID,
  sourceLang,
} from './shared.ts';

/** The quote to highlight, or a notice saying why nothing is highlighted. */
function highlight(
  library: QuoteLibrary,
  document: Document,
  hl: string | undefined,
): { target?: Quote; notice?: Html } {
  if (hl === undefined) return {};
  const slug = document.meta.slug;
  const found = QUOTE_ID.test(hl) ? library.find(hl) : undefined;
  if (!found)
    return {
      notice: html`<p class="notice" role="status">没有找到要高亮的语录${QUOTE_ID.test(hl) ? html` <code>${hl}</code>` : ''}。<span class="en">The quote to highlight was not found in this source${QUOTE_ID.test(hl) ? '' : ' (quote IDs are 8 characters of 0-9 and a-z)'}.</span></p>`,
    };
  if (found.source !== slug) {
    const other = library.document(found.source).meta;
    return {
      notice: html`<p class="notice" role="status">语录 <a href="${quoteHref(found.id)}"><code>${found.id}</code></a> 出自另一来源 <span class="en">is from another source</span>：<a href="${sourceHref(other.slug, found.id)}">《${displayTitle(other)}》</a></p>`,
    };
  }
  const { paragraph } = library.resolve(found.id);
  if (paragraph.text.slice(found.span[0], found.span[1]) === found.text) return { target: found };
  return {
    notice: html`<p class="notice" role="status">语录 <code>${found.id}</code> 与原文不再一致，未高亮。<span class="en">The quote no longer matches its paragraph, so nothing is highlighted.</span></p>`,
  };
}

/** GET /sources/{slug}: every paragraph of a source with its attribution; `hl` marks a quote. */
export function sourcePage(
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
    byParagraph.set(q.paragraph, [...(byParagraph.get(q.paragraph) ?? []), q]);
  }
  const { target, notice } = highlight(library, document, hl);
  const excluded = document.paragraphs.filter((p) => p.kind !== 'speech').length;
  // Flags every paragraph carries (machine transcript, traditional script) are said once.
  const docFlags = (Object.keys(PARAGRAPH_FLAGS) as ParagraphFlag[]).filter(
    (flag) =>
      document.paragraphs.length > 0 && document.paragraphs.every((p) => p.flags.includes(flag)),
  );

  const body = html`<article class="source">
<h1>《${displayTitle(meta)}》</h1>
<p>${meta.publication} · ${displayDate(meta)} · ${SOURCE_KINDS[meta.kind]}${originalLink(meta)}</p>
${meta.dateNote ? html`<p class="muted small">${meta.dateNote}</p>` : ''}
<ul class="people">${meta.people.map(
    (p) =>
      html`<li><strong>${p.name}</strong> ${affiliation(p)} <span class="muted">${ROLES[p.role]}</span></li>`,
  )}</ul>
${meta.notes ? html`<p class="muted small" lang="en">${meta.notes}</p>` : ''}
${docFlags.map((flag) => html`<p class="notice">${PARAGRAPH_FLAGS[flag]}</p>`)}
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

  return sitePage(c, {
    title: `《${displayTitle(meta)}》 · ${meta.publication} · 语录 Yulu`,
    head: html`<meta name="description" content="${`《${displayTitle(meta)}》（${meta.publication}，${meta.date}）全文阅读视图：每一段的讲者判定与出处。Reading view with every paragraph's attribution.`}">`,
    body,
  });
}

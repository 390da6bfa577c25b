import type { Context } from 'hono';
import type { Document, ParagraphFlag } from '../../corpus/types.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import type { Quote } from '../../quotes/types.ts';
import { sitePage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor, type Words } from '../html/words.ts';
import { absolute, quoteHref, sourceHref, type Links } from '../links.ts';
import { paragraphBlock, type Erratum, type ParagraphView } from './paragraph.ts';
import {
  affiliation,
  displayTitle,
  originalLink,
  META_LANG,
  QUOTE_ID,
  sourceDate,
  sourceLang,
} from './shared.ts';

/** The quote to highlight, or a notice saying why nothing is highlighted. */
function highlight(
  library: QuoteLibrary,
  document: Document,
  hl: string | undefined,
  w: Words,
  ui: Ui,
): { target?: Quote; notice?: Html } {
  if (hl === undefined) return {};
  const slug = document.meta.slug;
  const found = QUOTE_ID.test(hl) ? library.find(hl) : undefined;
  if (!found)
    return {
      notice: html`<p class="notice" role="status">${w.source.hlNotFound}${QUOTE_ID.test(hl) ? html` <code>${hl}</code>` : ''}${ui === 'en' ? '.' : '。'}</p>`,
    };
  if (found.source !== slug) {
    const other = library.document(found.source).meta;
    return {
      notice: html`<p class="notice" role="status"><a href="${withUi(quoteHref(found.id), ui)}"><code>${found.id}</code></a> ${w.source.hlElsewhere}<a href="${withUi(sourceHref(other.slug, found.id), ui)}" lang="${META_LANG}">《${displayTitle(other)}》</a></p>`,
    };
  }
  const { paragraph } = library.resolve(found.id);
  if (paragraph.text.slice(found.span[0], found.span[1]) === found.text) return { target: found };
  return {
    notice: html`<p class="notice" role="status"><code>${found.id}</code> ${w.source.hlStale}</p>`,
  };
}

/** GET /sources/{slug}: every paragraph of a source with its attribution; `hl` marks a quote. */
export function sourcePage(
  c: Context,
  links: Links,
  library: QuoteLibrary,
  document: Document,
  hl: string | undefined,
  ui: Ui,
  errata: ReadonlyMap<string, Erratum> = new Map(),
): Response {
  const { meta } = document;
  const w = wordsFor(ui);
  const lang = sourceLang(meta);
  const view: ParagraphView = { w, ui, lang };
  const byParagraph = new Map<string, Quote[]>();
  let quoteCount = 0;
  for (const q of library.quotes) {
    if (q.source !== meta.slug) continue;
    quoteCount++;
    byParagraph.set(q.paragraph, [...(byParagraph.get(q.paragraph) ?? []), q]);
  }
  const { target, notice } = highlight(library, document, hl, w, ui);
  const total = document.paragraphs.length;
  const excluded = document.paragraphs.filter((p) => p.kind !== 'speech').length;
  // Flags every paragraph carries (machine transcript, traditional script) are said once.
  const docFlags = (Object.keys(w.source.flags) as ParagraphFlag[]).filter(
    (flag) => total > 0 && document.paragraphs.every((p) => p.flags.includes(flag)),
  );
  const title = displayTitle(meta);
  // The capture's notes are the corpus's own (English) records: offered, marked, not translated.
  const about = [meta.dateNote, meta.notes].filter((note): note is string => Boolean(note));

  const body = html`<article class="source">
<h1 lang="${META_LANG}">《${title}》</h1>
<p><span lang="${META_LANG}">${meta.publication}</span> · ${sourceDate(meta, ui)} · ${w.sourceKinds[meta.kind]}${originalLink(meta, ui)}</p>
${about.length ? html`<details class="about small"><summary>${w.source.about}</summary>${about.map((note) => html`<p lang="en">${note}</p>`)}</details>` : ''}
<ul class="people">${meta.people.map(
    (p) =>
      html`<li><strong lang="${META_LANG}">${p.name}</strong> <span lang="${META_LANG}">${affiliation(p)}</span> <span class="muted">${w.roles[p.role]}</span></li>`,
  )}</ul>
${docFlags.map((flag) => html`<p class="notice">${w.source.flags[flag]}</p>`)}
<p class="small">${w.count.paragraphs(total, total - excluded, excluded, quoteCount)}</p>
<p class="legend small muted">${w.source.legend}</p>
${notice}
${document.paragraphs.map((p) =>
  paragraphBlock(
    view,
    p,
    byParagraph.get(p.id) ?? [],
    target?.paragraph === p.id ? target : undefined,
    docFlags,
    errata,
  ),
)}
</article>`;

  return sitePage(c, {
    title: `《${title}》 · ${meta.publication} · ${w.site.brand}`,
    head: html`<meta name="description" content="${w.source.description(title, meta.publication)}">`,
    body,
    ui,
    canonical: absolute(links, sourceHref(meta.slug)),
  });
}

import type { Person, SourceMeta } from '../../corpus/meta.ts';
import { spaceHanAndLatin } from '../../corpus/normalize/punctuation.ts';
import { displaySourceTitle } from '../../corpus/display-title.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { SCRIPTS } from '../../text/scripts.ts';
import { html, type Html } from '../html/markup.ts';
import { sourceHref } from '../links.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';
import { displayDate } from '../../share/shared-quote.ts';

/** What a page URL may name as a quote; the catalog decides whether it exists. */
export const QUOTE_ID = /^[0-9a-z]{8}$/;

/** Company and title as one phrase (月之暗面创始人兼 CEO; MiniMax 创始人兼 CEO), or ''. */
export function affiliation(person: Person | undefined): string {
  if (!person) return '';
  const company = person.company === person.name ? '' : person.company;
  if (!company) return person.title;
  return spaceHanAndLatin(`${company}${person.title}`).text;
}

/** A source's title for display: one rule for pages and the CLI (src/corpus/display-title.ts). */
export const displayTitle = (meta: SourceMeta): string => displaySourceTitle(meta);

/** A source's date as a reader should see it (约2024年1月 when it is an estimate). */
export const sourceDate = (meta: SourceMeta, ui: Ui): string =>
  displayDate(meta.date, meta.dateIsEstimate, ui);

/** The `lang` of source metadata (title, publication, people): written in simplified for every source. */
export const META_LANG = SCRIPTS.hans.htmlLang;

/** The `lang` of a source's own words. */
export const sourceLang = (meta: SourceMeta) => SCRIPTS[meta.script].htmlLang;

/** At most `max` characters (code points), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Every source with its publication, date and number of quotes. */
export function sourceList(library: QuoteLibrary, ui: Ui, heading: string): Html {
  const w = wordsFor(ui);
  const counts = new Map<string, number>();
  for (const q of library.quotes) counts.set(q.source, (counts.get(q.source) ?? 0) + 1);
  return html`<section class="sources"><h2>${heading}</h2><ul>${library.documents.map(
    (doc) =>
      html`<li><a href="${withUi(sourceHref(doc.meta.slug), ui)}" lang="${META_LANG}">《${displayTitle(doc.meta)}》</a>
<span class="muted"><span lang="${META_LANG}">${doc.meta.publication}</span> · ${sourceDate(doc.meta, ui)} · ${w.count.quotes(counts.get(doc.meta.slug) ?? 0)}</span></li>`,
  )}</ul></section>`;
}

/** The source's original page, when it has a URL. */
export function originalLink(meta: SourceMeta, ui: Ui): Html | '' {
  return meta.url
    ? html` · <a href="${meta.url}" rel="noopener noreferrer">${wordsFor(ui).originalPage}</a>`
    : '';
}

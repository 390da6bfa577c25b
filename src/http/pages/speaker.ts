import type { Context } from 'hono';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';
import { absolute, quoteHref, sourceHref, speakerHref, type Links } from '../links.ts';
import { affiliation, displayTitle, META_LANG, sourceDate } from './shared.ts';

/** At most this many quotes are listed on a speaker's page (best first); search finds the rest. */
export const SPEAKER_QUOTES = 60;

/** GET /speakers/{name}: who the speaker is, their sources and their best quotes. */
export function speakerPage(
  c: Context,
  links: Links,
  library: QuoteLibrary,
  name: string,
  ui: Ui,
): Response {
  const w = wordsFor(ui);
  const quotes = library.quotes
    .filter((q) => q.speaker === name && q.tier === 'publishable')
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const documents = library.documents.filter((d) => d.meta.people.some((p) => p.name === name));
  const person = documents.flatMap((d) => d.meta.people).find((p) => p.name === name);
  const body = html`<h1 lang="zh-Hans">${name}</h1>
<p>${person ? html`<span lang="zh-Hans">${affiliation(person)}</span>` : ''}${person ? html` · ${w.roles[person.role]}` : ''}</p>
<section><h2>${w.speaker.sources}</h2><ul>${documents.map(
    (d) =>
      html`<li><a href="${withUi(sourceHref(d.meta.slug), ui)}" lang="${META_LANG}">《${displayTitle(d.meta)}》</a> <span class="muted small"><span lang="${META_LANG}">${d.meta.publication}</span> · ${sourceDate(d.meta, ui)} · ${w.count.quotes(quotes.filter((q) => q.source === d.meta.slug).length)}</span></li>`,
  )}</ul></section>
<section><h2>${w.speaker.quotes(Math.min(SPEAKER_QUOTES, quotes.length), quotes.length)}</h2>
<ol class="top">${quotes
    .slice(0, SPEAKER_QUOTES)
    .map(
      (q) =>
        html`<li><a href="${withUi(quoteHref(q.id), ui)}" lang="zh-Hans">${library.simplified(q)}</a></li>`,
    )}</ol></section>`;
  return sitePage(c, {
    title: `${name} · ${w.site.brand}`,
    head: html`<meta name="description" content="${name}${person ? `，${affiliation(person)}` : ''}">`,
    body,
    ui,
    canonical: absolute(links, speakerHref(name)),
  });
}

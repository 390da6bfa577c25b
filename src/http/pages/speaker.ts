import type { Context } from 'hono';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { displayDate } from '../../share/shared-quote.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { say, withUi, type Ui } from '../html/ui.ts';
import { absolute, quoteHref, sourceHref, speakerHref, type Links } from '../links.ts';
import { affiliation, displayTitle } from './shared.ts';

/** At most this many quotes are listed on a speaker's page (best first); search finds the rest. */
export const SPEAKER_QUOTES = 60;

const ROLE: Record<string, [string, string]> = {
  guest: ['受访嘉宾', 'interviewee'],
  interviewer: ['采访者', 'interviewer'],
  host: ['主持人', 'host'],
};

/** GET /speakers/{name}: who the speaker is, their sources and their best quotes. */
export function speakerPage(
  c: Context,
  links: Links,
  library: QuoteLibrary,
  name: string,
  ui: Ui,
): Response {
  const s = (zh: string, en: string) => say(ui, zh, en);
  const quotes = library.quotes
    .filter((q) => q.speaker === name && q.tier === 'publishable')
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const documents = library.documents.filter((d) => d.meta.people.some((p) => p.name === name));
  const person = documents.flatMap((d) => d.meta.people).find((p) => p.name === name);
  const role = person ? ROLE[person.role] : undefined;
  const body = html`<h1 lang="zh-Hans">${name}</h1>
<p>${person ? html`<span lang="zh-Hans">${affiliation(person)}</span>` : ''}${role ? html` · ${s(...role)}` : ''}</p>
<section><h2>${s('来源', 'Sources')}</h2><ul>${documents.map(
    (d) =>
      html`<li><a href="${withUi(sourceHref(d.meta.slug), ui)}" lang="zh-Hans">《${displayTitle(d.meta)}》</a> <span class="muted small">${d.meta.publication} · ${displayDate(d.meta.date, d.meta.dateIsEstimate, ui)} · ${s(`${quotes.filter((q) => q.source === d.meta.slug).length} 条语录`, `${quotes.filter((q) => q.source === d.meta.slug).length} quotes`)}</span></li>`,
  )}</ul></section>
<section><h2>${s(`语录（${quotes.length} 条中最好的 ${Math.min(SPEAKER_QUOTES, quotes.length)} 条）`, `Quotes (the best ${Math.min(SPEAKER_QUOTES, quotes.length)} of ${quotes.length})`)}</h2>
<ol class="top">${quotes
    .slice(0, SPEAKER_QUOTES)
    .map(
      (q) =>
        html`<li><a href="${withUi(quoteHref(q.id), ui)}" lang="zh-Hans">${library.simplified(q)}</a></li>`,
    )}</ol></section>`;
  return sitePage(c, {
    title: `${name} · ${s('语录', 'Yulu')}`,
    head: html`<link rel="canonical" href="${absolute(links, speakerHref(name))}">
<meta name="description" content="${name}${person ? `，${affiliation(person)}` : ''}">`,
    body,
    ui,
  });
}

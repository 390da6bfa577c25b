import { cardSize } from '../../card/templates.ts';
import type { ResolvedQuote } from '../../quotes/library.ts';
import { displayDate } from '../../share/shared-quote.ts';
import { quoted, SCRIPTS } from '../../text/scripts.ts';
import { html, type Html } from '../html/markup.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';
import { cardHref, quoteHref, speakerHref, type Links } from '../links.ts';
import { sharedQuote } from '../share.ts';
import { ogSpec } from './quote-parts.ts';

/**
 * A quote as a block of a page (the daily page, the embed): its card, its words, who said them
 * and where, and the link to its permalink. Simplified script.
 */
export function quoteCard(
  ui: Ui,
  links: Links,
  resolved: ResolvedQuote,
  options: { linkTarget?: '_blank' } = {},
): Html {
  const q = sharedQuote(links, resolved);
  const { meta } = resolved.document;
  const lang = SCRIPTS.hans.htmlLang;
  const og = cardSize('og');
  const a = (href: string, text: Html | string) =>
    options.linkTarget
      ? html`<a href="${href}" target="_blank" rel="noopener">${text}</a>`
      : html`<a href="${href}">${text}</a>`;
  const w = wordsFor(ui);
  const who = q.affiliation ? `${q.speaker}（${q.affiliation}）` : q.speaker;
  return html`<figure class="card">
${a(options.linkTarget ? q.permalink : withUi(quoteHref(q.id), ui), html`<img src="${cardHref(links, resolved, ogSpec('hans'), 'png')}" width="${og.width}" height="${og.height}" alt="${w.quote.card}${ui === 'en' ? ': ' : '：'}${who}：${quoted(q.text, 'hans')}">`)}
</figure>
<blockquote class="quote" lang="${lang}">
<p>${q.text}</p>
<footer>—— <strong>${options.linkTarget ? q.speaker : a(withUi(speakerHref(resolved.quote.speaker), ui), q.speaker)}</strong>${q.affiliation ? html`，${q.affiliation}` : ''}</footer>
</blockquote>
<p class="muted small"><span lang="${lang}">${q.source.publication}《${q.source.title}》</span>${ui === 'en' ? ', ' : '，'}${displayDate(meta.date, meta.dateIsEstimate, ui)} · ${a(options.linkTarget ? q.permalink : withUi(quoteHref(q.id), ui), w.quote.sourceAndContext)}</p>`;
}

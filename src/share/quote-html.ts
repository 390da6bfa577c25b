import { displayDate, type SharedQuote } from './shared-quote.ts';
import { escapeXml as esc } from './xml.ts';

/**
 * A self-contained `<blockquote>` of a quote: the words, who said them, the source and a link
 * back. No script, no style sheet, no class a host page must know: it reads correctly as plain
 * HTML anywhere (oEmbed answers, feed entries).
 */
export function quoteBlockquote(quote: SharedQuote, maxWidth?: number): string {
  const width = maxWidth
    ? ` style="max-width:${Math.max(200, Math.floor(maxWidth))}px;margin:0"`
    : '';
  const who = quote.affiliation ? `${quote.speaker}（${quote.affiliation}）` : quote.speaker;
  const when = displayDate(quote.source.date, quote.source.dateIsEstimate);
  return (
    `<blockquote lang="${esc(quote.lang)}" cite="${esc(quote.permalink)}"${width}>` +
    `<p>“${esc(quote.text)}”</p>` +
    `<footer>— ${esc(who)}，<cite>${esc(quote.source.publication)}《${esc(quote.source.title)}》</cite>，${esc(when)}` +
    ` · <a href="${esc(quote.permalink)}">语录 ${esc(quote.id)}</a></footer>` +
    `</blockquote>`
  );
}

import type { CardSpec } from '../card/spec.ts';
import { cardSize } from '../card/templates.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import type { SharedQuote } from '../share/shared-quote.ts';
import { convertScript } from '../text/script.ts';
import { SCRIPTS, type DisplayScript } from '../text/scripts.ts';
import { cardUrl, permalink, sourceUrl, type Links } from './links.ts';
import { affiliation, displayTitle } from './pages/shared.ts';

/** The Open Graph card of a quote in a script: what feeds, oEmbed and structured data show. */
export const shareSpec = (script: DisplayScript): CardSpec => ({
  size: 'og',
  theme: 'paper',
  script,
  scale: 1,
});

/** A quote as every way out shows it (src/share/): words, speaker, source, page and card URLs. */
export function sharedQuote(
  links: Links,
  resolved: ResolvedQuote,
  script: DisplayScript = 'hans',
): SharedQuote {
  const { quote, document } = resolved;
  const { meta } = document;
  const t = (text: string) => convertScript(text, 'hans', script);
  const size = cardSize('og');
  return {
    id: quote.id,
    text: convertScript(quote.text, meta.script, script),
    speaker: t(quote.speaker),
    affiliation: t(affiliation(meta.people.find((p) => p.name === quote.speaker))),
    source: {
      title: t(displayTitle(meta)),
      publication: t(meta.publication),
      date: meta.date,
      dateIsEstimate: meta.dateIsEstimate,
      url: meta.url,
    },
    permalink: permalink(links, quote.id, script),
    sourceView: sourceUrl(links, meta.slug, quote.id),
    card: {
      url: cardUrl(links, resolved, shareSpec(script), 'png'),
      width: size.width,
      height: size.height,
    },
    lang: SCRIPTS[script].htmlLang,
  };
}

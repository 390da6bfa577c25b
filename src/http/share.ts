import type { Person, SourceMeta } from '../corpus/meta.ts';
import { foldPunctuationWidth, spaceHanAndLatin } from '../corpus/normalize/punctuation.ts';
import { cardPath, type CardSpec } from '../card/engine.ts';
import { cardSize } from '../card/templates.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import type { SharedQuote } from '../share/shared-quote.ts';
import { convertScript, type DisplayScript } from '../text/script.ts';
import type { ApiLinks } from './api.ts';

const HTML_LANG: Record<DisplayScript, string> = {
  hans: 'zh-Hans',
  hant: 'zh-Hant',
  tw: 'zh-Hant-TW',
  hk: 'zh-Hant-HK',
};

/** The Open Graph card of a quote in a script: what feeds, oEmbed and structured data show. */
export const shareSpec = (script: DisplayScript): CardSpec => ({
  size: 'og',
  theme: 'paper',
  script,
  scale: 1,
});

function affiliation(person: Person | undefined): string {
  if (!person) return '';
  const company = person.company === person.name ? '' : person.company;
  return company ? spaceHanAndLatin(`${company}${person.title}`).text : person.title;
}

const displayTitle = (meta: SourceMeta) =>
  spaceHanAndLatin(foldPunctuationWidth(meta.title).text).text;

/** A quote as every way out shows it (src/share/): words, speaker, source, page and card URLs. */
export function sharedQuote(
  links: ApiLinks,
  resolved: ResolvedQuote,
  script: DisplayScript = 'hans',
): SharedQuote {
  const { quote, document } = resolved;
  const { meta } = document;
  const origin = links.baseUrl.replace(/\/+$/, '');
  const t = (text: string) => convertScript(text, 'hans', script);
  const size = cardSize('og');
  const query = script === 'hans' ? '' : `?script=${script}`;
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
    permalink: `${origin}/q/${quote.id}${query}`,
    sourceView: `${origin}/sources/${meta.slug}?hl=${quote.id}#q-${quote.id}`,
    card: {
      url: `${origin}${cardPath(resolved, shareSpec(script), 'png', links.renderVersion)}`,
      width: size.width,
      height: size.height,
    },
    lang: HTML_LANG[script],
  };
}

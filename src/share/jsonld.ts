import type { SharedQuote } from './shared-quote.ts';

/**
 * schema.org structured data for a permalink: a `Quotation` with its text, the `Person` who said it
 * (creator/spokenByCharacter) and the source as a `CreativeWork` with its date (month precision
 * when the date is an estimate). Serialised for a `<script type="application/ld+json">` element:
 * `<` is escaped so the text can never close the element.
 */
export function quotationJsonLd(quote: SharedQuote): string {
  const { source } = quote;
  const person = {
    '@type': 'Person',
    name: quote.speaker,
    ...(quote.affiliation ? { jobTitle: quote.affiliation } : {}),
  };
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    '@id': quote.permalink,
    url: quote.permalink,
    text: quote.text,
    inLanguage: quote.lang,
    creator: person,
    spokenByCharacter: person,
    image: quote.card.url,
    isBasedOn: {
      '@type': 'CreativeWork',
      name: source.title,
      publisher: { '@type': 'Organization', name: source.publication },
      datePublished: source.dateIsEstimate ? source.date.slice(0, 7) : source.date,
      ...(source.url ? { url: source.url } : {}),
    },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

import type { Document } from '../corpus/types.ts';
import type { Quote } from '../quotes/types.ts';
import { contentHash } from '../text/hash.ts';

/** What a card draws from: the quote's words and flags, and its source's metadata (the byline). */
export interface CardContent {
  quote: Pick<Quote, 'id' | 'text' | 'flags'>;
  document: Pick<Document, 'meta'>;
}

const metaHashes = new WeakMap<object, string>();

/**
 * The `v=` of a card URL: changes whenever anything the card draws could — the render version
 * (renderer, templates, fonts), the quote's words (an erratum, a trim), its flags (the edited mark)
 * and its source's metadata (speaker's title, publication, date). A URL carrying the current `v`
 * names bytes that can never change, so it may be cached forever; any other `v` is stale.
 */
export function cardVersion(renderVersion: string, content: CardContent): string {
  const { meta } = content.document;
  let metaHash = metaHashes.get(meta);
  if (!metaHash) {
    metaHash = contentHash(JSON.stringify(meta));
    metaHashes.set(meta, metaHash);
  }
  const { quote } = content;
  return contentHash(
    [renderVersion, metaHash, quote.id, quote.text, [...quote.flags].sort().join(',')].join('\n'),
  ).slice(0, 12);
}

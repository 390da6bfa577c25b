/**
 * Quote IDs: 8 characters of Crockford base32 (no I, L, O, U: unambiguous when read aloud or
 * retyped from a printed card), derived from everything that defines a quote: document, paragraph,
 * span and text. So an ID is stable while the source is unchanged, an editor's trim (another span
 * of the same paragraph) gets its own ID by the same rule, and if a source's text ever changes
 * under a span the old ID stops resolving rather than pointing at different words.
 * IDs are resolved by lookup (catalog, then editors' trims), never decoded: an ID cannot name an
 * arbitrary span, so no URL can cut words out of context.
 */
import { hash53 } from '../text/hash.ts';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const QUOTE_ID_PATTERN = /^[0-9abcdefghjkmnpqrstvwxyz]{8}$/;

export interface QuoteKey {
  source: string;
  paragraph: string;
  span: readonly [number, number];
  text: string;
}

export function quoteId(key: QuoteKey): string {
  const input = [key.source, key.paragraph, key.span[0], key.span[1], key.text].join('\u0000');
  let hash = hash53(input);
  let id = '';
  for (let i = 0; i < 8; i++) {
    id = (ALPHABET[hash % 32] as string) + id;
    hash = Math.floor(hash / 32);
  }
  return id;
}

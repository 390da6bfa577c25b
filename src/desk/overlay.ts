import { YuluError } from '../errors.ts';
import { damageIn } from '../quotes/damage.ts';
import type { QuoteLibrary, ResolvedQuote } from '../quotes/library.ts';
import { quoteId } from '../quotes/quote-id.ts';
import type { Quote } from '../quotes/types.ts';
import type { EditorialStore } from './store.ts';

/** Trims are 4–200 characters: long enough to say something, short enough for a card. */
const TRIM_LENGTH = { min: 4, max: 200 };

/**
 * Resolves a quote ID through the editors' work as well as the catalog: an editor's trim (a span
 * of a catalog paragraph, text always sliced from the corpus) and reviewed errata (the corrected
 * text replaces the original on cards, which are then marked edited; the original is kept).
 */
export async function resolveEdited(
  id: string,
  library: QuoteLibrary,
  store: EditorialStore | undefined,
): Promise<ResolvedQuote & { original?: string }> {
  let resolved: ResolvedQuote;
  const base = library.find(id);
  if (base) resolved = library.resolve(id);
  else {
    const trim = store ? await store.trim(id) : null;
    if (!trim) return library.resolve(id); // the catalog's 404
    const document = library.document(trim.source);
    const paragraph = document.paragraphs.find((p) => p.id === trim.paragraph);
    if (!paragraph || paragraph.text.slice(trim.span[0], trim.span[1]) !== trim.text)
      throw new YuluError('quote_not_found', `trim ${id} no longer matches its source paragraph`);
    const parent = library.resolve(trim.parentId).quote;
    const quote: Quote = {
      ...parent,
      id,
      span: trim.span,
      text: trim.text,
      score: parent.score,
      signals: ['editor-trim'],
    };
    resolved = { quote, document, paragraph };
  }
  // Errata exist only for machine-transcript quotes: every other quote skips the store entirely.
  const erratum =
    store && resolved.quote.flags.includes('machine-transcript') ? await store.erratum(id) : null;
  if (!erratum) return resolved;
  const flags = resolved.quote.flags.includes('edited')
    ? resolved.quote.flags
    : [...resolved.quote.flags, 'edited' as const];
  return {
    ...resolved,
    quote: { ...resolved.quote, text: erratum.corrected, flags },
    original: resolved.quote.text,
  };
}

/** Validates a trim of `parentId`'s paragraph and returns the record to store (ID by the catalog's rule). */
export function planTrim(library: QuoteLibrary, parentId: string, span: [number, number]) {
  const { quote, paragraph } = library.resolve(parentId);
  const [start, end] = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start >= end)
    throw new YuluError(
      'invalid_span',
      `a trim needs start < end (whole numbers), got ${start}–${end}`,
    );
  const inSpeech = paragraph.speech.some(([a, b]) => start >= a && end <= b);
  if (!inSpeech)
    throw new YuluError(
      'invalid_span',
      `${start}–${end} is not inside ${quote.speaker}'s own words in paragraph ${paragraph.id}`,
    );
  const text = paragraph.text.slice(start, end).trim();
  const offset = paragraph.text.slice(start, end).indexOf(text);
  const trimmed: [number, number] = [start + offset, start + offset + text.length];
  const length = [...text].length;
  if (length < TRIM_LENGTH.min || length > TRIM_LENGTH.max)
    throw new YuluError(
      'invalid_span',
      `a trim must be ${TRIM_LENGTH.min}–${TRIM_LENGTH.max} characters, this one is ${length}`,
    );
  const damage = damageIn(text);
  if (damage)
    throw new YuluError('invalid_span', `that span shows damage (${damage}); choose another`);
  const id = quoteId({ source: quote.source, paragraph: paragraph.id, span: trimmed, text });
  // The same words as a catalog quote are that quote (same ID): not a trim, and never a second
  // record under a catalog ID.
  if (library.find(id))
    throw new YuluError(
      'invalid_span',
      `${start}–${end} is quote ${id} as it stands; select fewer words to trim it`,
    );
  return {
    quoteId: id,
    parentId,
    source: quote.source,
    paragraph: paragraph.id,
    span: trimmed,
    text,
  };
}

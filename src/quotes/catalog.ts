import type { Document } from '../corpus/types.ts';
import { YuluError } from '../errors.ts';
import { contentHash } from '../text/hash.ts';
import { bigramOverlap, bigramsOf } from './bigrams.ts';
import { candidatesOf, type Candidate } from './candidates.ts';
import { quoteId } from './quote-id.ts';
import type { Catalog, Quote, QuoteFlag } from './types.ts';

/** Spans scoring below this are not quotes. Chosen against the labelled sample (test/fixtures/labels). */
export const MIN_QUOTE_SCORE = 0.5;

/** Two spans sharing this share of their character bigrams say the same thing. */
const DUPLICATE_OVERLAP = 0.6;

/** Which attribution wins when the same words appear twice: verbatim turns beat a lead's restatement. */
const METHOD_RANK: Record<string, number> = { prefix: 0, continuation: 1, 'split-turn': 1, 'prefix-without-colon': 2 };

export interface SourceInput {
  doc: Document;
  raw: string;
}

/** Documents → the quote catalog. Deterministic: the same sources give byte-identical JSON. */
export function buildCatalog(inputs: SourceInput[]): Catalog {
  const chosen: { candidate: Candidate; input: SourceInput; order: number }[] = [];
  let order = 0;
  for (const input of inputs) {
    for (const paragraph of input.doc.paragraphs) {
      const best = pickNonOverlapping(candidatesOf(input.doc, paragraph).filter((c) => c.score.score >= MIN_QUOTE_SCORE));
      for (const candidate of best) chosen.push({ candidate, input, order: order++ });
    }
  }

  const kept = dropDuplicates(chosen);
  const quotes = kept.map(({ candidate, input }) => toQuote(candidate, input.doc));
  const seen = new Map<string, Quote>();
  for (const q of quotes) {
    const other = seen.get(q.id);
    if (other) throw new YuluError('catalog_out_of_date', `quote ID collision: ${q.id} for ${other.source}/${other.paragraph} and ${q.source}/${q.paragraph}`);
    seen.set(q.id, q);
  }
  return {
    version: 1,
    sources: inputs.map(({ doc, raw }) => ({
      slug: doc.meta.slug,
      stem: doc.stem,
      rawHash: contentHash(raw),
      quotes: quotes.filter((q) => q.source === doc.meta.slug).length,
    })),
    quotes,
  };
}

/**
 * Best spans of one paragraph that do not overlap each other, in text order: publishable spans
 * first (a span an editor can use beats a higher-scoring one that needs work), then by score.
 */
function pickNonOverlapping(candidates: Candidate[]): Candidate[] {
  const publishable = (c: Candidate) => (c.verdict.tier === 'publishable' ? 0 : 1);
  const ranked = [...candidates].sort(
    (a, b) => publishable(a) - publishable(b) || b.score.score - a.score.score || a.span[0] - b.span[0] || a.span[1] - b.span[1],
  );
  const picked: Candidate[] = [];
  for (const c of ranked) {
    if (picked.every((p) => c.span[1] <= p.span[0] || c.span[0] >= p.span[1])) picked.push(c);
  }
  return picked.sort((a, b) => a.span[0] - b.span[0]);
}

/** The Han characters of `text`, as pairs. */
function bigrams(text: string): Set<string> {
  return bigramsOf([...text.replace(/[^\p{Script=Han}]/gu, '')]);
}

/**
 * Restated passages (000's lead repeats its body; a teaser repeats the show) must not yield the
 * same quote twice. Of two near-duplicates the verbatim turn wins, then the higher score.
 */
function dropDuplicates<T extends { candidate: Candidate; order: number }>(items: T[]): T[] {
  const rank = (t: T) => METHOD_RANK[t.candidate.paragraph.attribution.method] ?? 3;
  const ranked = [...items].sort((a, b) => rank(a) - rank(b) || b.candidate.score.score - a.candidate.score.score || a.order - b.order);
  const kept: { item: T; grams: Set<string> }[] = [];
  for (const item of ranked) {
    const grams = bigrams(item.candidate.hans);
    if (kept.some((k) => bigramOverlap(k.grams, grams) >= DUPLICATE_OVERLAP)) continue;
    kept.push({ item, grams });
  }
  return kept.map((k) => k.item).sort((a, b) => a.order - b.order);
}

function toQuote(c: Candidate, doc: Document): Quote {
  const { paragraph } = c;
  const { attribution } = paragraph;
  const flags: QuoteFlag[] = [];
  if (paragraph.flags.includes('machine-transcript')) flags.push('machine-transcript');
  if (paragraph.flags.includes('traditional-source')) flags.push('traditional-source');
  if (attribution.method !== 'prefix') flags.push('inferred-speaker');
  if (paragraph.flags.includes('edited')) flags.push('edited');
  const source = doc.meta.slug;
  return {
    id: quoteId({ source, paragraph: paragraph.id, span: c.span, text: c.text }),
    source,
    paragraph: paragraph.id,
    span: c.span,
    text: c.text,
    speaker: attribution.speaker as string,
    role: attribution.role ?? 'guest',
    score: c.score.score,
    signals: c.score.signals,
    attribution: { method: attribution.method, confidence: attribution.confidence },
    flags,
    tier: c.verdict.tier,
    reasons: c.verdict.reasons,
  };
}

import type { CorpusData } from '../corpus/corpus-data.ts';
import type { Document, Paragraph } from '../corpus/types.ts';
import { YuluError } from '../errors.ts';
import { convertScript } from '../text/script.ts';
import type { Alias, Aliases } from './aliases.ts';
import type { Catalog, Quote } from './types.ts';
import type { Tier } from './verdict.ts';

export interface QuoteFilter {
  speaker?: string;
  source?: string;
  minScore?: number;
  /** Substring match on the simplified text (queries in either script work). */
  text?: string;
  /** Only quotes of this tier (public listings ask for `publishable`); all tiers when absent. */
  tier?: Tier;
}

export interface ResolvedQuote {
  quote: Quote;
  document: Document;
  paragraph: Paragraph;
}

/**
 * Read access to the catalog and the corpus behind it: resolve an ID to its document, paragraph
 * and span, and filter or search quotes. Built once per process or isolate; lookups are O(1).
 */
export class QuoteLibrary {
  readonly quotes: readonly Quote[];
  readonly documents: readonly Document[];
  private readonly byId = new Map<string, Quote>();
  private readonly docs = new Map<string, Document>();
  private readonly retiredIds: Readonly<Record<string, Alias>>;
  /** Simplified text per quote, for search; built on first use (OpenCC is slow to start, and a
   * Worker isolate that only serves cards should not pay for it). */
  private hansCache: Map<string, string> | undefined;
  /** Each speaker's name folded to simplified, once per name (the speaker filter compares these). */
  private readonly foldedSpeakers = new Map<string, string>();

  /** `aliases`: quotes/aliases.json, so retired IDs can say where their quote went. */
  constructor(catalog: Catalog, corpus: CorpusData, aliases?: Aliases) {
    this.quotes = catalog.quotes;
    this.retiredIds = aliases?.aliases ?? {};
    this.documents = corpus.documents;
    for (const doc of corpus.documents) this.docs.set(doc.meta.slug, doc);
    for (const q of catalog.quotes) this.byId.set(q.id, q);
  }

  /** The quote with its document and paragraph; a clear 404-class error when unknown. */
  /**
   * A retired ID resolves to its successor (the returned quote carries the successor's ID: callers
   * that show URLs redirect, see src/http/retired.ts), or is a 410 `quote_retired` with the reason.
   */
  resolve(id: string): ResolvedQuote {
    const alias = this.retired(id);
    if (alias && !alias.successor) throw new YuluError('quote_retired', `quote ${id} was withdrawn: ${alias.reason}`);
    const quote = this.byId.get(alias?.successor ?? id);
    if (!quote) throw new YuluError('quote_not_found', `no quote with ID "${id}" (IDs are 8 characters of 0-9 and a-z without i, l, o, u)`);
    const document = this.document(quote.source);
    const paragraph = document.paragraphs.find((p) => p.id === quote.paragraph);
    if (!paragraph) throw new YuluError('paragraph_not_found', `quote ${id} points at paragraph ${quote.paragraph}, which ${quote.source} does not have`);
    return { quote, document, paragraph };
  }

  /**
   * A retired ID's fate: the successor's ID, or null with the reason. Undefined for IDs that are
   * live or were never issued. (A retired ID is never live: a rebuild that revives one drops its alias.)
   */
  retired(id: string): Alias | undefined {
    if (this.byId.has(id) || !Object.hasOwn(this.retiredIds, id)) return undefined;
    return this.retiredIds[id];
  }

  find(id: string): Quote | undefined {
    return this.byId.get(id);
  }

  document(slug: string): Document {
    const doc = this.docs.get(slug);
    if (!doc) {
      const known = [...this.docs.keys()].join(', ');
      throw new YuluError('source_not_found', `no source "${slug}"; sources are: ${known}`);
    }
    return doc;
  }

  /** Simplified form of a quote's text (the default display script). */
  simplified(quote: Quote): string {
    if (!this.hansCache) {
      this.hansCache = new Map();
      for (const q of this.quotes) {
        const doc = this.docs.get(q.source);
        this.hansCache.set(q.id, doc ? convertScript(q.text, doc.meta.script, 'hans') : q.text);
      }
    }
    return this.hansCache.get(quote.id) ?? quote.text;
  }

  /**
   * Quotes matching every given criterion. The query values are folded to simplified once per
   * call and each quote's speaker once per name, so the work per quote is a comparison however
   * long a value is (a 14,000-character speaker once cost a conversion per quote: 127 ms).
   */
  filter(filter: QuoteFilter): Quote[] {
    const needle = filter.text ? convertScript(filter.text.trim(), 'hant', 'hans') : '';
    const speaker = filter.speaker ? convertScript(filter.speaker, 'hant', 'hans') : '';
    return this.quotes.filter(
      (q) =>
        (!speaker || this.foldedSpeaker(q.speaker) === speaker) &&
        (!filter.source || q.source === filter.source || this.docs.get(q.source)?.stem === filter.source) &&
        (filter.minScore === undefined || q.score >= filter.minScore) &&
        (!filter.tier || q.tier === filter.tier) &&
        (!needle || this.simplified(q).includes(needle)),
    );
  }

  private foldedSpeaker(name: string): string {
    let folded = this.foldedSpeakers.get(name);
    if (folded === undefined) {
      folded = convertScript(name, 'hant', 'hans');
      this.foldedSpeakers.set(name, folded);
    }
    return folded;
  }

  speakers(): { name: string; quotes: number }[] {
    const counts = new Map<string, number>();
    for (const q of this.quotes) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
    return [...counts].map(([name, quotes]) => ({ name, quotes })).sort((a, b) => b.quotes - a.quotes);
  }
}

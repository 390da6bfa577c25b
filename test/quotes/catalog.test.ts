import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusData } from '../../src/corpus/corpus-data.ts';
import { damageIn } from '../../src/quotes/damage.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { quoteId, QUOTE_ID_PATTERN } from '../../src/quotes/quote-id.ts';
import type { Catalog } from '../../src/quotes/types.ts';
import { CATALOG_PATH, CORPUS_PATH, rebuildArtifacts } from '../../src/runtime/node/artifacts.ts';
import { countHan } from '../../src/text/cjk.ts';
import { convertScript } from '../../src/text/script.ts';

let rebuilt: { catalog: string; corpus: string };
let catalog: Catalog;
let corpus: CorpusData;
let library: QuoteLibrary;

beforeAll(() => {
  rebuilt = rebuildArtifacts();
  catalog = JSON.parse(rebuilt.catalog) as Catalog;
  corpus = JSON.parse(rebuilt.corpus) as CorpusData;
  library = new QuoteLibrary(catalog, corpus);
}, 120_000); // a full build takes ~10 s on a busy machine

describe('the committed catalog', () => {
  it('is exactly what a rebuild from quotes/sources produces (run `npm run build:catalog` if not)', () => {
    expect(readFileSync(CATALOG_PATH, 'utf8') === rebuilt.catalog, 'quotes/catalog.json is out of date').toBe(true);
    expect(readFileSync(CORPUS_PATH, 'utf8') === rebuilt.corpus, 'quotes/corpus.json is out of date').toBe(true);
  });

  it('is deterministic: two rebuilds are byte-identical', () => {
    expect(rebuildArtifacts().catalog).toBe(rebuilt.catalog);
  });
});

describe('every quote', () => {
  it('has text equal to its paragraph sliced by its span', () => {
    for (const q of catalog.quotes) {
      const { paragraph } = library.resolve(q.id);
      expect(paragraph.text.slice(q.span[0], q.span[1]), q.id).toBe(q.text);
    }
  });

  it('has a unique, well-formed ID derived by the ID rule', () => {
    const ids = new Set(catalog.quotes.map((q) => q.id));
    expect(ids.size).toBe(catalog.quotes.length);
    for (const q of catalog.quotes) {
      expect(q.id).toMatch(QUOTE_ID_PATTERN);
      expect(quoteId({ source: q.source, paragraph: q.paragraph, span: q.span, text: q.text })).toBe(q.id);
    }
  });

  it('comes from a speech paragraph, inside the speaker’s own words, attributed to that paragraph’s speaker', () => {
    for (const q of catalog.quotes) {
      const { paragraph } = library.resolve(q.id);
      expect(paragraph.kind, q.id).toBe('speech');
      expect(paragraph.attribution.speaker, q.id).toBe(q.speaker);
      expect(paragraph.speech.some(([a, b]) => a <= q.span[0] && q.span[1] <= b), `${q.id} outside speech`).toBe(true);
      expect(paragraph.flags, q.id).not.toContain('unrepaired-mojibake');
    }
  });

  it('is 12–100 Chinese characters and free of damage', () => {
    for (const q of catalog.quotes) {
      const han = countHan(q.text);
      expect(han, q.id).toBeGreaterThanOrEqual(12);
      expect(han, q.id).toBeLessThanOrEqual(100);
      expect(damageIn(q.text), `${q.id}: ${q.text}`).toBeNull();
      expect(q.text, q.id).not.toMatch(/[\uE000-\uF8FF]/u);
      expect(q.text, q.id).not.toMatch(/\p{Script=Han} ?, ?\p{Script=Han}/u);
      expect(q.text, q.id).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
      expect(q.text, q.id).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/u);
    }
  });

  it('is never an interviewer’s question attributed to a guest', () => {
    for (const q of catalog.quotes.filter((x) => x.role === 'guest')) {
      expect(q.text.trim(), `${q.id}: ${q.text}`).not.toMatch(/[？?]$/u);
    }
  });

  it('never repeats another quote (restated leads, teasers)', () => {
    const seen = new Map<string, string>();
    for (const q of catalog.quotes) {
      const key = convertScript(q.text, 'hant', 'hans').replace(/[^\p{Script=Han}]/gu, '');
      expect(seen.get(key), `${q.id} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, q.id);
    }
  });
});

describe('coverage', () => {
  it('every source yields quotes and every interviewee is quoted', () => {
    for (const doc of corpus.documents) {
      const quotes = catalog.quotes.filter((q) => q.source === doc.meta.slug);
      expect(quotes.length, doc.meta.slug).toBeGreaterThan(0);
      for (const guest of doc.meta.people.filter((p) => p.role === 'guest')) {
        expect(quotes.some((q) => q.speaker === guest.name), `${guest.name} in ${doc.meta.slug}`).toBe(true);
      }
    }
  });

  it('no quote comes from furniture, headings, narration, key points or the teaser', () => {
    const excluded = new Set(corpus.documents.flatMap((d) => d.paragraphs.filter((p) => p.kind !== 'speech').map((p) => `${d.meta.slug}/${p.id}`)));
    for (const q of catalog.quotes) expect(excluded.has(`${q.source}/${q.paragraph}`), q.id).toBe(false);
  });

  it('machine-transcript and traditional-source quotes say so', () => {
    for (const q of catalog.quotes) {
      const doc = library.document(q.source);
      expect(q.flags.includes('machine-transcript')).toBe(doc.meta.kind === 'machine-transcript');
      expect(q.flags.includes('traditional-source')).toBe(doc.meta.script === 'hant');
    }
  });
});

import type { CorpusData } from '../corpus/corpus-data.ts';
import type { Catalog } from '../quotes/types.ts';
import { convertScript, DISPLAY_SCRIPTS, type DisplayScript } from '../text/script.ts';

/**
 * What the card fonts must draw, built from data alone (the caller reads the files), so the font
 * build (`npm run fonts`) and the tests compute the very same set.
 */
export interface CharsetSources {
  corpus: Pick<CorpusData, 'documents'>;
  catalog: Pick<Catalog, 'quotes'>;
  /** Contents of the files under templates/ and src/card/: their non-ASCII characters are UI text. */
  uiFiles: readonly string[];
}

/** Which part of the charset a font file holds (see FontSpec.charset). */
export type CharsetScope = 'full' | 'meta';

export interface CardCharset {
  /** Every character of every scope and script, sorted by code point: `fonts/charset.txt`. */
  all: string;
  /** Per display script: everything a card in that script can show. */
  full: Record<DisplayScript, string>;
  /** Per display script: the metadata lines and UI text only (no paragraph or quote text). */
  meta: Record<DisplayScript, string>;
  /** Characters found in the sources that no font draws (private use, controls, unassigned). */
  skipped: string;
}

/** Printable ASCII: URLs, IDs, Latin words and digits inside quotes. */
export const ASCII = String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i));
/** Full-width punctuation and quote marks a quote or a card may use, in every script. */
export const CJK_PUNCTUATION = '“”‘’「」『』《》〈〉（）【】〔〕、。，；：？！…—–·％～';
/**
 * Vertical presentation forms (U+FE10–FE19, U+FE30–FE4F): vertical cards (竖排) set punctuation,
 * brackets and dashes with these glyphs, since the subsets carry no `vert` feature.
 */
export const VERTICAL_FORMS = String.fromCodePoint(
  ...Array.from({ length: 10 }, (_, i) => 0xfe10 + i),
  ...Array.from({ length: 0x20 }, (_, i) => 0xfe30 + i),
);
/** A few typographic extras for UI and metadata. */
export const TYPOGRAPHIC_EXTRAS = '©×°℃•';

/** Characters no font is asked to draw: controls, format, private use, surrogates, unassigned,
 * line/paragraph separators. Spaces (Zs) stay: a line breaker measures them. */
const UNDRAWABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}]/u;

const byCodePoint = (a: string, b: string) => (a.codePointAt(0) as number) - (b.codePointAt(0) as number);
const sorted = (set: ReadonlySet<string>) => [...set].sort(byCodePoint).join('');

/**
 * The card charset: the union of
 * - every paragraph of every document (excluded ones too: the source view shows them) and every
 *   catalog quote, each converted from its document's script into every display script;
 * - document metadata (title, publication, people's names, titles, companies), converted from the
 *   document's script and from simplified (cards write metadata through a simplified→display
 *   conversion) into every display script;
 * - the non-ASCII characters of the UI files, as written and converted from simplified;
 * - printable ASCII, CJK punctuation and a few typographic extras.
 * Deterministic: sets are sorted by code point.
 */
export function buildCharset(sources: CharsetSources): CardCharset {
  const full = new Map(DISPLAY_SCRIPTS.map((s) => [s, new Set<string>()]));
  const meta = new Map(DISPLAY_SCRIPTS.map((s) => [s, new Set<string>()]));
  const skipped = new Set<string>();
  const add = (set: Set<string>, text: string) => {
    for (const c of text) {
      if (c === '\n' || c === '\t' || c === '\r') continue;
      if (UNDRAWABLE.test(c)) skipped.add(c);
      else set.add(c);
    }
  };
  const addMeta = (script: DisplayScript, text: string) => {
    add(meta.get(script) as Set<string>, text);
    add(full.get(script) as Set<string>, text);
  };

  const uiText = [...new Set(sources.uiFiles.flatMap((file) => [...file]))]
    .filter((c) => (c.codePointAt(0) as number) > 0x7e)
    .sort(byCodePoint)
    .join('');
  const scriptOf = new Map(sources.corpus.documents.map((d) => [d.meta.slug, d.meta.script]));

  for (const target of DISPLAY_SCRIPTS) {
    addMeta(target, ASCII + CJK_PUNCTUATION + TYPOGRAPHIC_EXTRAS + VERTICAL_FORMS);
    addMeta(target, uiText);
    addMeta(target, convertScript(uiText, 'hans', target));
    const text = full.get(target) as Set<string>;
    for (const { meta: m, paragraphs } of sources.corpus.documents) {
      const metaText = [m.title, m.publication, ...m.people.flatMap((p) => [p.name, p.title, p.company])]
        .join('\n');
      addMeta(target, convertScript(metaText, m.script, target));
      addMeta(target, convertScript(metaText, 'hans', target));
      add(text, convertScript(paragraphs.map((p) => p.text).join('\n'), m.script, target));
    }
    for (const quote of sources.catalog.quotes) {
      add(text, convertScript(quote.text, scriptOf.get(quote.source) ?? 'hans', target));
      addMeta(target, convertScript(quote.speaker, 'hans', target));
    }
  }

  const union = new Set<string>();
  for (const set of full.values()) for (const c of set) union.add(c);
  const record = (sets: Map<DisplayScript, Set<string>>) =>
    Object.fromEntries(DISPLAY_SCRIPTS.map((s) => [s, sorted(sets.get(s) as Set<string>)])) as Record<
      DisplayScript,
      string
    >;
  return { all: sorted(union), full: record(full), meta: record(meta), skipped: sorted(skipped) };
}

/** The characters a font serving `scripts` with the given scope must hold, sorted. */
export function charsetFor(
  charset: CardCharset,
  scripts: readonly DisplayScript[],
  scope: CharsetScope,
): string {
  const set = new Set<string>();
  for (const script of scripts) for (const c of charset[scope][script]) set.add(c);
  return sorted(set);
}

/** `fonts/charset.txt`: one character per line as `U+XXXX<tab>c`, so diffs are readable. */
export function formatCharset(chars: string): string {
  return [...chars]
    .map((c) => {
      const hex = (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
      return `U+${hex}\t${c}\n`;
    })
    .join('');
}

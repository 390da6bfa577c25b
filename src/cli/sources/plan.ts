import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusData } from '../../corpus/corpus-data.ts';
import { sourceFormat } from '../../corpus/formats/index.ts';
import type { Document, SourceFile } from '../../corpus/types.ts';
import { YuluError } from '../../errors.ts';
import { buildCharset } from '../../fonts/charset.ts';
import type { History } from '../../quotes/aliases.ts';
import { buildAll } from '../../quotes/build.ts';
import type { Catalog, Quote } from '../../quotes/types.ts';
import { artifactsFrom } from '../../runtime/node/artifacts.ts';
import { readCharsetSources } from '../../runtime/node/charset-sources.ts';
import type { SourcesWords } from './words.ts';

/** Where `yulu sources add` reads and writes: the project (fonts, UI text) and its quotes folder. */
export interface SourcesPaths {
  /** Project root: fonts/charset.txt and the card's UI files are read from here. */
  root: string;
  /** The quotes folder: sources/, catalog.json, corpus.json, history.json, aliases.json. */
  quotesDir: string;
}

export interface AddPlan {
  source: SourceFile;
  document: Document;
  /** Transcript formats recognised in the text (src/corpus/formats/). */
  formats: string[];
  /** The new source's quotes in the rebuilt catalog. */
  quotes: Quote[];
  /** How many quotes the committed catalog held; every one is unchanged in the rebuild. */
  priorQuotes: number;
  /** Characters the rebuilt corpus needs that the committed card fonts were not cut for. */
  missingGlyphs: string;
  /** Every file to write, relative to the quotes folder, with its full text. */
  writes: { file: string; text: string }[];
}

/**
 * Builds the catalog with the new source in memory and checks it: every quote of the committed
 * catalog must come out with the same ID, paragraph, span and text, or nothing is written.
 */
export function planAdd(
  source: SourceFile,
  existing: readonly SourceFile[],
  paths: SourcesPaths,
  say: SourcesWords,
): AddPlan {
  const json = <T>(file: string) =>
    JSON.parse(readFileSync(join(paths.quotesDir, file), 'utf8')) as T;
  const prior = json<Catalog>('catalog.json');
  const out = buildAll([...existing, source]);
  const changed = changedQuotes(prior, out.catalog);
  if (changed.length)
    throw new YuluError(
      'catalog_out_of_date',
      say.idsWouldChange(changed.length, changed.slice(0, 5).join(', ')),
    );

  const built = artifactsFrom(out, json<History>('history.json'));
  const document = out.corpus.documents.find((d) => d.stem === source.stem) as Document;
  return {
    source,
    document,
    formats: sourceFormat(source.raw, source.meta).names,
    quotes: out.catalog.quotes.filter((q) => q.source === source.meta.slug),
    priorQuotes: prior.quotes.length,
    missingGlyphs: missingGlyphs(paths.root, out.corpus, out.catalog),
    writes: [
      { file: `sources/${source.stem}.txt`, text: source.raw },
      { file: `sources/${source.stem}.meta.json`, text: metaJson(source) },
      { file: 'catalog.json', text: built.catalog },
      { file: 'corpus.json', text: built.corpus },
      { file: 'history.json', text: built.history },
      { file: 'aliases.json', text: built.aliases },
    ],
  };
}

/** IDs of committed quotes that the rebuild lost or changed (paragraph, span or text). */
export function changedQuotes(prior: Catalog, next: Catalog): string[] {
  const byId = new Map(next.quotes.map((q) => [q.id, q]));
  return prior.quotes
    .filter((q) => {
      const now = byId.get(q.id);
      return (
        !now ||
        now.source !== q.source ||
        now.paragraph !== q.paragraph ||
        now.text !== q.text ||
        now.span[0] !== q.span[0] ||
        now.span[1] !== q.span[1]
      );
    })
    .map((q) => q.id);
}

/** The rebuilt card charset minus fonts/charset.txt (what `npm run fonts` last cut the fonts for). */
function missingGlyphs(root: string, corpus: CorpusData, catalog: Catalog): string {
  const { uiFiles } = readCharsetSources(root);
  const cut = new Set(
    readFileSync(join(root, 'fonts/charset.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => String.fromCodePoint(Number.parseInt(line.slice(2, line.indexOf('\t')), 16))),
  );
  return [...buildCharset({ corpus, catalog, uiFiles }).all].filter((c) => !cut.has(c)).join('');
}

/** The metadata file as the corpus writes them: two-space JSON, a final newline. */
function metaJson(source: SourceFile): string {
  const { dateIsEstimate, ...meta } = source.meta;
  const shown = {
    ...meta,
    ...(dateIsEstimate ? { dateIsEstimate } : {}),
    people: meta.people.map(({ aliases, ...p }) => (aliases.length ? { ...p, aliases } : p)),
  };
  return `${JSON.stringify(shown, null, 2)}\n`;
}

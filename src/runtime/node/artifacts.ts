import { readFileSync, writeFileSync } from 'node:fs';
import type { CorpusData } from '../../corpus/corpus-data.ts';
import { YuluError } from '../../errors.ts';
import { buildAll, serialize } from '../../quotes/build.ts';
import type { Catalog } from '../../quotes/types.ts';
import { readSources } from './sources.ts';

const QUOTES_DIR = new URL('../../../quotes/', import.meta.url).pathname;
export const CATALOG_PATH = `${QUOTES_DIR}catalog.json`;
export const CORPUS_PATH = `${QUOTES_DIR}corpus.json`;

/** Rebuilds both artifacts from `quotes/sources/` and returns their serialised text. */
export function rebuildArtifacts(): { catalog: string; corpus: string } {
  const out = buildAll(readSources());
  return { catalog: serialize(out.catalog), corpus: serialize(out.corpus) };
}

export function writeArtifacts(): { catalog: string; corpus: string } {
  const built = rebuildArtifacts();
  writeFileSync(CATALOG_PATH, built.catalog);
  writeFileSync(CORPUS_PATH, built.corpus);
  return built;
}

/** The committed artifacts, as the runtimes load them. */
export function loadArtifacts(): { catalog: Catalog; corpus: CorpusData } {
  try {
    return {
      catalog: JSON.parse(readFileSync(CATALOG_PATH, 'utf8')) as Catalog,
      corpus: JSON.parse(readFileSync(CORPUS_PATH, 'utf8')) as CorpusData,
    };
  } catch (cause) {
    throw new YuluError(
      'catalog_out_of_date',
      `cannot read quotes/catalog.json or quotes/corpus.json — run \`npm run build:catalog\` (${(cause as Error).message})`,
      { cause },
    );
  }
}

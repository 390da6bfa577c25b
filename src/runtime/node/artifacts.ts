import { readFileSync, writeFileSync } from 'node:fs';
import type { CorpusData } from '../../corpus/corpus-data.ts';
import { YuluError } from '../../errors.ts';
import { buildAliases, extendHistory, type Aliases, type History } from '../../quotes/aliases.ts';
import { buildAll, serialize, type BuildOutput } from '../../quotes/build.ts';
import type { Catalog } from '../../quotes/types.ts';
import { readSources } from './sources.ts';

const QUOTES_DIR = new URL('../../../quotes/', import.meta.url).pathname;
export const CATALOG_PATH = `${QUOTES_DIR}catalog.json`;
export const CORPUS_PATH = `${QUOTES_DIR}corpus.json`;
/** Every quote ID ever committed (input and output of a build: IDs are never forgotten). */
export const HISTORY_PATH = `${QUOTES_DIR}history.json`;
export const ALIASES_PATH = `${QUOTES_DIR}aliases.json`;

export interface BuiltArtifacts {
  catalog: string;
  corpus: string;
  history: string;
  aliases: string;
}

/** Rebuilds the artifacts from `quotes/sources/` and the committed ID history; returns their text. */
export function rebuildArtifacts(): BuiltArtifacts {
  return artifactsFrom(
    buildAll(readSources()),
    JSON.parse(readFileSync(HISTORY_PATH, 'utf8')) as History,
  );
}

/**
 * The artifacts' text for a build and the ID history before it (the history grows by the build's
 * new IDs; aliases follow). Shared by the rebuild and `yulu sources add`, which builds in memory.
 */
export function artifactsFrom(out: BuildOutput, previous: History): BuiltArtifacts {
  const history = extendHistory(previous, out.catalog);
  return {
    catalog: serialize(out.catalog),
    corpus: serialize(out.corpus),
    history: serialize(history),
    aliases: serialize(buildAliases(history, out.catalog)),
  };
}

export function writeArtifacts(): BuiltArtifacts {
  const built = rebuildArtifacts();
  writeFileSync(CATALOG_PATH, built.catalog);
  writeFileSync(CORPUS_PATH, built.corpus);
  writeFileSync(HISTORY_PATH, built.history);
  writeFileSync(ALIASES_PATH, built.aliases);
  return built;
}

/** The committed artifacts, as the runtimes load them. */
export function loadArtifacts(): { catalog: Catalog; corpus: CorpusData; aliases: Aliases } {
  try {
    return {
      catalog: JSON.parse(readFileSync(CATALOG_PATH, 'utf8')) as Catalog,
      corpus: JSON.parse(readFileSync(CORPUS_PATH, 'utf8')) as CorpusData,
      aliases: JSON.parse(readFileSync(ALIASES_PATH, 'utf8')) as Aliases,
    };
  } catch (cause) {
    throw new YuluError(
      'catalog_out_of_date',
      `cannot read quotes/catalog.json or quotes/corpus.json — run \`npm run build:catalog\` (${(cause as Error).message})`,
      { cause },
    );
  }
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CorpusData } from '../../corpus/corpus-data.ts';
import type { CharsetSources } from '../../fonts/charset.ts';
import type { Catalog } from '../../quotes/types.ts';

export const ROOT = new URL('../../../', import.meta.url).pathname;
/** Directories whose files hold the card's UI text (src/fonts/charset.ts takes their non-ASCII). */
export const UI_TEXT_DIRS = ['templates', 'src/card'];

/** Every file under `dir`, recursively, in a stable order; none when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/**
 * Reads what the card charset is built from: the committed quotes/corpus.json and
 * quotes/catalog.json, and the files under templates/ and src/card/. Used by `npm run fonts` and
 * by the tests that check the fonts still cover the charset.
 */
export function readCharsetSources(root: string = ROOT): CharsetSources & { uiPaths: string[] } {
  const json = <T>(path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
  const uiPaths = UI_TEXT_DIRS.flatMap((dir) => filesUnder(join(root, dir)));
  return {
    corpus: json<CorpusData>('quotes/corpus.json'),
    catalog: json<Catalog>('quotes/catalog.json'),
    uiFiles: uiPaths.map((path) => readFileSync(path, 'utf8')),
    uiPaths: uiPaths.map((path) => relative(root, path)),
  };
}

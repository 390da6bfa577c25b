import type { CorpusData } from '../corpus/corpus-data.ts';
import { ingestSource } from '../corpus/ingest.ts';
import { corpusLanguageModel } from '../corpus/language.ts';
import type { SourceFile } from '../corpus/types.ts';
import { buildCatalog } from './catalog.ts';
import type { Catalog } from './types.ts';

export interface BuildOutput {
  corpus: CorpusData;
  catalog: Catalog;
}

/** Sources → the two generated artifacts. Pure and deterministic. */
export function buildAll(sources: SourceFile[]): BuildOutput {
  const language = corpusLanguageModel(sources);
  const inputs = sources.map((source) => ({ doc: ingestSource(source, language), raw: source.raw }));
  return {
    corpus: { version: 1, documents: inputs.map((i) => i.doc) },
    catalog: buildCatalog(inputs),
  };
}

/** Stable serialisation: two-space JSON with a final newline (diff-friendly, byte-identical). */
export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}

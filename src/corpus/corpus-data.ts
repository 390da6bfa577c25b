import type { Document } from './types.ts';

/**
 * The ingested corpus as shipped to runtimes (`quotes/corpus.json`): every document with every
 * paragraph, excluded ones included, so source views can show what was left out and why.
 */
export interface CorpusData {
  version: 1;
  documents: Document[];
}

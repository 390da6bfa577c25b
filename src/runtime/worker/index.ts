/**
 * The Cloudflare Worker entry. The catalog and corpus are bundled as JSON modules and loaded once
 * per isolate; everything else is the runtime-free app.
 */
import catalog from '../../../quotes/catalog.json' with { type: 'json' };
import corpus from '../../../quotes/corpus.json' with { type: 'json' };
import type { CorpusData } from '../../corpus/corpus-data.ts';
import { createApp } from '../../http/app.ts';
import { QuoteLibrary } from '../../quotes/library.ts';
import type { Catalog } from '../../quotes/types.ts';

const library = new QuoteLibrary(catalog as unknown as Catalog, corpus as unknown as CorpusData);
const app = createApp({ library });

export default app;

/** `npm run build:catalog`: regenerates quotes/catalog.json and quotes/corpus.json from quotes/sources/. */
import { writeArtifacts } from '../src/runtime/node/artifacts.ts';

const { catalog, corpus } = writeArtifacts();
const quotes = (JSON.parse(catalog) as { quotes: unknown[] }).quotes.length;
console.log(
  `wrote quotes/catalog.json (${quotes} quotes, ${catalog.length} chars) and quotes/corpus.json (${corpus.length} chars)`,
);

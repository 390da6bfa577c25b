/** `npm start`: the local service on loopback, with the embedded corpus. No accounts, no network. */
import { createApp } from '../../http/app.ts';
import { QuoteLibrary } from '../../quotes/library.ts';
import { loadArtifacts } from './artifacts.ts';
import { lazyNodeCardEngine, nodeRenderVersion } from './cards.ts';
import { openNodeStore } from './store.ts';
import { limitsFromEnv, nodeRendering, serveBounded, socketClient } from './server.ts';
import { draftSigningKeys, editorTokenOrExit, loopbackWarning } from './startup.ts';

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
/** Where cards' printed links and QR codes point: set YULU_BASE_URL when serving publicly. */
const baseUrl = process.env.YULU_BASE_URL ?? `http://${hostname}:${port}`;
const editorToken = editorTokenOrExit(process.env.EDITOR_TOKEN); // a weak token stops here
const exposed = loopbackWarning(baseUrl, hostname);
if (exposed) console.warn(exposed);
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
// Fonts load before the first request; if one is missing or corrupt the service still starts,
// cards answer 503 naming the file, and /healthz reports it.
const engine = lazyNodeCardEngine(library, baseUrl);
await engine().catch((error: Error) => console.error(`cards unavailable: ${error.message}`));
const store = openNodeStore();
const rendering = nodeRendering(baseUrl);
await rendering.render.ready; // render threads loaded before the first request
const app = createApp({
  library,
  cards: { engine, ...rendering },
  clientKey: socketClient,
  links: { baseUrl, renderVersion: nodeRenderVersion() },
  store: () => store,
  editorToken,
  draftKeys: await draftSigningKeys(process.env.CARD_SIGNING_KEYS, store),
});

serveBounded({ fetch: app.fetch, port, hostname }, limitsFromEnv(), (info) => {
  console.log(
    `Yulu is running at http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${info.port}/ (${catalog.quotes.length} quotes)`,
  );
  console.log(`  try http://${hostname}:${info.port}/api/quotes?limit=5`);
  console.log(
    `  and http://${hostname}:${info.port}/cards/${catalog.quotes[0]?.id ?? ''}.png?size=og`,
  );
});

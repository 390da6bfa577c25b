/** `npm start`: the local service on loopback, with the embedded corpus. No accounts, no network. */
import { DailyService } from '../../daily/service.ts';
import { createApp } from '../../http/app.ts';
import { QuoteLibrary } from '../../quotes/library.ts';
import { loadArtifacts } from './artifacts.ts';
import { nodeCardEngine } from './cards.ts';
import { startDailyPublisher } from './daily-publisher.ts';
import { backlogFromEnv, listen, serverConfigOrExit } from './listen.ts';
import { readWebFont } from './web-fonts.ts';
import { openNodeStore } from './store.ts';
import { boundServer, limitsFromEnv, nodeRendering, socketClient } from './server.ts';
import { draftSigningKeys, editorTokenOrExit, loopbackWarning } from './startup.ts';

// PORT, HOST, YULU_BASE_URL (where cards' printed links and QR codes point): README's table.
const config = serverConfigOrExit(process.env);
const baseUrl = config.publicOrigin;
const editorToken = editorTokenOrExit(process.env.EDITOR_TOKEN); // a weak token stops here
const exposed = loopbackWarning(baseUrl, config.host);
if (exposed) console.warn(exposed);
const { catalog, corpus, aliases } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus, aliases);
// Fonts load before the first request; if one is missing or corrupt the service still starts,
// cards answer 503 naming the file, and /healthz reports it.
const cards = nodeCardEngine(library, baseUrl);
await cards.engine().catch((error: Error) => console.error(`cards unavailable: ${error.message}`));
const store = openNodeStore();
// DAILY_FIRST_DAY: the first day with a daily quote (YYYY-MM-DD, Asia/Shanghai).
const daily = new DailyService({
  library,
  store: () => store,
  firstDay: process.env.DAILY_FIRST_DAY,
});
startDailyPublisher(daily);
const rendering = nodeRendering(baseUrl);
await rendering.render.ready; // render threads loaded before the first request
const app = createApp({
  library,
  cards: { engine: cards.engine, ...rendering },
  clientKey: socketClient,
  links: cards.links, // the render version follows the engine: a healed font moves page links too
  store: () => store,
  daily,
  webFonts: readWebFont,
  editorToken,
  draftKeys: await draftSigningKeys(process.env.CARD_SIGNING_KEYS, store),
});

// Timeouts, idle-socket closing and the connection cap (server.ts).
boundServer(
  listen({
    ...config,
    fetch: app.fetch,
    quoteCount: catalog.quotes.length,
    sampleId: catalog.quotes[0]?.id,
    backlog: backlogFromEnv(),
  }) as import('node:http').Server,
  limitsFromEnv(),
);

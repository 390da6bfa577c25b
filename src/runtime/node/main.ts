/** `npm start`: the local service on loopback, with the embedded corpus. No accounts, no network. */
import { signingKeys } from '../../desk/draft.ts';
import { DailyService } from '../../daily/service.ts';
import { createApp } from '../../http/app.ts';
import { QuoteLibrary } from '../../quotes/library.ts';
import { loadArtifacts } from './artifacts.ts';
import { lazyNodeCardEngine, nodeRenderVersion } from './cards.ts';
import { startDailyPublisher } from './daily-publisher.ts';
import { listen, serverConfigOrExit } from './listen.ts';
import { readWebFont } from './web-fonts.ts';
import { openNodeStore } from './store.ts';

// PORT, HOST, YULU_BASE_URL (where cards' printed links and QR codes point): README's table.
const config = serverConfigOrExit(process.env);
const baseUrl = config.publicOrigin;
const { catalog, corpus, aliases } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus, aliases);
// Fonts load before the first request; if one is missing or corrupt the service still starts,
// cards answer 503 naming the file, and /healthz reports it.
const engine = lazyNodeCardEngine(library, baseUrl);
await engine().catch((error: Error) => console.error(`cards unavailable: ${error.message}`));
const store = openNodeStore();
// DAILY_FIRST_DAY: the first day with a daily quote (YYYY-MM-DD, Asia/Shanghai).
const daily = new DailyService({
  library,
  store: () => store,
  firstDay: process.env.DAILY_FIRST_DAY,
});
startDailyPublisher(daily);
const app = createApp({
  library,
  cards: { engine },
  links: { baseUrl, renderVersion: nodeRenderVersion() },
  store: () => store,
  daily,
  webFonts: readWebFont,
  editorToken: process.env.EDITOR_TOKEN,
  draftKeys: signingKeys(process.env.CARD_SIGNING_KEYS, process.env.EDITOR_TOKEN),
});

listen({
  ...config,
  fetch: app.fetch,
  quoteCount: catalog.quotes.length,
  sampleId: catalog.quotes[0]?.id,
});

/** `npm start`: the local service on loopback, with the embedded corpus. No accounts, no network. */
import { serve } from '@hono/node-server';
import { signingKeys } from '../../desk/draft.ts';
import { DailyService } from '../../daily/service.ts';
import { createApp } from '../../http/app.ts';
import { QuoteLibrary } from '../../quotes/library.ts';
import { loadArtifacts } from './artifacts.ts';
import { lazyNodeCardEngine, nodeRenderVersion } from './cards.ts';
import { startDailyPublisher } from './daily-publisher.ts';
import { readWebFont } from './web-fonts.ts';
import { openNodeStore } from './store.ts';

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
/** Where cards' printed links and QR codes point: set YULU_BASE_URL when serving publicly. */
const baseUrl = process.env.YULU_BASE_URL ?? `http://${hostname}:${port}`;
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
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

serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(
    `Yulu is running at http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${info.port}/ (${catalog.quotes.length} quotes)`,
  );
  console.log(`  try http://${hostname}:${info.port}/api/quotes?limit=5`);
  console.log(
    `  and http://${hostname}:${info.port}/cards/${catalog.quotes[0]?.id ?? ''}.png?size=og`,
  );
});

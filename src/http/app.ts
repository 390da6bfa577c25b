import { Hono } from 'hono';
import type { QuoteLibrary, ResolvedQuote } from '../quotes/library.ts';
import { YuluError } from '../errors.ts';
import type { CardCache } from '../card/card-cache.ts';
import type { CardEngine } from '../card/engine.ts';
import { apiRoutes } from './api.ts';
import type { Links } from './links.ts';
import { cardRoutes } from './cards.ts';
import { dailyRoutes } from './daily.ts';
import { publicApi } from './api-public.ts';
import { discoveryRoutes } from './discovery.ts';
import { feedRoutes } from './feeds.ts';
import { oembedRoutes } from './oembed.ts';
import { DailyService } from '../daily/service.ts';
import { editorRoutes } from './desk/routes.ts';
import { resolveEdited } from '../desk/overlay.ts';
import { morePageRoutes } from './pages/more-routes.ts';
import { errorPage } from './pages/error.ts';
import { pageRoutes } from './pages/routes.ts';
import { webFontRoutes } from './web-fonts.ts';
import { draftRoutes } from './drafts.ts';
import type { SigningKey } from '../desk/draft.ts';
import type { EditorialStore } from '../desk/store.ts';
import { errorResponse } from './errors.ts';
import { inputLimits } from './limits.ts';
import { weakTokenReason } from '../desk/token-strength.ts';
import type { AccessGate } from '../desk/access.ts';
import { RenderGate, type RateLimiter } from '../card/admission.ts';
import { inProcessRenderer, type CardRenderer } from '../card/card-renderer.ts';
import type { Context } from 'hono';
import { retiredIds } from './retired.ts';

export interface AppOptions {
  library: QuoteLibrary;
  /** The card renderer of this runtime (or how to get it: the Worker loads fonts on first use);
   * without it the app serves the API only. */
  cards?: {
    engine: CardEngine | (() => Promise<CardEngine>);
    cache?: CardCache;
    /** Where uncached cards are drawn (Node: a worker-thread pool); default: in this thread,
     * two at a time, eight waiting, then 503 (see card/admission.ts). */
    render?: CardRenderer;
    /** Per-client budget of uncached renders (429 beyond it); none: unlimited. */
    limiter?: RateLimiter;
  };
  /** Who is asking, for per-client limits: the runtime knows (socket address, CF-Connecting-IP). */
  clientKey?: (c: Context) => string;
  /** Public origin and render version, for the links the API and pages give out. */
  links?: Links;
  /** The editorial store (SQLite on Node, D1 on the Worker), opened on first use. */
  store?: () => Promise<EditorialStore>;
  /** The daily quote (built from the library and store when not given; runtimes pass theirs so
   * the publishing job and the routes share one plan cache and configuration). */
  daily?: DailyService;
  /** Reads a file of fonts/web (the pages' web fonts) on this runtime; without it /fonts/web/ is 404. */
  webFonts?: (file: string) => Promise<Uint8Array | null>;
  /** EDITOR_TOKEN for the desk under /editor; without it the desk explains how to open it. */
  editorToken?: string | undefined;
  /** Cloudflare Access in front of the desk: editors are who its JWT names (desk/access.ts). */
  access?: AccessGate | undefined;
  /** Keys for signed draft cards (newest first; see desk/draft.ts); none: drafts are off. */
  draftKeys?: readonly SigningKey[];
  /** The clock draft links expire by (tests set it). */
  now?: () => number;
}

/** Runs a health probe with a time limit; a failure or a hang reads `unavailable: …`, never throws. */
async function probe(check: () => Promise<string>, ms = 2000): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`unavailable: no answer within ${ms} ms`), ms);
  });
  try {
    return await Promise.race([check().then((v) => (v === 'ok' ? 'ok' : `ok (${v})`)), timeout]);
  } catch (error) {
    return `unavailable: ${error instanceof YuluError ? `${error.code}: ${error.message}` : 'unexpected error'}`;
  } finally {
    clearTimeout(timer);
  }
}

/** GET /healthz: the corpus, and whether cards and the editorial store can work right now. */
function healthRoutes(
  library: QuoteLibrary,
  cards: AppOptions['cards'],
  store: AppOptions['store'],
): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const checks: Record<string, string> = {};
    if (cards)
      checks.cards = await probe(
        async () =>
          (typeof cards.engine === 'function' ? await cards.engine() : cards.engine).version,
      );
    if (store) checks.store = await probe(async () => (await (await store()).statuses(), 'ok'));
    const ok = Object.values(checks).every((v) => !v.startsWith('unavailable'));
    return c.json(
      { ok, quotes: library.quotes.length, sources: library.documents.length, checks },
      ok ? 200 : 503,
      {
        'Cache-Control': 'no-store',
      },
    );
  });
  return app;
}

/** The one Hono app every runtime serves. Runtime-free: dependencies come in through options. */
export function createApp(options: AppOptions) {
  const { library, cards, links, store, editorToken, webFonts } = options;
  // A desk behind a guessable token is no desk: runtimes check at start-up, this is the backstop.
  const weak = editorToken ? weakTokenReason(editorToken) : null;
  if (weak) throw new YuluError('invalid_argument', weak);
  const app = new Hono();
  app.use(securityHeaders);
  app.use(inputLimits()); // bodies and query values bounded before any route reads them
  app.use(retiredIds(library)); // retired quote IDs: 301 to the successor or 410 (quotes/aliases.json)
  app.route('/', healthRoutes(library, cards, store));
  app.use('/api/*', ...publicApi());
  // Before /api, whose catch-all answers unknown API routes.
  const engine = cards?.engine;
  const wiring: Wiring = {
    engineOf: engine && (typeof engine === 'function' ? engine : async () => engine),
    resolveQuote: store
      ? async (id: string) => resolveEdited(id, library, await store())
      : async (id: string) => library.resolve(id),
    days: store ? (options.daily ?? new DailyService({ library, store })) : undefined,
  };
  if (links) app.route('/', oembedRoutes(links, wiring.resolveQuote));
  mountDailyAndDesk(app, options, wiring);
  app.route('/api', apiRoutes(library, links));
  mountCardsAndPages(app, options, wiring);
  // Pages that need only links (and the store for the daily quote), not the card engine.
  if (links)
    app.route(
      '/',
      morePageRoutes({
        library,
        links: async () => links,
        resolve: wiring.resolveQuote,
        daily: wiring.days,
      }),
    );
  if (webFonts) app.route('/', webFontRoutes(webFonts));
  app.notFound((c) => notFound(c, library));
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

/** What createApp derives once from its options and hands to the route groups. */
interface Wiring {
  engineOf: (() => Promise<CardEngine>) | undefined;
  resolveQuote: (id: string) => Promise<ResolvedQuote>;
  days: DailyService | undefined;
}

/** Every response, errors included: no MIME sniffing, no referrer leaks across origins. */
async function securityHeaders(c: Context, next: () => Promise<void>): Promise<void> {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  if (!c.res.headers.has('Referrer-Policy'))
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
}

/** The daily quote, its feeds and discovery files, and the editors' desk: they need the store. */
function mountDailyAndDesk(app: Hono, options: AppOptions, { engineOf, days }: Wiring): void {
  const { library, store, links, editorToken, access, draftKeys = [] } = options;
  const { now = () => Date.now(), clientKey = () => 'anonymous' } = options;
  if (!store || !links || !days) return;
  app.route('/', dailyRoutes(library, days, links));
  app.route('/', feedRoutes(days, links));
  app.route('/', discoveryRoutes(library, days, links));
  app.route(
    '/',
    editorRoutes({
      library,
      store,
      links,
      token: editorToken,
      draftKeys,
      now,
      clientKey,
      access,
      daily: days,
      ...(engineOf
        ? { uncovered: async (text: string) => (await engineOf()).uncovered(text) }
        : {}),
    }),
  );
}

/** Cards, drafts and the pages that show them: they need the card engine. */
function mountCardsAndPages(app: Hono, options: AppOptions, wiring: Wiring): void {
  const { library, cards, links, store, draftKeys = [] } = options;
  const { now = () => Date.now(), clientKey = () => 'anonymous' } = options;
  const { engineOf, resolveQuote, days } = wiring;
  if (!cards || !engineOf) return;
  const resolve = store
    ? async (id: string) => resolveEdited(id, library, await store())
    : undefined;
  const admission = {
    render: cards.render ?? inProcessRenderer(engineOf, library, new RenderGate(2, 8, 12)),
    limiter: cards.limiter,
    client: clientKey,
  };
  app.route('/', draftRoutes(library, engineOf, draftKeys, now, admission));
  app.route('/cards', cardRoutes(cards.engine, cards.cache, resolve, admission));
  const errata = store
    ? async () => new Map((await (await store()).errata()).map((e) => [e.quoteId, e]))
    : undefined;
  const pageLinks = links
    ? async () => links
    : async () => {
        const engine = await engineOf();
        return { baseUrl: engine.baseUrl, renderVersion: engine.version };
      };
  app.route('/', pageRoutes(library, pageLinks, resolve, errata));
  if (!links)
    app.route(
      '/',
      morePageRoutes({ library, links: pageLinks, resolve: resolveQuote, daily: days }),
    );
}

/** A reader who mistypes a page's address gets a page (in the site's words); clients get JSON. */
function notFound(c: Context, library: QuoteLibrary): Response | Promise<Response> {
  const path = new URL(c.req.url).pathname;
  const error = new YuluError('route_not_found', `no route ${c.req.method} ${path}`);
  const reader =
    c.req.method === 'GET' &&
    (c.req.header('Accept') ?? '').includes('text/html') &&
    !/^\/(api|cards|editor|fonts)(\/|$)/.test(path);
  return reader ? errorPage(c, error, library) : errorResponse(c, error);
}

/**
 * The Cloudflare Worker entry. The catalog and corpus are bundled as JSON modules; Satori's Yoga
 * and resvg are imported wasm modules; fonts are static assets (fonts/, not in the bundle) read
 * once per isolate on the first card request. Everything else is the runtime-free app.
 */
import catalog from '../../../quotes/catalog.json' with { type: 'json' };
import corpus from '../../../quotes/corpus.json' with { type: 'json' };
import aliases from '../../../quotes/aliases.json' with { type: 'json' };
import manifest from '../../../fonts/manifest.json' with { type: 'json' };
import yoga from 'satori/yoga.wasm';
import { CardCache } from '../../card/card-cache.ts';
import { createCardEngine, type CardEngineSource } from '../../card/engine-factory.ts';
import { AccessVerifier, closedAccess, type AccessGate } from '../../desk/access.ts';
import { signingKeys } from '../../desk/draft.ts';
import { weakTokenReason } from '../../desk/token-strength.ts';
import type { CorpusData } from '../../corpus/corpus-data.ts';
import type { FontManifest } from '../../fonts/fonts.ts';
import { DailyService } from '../../daily/service.ts';
import { createApp } from '../../http/app.ts';
import { YuluError } from '../../errors.ts';
import type { Aliases } from '../../quotes/aliases.ts';
import { QuoteLibrary } from '../../quotes/library.ts';
import type { Catalog } from '../../quotes/types.ts';
import { cacheApiStore } from './cache-store.ts';
import { d1Driver } from './d1.ts';
import { EditorialStore } from '../../desk/store.ts';
import { workerRasterizer } from './resvg-wasm.ts';
import { bindingLimiter, RenderGate, type RateLimitBinding } from '../../card/admission.ts';
import { inProcessRenderer } from '../../card/card-renderer.ts';
import { layeredStore, r2Store } from './r2-store.ts';

export interface Env {
  /** fonts/ as static assets (wrangler.toml [assets]). */
  ASSETS: WorkerFetcher;
  /** Public origin printed on cards and in share links, e.g. https://yulu.example. */
  PUBLIC_BASE_URL: string;
  /** Editorial state (D1; migrations/ applied by wrangler). */
  DB: D1Database;
  /** Secret for the editorial desk (`wrangler secret put EDITOR_TOKEN`; `.dev.vars` locally). */
  EDITOR_TOKEN?: string;
  /** Keys for signed draft cards, "id:secret,…" newest first (a secret); without it drafts are off. */
  CARD_SIGNING_KEYS?: string;
  /** The first day with a daily quote (YYYY-MM-DD, Asia/Shanghai). */
  DAILY_FIRST_DAY?: string;
  /** Rendered cards, kept for good (R2, wrangler.toml [[r2_buckets]]); absent: Cache API only. */
  CARDS?: R2Bucket;
  /** Cloudflare's Rate Limiting binding for uncached renders per client; absent: no limit. */
  RENDER_LIMITER?: RateLimitBinding;
  /**
   * Cloudflare Access in front of the desk: the team domain (`yulu.cloudflareaccess.com`) and the
   * Access application's AUD tag. With both set, editors are who Access's JWT names and tokens are
   * not used. Keys come from the team's certs URL, or from ACCESS_JWKS (a JWKS JSON; offline/tests).
   */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  ACCESS_JWKS?: string;
}

/**
 * Renders per isolate: an isolate has 128 MB for everything. Fonts, catalog, corpus and the 8 MiB
 * of byline pixels take ~40 MB; a story card at scale 2 is a 2160×3840 RGBA pixmap (33 MB) in
 * resvg-wasm's memory plus its copy in JS and our compositing buffers (~80 MB at peak), and wasm
 * memory never shrinks once grown. So the weight budget (renderCost units) admits one tall card
 * at scale 2 at a time (weight 11) or up to two smaller ones; four more may wait, then 503.
 */
const ISOLATE_GATE = new RenderGate(2, 4, 12);
/** The Rate Limiting binding's period (wrangler.toml [[ratelimits]] simple.period). */
const RATE_LIMIT_PERIOD_S = 60;

const library = new QuoteLibrary(
  catalog as unknown as Catalog,
  corpus as unknown as CorpusData,
  aliases as unknown as Aliases,
);
let cards: { baseUrl: string; source: CardEngineSource } | undefined;
/** The app and the configuration it was built from (one entry: a new configuration replaces it). */
let app: { config: string; app: ReturnType<typeof createApp> } | undefined;
let daily: DailyService | undefined;

/** One daily service per isolate: the routes and the Cron Trigger share its plan cache. */
function dailyOf(env: Env): DailyService {
  daily ??= new DailyService({
    library,
    store: async () => new EditorialStore(d1Driver(env.DB)),
    firstDay: env.DAILY_FIRST_DAY,
  });
  return daily;
}

/**
 * The isolate's card engine: fonts from the static assets, resvg-wasm, the bundled Yoga. Its links
 * carry the base URL, so a new PUBLIC_BASE_URL (a test's env, a redeploy) builds a new one.
 */
function cardsOf(env: Env): CardEngineSource {
  if (cards?.baseUrl === env.PUBLIC_BASE_URL) return cards.source;
  const source = createCardEngine({
    library,
    baseUrl: env.PUBLIC_BASE_URL,
    manifest: () => manifest as unknown as FontManifest,
    fontData: (fonts) => assetFonts(env, fonts),
    rasterizer: workerRasterizer,
    yoga: () => yoga,
    // An isolate has 128 MB for everything: keep fewer byline pixels than a Node process does.
    budgets: { bylinePixelBytes: 8 * 2 ** 20 },
    // A failed load is not remembered: the next request tries again.
    retryMs: 0,
  });
  cards = { baseUrl: env.PUBLIC_BASE_URL, source };
  return source;
}

async function assetFonts(env: Env, fonts: FontManifest): Promise<Map<string, ArrayBuffer>> {
  const data = new Map<string, ArrayBuffer>();
  await Promise.all(
    fonts.fonts.map(async (font) => {
      const response = await env.ASSETS.fetch(`https://assets.local/${font.file}`);
      if (!response.ok)
        throw new YuluError(
          'render_failed',
          `font ${font.file} is missing from the Worker's assets`,
          { status: 503 },
        );
      data.set(font.file, await response.arrayBuffer());
    }),
  );
  return data;
}

/** A weak EDITOR_TOKEN keeps the desk closed (the Worker has no start-up to refuse). */
function strongToken(token: string | undefined): string | undefined {
  const weak = token ? weakTokenReason(token) : null;
  if (!weak) return token;
  console.error(`the editorial desk is closed: ${weak}`);
  return undefined;
}

/** The one app of this isolate, built from the Worker's configuration. */
function buildApp(env: Env, source: CardEngineSource): ReturnType<typeof createApp> {
  const { engine: cardEngine, links } = source;
  return createApp({
    library,
    cards: {
      engine: cardEngine,
      cache: new CardCache(
        32 * 1024 * 1024,
        env.CARDS ? layeredStore(cacheApiStore, r2Store(env.CARDS)) : cacheApiStore,
      ),
      render: inProcessRenderer(cardEngine, library, ISOLATE_GATE),
      ...(env.RENDER_LIMITER
        ? { limiter: bindingLimiter(env.RENDER_LIMITER, RATE_LIMIT_PERIOD_S) }
        : {}),
    },
    clientKey: (c) => c.req.header('CF-Connecting-IP') ?? 'unknown',
    links,
    store: async () => new EditorialStore(d1Driver(env.DB)),
    daily: dailyOf(env),
    webFonts: async (file) => {
      const response = await env.ASSETS.fetch(`https://assets.local/web/${file}`);
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
    },
    editorToken: strongToken(env.EDITOR_TOKEN),
    access: accessOf(env),
    draftKeys: signingKeys(env.CARD_SIGNING_KEYS),
  });
}

/**
 * Cloudflare Access for the desk, when configured. Half a configuration, or a bad one, closes the
 * desk with a 503 page naming the problem (the Worker has no start-up to refuse), never opens it.
 */
function accessOf(env: Env): AccessGate | undefined {
  if (!env.ACCESS_TEAM_DOMAIN && !env.ACCESS_AUD) return undefined;
  try {
    if (!env.ACCESS_TEAM_DOMAIN || !env.ACCESS_AUD)
      throw new YuluError(
        'invalid_argument',
        'Cloudflare Access needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD',
      );
    return new AccessVerifier({
      teamDomain: env.ACCESS_TEAM_DOMAIN,
      aud: env.ACCESS_AUD,
      jwks: env.ACCESS_JWKS,
    });
  } catch (error) {
    const why = error instanceof YuluError ? error.message : 'invalid configuration';
    console.error(`the editorial desk is closed: ${why}`);
    return closedAccess(why);
  }
}

/** What the app is built from; a change (a test's env, a redeploy) builds a new one. */
function configOf(env: Env): string {
  return JSON.stringify([
    env.PUBLIC_BASE_URL,
    env.EDITOR_TOKEN,
    env.CARD_SIGNING_KEYS,
    env.ACCESS_TEAM_DOMAIN,
    env.ACCESS_AUD,
    env.ACCESS_JWKS,
  ]);
}

export default {
  fetch(request: Request, env: Env, ctx: WorkerExecutionContext): Response | Promise<Response> {
    const config = configOf(env);
    if (app?.config !== config) app = { config, app: buildApp(env, cardsOf(env)) };
    return app.app.fetch(request, env, ctx);
  },

  /**
   * The Cron Trigger (wrangler.toml: 16:00 UTC = 00:00 Asia/Shanghai): the new day goes out, and
   * any day a missed run left behind with it. Publishing is idempotent, so a retried or doubled
   * run changes nothing.
   */
  scheduled(controller: { scheduledTime: number }, env: Env, ctx: WorkerExecutionContext): void {
    const at = new Date(controller.scheduledTime);
    const job = new DailyService({
      library,
      store: async () => new EditorialStore(d1Driver(env.DB)),
      firstDay: env.DAILY_FIRST_DAY,
      now: () => at,
    });
    ctx.waitUntil(
      job.publishDue().then((written) => {
        console.log(`daily: published ${written.map((d) => d.day).join(', ') || 'nothing new'}`);
      }),
    );
  },
};

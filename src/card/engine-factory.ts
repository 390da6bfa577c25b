import { YuluError } from '../errors.ts';
import type { FontManifest } from '../fonts/fonts.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { CardEngine, renderVersion } from './engine.ts';
import { createFontBook, fontsVersion } from './fonts.ts';
import type { Rasterizer } from './ports.ts';
import type { CardBudgets } from './render-caches.ts';
import { initSatori } from './render.ts';

/** What a runtime plugs into the card engine: ports of one job each, and its budgets. */
export interface CardEngineDeps {
  library: QuoteLibrary;
  /** Absolute base URL of the public site: printed links, QR codes, the links pages give out. */
  baseUrl: string;
  /**
   * fonts/manifest.json as this runtime has it, read again at each load attempt (Node reads the
   * file, so a fixed manifest is seen without a restart; the Worker has it bundled). A manifest
   * that cannot be read throws a YuluError `render_failed` 503.
   */
  manifest: () => FontManifest;
  /** The bytes of every font the manifest lists, by file name (Node: files; Worker: assets). */
  fontData: (
    manifest: FontManifest,
  ) => ReadonlyMap<string, ArrayBuffer> | Promise<ReadonlyMap<string, ArrayBuffer>>;
  rasterizer: Rasterizer;
  /** Satori's Yoga: the compiled module (Worker: workerd cannot compile wasm at request time) or its bytes (Node). */
  yoga: () => WebAssembly.Module | ArrayBuffer | Uint8Array;
  /** What the engine may keep between renders; defaults: render-caches.ts. */
  budgets?: Partial<CardBudgets>;
  /**
   * After a failed load, every request gets the same error for this long (a fast 503), then the
   * next one loads again: fixing a font heals the service without a restart. Default 10 s.
   */
  retryMs?: number;
  /** The clock the retry window is measured by (tests). */
  now?: () => number;
}

/** What the web side links with: the public origin and the render version, read when a link is built. */
export interface EngineLinks {
  readonly baseUrl: string;
  readonly renderVersion: string;
}

/** One runtime's card engine: loaded on first use, its render version known before that. */
export interface CardEngineSource {
  /** The engine, loaded once and kept; a failure is answered for `retryMs`, then retried. */
  readonly engine: () => Promise<CardEngine>;
  /**
   * The render version cards are drawn at: the loaded engine's, or (before it loads, or while it
   * cannot) the one the manifest names. The single source for card URLs' `v=`.
   */
  readonly version: string;
  /** Links whose render version follows `version` (so a healed font moves page links too). */
  readonly links: EngineLinks;
}

const DEFAULT_RETRY_MS = 10_000;

/**
 * The render version a manifest names, before any font is loaded: the same derivation the engine
 * stamps (`renderVersion(fonts.version)`). While the manifest cannot be read, cards answer 503
 * and the version says the fonts are unavailable.
 */
function versionOf(manifest: FontManifest | undefined): string {
  return renderVersion(manifest ? fontsVersion(manifest) : 'fonts-unavailable');
}

/** The render version of the manifest `read` returns now (a tool's or test's question). */
export function manifestRenderVersion(read: () => FontManifest): string {
  let manifest: FontManifest | undefined;
  try {
    manifest = read();
  } catch {
    // unreadable: the version says so
  }
  return versionOf(manifest);
}

/**
 * The one place a card engine is assembled: the runtime gives its ports (fonts, rasterizer,
 * Yoga), the factory owns Satori's initialisation, the font book, the engine's caches, the
 * lazy load with its retry policy, and the render version.
 *
 * @example
 * const cards = createCardEngine({ library, baseUrl, manifest, fontData, rasterizer, yoga });
 * createApp({ library, cards: { engine: cards.engine }, links: cards.links });
 */
export function createCardEngine(deps: CardEngineDeps): CardEngineSource {
  const retryMs = deps.retryMs ?? DEFAULT_RETRY_MS;
  const now = deps.now ?? Date.now;
  let version: string | undefined;
  let satori: Promise<void> | undefined;
  let loading: Promise<CardEngine> | undefined;
  let failedAt: number | undefined;

  /** Reads the manifest and records the version it names (or that it cannot be read). */
  const readManifest = (): FontManifest => {
    let manifest: FontManifest | undefined;
    try {
      manifest = deps.manifest();
      return manifest;
    } finally {
      version = versionOf(manifest);
    }
  };

  const load = async (): Promise<CardEngine> => {
    const manifest = readManifest();
    satori ??= Promise.resolve()
      .then(() => initSatori(deps.yoga()))
      .catch((error: unknown) => {
        satori = undefined;
        throw new YuluError(
          'render_failed',
          `Satori's layout engine did not start: ${String(error)}`,
          {
            status: 503,
            cause: error,
          },
        );
      });
    await satori;
    const fonts = createFontBook(manifest, await deps.fontData(manifest));
    const { library, rasterizer, baseUrl, budgets } = deps;
    return new CardEngine({ library, fonts, rasterizer, baseUrl, ...(budgets ? { budgets } : {}) });
  };

  const source: CardEngineSource = {
    engine: () => {
      if (!loading || (failedAt !== undefined && now() - failedAt >= retryMs)) {
        failedAt = undefined;
        const attempt = load();
        loading = attempt;
        attempt.catch(() => {
          if (loading === attempt) failedAt = now();
        });
      }
      return loading;
    },
    get version() {
      if (version === undefined)
        try {
          readManifest();
        } catch {
          // recorded as unavailable; cards answer 503 until the manifest can be read
        }
      return version as string;
    },
    links: {
      baseUrl: deps.baseUrl,
      get renderVersion() {
        return source.version;
      },
    },
  };
  return source;
}

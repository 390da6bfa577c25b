import type { QuoteLibrary, ResolvedQuote } from '../quotes/library.ts';
import { contentHash } from '../text/hash.ts';
import { convertScript, DISPLAY_SCRIPTS } from '../text/script.ts';
import { cardVersion, type CardContent } from './card-version.ts';
import type { CardModel } from './compose.ts';
import type { FontBook } from './font-book.ts';
import { renderCardPng, renderCardSvg, type StageTimes, type Rasterizer } from './render.ts';
import { createRenderCaches, type CardBudgets, type RenderCaches } from './render-caches.ts';
import { canonicalQuery, type CardSpec } from './spec.ts';
import { CARD_SIZES, CARD_THEMES, cardSize, cardTheme } from './templates.ts';

/** Bump when the card's design or typesetting changes in a way that changes pixels. */
export const RENDERER_VERSION = 'card-2';

/**
 * The render version: changes whenever the pixels of any card could (renderer, templates, fonts).
 * The one derivation: an engine stamps `renderVersion(fonts.version)`, and its factory
 * (engine-factory.ts) answers the same from the manifest before the fonts are loaded.
 */
export function renderVersion(fontsVersion: string): string {
  return contentHash(
    [RENDERER_VERSION, JSON.stringify(CARD_SIZES), JSON.stringify(CARD_THEMES), fontsVersion].join(
      '\n',
    ),
  ).slice(0, 10);
}

/** The card request lives in spec.ts; re-exported for existing callers. */
export { canonicalQuery, cardSpec, type CardRequest, type CardSpec } from './spec.ts';

/**
 * A card's path carrying its content version (`v=`, see card-version.ts): safe to cache forever.
 * `content` is the quote as it is shown (an editor's trim or erratum applied) with its document.
 */
export function cardPath(
  content: CardContent,
  spec: CardSpec,
  format: 'png' | 'svg',
  renderVersion: string,
): string {
  return `/cards/${content.quote.id}.${format}?${canonicalQuery(spec)}&v=${cardVersion(renderVersion, content)}`;
}

export interface CardEngineOptions {
  library: QuoteLibrary;
  fonts: FontBook;
  rasterizer: Rasterizer;
  /** Absolute base URL of the public site, e.g. `https://yulu.example`; permalinks are `{base}/q/{id}`. */
  baseUrl: string;
  /** What this engine may keep between renders (render-caches.ts); defaults: Node's. */
  budgets?: Partial<CardBudgets>;
  /** Phrase-aware line breaking (compose.ts `CardOptions.phrases`); off only in the bench. */
  phrases?: boolean;
}

/**
 * Quote ID + spec → SVG or PNG. The only text a card can show is the catalog's (the engine takes
 * an ID, never text). Runtime-free: fonts and the rasterizer come from the runtime. Runtimes get
 * one from `createCardEngine` (engine-factory.ts), which also initialises Satori; whoever builds
 * one by hand (tests, the bench) calls `initSatori` first.
 */
export class CardEngine {
  /** Changes whenever the pixels of any card could change: renderer, templates, fonts. */
  readonly version: string;
  /** This engine's own caches (bylines, byline pixels, QR codes): never shared with another. */
  readonly caches: RenderCaches;

  constructor(private readonly options: CardEngineOptions) {
    this.version = renderVersion(options.fonts.version);
    this.caches = createRenderCaches(options.budgets);
  }

  /**
   * The canonical query of a spec: every field, fixed order. Equivalent requests share one cache
   * entry and one ETag however their query strings were written.
   */
  canonicalQuery(spec: CardSpec): string {
    return canonicalQuery(spec);
  }

  /** The card's current versioned path (`v=`): safe to cache forever. `resolved`: see svg(). */
  cardPath(id: string, spec: CardSpec, format: 'png' | 'svg', resolved?: ResolvedQuote): string {
    return cardPath(resolved ?? this.options.library.resolve(id), spec, format, this.version);
  }

  /** The `v=` a card URL must carry to be immutable (card-version.ts). */
  contentVersion(id: string, resolved?: ResolvedQuote): string {
    return cardVersion(this.version, resolved ?? this.options.library.resolve(id));
  }

  /**
   * A strong ETag: changes when the render version (renderer, templates, fonts) or the quote's
   * text changes, and differs per format and spec.
   */
  etag(id: string, spec: CardSpec, format: 'png' | 'svg', resolved?: ResolvedQuote): string {
    const quote = (resolved ?? this.options.library.resolve(id)).quote;
    const flags = quote.flags.join(',');
    return `"${this.version}-${contentHash(`${id}\n${quote.text}\n${flags}\n${format}\n${this.canonicalQuery(spec)}`)}"`;
  }

  /**
   * Characters of `text` that some card face cannot draw in some script (after conversion):
   * text an editor may not put on a card (errata are checked with this; no tofu, ever).
   */
  uncovered(text: string): string[] {
    const missing = new Set<string>();
    for (const theme of CARD_THEMES) {
      for (const script of DISPLAY_SCRIPTS) {
        const face = this.options.fonts.typeface(theme.face, script, theme.quoteWeight);
        for (const char of convertScript(text, 'hans', script))
          if (!/\s/u.test(char) && !face.covers(char)) missing.add(char);
      }
    }
    return [...missing];
  }

  /** Where cards' printed links and QR codes point. */
  get baseUrl(): string {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  permalink(id: string): string {
    return `${this.baseUrl}/q/${id}`;
  }

  /** `resolved` carries an editor's trim or erratum; by default the catalog's quote is used. */
  async svg(
    id: string,
    spec: CardSpec,
    resolved?: ResolvedQuote,
  ): Promise<{ svg: string; model: CardModel }> {
    return renderCardSvg(
      resolved ?? this.options.library.resolve(id),
      this.cardOptions(id, spec),
      this.options.fonts,
      this.caches,
    );
  }

  async png(
    id: string,
    spec: CardSpec,
    given?: ResolvedQuote,
    stages?: StageTimes,
  ): Promise<{ png: Uint8Array; model: CardModel }> {
    const resolved = given ?? this.options.library.resolve(id);
    return renderCardPng(
      resolved,
      { ...this.cardOptions(id, spec), scale: spec.scale },
      this.options.fonts,
      this.options.rasterizer,
      stages,
      this.caches,
    );
  }

  private cardOptions(id: string, spec: CardSpec) {
    return {
      size: cardSize(spec.size),
      theme: cardTheme(spec.theme),
      script: spec.script,
      permalink: this.permalink(id),
      layout: spec.layout ?? 'horizontal',
      ...(this.options.phrases === false ? { phrases: false } : {}),
    };
  }
}

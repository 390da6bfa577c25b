import { LRUCache } from 'lru-cache';
import { createBylinePixels, type BylinePixels } from './byline-raster.ts';
import type { QrCache, QrPath } from './qr.ts';

/**
 * How much an engine may keep between renders. Every cache is an engine's own (created with it,
 * dropped with it): two engines never share one, and nothing is kept at module level.
 */
export interface CardBudgets {
  /** Byline SVG fragments (a few KB each), one per speaker × document × size × theme × script. */
  bylines: number;
  /** Bytes of premultiplied byline pixels (the Worker keeps less: an isolate has 128 MB). */
  bylinePixelBytes: number;
  /** Encoded QR codes (one per permalink). */
  qrCodes: number;
}

export const DEFAULT_CARD_BUDGETS: CardBudgets = {
  bylines: 256,
  bylinePixelBytes: 24 * 2 ** 20,
  qrCodes: 128,
};

/** An engine's caches: byline SVG fragments, byline pixels, QR code paths. */
export interface RenderCaches {
  bylines: LRUCache<string, string>;
  bylinePixels: BylinePixels;
  qrCodes: QrCache;
}

export function createRenderCaches(budgets: Partial<CardBudgets> = {}): RenderCaches {
  const { bylines, bylinePixelBytes, qrCodes } = { ...DEFAULT_CARD_BUDGETS, ...budgets };
  return {
    bylines: new LRUCache<string, string>({ max: bylines }),
    bylinePixels: createBylinePixels(bylinePixelBytes),
    qrCodes: new LRUCache<string, QrPath>({ max: qrCodes }),
  };
}

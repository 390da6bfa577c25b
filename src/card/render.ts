import satori, { init as initSatoriWasm } from 'satori/standalone';
import { YuluError } from '../errors.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import { composeCard, type CardModel, type CardOptions } from './compose.ts';
import type { FontBook } from './font-book.ts';
import { encodePalettePng, type Deflate } from './png/encode.ts';
import type { CardScale } from './templates.ts';
import { cardTree } from './tree.ts';

/**
 * The rasterizer port: SVG in, opaque RGBA pixels out, at `width` px. Node plugs in
 * @resvg/resvg-js, the Worker @resvg/resvg-wasm; both receive SVG whose text is already outlines
 * (Satori draws glyphs as paths), so neither needs fonts. PNG encoding is Yulu's own (png/), so
 * both runtimes write the same small palette PNGs.
 */
export interface Rasterizer {
  rgba(svg: string, width: number): Promise<{ data: Uint8Array; width: number; height: number }>;
  /** The runtime's fastest zlib deflate, if it has one better than CompressionStream. */
  deflate?: Deflate;
}

let satoriReady: Promise<void> | undefined;

/**
 * Satori's layout engine (Yoga) is WebAssembly, initialised once per process or isolate from a
 * compiled module or bytes the runtime provides (workerd forbids compiling wasm from bytes at
 * request time, so the Worker passes the module it imported).
 */
export function initSatori(yoga: WebAssembly.Module | ArrayBuffer | Uint8Array): Promise<void> {
  satoriReady ??= initSatoriWasm(yoga as never);
  return satoriReady;
}

export interface RenderedSvg {
  svg: string;
  model: CardModel;
}

export async function renderCardSvg(
  resolved: ResolvedQuote,
  options: CardOptions,
  fonts: FontBook,
): Promise<RenderedSvg> {
  if (!satoriReady)
    throw new YuluError(
      'render_failed',
      'the card renderer is not initialised (initSatori was not called)',
    );
  await satoriReady;
  const model = composeCard(resolved, options, fonts);
  const svg = await satori(cardTree(model) as never, {
    width: model.width,
    height: model.height,
    fonts: fonts.satoriFonts as never,
  });
  return { svg, model };
}

export async function renderCardPng(
  resolved: ResolvedQuote,
  options: CardOptions & { scale: CardScale },
  fonts: FontBook,
  rasterizer: Rasterizer,
): Promise<{ png: Uint8Array; model: CardModel }> {
  const { svg, model } = await renderCardSvg(resolved, options, fonts);
  let image: { data: Uint8Array; width: number; height: number };
  try {
    image = await rasterizer.rgba(svg, model.width * options.scale);
  } catch (cause) {
    throw new YuluError('render_failed', `the rasterizer failed: ${(cause as Error).message}`, {
      cause,
    });
  }
  return {
    png: await encodePalettePng(image.data, image.width, image.height, rasterizer.deflate),
    model,
  };
}

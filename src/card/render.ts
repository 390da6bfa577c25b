import satori, { init as initSatoriWasm } from 'satori/standalone';
import { YuluError } from '../errors.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import { composeCard, type CardModel, type CardOptions } from './compose.ts';
import type { FontBook } from './font-book.ts';
import { encodePalettePng, type Deflate } from './png/encode.ts';
import type { CardScale } from './templates.ts';
import { QR_PLACEHOLDER_FILL, qrSvg } from './qr.ts';
import { cardTree, qrColours, type CardLayer } from './tree.ts';

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
  const draw = (layer: CardLayer) =>
    satori(cardTree(model, layer) as never, {
      width: model.width,
      height: model.height,
      fonts: fonts.satoriFonts as never,
    });
  const [quote, byline] = await Promise.all([
    draw('quote'),
    bylineLayer(model, fonts, () => draw('byline')),
  ]);
  return { svg: withQrCode(quote, model).replace(/<\/svg>\s*$/, `${byline}</svg>`), model };
}

/** Replaces the QR placeholder box Satori laid out with the QR code itself. */
function withQrCode(svg: string, model: CardModel): string {
  const placeholder = new RegExp(
    `<rect x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="[\\d.]+" fill="${QR_PLACEHOLDER_FILL}"/>`,
  );
  const box = placeholder.exec(svg);
  if (!box)
    throw new YuluError(
      'render_failed',
      'the layout lost the QR code box; the card would be unlinked',
    );
  const [, x, y, size] = box.map(Number) as [number, number, number, number];
  return svg.replace(box[0], qrSvg(model.link.url, x, y, size, qrColours(model)));
}

/**
 * The byline layer (brand, speaker, credit, source, note) is the same for every quote of a speaker
 * in a document at one size, theme and script: drawn once, kept, and laid over each quote layer.
 * Its Satori ids are renamed so they cannot collide with the quote layer's.
 */
const bylines = new Map<string, string>();
const MAX_BYLINES = 256;

async function bylineLayer(
  model: CardModel,
  fonts: FontBook,
  draw: () => Promise<string>,
): Promise<string> {
  const key = JSON.stringify([
    fonts.version,
    model.width,
    model.height,
    model.theme,
    model.lang,
    model.padding,
    model.brand,
    model.speaker,
    model.credit,
    model.source,
    model.note,
    model.footer,
    model.gap,
    model.meta.family,
    model.metaBold.family,
  ]);
  let layer = bylines.get(key);
  if (layer === undefined) {
    const svg = await draw();
    layer = svg
      .replace(/^<svg[^>]*>/, '')
      .replace(/<\/svg>\s*$/, '')
      .replaceAll('satori_', 'yulu_byline_');
    if (bylines.size >= MAX_BYLINES) bylines.delete(bylines.keys().next().value as string);
    bylines.set(key, layer);
  }
  return layer;
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

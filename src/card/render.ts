import satori, { init as initSatoriWasm } from 'satori/standalone';
import { YuluError } from '../errors.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import { bylinePatches, compositeOver } from './byline-raster.ts';
import { composeCard, type CardModel, type CardOptions } from './compose.ts';
import type { FontBook } from './font-book.ts';
import { encodePalettePng } from './png/encode.ts';
import type { Rasterizer } from './ports.ts';
import { createRenderCaches, type RenderCaches } from './render-caches.ts';
import type { CardScale } from './templates.ts';
import { QR_PLACEHOLDER_FILL, qrSvg } from './qr.ts';
import { cardTree, qrColours, type CardLayer } from './tree.ts';

/** Re-exported for the runtimes that implement it; defined in ports.ts. */
export type { Rasterizer } from './ports.ts';

/**
 * Satori's layout engine (Yoga) is WebAssembly, initialised from a compiled module or bytes the
 * runtime provides (workerd forbids compiling wasm from bytes at request time, so the Worker
 * passes the module it imported). Satori keeps the instance itself; the engine factory
 * (engine-factory.ts) calls this once per engine before its first render, and whoever assembles
 * a CardEngine by hand (tests, the bench) calls it first.
 */
export function initSatori(yoga: WebAssembly.Module | ArrayBuffer | Uint8Array): Promise<void> {
  return initSatoriWasm(yoga as never);
}

export interface RenderedSvg {
  svg: string;
  model: CardModel;
}

/** A card's two layers: the quote layer as a whole SVG, the byline as a fragment and its key. */
interface CardLayers {
  model: CardModel;
  quote: string;
  byline: { key: string; svg: string };
}

async function drawLayers(
  resolved: ResolvedQuote,
  options: CardOptions,
  fonts: FontBook,
  caches: RenderCaches,
): Promise<CardLayers> {
  const model = composeCard(resolved, options, fonts, caches.qrCodes);
  const draw = (layer: CardLayer) =>
    satori(cardTree(model, layer) as never, {
      width: model.width,
      height: model.height,
      fonts: fonts.satoriFonts as never,
    });
  const [quote, byline] = await Promise.all([
    draw('quote'),
    bylineLayer(caches.bylines, model, fonts, () => draw('byline')),
  ]);
  return { model, quote: withQrCode(quote, model, caches), byline };
}

/** `caches`: the engine's (render-caches.ts); without them nothing is kept between calls. */
export async function renderCardSvg(
  resolved: ResolvedQuote,
  options: CardOptions,
  fonts: FontBook,
  caches: RenderCaches = createRenderCaches(),
): Promise<RenderedSvg> {
  const { model, quote, byline } = await drawLayers(resolved, options, fonts, caches);
  return { svg: quote.replace(/<\/svg>\s*$/, `${byline.svg}</svg>`), model };
}

/** Replaces the QR placeholder box Satori laid out with the QR code itself (if the card has one). */
function withQrCode(svg: string, model: CardModel, caches: RenderCaches): string {
  if (model.link.qrSize === 0) return svg;
  // Found by its unique fill, then its own <rect …/> is read: cheaper than a regex over the SVG.
  const tail = `fill="${QR_PLACEHOLDER_FILL}"/>`;
  const fill = svg.indexOf(tail);
  const start = fill < 0 ? -1 : svg.lastIndexOf('<rect ', fill);
  const box = start < 0 ? null : PLACEHOLDER.exec(svg.slice(start, fill));
  if (!box)
    throw new YuluError(
      'render_failed',
      'the layout lost the QR code box; the card would be unlinked',
    );
  const [, x, y, size] = box.map(Number) as [number, number, number, number];
  const qr = qrSvg(model.link.url, x, y, size, qrColours(model), caches.qrCodes);
  return `${svg.slice(0, start)}${qr}${svg.slice(fill + tail.length)}`;
}
const PLACEHOLDER = /^<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" $/;

/**
 * The byline layer (brand, speaker, credit, source, note) is the same for every quote of a speaker
 * in a document at one size, theme and script: drawn once, kept, and laid over each quote layer.
 * Its Satori ids are renamed so they cannot collide with the quote layer's.
 */
async function bylineLayer(
  bylines: RenderCaches['bylines'],
  model: CardModel,
  fonts: FontBook,
  draw: () => Promise<string>,
): Promise<{ key: string; svg: string }> {
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
    model.draftBand,
    model.headerHeight,
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
    bylines.set(key, layer);
  }
  return { key, svg: layer };
}

export async function renderCardPng(
  resolved: ResolvedQuote,
  options: CardOptions & { scale: CardScale },
  fonts: FontBook,
  rasterizer: Rasterizer,
  /** Filled with each stage's milliseconds when given (the benchmark's breakdown). */
  stages?: StageTimes,
  caches: RenderCaches = createRenderCaches(),
): Promise<{ png: Uint8Array; model: CardModel }> {
  const t0 = performance.now();
  const { model, quote, byline } = await drawLayers(resolved, options, fonts, caches);
  const t1 = performance.now();
  const width = model.width * options.scale;
  // The quote layer is rasterised per card; the byline's pixels are kept and laid over it.
  const bylineSvg = () => `${/^<svg[^>]*>/.exec(quote)?.[0] ?? ''}${byline.svg}</svg>`;
  let image: { data: Uint8Array; width: number; height: number };
  try {
    const [layer, patches] = await Promise.all([
      rasterizer.rgba(quote, width),
      bylinePatches(caches.bylinePixels, rasterizer, byline.key, bylineSvg, width),
    ]);
    image = layer;
    for (const patch of patches) compositeOver(image.data, image.width, patch);
  } catch (cause) {
    throw new YuluError('render_failed', `the rasterizer failed: ${(cause as Error).message}`, {
      cause,
    });
  }
  const t2 = performance.now();
  const png = await encodePalettePng(image.data, image.width, image.height, rasterizer.deflate);
  if (stages) {
    stages.layout = t1 - t0;
    stages.raster = t2 - t1;
    stages.encode = performance.now() - t2;
  }
  return { png, model };
}

/** Where a PNG render's time went: compose + Satori, rasterising + compositing, PNG encoding. */
export interface StageTimes {
  layout: number;
  raster: number;
  encode: number;
}

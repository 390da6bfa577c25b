/**
 * The card core's ports: what a runtime plugs in. Kept apart from the stages that use them so
 * no stage imports another only for a type (render.ts and byline-raster.ts were such a cycle).
 */
export type { FontBook, FontWeight, SatoriFont, Typeface } from './font-book.ts';

/**
 * The rasterizer port: SVG in, premultiplied RGBA pixels out, at `width` px (opaque where the
 * SVG paints a background, as a card's quote layer does; its byline layer is transparent). Node
 * plugs in @resvg/resvg-js, the Worker @resvg/resvg-wasm; both receive SVG whose text is outlines
 * (Satori draws glyphs as paths), so neither needs fonts. PNG encoding is Yulu's own (png/), so
 * both runtimes write the same small palette PNGs.
 */
export interface Rasterizer {
  rgba(svg: string, width: number): Promise<{ data: Uint8Array; width: number; height: number }>;
  /** The runtime's fastest zlib deflate, if it has one better than CompressionStream. */
  deflate?: Deflate;
}

/** zlib-wrapped deflate. The default is the standard CompressionStream (Node and workerd); Node
 * passes its zlib, which skips the stream plumbing (about 4 ms a card). */
export type Deflate = (data: Uint8Array<ArrayBuffer>) => Promise<Uint8Array> | Uint8Array;

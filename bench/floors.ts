/**
 * Floors: what no card renderer can beat on this machine. Rasterising the finished SVG alone
 * (resvg-js and resvg-wasm, with Yulu's options), and encoding a blank card-sized image as a
 * palette PNG (Yulu's encoder with Node's zlib, and with the default CompressionStream).
 */
import { Resvg } from '@resvg/resvg-js';
import { Resvg as ResvgWasm } from '@resvg/resvg-wasm';
import { encodePalettePng } from '../src/card/png/encode.ts';
import { resvgRasterizer } from '../src/runtime/node/resvg.ts';
import { resvgWasmReady } from './resvg-wasm.ts';

const options = (width: number) => ({
  fitTo: { mode: 'width' as const, value: width },
  font: { loadSystemFonts: false },
});

/** resvg-js: parse + render to pixels, nothing else. */
export function rasterJs(svg: string, width: number): number {
  const t0 = performance.now();
  new Resvg(svg, options(width)).render();
  return performance.now() - t0;
}

/** resvg-wasm: parse + render to pixels, native memory freed. */
export async function rasterWasm(svg: string, width: number): Promise<number> {
  await resvgWasmReady();
  const t0 = performance.now();
  const resvg = new ResvgWasm(svg, options(width));
  resvg.render().free();
  resvg.free();
  return performance.now() - t0;
}

const blanks = new Map<string, Uint8Array>();

/** A flat card-coloured image of the card's size, encoded by Yulu's palette PNG encoder. */
export async function encodeBlank(
  width: number,
  height: number,
  deflate: 'zlib' | 'streams',
): Promise<{ ms: number; bytes: number }> {
  const key = `${width}x${height}`;
  let rgba = blanks.get(key);
  if (!rgba) {
    rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < rgba.length; i += 4) rgba.set([0xf6, 0xf1, 0xe7, 0xff], i);
    blanks.set(key, rgba);
  }
  const t0 = performance.now();
  const png = await encodePalettePng(
    rgba,
    width,
    height,
    deflate === 'zlib' ? resvgRasterizer.deflate : undefined,
  );
  return { ms: performance.now() - t0, bytes: png.length };
}

import { initWasm, Resvg } from '@resvg/resvg-wasm';
import resvgModule from '@resvg/resvg-wasm/index_bg.wasm';
import type { Rasterizer } from '../../card/render.ts';

let ready: Promise<void> | undefined;

/**
 * The Worker's rasterizer: resvg compiled to wasm, imported as a module (workerd cannot compile
 * wasm from bytes at run time) and initialised once per isolate. Native memory is freed at once.
 */
export const resvgWasmRasterizer: Rasterizer = {
  async rgba(svg, width) {
    ready ??= initWasm(resvgModule);
    await ready;
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'width', value: width },
      font: { loadSystemFonts: false },
    });
    try {
      const image = resvg.render();
      const result = { data: image.pixels, width: image.width, height: image.height };
      image.free();
      return result;
    } finally {
      resvg.free();
    }
  },
};

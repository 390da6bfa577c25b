import { renderAsync } from '@resvg/resvg-js';
import { constants, deflateSync } from 'node:zlib';
import type { Rasterizer } from '../../card/render.ts';

/**
 * Node's rasterizer: resvg-js. System font loading is off (Satori already turned every glyph into
 * a path; scanning system fonts costs 40–60 ms a render). `renderAsync` runs off the main thread
 * and frees native pixmaps promptly; a synchronous loop grows memory (resvg-js #216).
 */
export const resvgRasterizer: Rasterizer = {
  async rgba(svg, width) {
    const image = await renderAsync(svg, {
      fitTo: { mode: 'width', value: width },
      font: { loadSystemFonts: false },
    });
    return { data: image.pixels, width: image.width, height: image.height };
  },
  // Run-length strategy: palette cards are long runs of one index; 4× faster than the default
  // strategy for ~12% more bytes (measured: OG 1.4 ms / 30.6 KB against 6.4 ms / 26.8 KB).
  deflate: (data) => deflateSync(data, { level: 6, strategy: constants.Z_RLE }),
};

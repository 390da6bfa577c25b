import { renderAsync } from '@resvg/resvg-js';
import { deflateSync } from 'node:zlib';
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
  deflate: (data) => deflateSync(data, { level: 6 }),
};

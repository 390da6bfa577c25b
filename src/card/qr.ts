import type { LRUCache } from 'lru-cache';
import { encode } from 'uqr';

/**
 * The QR code to a card's permalink, drawn as plain SVG that render.ts puts where the layout left
 * a placeholder box (Satori would wrap an inline SVG in a data-URI image that the rasterizer then
 * has to decode and draw separately). Error correction M survives a card being photographed or
 * slightly compressed; the standard four-module quiet zone sits inside the box, in the light colour
 * whatever the theme, so a dark card does not eat into it.
 */
export const QR_QUIET_MODULES = 4;

/** The placeholder's fill: a colour no theme uses, so render.ts can find the box Satori laid out. */
export const QR_PLACEHOLDER_FILL = '#010203';

export interface QrColours {
  dark: string;
  light: string;
}

/** The QR code for `url` as an SVG group filling the square at (x, y) of side `size` px. */
export function qrSvg(
  url: string,
  x: number,
  y: number,
  size: number,
  colours: QrColours,
  cache?: QrCache,
): string {
  const { d, modules } = qrModules(url, cache);
  const box = modules + QR_QUIET_MODULES * 2;
  const scale = size / box;
  return `<g transform="translate(${x} ${y}) scale(${scale})" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="${colours.light}"/><path transform="translate(${QR_QUIET_MODULES} ${QR_QUIET_MODULES})" d="${d}" fill="${colours.dark}"/></g>`;
}

/** A QR code's module path (unit squares, no quiet zone) and its width in modules. */
export interface QrPath {
  d: string;
  modules: number;
}

/**
 * Encoding a QR code costs about a millisecond; a card's URL is the same in every size, theme and
 * script, which is how cards are asked for (a permalink page lists them all), so an engine keeps
 * a few recent codes (render-caches.ts). Without a cache the code is encoded afresh.
 */
export type QrCache = LRUCache<string, QrPath>;

/** The module path of `url`'s QR code and its width in modules, from `cache` when it holds it. */
export function qrModules(url: string, cache?: QrCache): QrPath {
  let path = cache?.get(url);
  if (!path) {
    path = encodeQr(url);
    cache?.set(url, path);
  }
  return path;
}

/**
 * Each row's runs of dark modules are one rectangle, and the path is joined into one flat string
 * (built with +=, it would be kept as a rope of hundreds of pieces).
 */
function encodeQr(url: string): QrPath {
  const { data, size } = encode(url, { ecc: 'M', border: 0 });
  const runs: string[] = [];
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      runs.push(`M${x} ${y}h${run}v1h-${run}z`);
      x += run - 1;
    }
  });
  return { d: runs.join(''), modules: size };
}

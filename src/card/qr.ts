import { encode } from 'uqr';
import type { SatoriElement } from './element.ts';

/**
 * A QR code as an inline SVG element: one path of unit squares on a module grid, crisp at any
 * scale. Error correction M survives a card being photographed or slightly compressed.
 */
export function qrElement(url: string, sizePx: number, dark: string, light: string): SatoriElement {
  const { d, size } = qrPath(url);
  const quiet = 2;
  const box = size + quiet * 2;
  return {
    type: 'svg',
    props: {
      width: sizePx,
      height: sizePx,
      viewBox: `${-quiet} ${-quiet} ${box} ${box}`,
      shapeRendering: 'crispEdges',
      children: [
        { type: 'rect', props: { x: -quiet, y: -quiet, width: box, height: box, fill: light } },
        { type: 'path', props: { d, fill: dark } },
      ],
    },
  };
}

/** Encoding a QR code costs about a millisecond; a card's URL is the same in every size and theme. */
const paths = new Map<string, { d: string; size: number }>();
const MAX_CACHED = 512;

function qrPath(url: string): { d: string; size: number } {
  let path = paths.get(url);
  if (!path) {
    const { data, size } = encode(url, { ecc: 'M', border: 0 });
    let d = '';
    data.forEach((row, y) => {
      row.forEach((on, x) => {
        if (on) d += `M${x} ${y}h1v1h-1z`;
      });
    });
    path = { d, size };
    if (paths.size >= MAX_CACHED) paths.delete(paths.keys().next().value as string);
    paths.set(url, path);
  }
  return path;
}

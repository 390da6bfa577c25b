/**
 * Do the peers draw the same card? Takumi lays the tree out with its own engine, so compare its
 * pixels with Yulu's (resvg-js) on one card per case: the share of pixels whose largest channel
 * difference exceeds 24/255 (the golden-image tolerance in test/card/golden.test.ts), and the
 * share with no such match within one pixel either way (anti-aliasing and sub-pixel glyph
 * positions excluded, so what remains is layout: a line broken or placed differently).
 * The Satori peers draw Yulu's tree with Satori and resvg too, so they are not compared.
 */
import { resvgRasterizer } from '../src/runtime/node/resvg.ts';
import type { Contestants } from './compare.ts';
import { prepareCard } from './compare.ts';
import type { BenchCase } from './cards.ts';
import type { takumi } from './peers/takumi.ts';

export interface Fidelity {
  case: string;
  quote: string;
  /** Share of pixels differing by more than 24/255 in some channel. */
  differing: number;
  /** Share of pixels with no pixel within 24/255 in the other image within ±1 px. */
  beyondOnePixel: number;
}

const TOLERANCE = 24;

function close(a: Uint8Array, i: number, b: Uint8Array, j: number): boolean {
  for (let k = 0; k < 3; k++) if (Math.abs(a[i + k]! - b[j + k]!) > TOLERANCE) return false;
  return true;
}

export async function measureFidelity(
  c: Contestants,
  peer: Awaited<ReturnType<typeof takumi>>,
  cases: BenchCase[],
): Promise<Fidelity[]> {
  const out: Fidelity[] = [];
  for (const benchCase of cases) {
    const quote = benchCase.quotes[0]!;
    const card = await prepareCard(c, quote, benchCase.spec);
    const mine = await resvgRasterizer.rgba(card.svg, card.model.width);
    const theirs = await peer.raw(card.tree, card.model.width, card.model.height);
    const { width, height } = mine;
    let differing = 0;
    let beyond = 0;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (close(mine.data, i, theirs, i)) continue;
        differing++;
        let near = false;
        for (let dy = -1; dy <= 1 && !near; dy++)
          for (let dx = -1; dx <= 1 && !near; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy >= 0 && yy < height && xx >= 0 && xx < width)
              near = close(mine.data, i, theirs, (yy * width + xx) * 4);
          }
        if (!near) beyond++;
      }
    const pixels = width * height;
    out.push({
      case: benchCase.name,
      quote: quote.id,
      differing: differing / pixels,
      beyondOnePixel: beyond / pixels,
    });
  }
  return out;
}

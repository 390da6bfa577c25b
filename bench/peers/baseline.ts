/**
 * The common baseline, built the way @vercel/og and workers-og build a card: Satori (the default
 * entry, Yoga bundled) with the fonts passed on every call as fresh copies (nothing cached between
 * requests), then @resvg/resvg-wasm with default options and its own `asPng()`. Same element tree
 * and same font files as Yulu's card.
 */
import { Resvg } from '@resvg/resvg-wasm';
import satori from 'satori';
import type { SatoriElement } from '../../src/card/element.ts';
import type { PeerFont } from '../cards.ts';
import { resvgWasmReady } from '../resvg-wasm.ts';

export async function baseline(fonts: PeerFont[]) {
  await resvgWasmReady();
  return {
    async render(tree: SatoriElement, width: number, height: number): Promise<Uint8Array> {
      const svg = await satori(tree as never, {
        width,
        height,
        fonts: fonts.map((f) => ({
          name: f.name,
          weight: f.weight,
          style: 'normal' as const,
          data: new Uint8Array(f.bytes).buffer,
        })),
      });
      const resvg = new Resvg(svg);
      const image = resvg.render();
      const png = image.asPng();
      image.free();
      resvg.free();
      return png;
    },
  };
}

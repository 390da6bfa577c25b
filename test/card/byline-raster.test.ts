import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compositeOver, cropToPatches } from '../../src/card/byline-raster.ts';
import type { CardEngine } from '../../src/card/engine.ts';
import { encodePalettePng } from '../../src/card/png/encode.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { resvgRasterizer } from '../../src/runtime/node/resvg.ts';
import { decodePng, pixelDifference } from '../support/png.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let engine: CardEngine;

beforeAll(async () => {
  engine = await createNodeCardEngine(library, 'https://yulu.example');
});

describe('the byline drawn once and laid over each card', () => {
  it('gives the same pixels as rasterising the whole card at once', async () => {
    const quotes = [catalog.quotes[3]!, catalog.quotes[200]!, catalog.quotes.at(-2)!];
    const specs = [
      { size: 'og', theme: 'paper', script: 'hans', scale: 1 },
      { size: 'story', theme: 'ink', script: 'tw', scale: 1 },
      { size: 'square', theme: 'yulu', script: 'hk', scale: 2 },
      { size: 'portrait', theme: 'kai', script: 'hant', scale: 1 },
    ] as const;
    for (const quote of quotes)
      for (const spec of specs) {
        // Twice: the first draws the byline, the second lays the kept pixels over the card.
        for (const round of [1, 2]) {
          const layered = decodePng((await engine.png(quote.id, spec)).png);
          const { svg, model } = await engine.svg(quote.id, spec);
          const whole = await resvgRasterizer.rgba(svg, model.width * spec.scale);
          const quantized = decodePng(
            await encodePalettePng(whole.data, whole.width, whole.height),
          );
          const label = `${quote.id} ${spec.size}/${spec.theme}/${spec.script}@${spec.scale} round ${round}`;
          expect([layered.width, layered.height], label).toEqual([
            quantized.width,
            quantized.height,
          ]);
          // Blending rounds differently by at most a step of the palette: no visible change.
          expect(pixelDifference(layered.rgba, quantized.rgba, 8), label).toBeLessThan(0.0005);
        }
      }
  }, 300_000);

  it('crops a transparent image to its inked bands and composites them back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(fc.nat(29), fc.nat(29), fc.nat(255)), { maxLength: 40 }),
        (width, height, dots) => {
          const layer = new Uint8Array(width * height * 4);
          for (const [x, y, alpha] of dots) {
            if (x >= width || y >= height) continue;
            // Premultiplied grey ink of this alpha.
            layer.set([alpha >> 1, alpha >> 1, alpha >> 1, alpha], (y * width + x) * 4);
          }
          const background = new Uint8Array(width * height * 4).fill(200);
          const expected = background.slice();
          for (let i = 0; i < expected.length; i += 4) {
            const alpha = layer[i + 3]!;
            for (let c = 0; c < 3; c++)
              expected[i + c] =
                layer[i + c]! + Math.floor((expected[i + c]! * (255 - alpha) + 127) / 255);
          }
          const patches = cropToPatches(layer, width, height);
          const inked = dots.filter(([x, y, a]) => x < width && y < height && a > 0).length;
          if (!inked) expect(patches).toEqual([]);
          for (const patch of patches) compositeOver(background, width, patch);
          expect(background).toEqual(expected);
          // Patches hold no empty rows at their edges.
          for (const p of patches) expect(p.height * p.width).toBeLessThanOrEqual(width * height);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});

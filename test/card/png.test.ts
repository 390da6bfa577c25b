import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePalettePng } from '../../src/card/png/encode.ts';
import { quantize } from '../../src/card/png/quantize.ts';
import { decodePng } from '../support/png.ts';

function image(
  width: number,
  height: number,
  colour: (x: number, y: number) => [number, number, number],
) {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rgba.set([...colour(x, y), 255], (y * width + x) * 4);
  return rgba;
}

describe('encodePalettePng', () => {
  it('round-trips an image of up to 256 colours exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)), { minLength: 1, maxLength: 256 }),
        async (width, height, colours) => {
          const rgba = image(width, height, (x, y) => colours[(x * 7 + y * 13) % colours.length]!);
          const decoded = decodePng(await encodePalettePng(rgba, width, height));
          expect(decoded.width).toBe(width);
          expect(decoded.height).toBe(height);
          expect(decoded.rgba).toEqual(rgba);
        },
      ),
      { seed: 3, numRuns: 40 },
    );
  });

  it('keeps a many-colour gradient within a small error', async () => {
    const rgba = image(256, 64, (x, y) => [x, (x + y * 3) & 255, 255 - x]);
    const decoded = decodePng(await encodePalettePng(rgba, 256, 64));
    let worst = 0;
    for (let i = 0; i < rgba.length; i++)
      worst = Math.max(worst, Math.abs(rgba[i]! - decoded.rgba[i]!));
    expect(worst).toBeLessThanOrEqual(48);
    expect(quantize(rgba).palette.length / 3).toBeLessThanOrEqual(256);
  });

  it('writes a valid PNG signature and palette colour type', async () => {
    const png = await encodePalettePng(
      image(2, 2, () => [1, 2, 3]),
      2,
      2,
    );
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png[25]).toBe(3);
  });
});

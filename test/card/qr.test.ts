import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CardEngine } from '../../src/card/engine.ts';
import { CARD_SIZES, CARD_THEMES } from '../../src/card/templates.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { decodePng } from '../support/png.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let engine: CardEngine;

beforeAll(async () => {
  engine = await createNodeCardEngine(library, 'https://yulu.example');
});

/** A phone must get from any card to its paragraph: the printed QR code decodes to the permalink. */
describe('the QR code on a card', () => {
  it('decodes to the quote’s permalink in every size and theme (independent decoder: jsQR)', async () => {
    const quotes = [catalog.quotes[0]!, catalog.quotes.at(-1)!];
    let decoded = 0;
    for (const [i, size] of CARD_SIZES.entries()) {
      for (const theme of CARD_THEMES) {
        const quote = quotes[i % quotes.length]!;
        const spec = { size: size.name, theme: theme.name, script: 'hans', scale: 1 } as const;
        const { png } = await engine.png(quote.id, spec);
        const { width, height, rgba } = decodePng(png);
        const code = jsQR(
          new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length),
          width,
          height,
        );
        expect(code?.data, `${size.name}/${theme.name}`).toBe(`https://yulu.example/q/${quote.id}`);
        decoded++;
      }
    }
    expect(decoded).toBe(CARD_SIZES.length * CARD_THEMES.length);
  });
});

import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_MIN_PX, QR_MODULE_PREVIEW_PX } from '../../src/card/compose.ts';
import type { CardEngine } from '../../src/card/engine.ts';
import { qrModules, qrSvg, QR_QUIET_MODULES } from '../../src/card/qr.ts';
import { CARD_SIZES, CARD_THEMES } from '../../src/card/templates.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { resvgRasterizer } from '../../src/runtime/node/resvg.ts';
import { downscale } from '../support/downscale.ts';
import { decodePng } from '../support/png.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let engine: CardEngine;

beforeAll(async () => {
  engine = await createNodeCardEngine(library, 'https://yulu.example');
});

/** The widths a card is seen at in link previews and feeds: og at 600 and 400, tall sizes at 360. */
const previewWidths = (size: string) => (size === 'og' ? [600, 400] : [360]);

const luminance = (rgba: ArrayLike<number>, i: number) =>
  0.2126 * (rgba[i] as number) +
  0.7152 * (rgba[i + 1] as number) +
  0.0722 * (rgba[i + 2] as number);

/**
 * A phone must get from any card to its paragraph: where the card prints a QR code, it decodes to
 * the permalink when the card is shown at preview width (downscaled by area averaging, as an image
 * viewer does), with a light margin of four modules around it.
 */
describe('the QR code on a card', () => {
  it('decodes at preview widths in every size and theme (jsQR), or the card prints the link large', async () => {
    const quotes = [catalog.quotes[0]!, catalog.quotes.at(-1)!];
    const results: string[] = [];
    let checked = 0;
    for (const [i, size] of CARD_SIZES.entries()) {
      for (const theme of CARD_THEMES) {
        const quote = quotes[i % quotes.length]!;
        const url = `https://yulu.example/q/${quote.id}`;
        const spec = { size: size.name, theme: theme.name, script: 'hans', scale: 1 } as const;
        const { png, model } = await engine.png(quote.id, spec);
        const { width, height, rgba } = decodePng(png);
        if (model.link.qrSize === 0) {
          // No code: the link itself must be readable at the narrowest preview.
          const atPreview = model.link.size * (size.previewWidth / size.width);
          expect(atPreview, `${size.name}/${theme.name} link`).toBeGreaterThanOrEqual(
            PREVIEW_MIN_PX.link - 0.01,
          );
          const code = jsQR(
            new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length),
            width,
            height,
          );
          expect(code, `${size.name}/${theme.name} has no code`).toBeNull();
          results.push(`${size.name}/${theme.name}: no QR, link ${atPreview.toFixed(1)} px`);
          checked++;
          continue;
        }
        for (const target of previewWidths(size.name)) {
          const small = downscale(rgba, width, height, target);
          const code = jsQR(small.rgba, small.width, small.height);
          expect(code?.data, `${size.name}/${theme.name} at ${target} px`).toBe(url);
          // Light margin: sample a ring 0.5–3.5 modules outside the code's corners.
          const { topLeftCorner: tl, topRightCorner: tr, bottomLeftCorner: bl } = code!.location;
          const modules = qrModules(url).modules;
          const module = Math.hypot(tr.x - tl.x, tr.y - tl.y) / modules;
          const dark = luminance(
            small.rgba,
            4 * (Math.round(tl.y + 3.5 * module) * small.width + Math.round(tl.x + 0.5 * module)),
          );
          for (let m = 0.75; m <= QR_QUIET_MODULES - 0.75; m += 0.5) {
            for (const [x, y] of [
              [tl.x - m * module, tl.y + (modules / 2) * module],
              [tl.x + (modules / 2) * module, tl.y - m * module],
              [tr.x + m * module, tr.y + (modules / 2) * module],
              [bl.x + (modules / 2) * module, bl.y + m * module],
            ] as const) {
              const l = luminance(small.rgba, 4 * (Math.round(y) * small.width + Math.round(x)));
              expect(l - dark, `${size.name}/${theme.name} margin at ${m} modules`).toBeGreaterThan(
                100,
              );
            }
          }
          results.push(`${size.name}/${theme.name} @${target}: ${module.toFixed(2)} px/module`);
          checked++;
        }
      }
    }
    console.log(results.join('\n'));
    const expected = CARD_SIZES.reduce(
      (n, s) => n + CARD_THEMES.length * (s.name === 'og' ? 1 : previewWidths(s.name).length),
      0,
    );
    expect(checked).toBeGreaterThanOrEqual(expected);
  }, 180_000);

  it('the measurement behind the sizes: jsQR reads a code at 2 px per module after downscaling', async () => {
    const url = 'https://yulu.example/q/ka1w3v65';
    const modules = qrModules(url).modules + 2 * QR_QUIET_MODULES;
    // A code of `px` CSS px per module at preview width, drawn at 3× and shown at 1×.
    const decodesAt = async (px: number) => {
      const side = Math.round(modules * px * 3);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side + 60}" height="${side + 60}"><rect width="100%" height="100%" fill="#15161a"/>${qrSvg(url, 30.4, 30.7, side, { dark: '#15161a', light: '#f3efe6' })}</svg>`;
      const image = await resvgRasterizer.rgba(svg, side + 60);
      const small = downscale(image.data, image.width, image.height, Math.round((side + 60) / 3));
      return jsQR(small.rgba, small.width, small.height)?.data === url;
    };
    expect(await decodesAt(QR_MODULE_PREVIEW_PX)).toBe(true);
    expect(await decodesAt(QR_MODULE_PREVIEW_PX * 0.9)).toBe(true);
    expect(await decodesAt(0.5)).toBe(false);
  });
});

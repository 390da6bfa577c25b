/**
 * Golden PNG tests: small renders (¼ size) of a matrix of quotes × sizes × themes × scripts,
 * compared with committed images under an explicit tolerance. After an intended design change:
 *
 *   npm run test:update-goldens
 *
 * then look at the changed images in test/fixtures/golden/ before committing them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FontBook } from '../../src/card/font-book.ts';
import { VERTICAL_SIZES, type CardLayout } from '../../src/card/compose.ts';
import { encodePalettePng } from '../../src/card/png/encode.ts';
import { initSatori, renderCardSvg } from '../../src/card/render.ts';
import { CARD_SIZES, CARD_THEMES, cardSize, cardTheme } from '../../src/card/templates.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import type { Quote } from '../../src/quotes/types.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { loadFonts } from '../../src/runtime/node/cards.ts';
import { resvgRasterizer } from '../../src/runtime/node/resvg.ts';
import { DISPLAY_SCRIPTS, type DisplayScript } from '../../src/text/script.ts';
import { decodePng, pixelDifference } from '../support/png.ts';
import { createRequire } from 'node:module';

const DIR = new URL('../fixtures/golden/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_GOLDENS === '1';
/** A pixel differs when a channel moves by more than this; a golden fails above MAX_DIFFERENT. */
const CHANNEL_TOLERANCE = 24;
const MAX_DIFFERENT = 0.005;

const { catalog, corpus, aliases } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus, aliases);
let fonts: FontBook;

beforeAll(async () => {
  await initSatori(readFileSync(createRequire(import.meta.url).resolve('satori/yoga.wasm')));
  fonts = loadFonts();
  mkdirSync(DIR, { recursive: true });
});

/**
 * The four kinds of quote the matrix covers, pinned by ID so a catalog rebuild does not churn the
 * goldens (they were the catalog's extremes when pinned: shortest, longest, most Latin letters,
 * densest punctuation). IDs resolve through the library, so a retired ID follows its alias; the
 * test below checks each pinned quote still has the trait it stands for.
 */
const PINNED_IDS = {
  short: '5q0kgh93',
  long: 'b05fj85q',
  latin: 'zfssr8wy',
  punctuation: '3yh7j11v',
} as const;
const KINDS: Record<string, Quote> = Object.fromEntries(
  Object.entries(PINNED_IDS).map(([kind, id]) => [kind, library.resolve(id).quote]),
);
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
const length = (text: string) => [...text].length;

interface Case {
  kind: string;
  size: string;
  theme: string;
  script: DisplayScript;
  layout?: CardLayout;
}
const themes = CARD_THEMES.map((t) => t.name);
const cases: Case[] = [];
Object.keys(KINDS).forEach((kind, k) => {
  CARD_SIZES.forEach((size, s) =>
    cases.push({ kind, size: size.name, theme: themes[(k + s) % themes.length]!, script: 'hans' }),
  );
  DISPLAY_SCRIPTS.forEach((script, s) =>
    cases.push({ kind, size: 'og', theme: themes[(k + s + 1) % themes.length]!, script }),
  );
});
themes.forEach((theme) => cases.push({ kind: 'latin', size: 'portrait', theme, script: 'hant' }));
// Vertical (竖排): every size that offers it, in simplified and traditional.
VERTICAL_SIZES.forEach((size, s) =>
  (['hans', 'tw'] as const).forEach((script, k) =>
    cases.push({
      kind: ['latin', 'punctuation', 'short', 'long'][(s + k) % 4]!,
      size,
      theme: themes[(s + 2 * k) % themes.length]!,
      script,
      layout: 'vertical',
    }),
  ),
);

describe('golden cards', () => {
  it.each(cases)(
    '$kind $size $theme $script $layout',
    async ({ kind, size, theme, script, layout }) => {
      const quote = KINDS[kind]!;
      const cardSizeValue = cardSize(size);
      const { svg } = await renderCardSvg(
        library.resolve(quote.id),
        {
          size: cardSizeValue,
          theme: cardTheme(theme),
          script,
          permalink: `https://yulu.example/q/${quote.id}`,
          ...(layout ? { layout } : {}),
        },
        fonts,
      );
      const image = await resvgRasterizer.rgba(svg, cardSizeValue.width / 4);
      const png = await encodePalettePng(image.data, image.width, image.height);
      const file = `${DIR}${kind}-${size}-${theme}-${script}${layout ? `-${layout}` : ''}.png`;
      if (UPDATE) {
        writeFileSync(file, png);
        return;
      }
      expect(existsSync(file), `${file} is missing: run npm run test:update-goldens`).toBe(true);
      const golden = decodePng(readFileSync(file));
      const actual = decodePng(png);
      expect([actual.width, actual.height]).toEqual([golden.width, golden.height]);
      const different = pixelDifference(actual.rgba, golden.rgba, CHANNEL_TOLERANCE);
      expect(
        different,
        `${(different * 100).toFixed(2)}% of pixels differ from ${file}`,
      ).toBeLessThanOrEqual(MAX_DIFFERENT);
    },
  );

  it('each pinned quote still has the trait it stands for', () => {
    expect(length(KINDS.short!.text)).toBeLessThanOrEqual(16);
    expect(length(KINDS.long!.text)).toBeGreaterThanOrEqual(90);
    expect(count(KINDS.latin!.text, /[A-Za-z]/g)).toBeGreaterThanOrEqual(30);
    const marks = count(KINDS.punctuation!.text, /[，。、；：？！「」“”《》（）—…]/g);
    expect(marks / length(KINDS.punctuation!.text)).toBeGreaterThanOrEqual(0.15);
  });

  it('covers every size, theme and script', () => {
    expect(new Set(cases.map((c) => c.size))).toEqual(new Set(CARD_SIZES.map((s) => s.name)));
    expect(new Set(cases.map((c) => c.theme))).toEqual(new Set(themes));
    expect(new Set(cases.map((c) => c.script))).toEqual(new Set(DISPLAY_SCRIPTS));
  });
});

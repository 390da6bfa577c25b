/**
 * What every renderer in the benchmark draws: the cases (size × quote length), distinct quotes per
 * case, the card model and element tree (Yulu's own compose + tree, so every peer lays out the
 * same lines), and the font bytes a paper/hans card needs.
 */
import { readFileSync } from 'node:fs';
import { composeCard, type CardModel } from '../src/card/compose.ts';
import type { CardSpec } from '../src/card/engine.ts';
import type { FontBook } from '../src/card/font-book.ts';
import { cardSize, cardTheme } from '../src/card/templates.ts';
import { QR_PLACEHOLDER_FILL, QR_QUIET_MODULES, qrModules } from '../src/card/qr.ts';
import type { SatoriChild } from '../src/card/element.ts';
import { cardTree, qrColours, type SatoriElement } from '../src/card/tree.ts';
import type { FontManifest } from '../src/fonts/fonts.ts';
import type { QuoteLibrary } from '../src/quotes/library.ts';
import type { Quote } from '../src/quotes/types.ts';

export const ROOT = new URL('..', import.meta.url).pathname;
export const BASE_URL = 'https://yulu.example';

export const SIZES = ['og', 'portrait'] as const;
export const LENGTHS = ['short', 'medium', 'long'] as const;
export type Length = (typeof LENGTHS)[number];

export interface BenchCase {
  name: string;
  spec: CardSpec;
  quotes: Quote[];
}

export const specOf = (size: string): CardSpec => ({
  size,
  theme: 'paper',
  script: 'hans',
  scale: 1,
});

/** Distinct quotes of a length class: short < 30, medium 30–60, long > 60 characters. */
export function quotesOfLength(quotes: readonly Quote[], kind: Length, count: number): Quote[] {
  const length = (q: Quote) => [...q.text].length;
  const fits = (q: Quote) =>
    kind === 'short'
      ? length(q) < 30
      : kind === 'medium'
        ? length(q) >= 30 && length(q) <= 60
        : length(q) > 60;
  return quotes.filter(fits).slice(0, count);
}

/**
 * size × length, each with its own distinct quotes. `skip` quotes of each class are left out
 * first (the warm-up uses them), so no measured card was rendered before.
 */
export function benchCases(library: QuoteLibrary, perCase: number, skip: number): BenchCase[] {
  const cases: BenchCase[] = [];
  for (const size of SIZES)
    for (const length of LENGTHS)
      cases.push({
        name: `${size} ${length}`,
        spec: specOf(size),
        quotes: quotesOfLength(library.quotes, length, skip + perCase).slice(skip),
      });
  return cases;
}

/** The warm-up quotes: the first `skip` of each length class (never measured). */
export function warmupQuotes(library: QuoteLibrary, skip: number): Quote[] {
  return LENGTHS.flatMap((length) => quotesOfLength(library.quotes, length, skip));
}

/** The card's model and Satori element tree, exactly as Yulu lays it out. */
export function cardOf(
  library: QuoteLibrary,
  fonts: FontBook,
  quote: Quote,
  spec: CardSpec,
): { model: CardModel; tree: SatoriElement } {
  const model = composeCard(
    library.resolve(quote.id),
    {
      size: cardSize(spec.size),
      theme: cardTheme(spec.theme),
      script: spec.script,
      permalink: `${BASE_URL}/q/${quote.id}`,
    },
    fonts,
  );
  return { model, tree: withInlineQr(cardTree(model), model) };
}

/**
 * Yulu draws the QR code into the box Satori laid out (render.ts); the peers get it the way
 * @vercel/og users write it, as an inline `<svg>` element in the tree, so they draw the same card.
 */
function withInlineQr(tree: SatoriElement, model: CardModel): SatoriElement {
  const { d, modules } = qrModules(model.link.url);
  const box = modules + QR_QUIET_MODULES * 2;
  const { dark, light } = qrColours(model);
  const qr: SatoriElement = {
    type: 'svg',
    props: {
      width: model.link.qrSize,
      height: model.link.qrSize,
      viewBox: `${-QR_QUIET_MODULES} ${-QR_QUIET_MODULES} ${box} ${box}`,
      shapeRendering: 'crispEdges',
      children: [
        {
          type: 'rect',
          props: {
            x: -QR_QUIET_MODULES,
            y: -QR_QUIET_MODULES,
            width: box,
            height: box,
            fill: light,
          },
        },
        { type: 'path', props: { d, fill: dark } },
      ],
    },
  };
  const swap = (node: SatoriElement): SatoriElement => {
    if (node.props.style?.backgroundColor === QR_PLACEHOLDER_FILL) return qr;
    const { children } = node.props;
    if (children === undefined || typeof children === 'string') return node;
    const swapOne = (child: SatoriChild) => (typeof child === 'string' ? child : swap(child));
    return {
      ...node,
      props: {
        ...node.props,
        children: Array.isArray(children) ? children.map(swapOne) : swapOne(children),
      },
    };
  };
  const result = swap(tree);
  if (JSON.stringify(result).includes(QR_PLACEHOLDER_FILL))
    throw new Error('QR placeholder left in the peers’ tree');
  return result;
}

export interface PeerFont {
  name: string;
  file: string;
  weight: 400 | 600 | 700;
  bytes: Uint8Array;
}

/** The fonts a `paper` + `hans` card uses (Noto Serif SC 600 and 400), read from fonts/. */
export function paperHansFonts(): PeerFont[] {
  const manifest = JSON.parse(readFileSync(`${ROOT}fonts/manifest.json`, 'utf8')) as FontManifest;
  return manifest.fonts
    .filter((f) => f.face === 'serif' && f.scripts.includes('hans'))
    .map((f) => ({
      name: f.family,
      file: f.file,
      weight: f.weight,
      bytes: new Uint8Array(readFileSync(`${ROOT}fonts/${f.file}`)),
    }));
}

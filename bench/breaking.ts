/**
 * What phrase-aware line breaking costs (issue 17: at most 10% per card), paired: two Node
 * engines on the same fonts, one breaking between BudouX phrases (what cards do), one at any
 * legal boundary (`phrases: false`, as cards did before), render the same card one after the
 * other, the order alternating by card. Reported: the median per-card difference of the whole
 * PNG render and of the layout stage (compose + Satori), and that difference as a share of the
 * per-card time with phrases. Pairs cancel the machine's slow spells, which unpaired runs a day
 * apart did not (the layout stage read 4.2 → 5.6 ms while the machine itself slowed 22–28%).
 */
import { CardEngine, type CardSpec } from '../src/card/engine.ts';
import { initSatori } from '../src/card/render.ts';
import type { QuoteLibrary } from '../src/quotes/library.ts';
import { loadFonts } from '../src/runtime/node/cards.ts';
import { resvgRasterizer } from '../src/runtime/node/resvg.ts';
import { BASE_URL } from './cards.ts';
import { quantile } from './stats.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface BreakingCost {
  cards: number;
  /** Medians over cards, ms. */
  withPhrases: { total: number; layout: number };
  withoutPhrases: { total: number; layout: number };
  /** Median over cards of (with − without), ms, and as a share of `withPhrases.total`. */
  extraTotal: number;
  extraLayout: number;
  extraShare: number;
}

const SPECS: CardSpec[] = (['og', 'square', 'story'] as const).flatMap((size) =>
  (['hans', 'hant'] as const).map((script) => ({ size, theme: 'paper', script, scale: 1 })),
);

export async function measureBreaking(library: QuoteLibrary, quotes = 40): Promise<BreakingCost> {
  await initSatori(readFileSync(createRequire(import.meta.url).resolve('satori/yoga.wasm')));
  const fonts = loadFonts();
  const engine = (phrases: boolean) =>
    new CardEngine({ library, fonts, rasterizer: resvgRasterizer, baseUrl: BASE_URL, phrases });
  const on = engine(true);
  const off = engine(false);
  const chosen = library.quotes
    .filter((q) => q.tier === 'publishable')
    .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / quotes)) === 0)
    .slice(0, quotes);
  const time = async (e: CardEngine, id: string, spec: CardSpec) => {
    const stages = { layout: 0, raster: 0, encode: 0 };
    const t0 = performance.now();
    await e.png(id, spec, undefined, stages);
    return { total: performance.now() - t0, layout: stages.layout };
  };
  // Warm both (JIT, byline and QR caches) on cards that are not measured.
  for (const spec of SPECS)
    for (const q of library.quotes.slice(-3)) {
      await time(on, q.id, spec);
      await time(off, q.id, spec);
    }
  const rows: { on: { total: number; layout: number }; off: { total: number; layout: number } }[] =
    [];
  let n = 0;
  for (const q of chosen)
    for (const spec of SPECS) {
      const first = n++ % 2 === 0;
      const a = await time(first ? on : off, q.id, spec);
      const b = await time(first ? off : on, q.id, spec);
      rows.push(first ? { on: a, off: b } : { on: b, off: a });
    }
  const median = (values: number[]) => quantile(values, 0.5);
  const withPhrases = {
    total: median(rows.map((r) => r.on.total)),
    layout: median(rows.map((r) => r.on.layout)),
  };
  const extraTotal = median(rows.map((r) => r.on.total - r.off.total));
  return {
    cards: rows.length,
    withPhrases,
    withoutPhrases: {
      total: median(rows.map((r) => r.off.total)),
      layout: median(rows.map((r) => r.off.layout)),
    },
    extraTotal,
    extraLayout: median(rows.map((r) => r.on.layout - r.off.layout)),
    extraShare: extraTotal / withPhrases.total,
  };
}

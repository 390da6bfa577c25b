/**
 * Yulu's Node path, stage by stage: compose + Satori (SVG), resvg-js (pixels), palette PNG.
 * Used by bench/run.ts in-process (warm) and as a child process (cold start, memory).
 */
import { encodePalettePng } from '../src/card/png/encode.ts';
import type { CardSpec } from '../src/card/engine.ts';
import { QuoteLibrary } from '../src/quotes/library.ts';
import type { Quote } from '../src/quotes/types.ts';
import { loadArtifacts } from '../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../src/runtime/node/cards.ts';
import { resvgRasterizer } from '../src/runtime/node/resvg.ts';

export async function yuluNode() {
  const { catalog, corpus } = loadArtifacts();
  const library = new QuoteLibrary(catalog, corpus);
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  return {
    library,
    engine,
    /** One card, timed by stage. */
    async render(quote: Quote, spec: CardSpec) {
      const t0 = performance.now();
      const { svg, model } = await engine.svg(quote.id, spec);
      const t1 = performance.now();
      const image = await resvgRasterizer.rgba(svg, model.width * spec.scale);
      const t2 = performance.now();
      const png = await encodePalettePng(
        image.data,
        image.width,
        image.height,
        resvgRasterizer.deflate,
      );
      const t3 = performance.now();
      return { png, svg, layout: t1 - t0, raster: t2 - t1, encode: t3 - t2, total: t3 - t0 };
    },
  };
}

/** Distinct quotes of a length class: short < 30, medium 30–60, long > 60 characters. */
export function quotesOfLength(
  quotes: readonly Quote[],
  kind: 'short' | 'medium' | 'long',
  count: number,
): Quote[] {
  const length = (q: Quote) => [...q.text].length;
  const fits = (q: Quote) =>
    kind === 'short'
      ? length(q) < 30
      : kind === 'medium'
        ? length(q) >= 30 && length(q) <= 60
        : length(q) > 60;
  return quotes.filter(fits).slice(0, count);
}

// As a child process: `tsx bench/yulu-node.ts cold|memory N`
if (import.meta.url === `file://${process.argv[1]}`) {
  const mode = process.argv[2];
  const started = performance.now();
  const yulu = await yuluNode();
  const spec: CardSpec = { size: 'og', theme: 'paper', script: 'hans', scale: 1 };
  if (mode === 'cold') {
    const ready = performance.now();
    const quote = yulu.library.quotes[Number(process.argv[3] ?? 0)]!;
    const first = await yulu.render(quote, spec);
    console.log(
      JSON.stringify({
        startup: ready - started,
        firstRender: first.total,
        total: performance.now() - started,
      }),
    );
  } else if (mode === 'memory') {
    const quotes = yulu.library.quotes;
    const rss: Record<number, number> = {};
    const n = Number(process.argv[3] ?? 1000);
    let peak = 0;
    for (let i = 1; i <= n; i++) {
      await yulu.render(quotes[i % quotes.length]!, spec);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (i === 100 || i === 200 || i === n) {
        // Settle garbage (and the native pixmaps it holds) so RSS shows what is retained.
        globalThis.gc?.();
        await new Promise((resolve) => setImmediate(resolve));
        rss[i] = process.memoryUsage().rss;
      }
    }
    console.log(JSON.stringify({ rss, peak }));
  }
}

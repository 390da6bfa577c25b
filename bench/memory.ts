/**
 * Memory of the Node path over a batch of distinct cards, in a fresh process: peak RSS while
 * rendering, and RSS after 100 and after the whole batch once garbage has settled (resvg-js
 * frees native pixmaps after a GC and an event-loop turn), so growth shows what is retained.
 */
import { specOf } from './cards.ts';
import { isMain, runChild } from './child.ts';
import { loadLibrary, yuluNode } from './yulu.ts';

export interface Memory {
  cards: number;
  /** RSS before the first card, engine built. */
  rssReady: number;
  rssAfter100: number;
  rssAfterBatch: number;
  peak: number;
  /** rssAfterBatch / rssAfter100 − 1. */
  growth: number;
}

export function measureMemory(cards: number): Memory {
  return runChild<Memory>('memory.ts', [String(cards)], '--expose-gc');
}

async function settledRss(): Promise<number> {
  globalThis.gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  return process.memoryUsage().rss;
}

if (isMain(import.meta.url)) {
  const cards = Number(process.argv[2] ?? 200);
  const library = loadLibrary();
  const yulu = await yuluNode(library);
  const spec = specOf('og');
  const rssReady = await settledRss();
  let peak = rssReady;
  let rssAfter100 = 0;
  for (let i = 1; i <= cards; i++) {
    await yulu.render(library.quotes[i % library.quotes.length]!, spec);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (i === 100) rssAfter100 = await settledRss();
  }
  const rssAfterBatch = await settledRss();
  const memory: Memory = {
    cards,
    rssReady,
    rssAfter100,
    rssAfterBatch,
    peak,
    growth: rssAfterBatch / rssAfter100 - 1,
  };
  console.log(JSON.stringify(memory));
}

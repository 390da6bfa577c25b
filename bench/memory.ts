/**
 * Memory of the Node path over a batch of 1,000 cards in a fresh process: the catalog's quotes in
 * turn in the four themes (every card distinct for the first 587 × 4), peak RSS over the first
 * 200 cards and over the batch, and settled RSS around card 100 and around card 1,000. Settled:
 * after a GC and an event-loop turn (resvg-js frees native pixmaps only then), taken after each
 * of the ten cards up to the mark and the median kept, because the allocator's hold on freed
 * pixmaps makes a single reading swing by ±15 MiB. Run with the allocator settings `npm start`
 * ships (child.ts, src/runtime/node/process-settings.ts).
 */
import { specOf } from './cards.ts';
import { isMain, runChild, SERVER_MALLOC } from './child.ts';
import { loadLibrary, yuluNode } from './yulu.ts';

export interface Memory {
  cards: number;
  /** RSS before the first card, engine built. */
  rssReady: number;
  rssAfter100: number;
  rssAfterBatch: number;
  /** Peak RSS while rendering the first 200 cards. */
  peak200: number;
  peak: number;
  /** V8 heap in use, settled, at the two marks. */
  heapAfter100: number;
  heapAfterBatch: number;
  /** rssAfterBatch / rssAfter100 − 1. */
  growth: number;
}

export function measureMemory(cards: number): Memory {
  return runChild<Memory>('memory.ts', [String(cards)], '--expose-gc', SERVER_MALLOC);
}

async function settled(): Promise<{ rss: number; heap: number }> {
  globalThis.gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

if (isMain(import.meta.url)) {
  const cards = Number(process.argv[2] ?? 1000);
  const library = loadLibrary();
  const yulu = await yuluNode(library);
  const themes = ['paper', 'ink', 'yulu', 'kai'];
  const rssReady = (await settled()).rss;
  let peak = rssReady;
  let peak200 = rssReady;
  const around = (mark: number) => ({ mark, rss: [] as number[], heap: [] as number[] });
  const marks = [around(100), around(cards)];
  for (let i = 1; i <= cards; i++) {
    const quote = library.quotes[i % library.quotes.length]!;
    const theme = themes[Math.floor(i / library.quotes.length) % themes.length]!;
    await yulu.render(quote, { ...specOf('og'), theme });
    peak = Math.max(peak, process.memoryUsage().rss);
    if (i <= 200) peak200 = peak;
    for (const m of marks)
      if (i > m.mark - 10 && i <= m.mark) {
        const s = await settled();
        m.rss.push(s.rss);
        m.heap.push(s.heap);
      }
  }
  const [at100, atBatch] = marks as [ReturnType<typeof around>, ReturnType<typeof around>];
  const memory: Memory = {
    cards,
    rssReady,
    rssAfter100: median(at100.rss),
    rssAfterBatch: median(atBatch.rss),
    peak200,
    peak,
    heapAfter100: median(at100.heap),
    heapAfterBatch: median(atBatch.heap),
    growth: median(atBatch.rss) / median(at100.rss) - 1,
  };
  console.log(JSON.stringify(memory));
}

/**
 * One shard of the render watchdog (watchdog.test.ts), run in a worker thread so the test can
 * kill it when a render hangs or runs away with memory. Before each render it says what it is
 * about to draw; after it, how long it took and the heap it holds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CardSpec } from '../../src/card/engine.ts';
import { CARD_SIZES, CARD_THEMES } from '../../src/card/templates.ts';
import { YuluError } from '../../src/errors.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { DISPLAY_SCRIPTS } from '../../src/text/script.ts';

export type WatchdogMode = 'sample' | 'matrix' | 'full';
export interface WatchdogInput {
  shard: number;
  shards: number;
  mode: WatchdogMode;
  /** Adversarial texts, rendered as if an erratum had put them on a machine-transcript quote. */
  adversarial: Record<string, string>;
}
export type WatchdogMessage =
  | { type: 'start'; label: string }
  | { type: 'done'; label: string; ms: number; heapMiB: number; outcome: string }
  | { type: 'finished' };

const input = workerData as WatchdogInput;
const post = (message: WatchdogMessage) => parentPort!.postMessage(message);
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const engine = await createNodeCardEngine(library, 'https://yulu.example');
const sizes = CARD_SIZES.map((s) => s.name);
const themes = CARD_THEMES.map((t) => t.name);

interface Job {
  id: string;
  spec: CardSpec;
  format: 'svg' | 'png';
  text?: [string, string];
}

function* jobs(): Generator<Job> {
  const quotes = catalog.quotes.filter(
    (_, i) => i % input.shards === input.shard && (input.mode !== 'sample' || i % 10 === 0),
  );
  for (const [q, quote] of quotes.entries()) {
    for (const [s, size] of sizes.entries()) {
      // Every quote × size × theme × script through layout and Satori …
      if (input.mode !== 'full')
        for (const theme of themes)
          for (const script of DISPLAY_SCRIPTS)
            yield { id: quote.id, spec: { size, theme, script, scale: 1 }, format: 'svg' };
      // … and rasterised: every combination in full mode, otherwise one theme × script per
      // quote × size, rotating so each of the 16 pairs is drawn in every size.
      const pair = (q * sizes.length + s) % (themes.length * DISPLAY_SCRIPTS.length);
      const pairs =
        input.mode === 'full'
          ? themes.flatMap((theme) => DISPLAY_SCRIPTS.map((script) => ({ theme, script })))
          : [
              {
                theme: themes[pair % themes.length]!,
                script: DISPLAY_SCRIPTS[Math.floor(pair / themes.length)]!,
              },
            ];
      for (const { theme, script } of pairs)
        yield { id: quote.id, spec: { size, theme, script, scale: 1 }, format: 'png' };
    }
  }
  const transcript = catalog.quotes.find((q) => q.flags.includes('machine-transcript'))!;
  for (const [name, text] of Object.entries(input.adversarial).filter(
    (_, i) => i % input.shards === input.shard,
  ))
    for (const size of sizes)
      for (const theme of themes)
        for (const script of DISPLAY_SCRIPTS)
          yield {
            id: transcript.id,
            spec: { size, theme, script, scale: 1 },
            format: 'png',
            text: [name, text],
          };
}

for (const job of jobs()) {
  const label = `${job.text ? `adversarial "${job.text[0]}"` : job.id} ${job.format} ${job.spec.size}/${job.spec.theme}/${job.spec.script}`;
  post({ type: 'start', label });
  const started = performance.now();
  let outcome = 'drawn';
  try {
    const base = library.resolve(job.id);
    const resolved = job.text ? { ...base, quote: { ...base.quote, text: job.text[1] } } : base;
    if (job.format === 'svg') await engine.svg(job.id, job.spec, resolved);
    else await engine.png(job.id, job.spec, resolved);
  } catch (error) {
    // Adversarial text may be refused, with a stable code; catalog quotes must all draw.
    if (!(error instanceof YuluError) || !job.text) throw error;
    outcome = error.code;
  }
  const ms = performance.now() - started;
  // resvg-js frees native pixmaps after an event-loop turn (resvg-js #216): give it one.
  if (job.format === 'png') await new Promise((resolve) => setImmediate(resolve));
  post({
    type: 'done',
    label,
    ms,
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
    outcome,
  });
}
post({ type: 'finished' });

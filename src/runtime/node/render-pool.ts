import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { RenderGate } from '../../card/admission.ts';
import { renderCost, type CardRenderer } from '../../card/card-renderer.ts';
import { YuluError, type YuluErrorCode } from '../../errors.ts';
import type { ThreadResult } from './render-worker.ts';

export interface RenderPoolOptions {
  /** Public origin printed on cards. */
  baseUrl: string;
  fontsDir?: string | undefined;
  /** Render threads; default: one per core. */
  threads?: number;
  /** Renders that may wait for a thread at most (default 64), and the longest one waits (default
   * 1,000 ms): a render waits only when its turn is expected within `waitMs` (measured service
   * time), else 503 + Retry-After at once; one that waited `waitMs` after all is refused then. */
  queue?: number;
  waitMs?: number;
  /** Pixel weight drawn at once (renderCost units; default 12: one story card at scale 2 and
   * an OG card, or a dozen OG cards). This is what bounds memory: see below. */
  budget?: number;
}

/**
 * Uncached cards on Node are drawn in a pool of worker threads (piscina), one render per thread
 * at a time, so the event loop keeps answering pages, the API, cached cards and /healthz while
 * both cores draw. The gate in front bounds the backlog: `threads` running, then up to `queue`
 * waiting for at most `waitMs` (only while the measured service time says their turn comes within
 * it), else a 503 with Retry-After. Waiting briefly instead of refusing at once keeps the threads
 * busy through a burst: refused clients retry at once, and answering refusals took the event
 * loop's time from everything else (uncached OG cards at 50 connections: 21–28/s refusing at a
 * queue of 4, see test/hardening/admission.test.ts for the figure now). Memory is bounded by the same numbers: a story card at
 * scale 2 holds a 2160×3840 RGBA pixmap (33 MB) plus resvg's buffers while it is drawn, and
 * only `threads` are ever drawn at once (RSS ≤ 600 MiB at 2 threads under attack:
 * test/hardening/admission.test.ts).
 */
export function renderPool(options: RenderPoolOptions): CardRenderer & {
  gate: RenderGate;
  /** Resolves once every thread has loaded its fonts and drawn a card (failures are reported by
   * the renders themselves: cards answer 503 render_failed). */
  ready: Promise<void>;
  close(): Promise<void>;
} {
  const threads = options.threads ?? Math.max(1, availableParallelism());
  const gate = new RenderGate(threads, options.queue ?? 64, options.budget ?? 12, 2, {
    maxMs: options.waitMs ?? 1_000,
  });
  const pool = new Piscina({
    filename: new URL('./render-thread.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    idleTimeout: Infinity,
    workerData: { baseUrl: options.baseUrl, fontsDir: options.fontsDir },
    // A thread that runs away is killed instead of taking the process with it. The young
    // generation is V8's default for 64-bit (3 × 16 MiB semi-spaces), stated because the main
    // thread runs with smaller ones (process-settings.ts): Satori allocates hard while it lays out.
    resourceLimits: { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 48 },
  });
  const render: CardRenderer = (job) =>
    gate.run(async () => {
      let result: ThreadResult;
      try {
        result = (await pool.run(job)) as ThreadResult;
      } catch (cause) {
        // A thread that crashed or hit its heap limit: this card fails, the service goes on.
        throw new YuluError('render_failed', 'the render thread failed on this card', {
          status: 503,
          cause,
          retryAfter: 5,
        });
      }
      if (!result.ok)
        throw new YuluError(result.code as YuluErrorCode, result.message, {
          status: result.status,
        });
      return result.card;
    }, renderCost(job));
  // One small card per thread, at once: each thread takes one, so all of them warm up.
  const warm = { id: '', spec: { size: 'og', theme: 'paper', script: 'hans', scale: 1 } } as const;
  const ready = Promise.all(
    Array.from({ length: threads }, () => pool.run({ ...warm, format: 'svg', warm: true })),
  ).then(
    () => undefined,
    () => undefined,
  );
  return Object.assign(render, { gate, ready, close: () => pool.destroy() });
}

/**
 * Where an uncached card is actually drawn. The HTTP layer hands a `RenderJob` (an ID, a spec, a
 * format and, for an edited quote, the quote as the desk resolved it — never free text from a
 * URL) to a `CardRenderer`: in-process behind a `RenderGate` (the Worker, tests), or a pool of
 * worker threads on Node (src/runtime/node/render-pool.ts), so rendering never blocks the event
 * loop that answers everything else.
 */
import type { QuoteLibrary, ResolvedQuote } from '../quotes/library.ts';
import type { Quote } from '../quotes/types.ts';
import type { RenderGate } from './admission.ts';
import type { CardBytes } from './card-cache.ts';
import type { CardEngine, CardSpec } from './engine.ts';
import { cardSize } from './templates.ts';

export interface RenderJob {
  id: string;
  spec: CardSpec;
  format: 'png' | 'svg';
  /** The quote to draw when it is not the catalog's (a trim, an erratum, a signed draft). */
  quote?: Quote;
}

export type CardRenderer = (job: RenderJob) => Promise<CardBytes>;

/** The job for `id`; carries the quote only when the resolved one differs from the catalog's. */
export function renderJob(
  id: string,
  spec: CardSpec,
  format: 'png' | 'svg',
  resolved?: ResolvedQuote,
): RenderJob {
  return resolved ? { id, spec, format, quote: resolved.quote } : { id, spec, format };
}

/** The resolved quote a job names: its own quote placed in its document and paragraph. */
export function resolveJob(library: QuoteLibrary, job: RenderJob): ResolvedQuote | undefined {
  if (!job.quote) return undefined;
  const document = library.document(job.quote.source);
  const paragraph = document.paragraphs.find((p) => p.id === job.quote?.paragraph);
  if (!paragraph) return library.resolve(job.id);
  return { quote: job.quote, document, paragraph };
}

/** Draws a job with an engine in this thread. */
export async function drawCard(
  engine: CardEngine,
  job: RenderJob,
  resolved: ResolvedQuote | undefined,
): Promise<CardBytes> {
  if (job.format === 'png')
    return { body: (await engine.png(job.id, job.spec, resolved)).png, contentType: 'image/png' };
  return {
    body: new TextEncoder().encode((await engine.svg(job.id, job.spec, resolved)).svg),
    contentType: 'image/svg+xml; charset=utf-8',
  };
}

/** Renders in this thread (the Worker's isolate, tests), at most `gate.concurrency` at once. */
export function inProcessRenderer(
  engine: () => Promise<CardEngine>,
  library: QuoteLibrary,
  gate: RenderGate,
): CardRenderer {
  return (job) =>
    gate.run(async () => drawCard(await engine(), job, resolveJob(library, job)), renderCost(job));
}

/**
 * What a render costs a client's rate budget: its pixel area in OG cards at scale 1 (a story at
 * scale 2 is 11 OG cards of pixels, and about as much work). SVGs cost one.
 */
export function renderCost(job: RenderJob): number {
  if (job.format === 'svg') return 1;
  const size = cardSize(job.spec.size);
  return Math.max(1, Math.round((size.width * size.height * job.spec.scale ** 2) / (1200 * 630)));
}

/**
 * One render thread of the Node pool (render-pool.ts): its own library, fonts and card engine,
 * loaded once, drawing one job at a time. Nothing but the job crosses the thread boundary: an
 * ID, a spec, a format and (for a trim, an erratum or a draft) the quote the main thread
 * resolved from the catalog and the store.
 */
import { workerData } from 'node:worker_threads';
import { drawCard, resolveJob, type RenderJob } from '../../card/card-renderer.ts';
import type { CardBytes } from '../../card/card-cache.ts';
import { YuluError } from '../../errors.ts';
import { QuoteLibrary } from '../../quotes/library.ts';
import { loadArtifacts } from './artifacts.ts';
import { nodeCardEngine } from './cards.ts';

const { baseUrl, fontsDir } = workerData as { baseUrl: string; fontsDir?: string };
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const cards = nodeCardEngine(library, baseUrl, fontsDir);
cards.engine().catch(() => undefined); // loaded now; a failure is reported per job below

/** A YuluError crosses the thread as a plain object and is rebuilt by the pool. */
export type ThreadResult =
  { ok: true; card: CardBytes } | { ok: false; code: string; status: number; message: string };

export async function renderInThread(job: RenderJob & { warm?: true }): Promise<ThreadResult> {
  try {
    if (job.warm) job = { ...job, id: library.quotes[0]?.id ?? '' };
    const card = await drawCard(await cards.engine(), job, resolveJob(library, job));
    return { ok: true, card };
  } catch (error) {
    if (error instanceof YuluError)
      return { ok: false, code: error.code, status: error.status, message: error.message };
    throw error;
  }
}

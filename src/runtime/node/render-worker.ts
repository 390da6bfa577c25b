/**
 * One render thread of the Node pool (render-pool.ts): its own library, fonts and card engine,
 * loaded once, drawing one job at a time. Nothing but the job crosses the thread boundary: an
 * ID, a spec, a format and (for a trim, an erratum or a draft) the quote the main thread
 * resolved from the catalog and the store.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { workerData } from 'node:worker_threads';
import { drawCard, renderCost, resolveJob, type RenderJob } from '../../card/card-renderer.ts';
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

/**
 * Garbage from a big card is collected as soon as it is drawn. A story card at scale 2 leaves a
 * 33 MB resvg pixmap (native, invisible to V8's heuristics, freed only by the finalizer of its JS
 * wrapper), a 33 MB copy of its pixels and the palette buffers; left to V8's own pace a thread
 * drawing big cards back to back carried ~270 MiB of such garbage (one isolate, 40 big cards at
 * scale 2: peak RSS 586 MiB, 317 MiB collecting after each). A full collection costs a few ms
 * against the ~300 ms of such a render, so it runs after every render weighing at least
 * HEAVY_RENDER (renderCost units: four OG cards of pixels); small cards leave V8 to itself.
 * `--expose-gc` is set at run time, so only contexts created afterwards (this one) see `gc`.
 */
const HEAVY_RENDER = 4;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A YuluError crosses the thread as a plain object and is rebuilt by the pool. */
export type ThreadResult =
  { ok: true; card: CardBytes } | { ok: false; code: string; status: number; message: string };

export async function renderInThread(job: RenderJob & { warm?: true }): Promise<ThreadResult> {
  try {
    if (job.warm) job = { ...job, id: library.quotes[0]?.id ?? '' };
    const card = await drawCard(await cards.engine(), job, resolveJob(library, job));
    if (renderCost(job) >= HEAVY_RENDER) {
      collectGarbage();
      await new Promise((resolve) => setImmediate(resolve)); // native finalizers run after a turn
    }
    return { ok: true, card };
  } catch (error) {
    if (error instanceof YuluError)
      return { ok: false, code: error.code, status: error.status, message: error.message };
    throw error;
  }
}

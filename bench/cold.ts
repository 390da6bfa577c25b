/**
 * Cold start of the Node path, in fresh processes: loading the modules (tsx transpiles from its
 * cache), building the engine (catalog, fonts, Yoga), and the first card (Satori parses the fonts).
 */
import { specOf } from './cards.ts';
import { isMain, runChild } from './child.ts';
import { median } from './stats.ts';
import { loadLibrary, yuluNode } from './yulu.ts';

export interface Cold {
  /** Process start → bench modules loaded. */
  modules: number;
  /** Modules loaded → engine ready. */
  startup: number;
  firstRender: number;
  /** Process start → first PNG. */
  processToFirstCard: number;
}

export function measureCold(runs = 3): Cold & { runs: Cold[] } {
  const all = Array.from({ length: runs }, (_, i) => runChild<Cold>('cold.ts', [String(i * 50)]));
  const pick = (k: keyof Cold) => median(all.map((c) => c[k]));
  return {
    modules: pick('modules'),
    startup: pick('startup'),
    firstRender: pick('firstRender'),
    processToFirstCard: pick('processToFirstCard'),
    runs: all,
  };
}

if (isMain(import.meta.url)) {
  const modules = performance.now();
  const library = loadLibrary();
  const yulu = await yuluNode(library);
  const ready = performance.now();
  await yulu.render(library.quotes[Number(process.argv[2] ?? 0)]!, specOf('og'));
  const cold: Cold = {
    modules,
    startup: ready - modules,
    firstRender: performance.now() - ready,
    processToFirstCard: performance.now(),
  };
  console.log(JSON.stringify(cold));
}

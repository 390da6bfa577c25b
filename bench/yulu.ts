/**
 * Yulu's two card pipelines, each the engine's own PNG path, timed stage by stage (compose +
 * Satori → SVG; rasterise the quote layer and lay the kept byline over it; palette PNG): the Node
 * path (resvg-js, zlib run-length deflate) and the Worker path run under Node (satori/standalone +
 * Yoga bytes, @resvg/resvg-wasm, the default CompressionStream deflate).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CardEngine, type CardSpec } from '../src/card/engine.ts';
import { createFontBook } from '../src/card/fonts.ts';
import { initSatori } from '../src/card/render.ts';
import type { FontManifest } from '../src/fonts/fonts.ts';
import { QuoteLibrary } from '../src/quotes/library.ts';
import type { Quote } from '../src/quotes/types.ts';
import { loadArtifacts } from '../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../src/runtime/node/cards.ts';
import { BASE_URL, ROOT } from './cards.ts';
import { benchResvgWasmRasterizer, resvgWasmReady } from './resvg-wasm.ts';

export interface StagedRender {
  png: Uint8Array;
  layout: number;
  raster: number;
  encode: number;
}

export interface YuluPipeline {
  engine: CardEngine;
  render(quote: Quote, spec: CardSpec): Promise<StagedRender>;
}

export function loadLibrary(): QuoteLibrary {
  const { catalog, corpus } = loadArtifacts();
  return new QuoteLibrary(catalog, corpus);
}

/** The engine's own PNG path (what the servers run), with its stages timed. */
function staged(engine: CardEngine): YuluPipeline {
  return {
    engine,
    async render(quote, spec) {
      const stages = { layout: 0, raster: 0, encode: 0 };
      const { png } = await engine.png(quote.id, spec, undefined, stages);
      return { png, ...stages };
    },
  };
}

/** The Node path, exactly as `npm start` builds it. */
export async function yuluNode(library: QuoteLibrary): Promise<YuluPipeline> {
  return staged(await createNodeCardEngine(library, BASE_URL));
}

export const resvgWasmRasterizer = benchResvgWasmRasterizer;

/**
 * The Worker path under Node: the FontBook built from fonts/manifest.json and the font bytes (as
 * the Worker does from its assets), resvg-wasm, and no deflate override (CompressionStream).
 * Satori is the same satori/standalone instance as the Node path (one per process, like an isolate).
 */
export async function yuluWorker(library: QuoteLibrary): Promise<YuluPipeline> {
  // The Worker passes the Yoga module it imported; Node compiles the same yoga.wasm from bytes.
  // One satori/standalone per process, as per isolate: a no-op if the Node path initialised it.
  await initSatori(readFileSync(createRequire(import.meta.url).resolve('satori/yoga.wasm')));
  const manifest = JSON.parse(readFileSync(`${ROOT}fonts/manifest.json`, 'utf8')) as FontManifest;
  const data = new Map<string, ArrayBuffer>();
  for (const font of manifest.fonts)
    data.set(font.file, new Uint8Array(readFileSync(`${ROOT}fonts/${font.file}`)).buffer);
  const engine = new CardEngine({
    library,
    fonts: createFontBook(manifest, data),
    rasterizer: resvgWasmRasterizer,
    baseUrl: BASE_URL,
  });
  await resvgWasmReady();
  return staged(engine);
}

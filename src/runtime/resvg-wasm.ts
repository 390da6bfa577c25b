/**
 * The resvg-wasm rasterizer, shared by the runtimes that use it: the Worker (src/runtime/worker/
 * resvg-wasm.ts passes the module wrangler bundled) and the bench (bench/resvg-wasm.ts, the bytes).
 * A runtime adapter, not core: @resvg/* may only be imported under src/runtime/.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { Rasterizer } from '../card/ports.ts';

let ready: Promise<void> | undefined;

/**
 * Initialises resvg-wasm once per process or isolate (a second `initWasm` throws) from whatever
 * the runtime can give: the Worker passes the module it imported (workerd cannot compile wasm
 * from bytes at run time), Node (the bench) passes the bytes.
 */
export function initResvgWasm(
  wasm: () => WebAssembly.Module | ArrayBuffer | Uint8Array,
): Promise<void> {
  ready ??= initWasm(wasm() as never);
  return ready;
}

/** A rasterizer on resvg-wasm; native memory is freed as soon as the pixels are copied out. */
export function resvgWasmRasterizer(
  wasm: () => WebAssembly.Module | ArrayBuffer | Uint8Array,
): Rasterizer {
  return {
    async rgba(svg, width) {
      await initResvgWasm(wasm);
      const resvg = new Resvg(svg, {
        fitTo: { mode: 'width', value: width },
        font: { loadSystemFonts: false },
      });
      try {
        const image = resvg.render();
        const result = { data: image.pixels, width: image.width, height: image.height };
        image.free();
        return result;
      } finally {
        resvg.free();
      }
    },
  };
}

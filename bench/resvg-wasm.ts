/**
 * @resvg/resvg-wasm under Node, initialised once per process from the package's own
 * index_bg.wasm bytes (the Worker imports the same file as a module, which Node cannot).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initResvgWasm, resvgWasmRasterizer } from '../src/runtime/resvg-wasm.ts';

const bytes = () =>
  readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));

export function resvgWasmReady(): Promise<void> {
  return initResvgWasm(bytes);
}

/** Yulu's Worker rasterizer (src/runtime/resvg-wasm.ts), initialised from the wasm bytes. */
export const benchResvgWasmRasterizer = resvgWasmRasterizer(bytes);

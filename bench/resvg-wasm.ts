/**
 * @resvg/resvg-wasm under Node, initialised once per process from the package's own
 * index_bg.wasm bytes (the Worker imports the same file as a module, which Node cannot).
 */
import { initWasm } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let ready: Promise<void> | undefined;

export function resvgWasmReady(): Promise<void> {
  ready ??= initWasm(
    readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')),
  );
  return ready;
}

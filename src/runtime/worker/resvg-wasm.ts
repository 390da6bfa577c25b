import resvgModule from '@resvg/resvg-wasm/index_bg.wasm';
import { resvgWasmRasterizer } from '../resvg-wasm.ts';

/** The Worker's rasterizer: resvg-wasm from the module wrangler bundled. */
export const workerRasterizer = resvgWasmRasterizer(() => resvgModule);

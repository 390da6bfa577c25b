import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CardEngine } from '../../card/engine.ts';
import { createFontBook } from '../../card/fonts.ts';
import { initSatori } from '../../card/render.ts';
import type { FontManifest } from '../../fonts/fonts.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { resvgRasterizer } from './resvg.ts';

const FONTS_DIR = new URL('../../../fonts/', import.meta.url).pathname;

/** Reads fonts/manifest.json and every font it lists, once per process. */
export function loadFonts(dir: string = FONTS_DIR) {
  const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as FontManifest;
  const data = new Map<string, ArrayBuffer>();
  for (const font of manifest.fonts) {
    const bytes = readFileSync(`${dir}${font.file}`);
    data.set(
      font.file,
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  }
  return createFontBook(manifest, data);
}

/** The card engine on Node: resvg-js, fonts from fonts/, Satori's Yoga from its package. */
export async function createNodeCardEngine(
  library: QuoteLibrary,
  baseUrl: string,
): Promise<CardEngine> {
  const require = createRequire(import.meta.url);
  await initSatori(readFileSync(require.resolve('satori/yoga.wasm')));
  return new CardEngine({ library, fonts: loadFonts(), rasterizer: resvgRasterizer, baseUrl });
}

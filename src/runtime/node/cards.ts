import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CardEngine } from '../../card/engine.ts';
import {
  createCardEngine,
  manifestRenderVersion,
  type CardEngineSource,
} from '../../card/engine-factory.ts';
import { createFontBook } from '../../card/fonts.ts';
import { YuluError } from '../../errors.ts';
import type { FontManifest } from '../../fonts/fonts.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { resvgRasterizer } from './resvg.ts';

const FONTS_DIR = new URL('../../../fonts/', import.meta.url).pathname;

/**
 * The card engine on Node: fonts from fonts/ (manifest and files read again at each load
 * attempt), resvg-js, Satori's Yoga from its package. Loaded on first use; a missing or corrupt
 * font is a 503 `render_failed` naming the file for `retryMs`, then loading is tried again.
 */
export function nodeCardEngine(
  library: QuoteLibrary,
  baseUrl: string,
  fontsDir: string = FONTS_DIR,
  retryMs?: number,
): CardEngineSource {
  return createCardEngine({
    library,
    baseUrl,
    manifest: () => readManifest(fontsDir),
    fontData: (manifest) => readFonts(fontsDir, manifest),
    rasterizer: resvgRasterizer,
    yoga: () => readFileSync(createRequire(import.meta.url).resolve('satori/yoga.wasm')),
    ...(retryMs === undefined ? {} : { retryMs }),
  });
}

/** A loaded engine (the CLI, tests): its own source, loaded now. */
export function createNodeCardEngine(
  library: QuoteLibrary,
  baseUrl: string,
  fontsDir: string = FONTS_DIR,
): Promise<CardEngine> {
  return nodeCardEngine(library, baseUrl, fontsDir).engine();
}

/** The engine for a long-running server, loaded on first use (see nodeCardEngine). */
export function lazyNodeCardEngine(
  library: QuoteLibrary,
  baseUrl: string,
  fontsDir: string = FONTS_DIR,
  retryMs?: number,
): () => Promise<CardEngine> {
  const source = nodeCardEngine(library, baseUrl, fontsDir, retryMs);
  return () => source.engine();
}

/** The render version cards would be drawn at with the fonts in `dir`, known from the manifest. */
export function nodeRenderVersion(dir: string = FONTS_DIR): string {
  return manifestRenderVersion(() => readManifest(dir));
}

/**
 * Reads fonts/manifest.json and every font it lists. A manifest or font file that cannot be
 * read is a 503 `render_failed` naming the file (a corrupt one is caught by createFontBook), so
 * a broken font takes cards down, not the process.
 */
export function loadFonts(dir: string = FONTS_DIR) {
  const manifest = readManifest(dir);
  return createFontBook(manifest, readFonts(dir, manifest));
}

function readFonts(dir: string, manifest: FontManifest): Map<string, ArrayBuffer> {
  const data = new Map<string, ArrayBuffer>();
  for (const font of manifest.fonts) {
    const bytes = readFont(dir, font.file);
    data.set(
      font.file,
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  }
  return data;
}

function readManifest(dir: string): FontManifest {
  try {
    return JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as FontManifest;
  } catch (cause) {
    throw new YuluError(
      'render_failed',
      `fonts/manifest.json cannot be read (${(cause as Error).message}); run npm run fonts`,
      { status: 503, cause },
    );
  }
}

function readFont(dir: string, file: string): Buffer {
  try {
    return readFileSync(`${dir}${file}`);
  } catch (cause) {
    throw new YuluError(
      'render_failed',
      `font ${file} listed in fonts/manifest.json cannot be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}); run npm run fonts`,
      { status: 503, cause },
    );
  }
}

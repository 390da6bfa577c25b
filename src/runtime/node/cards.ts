import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CardEngine, renderVersion } from '../../card/engine.ts';
import { createFontBook, fontsVersion } from '../../card/fonts.ts';
import { YuluError } from '../../errors.ts';
import { initSatori } from '../../card/render.ts';
import type { FontManifest } from '../../fonts/fonts.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { resvgRasterizer } from './resvg.ts';

const FONTS_DIR = new URL('../../../fonts/', import.meta.url).pathname;

/**
 * Reads fonts/manifest.json and every font it lists, once per process. A manifest or font file
 * that cannot be read is a 503 `render_failed` naming the file (a corrupt one is caught by
 * createFontBook), so a broken font takes cards down, not the process.
 */
export function loadFonts(dir: string = FONTS_DIR) {
  const manifest = readManifest(dir);
  const data = new Map<string, ArrayBuffer>();
  for (const font of manifest.fonts) {
    const bytes = readFont(dir, font.file);
    data.set(
      font.file,
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  }
  return createFontBook(manifest, data);
}

/** The render version cards will be drawn at, known from the manifest without loading fonts. */
export function nodeRenderVersion(dir: string = FONTS_DIR): string {
  try {
    return renderVersion(fontsVersion(readManifest(dir)));
  } catch {
    return renderVersion('fonts-unavailable'); // cards answer 503 until the fonts are fixed
  }
}

/** The card engine on Node: resvg-js, fonts from fonts/, Satori's Yoga from its package. */
export async function createNodeCardEngine(
  library: QuoteLibrary,
  baseUrl: string,
  fontsDir: string = FONTS_DIR,
): Promise<CardEngine> {
  const require = createRequire(import.meta.url);
  await initSatori(readFileSync(require.resolve('satori/yoga.wasm')));
  return new CardEngine({
    library,
    fonts: loadFonts(fontsDir),
    rasterizer: resvgRasterizer,
    baseUrl,
  });
}

/**
 * The engine for a long-running server: loaded on first use and kept. A failure (a missing or
 * corrupt font) is remembered for `retryMs` so every card request answers the same 503 quickly,
 * then loading is tried again — fixing the file heals the server without a restart.
 */
export function lazyNodeCardEngine(
  library: QuoteLibrary,
  baseUrl: string,
  fontsDir: string = FONTS_DIR,
  retryMs = 10_000,
): () => Promise<CardEngine> {
  let loading: Promise<CardEngine> | undefined;
  let failedAt = 0;
  return () => {
    if (!loading || (failedAt && Date.now() - failedAt > retryMs)) {
      failedAt = 0;
      loading = createNodeCardEngine(library, baseUrl, fontsDir);
      loading.catch(() => (failedAt = Date.now()));
    }
    return loading;
  };
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

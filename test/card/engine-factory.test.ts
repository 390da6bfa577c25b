import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createCardEngine, type CardEngineDeps } from '../../src/card/engine-factory.ts';
import { cardSpec } from '../../src/card/spec.ts';
import type { Rasterizer } from '../../src/card/ports.ts';
import type { FontManifest } from '../../src/fonts/fonts.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { resvgRasterizer } from '../../src/runtime/node/resvg.ts';

const FONTS = new URL('../../fonts/', import.meta.url).pathname;
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const id = catalog.quotes[0]!.id;
const manifest = JSON.parse(readFileSync(`${FONTS}manifest.json`, 'utf8')) as FontManifest;
const fontData = new Map(
  manifest.fonts.map((f) => [f.file, new Uint8Array(readFileSync(`${FONTS}${f.file}`)).buffer]),
);
const yoga = readFileSync(createRequire(import.meta.url).resolve('satori/yoga.wasm'));

/** In-memory ports: the manifest and font bytes as a runtime would hand them over. */
function deps(overrides: Partial<CardEngineDeps> = {}): CardEngineDeps {
  return {
    library,
    baseUrl: 'https://yulu.example',
    manifest: () => manifest,
    fontData: () => fontData,
    rasterizer: resvgRasterizer,
    yoga: () => yoga,
    ...overrides,
  };
}

/** resvg-js, counting the rasters it is asked for. */
function counting(): Rasterizer & { calls: number } {
  const rasterizer = {
    calls: 0,
    rgba: (svg: string, width: number) => {
      rasterizer.calls++;
      return resvgRasterizer.rgba(svg, width);
    },
  };
  return rasterizer;
}

describe('createCardEngine', () => {
  it('two engines with different options share no state, even with one rasterizer', async () => {
    const rasterizer = counting();
    const a = await createCardEngine(deps({ rasterizer, baseUrl: 'https://a.example' })).engine();
    const b = await createCardEngine(
      deps({ rasterizer, baseUrl: 'https://b.example', budgets: { bylinePixelBytes: 1 } }),
    ).engine();
    const spec = cardSpec({});
    await a.png(id, spec);
    await a.png(id, spec);
    // A drew its byline once and kept it: two quote layers and one byline.
    expect(rasterizer.calls).toBe(3);
    expect(a.caches.bylines.size).toBe(1);
    expect(a.caches.bylinePixels.size).toBe(1);
    expect([...a.caches.qrCodes.keys()]).toEqual([`https://a.example/q/${id}`]);
    // B has seen none of it.
    expect([b.caches.bylines.size, b.caches.bylinePixels.size, b.caches.qrCodes.size]).toEqual([
      0, 0, 0,
    ]);

    await b.png(id, spec);
    await b.png(id, spec);
    // B rasterises its byline itself, and with a 1-byte budget keeps no pixels: two each time.
    expect(rasterizer.calls).toBe(3 + 4);
    expect(b.caches.bylinePixels.size).toBe(0);
    expect([...b.caches.qrCodes.keys()]).toEqual([`https://b.example/q/${id}`]);
    // A's budget and pixels are untouched by B's options.
    expect(a.caches.bylinePixels.maxSize).toBe(24 * 2 ** 20);
    expect(a.caches.bylinePixels.size).toBe(1);
  });

  it('the render version has one source: page links follow a font fix without a restart', async () => {
    // A font was replaced but is corrupt on disk: the manifest names the new hash, the bytes are bad.
    const victim = manifest.fonts[1]!.file;
    const broken: FontManifest = {
      ...manifest,
      fonts: manifest.fonts.map((f) => (f.file === victim ? { ...f, sha256: 'f'.repeat(64) } : f)),
    };
    let fixed = false;
    let clock = 0;
    const cards = createCardEngine(
      deps({
        manifest: () => (fixed ? manifest : broken),
        fontData: () =>
          fixed ? fontData : new Map([...fontData, [victim, new ArrayBuffer(2000)]]),
        retryMs: 1000,
        now: () => clock,
      }),
    );
    const app = createApp({ library, cards: { engine: cards.engine }, links: cards.links });
    const cardLink = async () => {
      const html = await (await app.request(`/q/${id}`)).text();
      return new RegExp(`/cards/${id}\\.png\\?[^"]*`).exec(html)![0].replaceAll('&amp;', '&');
    };

    expect((await app.request(`/cards/${id}.png`)).status).toBe(503);
    const before = await cardLink();
    expect(cards.links.renderVersion).toBe(cards.version);

    fixed = true;
    clock += 1000; // the retry window has passed: the next request loads again
    const engine = await cards.engine();
    expect(cards.version).toBe(engine.version);
    expect(cards.links.renderVersion).toBe(engine.version);

    const after = await cardLink();
    expect(after).not.toBe(before);
    expect(after).toBe(engine.cardPath(id, cardSpec({}), 'png'));
    const res = await app.request(after);
    expect(res.status).toBe(200); // not a 302 to the current version
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('no runtime derives the render version itself', () => {
    const runtime = new URL('../../src/runtime/', import.meta.url).pathname;
    const files = readdirSync(runtime, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(ts|mjs)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files)
      expect(readFileSync(`${runtime}${file}`, 'utf8'), file).not.toMatch(
        /\brenderVersion\(|\bfontsVersion\(|new CardEngine\(/,
      );
  });
});

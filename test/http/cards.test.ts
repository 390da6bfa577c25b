import { beforeAll, describe, expect, it } from 'vitest';
import { CardCache } from '../../src/card/card-cache.ts';
import type { CardEngine } from '../../src/card/engine.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { decodePng } from '../support/png.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const id = catalog.quotes[3]!.id;
let engine: CardEngine;
let cache: CardCache;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  engine = await createNodeCardEngine(library, 'https://yulu.example');
  cache = new CardCache();
  app = createApp({ library, cards: { engine, cache } });
});

describe('GET /cards/{id}.png', () => {
  it('renders a PNG of the requested size with image headers', async () => {
    const res = await app.request(`/cards/${id}.png?size=portrait&theme=ink&script=tw`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([1080, 1350]);
  });

  it('renders vertical cards (layout=vertical) with their own ETag, and refuses them on og', async () => {
    const horizontal = await app.request(`/cards/${id}.png?size=story`);
    const vertical = await app.request(`/cards/${id}.png?size=story&layout=vertical`);
    expect(vertical.status).toBe(200);
    expect(vertical.headers.get('etag')).not.toBe(horizontal.headers.get('etag'));
    const same = await app.request(`/cards/${id}.png?layout=horizontal&size=story`);
    expect(same.headers.get('etag')).toBe(horizontal.headers.get('etag'));
    expect(
      engine.cardPath(
        id,
        { size: 'story', theme: 'paper', script: 'hans', scale: 1, layout: 'vertical' },
        'png',
      ),
    ).toContain('layout=vertical');
    for (const query of ['size=og&layout=vertical', 'size=story&layout=diagonal']) {
      const res = await app.request(`/cards/${id}.png?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_argument',
      );
    }
  });

  it('renders twice the pixels at scale=2', async () => {
    const res = await app.request(`/cards/${id}.png?scale=2`);
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([2400, 1260]);
  });

  it('serves SVG too', async () => {
    const res = await app.request(`/cards/${id}.svg`);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await res.text()).toMatch(/^<svg[^>]*width="1200"/);
  });

  it('caches content-versioned URLs forever, unversioned ones briefly, and redirects stale ones', async () => {
    const path = engine.cardPath(
      id,
      { size: 'og', theme: 'paper', script: 'hans', scale: 1 },
      'png',
    );
    expect(path).toContain(`v=${engine.contentVersion(id)}`);
    const versioned = await app.request(path);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const plain = await app.request(`/cards/${id}.png`);
    expect(plain.headers.get('cache-control')).toMatch(/max-age=\d+, must-revalidate/);
    // The render version alone (what card URLs carried before) is stale: redirected, briefly cached.
    const stale = await app.request(`/cards/${id}.png?size=og&v=${engine.version}`);
    expect(stale.status).toBe(302);
    expect(stale.headers.get('location')).toBe(path);
    expect(stale.headers.get('cache-control')).toMatch(/max-age=300/);
  });

  it('answers 304 to a matching If-None-Match, and equivalent queries share an ETag', async () => {
    const a = await app.request(`/cards/${id}.png?theme=paper&size=og`);
    const b = await app.request(`/cards/${id}.png?size=og&theme=paper&script=hans&scale=1`);
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    const c = await app.request(`/cards/${id}.png?size=square`);
    expect(c.headers.get('etag')).not.toBe(a.headers.get('etag'));
    const revalidated = await app.request(`/cards/${id}.png?size=og`, {
      headers: { 'If-None-Match': a.headers.get('etag')! },
    });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('renders concurrent identical requests once', async () => {
    const before = cache.stats.renders;
    const url = `/cards/${catalog.quotes[5]!.id}.png?size=story&theme=yulu`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.request(url)));
    const bodies = await Promise.all(responses.map((r) => r.arrayBuffer()));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(cache.stats.renders - before).toBe(1);
    const first = Buffer.from(bodies[0]!);
    expect(bodies.every((body) => Buffer.from(body).equals(first))).toBe(true);
  });

  it.each([
    [`/cards/${id}.png?size=huge`, 400, /size "huge".*og, square, portrait, xiaohongshu, story/],
    [`/cards/${id}.png?theme=neon`, 400, /theme "neon".*paper/],
    [`/cards/${id}.png?script=latn`, 400, /script "latn".*hans, hant, tw, hk/],
    [`/cards/${id}.png?scale=3`, 400, /scale "3".*1, 2/],
    [`/cards/${id}.png?text=hello`, 400, /unknown parameter "text"/],
    [`/cards/${id}.png?size=og&size=square`, 400, /given 2 times/],
    ['/cards/zzzzzzzz.png', 404, /no quote with ID "zzzzzzzz"/],
    [`/cards/${id}.gif`, 404, /card URLs are/],
  ])('%s → %i with a clear JSON error', async (url, status, message) => {
    const res = await app.request(url);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/^[a-z_]+$/);
    expect(body.error.message).toMatch(message);
  });
});

describe('the JSON API with links', () => {
  it('gives a quote its permalink, source view, card URLs per size and context', async () => {
    const linked = createApp({
      library,
      cards: { engine },
      links: { baseUrl: 'https://yulu.example', renderVersion: engine.version },
    });
    const res = await linked.request(`/api/quotes/${id}`);
    const body = (await res.json()) as {
      quote: {
        permalink: string;
        sourceView: string;
        cards: Record<string, { png: string; width: number }>;
      };
      context: { before: { text: string } | null; after: { text: string } | null };
    };
    expect(body.quote.permalink).toBe(`https://yulu.example/q/${id}`);
    expect(body.quote.sourceView).toMatch(new RegExp(`/sources/[a-z0-9-]+\\?hl=${id}#q-${id}$`));
    expect(Object.keys(body.quote.cards)).toEqual([
      'og',
      'square',
      'portrait',
      'xiaohongshu',
      'story',
    ]);
    expect(body.quote.cards.og!.png).toBe(
      `https://yulu.example${engine.cardPath(id, { size: 'og', theme: 'paper', script: 'hans', scale: 1 }, 'png')}`,
    );
    expect(body.context.before ?? body.context.after).not.toBeNull();
    // The advertised URL serves the card.
    const card = await linked.request(
      new URL(body.quote.cards.square!.png).pathname + new URL(body.quote.cards.square!.png).search,
    );
    expect(card.status).toBe(200);
    expect(card.headers.get('cache-control')).toContain('immutable');
  });

  it('filters the list by length', async () => {
    const res = await app.request('/api/quotes?minLength=60&limit=100');
    const body = (await res.json()) as { quotes: { text: string }[] };
    expect(body.quotes.length).toBeGreaterThan(0);
    expect(body.quotes.every((q) => [...q.text].length >= 60)).toBe(true);
  });
});

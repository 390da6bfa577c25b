import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/desk/migrate.ts';
import { d1Driver } from '../../src/runtime/worker/d1.ts';
import catalog from '../../quotes/catalog.json';

const worker = (
  exports as unknown as { default: { fetch(request: Request | string): Promise<Response> } }
).default;
const id = (catalog as { quotes: { id: string }[] }).quotes[3]!.id;
const get = (path: string, init?: RequestInit) =>
  worker.fetch(new Request(`https://yulu.test${path}`, init));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

const testEnv = env as unknown as {
  DB: D1Database;
  CARDS: R2Bucket & {
    list(options: { prefix: string }): Promise<{ objects: { key: string }[] }>;
    delete(key: string): Promise<void>;
  };
  TEST_MIGRATIONS: { name: string; queries: string[] }[];
};
beforeAll(async () => {
  // What `wrangler d1 migrations apply --local` does before `wrangler dev`.
  await applyMigrations(
    d1Driver(testEnv.DB),
    testEnv.TEST_MIGRATIONS.map((m) => ({
      name: m.name,
      sql: m.queries.map((q) => `${q.replace(/;\s*$/, '')};`).join('\n'),
    })),
  );
});

describe('the Worker in workerd', () => {
  it('serves the daily quote from D1', async () => {
    const res = await get('/api/daily?date=2026-11-23');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { date: string; quote: { id: string } };
    expect(body.date).toBe('2026-11-23');
    const again = (await (await get('/api/daily?date=2026-11-23')).json()) as {
      quote: { id: string };
    };
    expect(again.quote.id).toBe(body.quote.id);
    const png = await get('/daily.png?date=2026-11-23', { redirect: 'manual' });
    expect(png.status).toBe(302);
  });

  it('serves the JSON API', async () => {
    const res = await get(`/api/quotes/${id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { quote: { id: string } };
    expect(body.quote.id).toBe(id);
  });

  it('renders a PNG card with resvg-wasm and fonts from static assets', async () => {
    const res = await get(`/cards/${id}.png?size=portrait&theme=ink&script=tw`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(bytes)).toEqual([1080, 1350]);
  });

  it('serves SVG, ETags and 304s like the Node runtime', async () => {
    const svg = await get(`/cards/${id}.svg`);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg[^>]*width="1200"/);
    const first = await get(`/cards/${id}.png`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const again = await get(`/cards/${id}.png`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the permalink page with Open Graph tags and the source view', async () => {
    const page = await get(`/q/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/127\.0\.0\.1:8788\/cards\/[0-9a-z]{8}\.png\?[^"]*v=/,
    );
    expect(html).toContain('twitter:card');
    const source = await get(
      `/sources/${(catalog as { quotes: { source: string }[] }).quotes[3]!.source}?hl=${id}`,
    );
    expect(await source.text()).toContain(`id="q-${id}"`);
  });

  it('keeps rendered cards in R2 behind the Cache API and serves them from there', async () => {
    const path = `/cards/${id}.png?size=square&theme=yulu&script=hk`;
    const first = await get(path);
    expect(first.status).toBe(200);
    const bytes = new Uint8Array(await first.arrayBuffer());
    const { objects } = await testEnv.CARDS.list({ prefix: 'cards/' });
    const stored = objects.find(
      (o) => o.key.includes(`${id}.png`) && o.key.includes('size=square'),
    );
    expect(stored).toBeDefined();
    const object = await testEnv.CARDS.get(stored!.key);
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(bytes);
    expect(object!.httpMetadata?.contentType).toBe('image/png');
    // The same card asked for again comes back byte for byte (from memory, Cache API or R2).
    expect(new Uint8Array(await (await get(path)).arrayBuffer())).toEqual(bytes);
  });

  it('puts a CSP on SVG cards', async () => {
    const svg = await get(`/cards/${id}.svg?theme=kai`);
    expect(svg.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('returns the same JSON errors', async () => {
    const res = await get(`/cards/${id}.png?size=huge`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_argument');
    expect(body.error.message).toMatch(/allowed: og, square/);
    expect((await get('/cards/zzzzzzzz.png')).status).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';

const { catalog, corpus } = loadArtifacts();
const app = createApp({ library: new QuoteLibrary(catalog, corpus) });
const json = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('JSON API', () => {
  // Listing defaults to the publishable tier (issue 12); ?tier=all covers the whole catalog.
  const listAll = async (query: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await json(`/api/quotes?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      ids.push(...(page.body.quotes as { id: string }[]).map((q) => q.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    return ids;
  };

  it('lists quotes with cursor pagination that covers every quote once (?tier=all)', async () => {
    expect(await listAll('&tier=all')).toEqual(catalog.quotes.map((q) => q.id));
  });

  it('lists only publishable quotes by default, and validates tier', async () => {
    const publishable = catalog.quotes.filter((q) => q.tier === 'publishable').map((q) => q.id);
    expect(publishable.length).toBeGreaterThan(0);
    expect(publishable.length).toBeLessThan(catalog.quotes.length);
    expect(await listAll('')).toEqual(publishable);
    const bad = await json('/api/quotes?tier=everything');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/tier/);
  });

  it('filters by speaker and text', async () => {
    const { body } = await json(`/api/quotes?speaker=${encodeURIComponent('李志飞')}&limit=5`);
    expect((body.quotes as { speaker: string }[]).every((q) => q.speaker === '李志飞')).toBe(true);
    const found = await json(`/api/quotes?q=${encodeURIComponent('爬楼梯')}`);
    expect(found.body.total).toBeGreaterThan(0);
  });

  it('returns one quote with its paragraph', async () => {
    const q = catalog.quotes[10]!;
    const { status, body } = await json(`/api/quotes/${q.id}`);
    expect(status).toBe(200);
    const paragraph = body.paragraph as { text: string };
    expect(paragraph.text.slice(q.span[0], q.span[1])).toBe(q.text);
  });

  it.each([
    ['/api/quotes/zzzzzzzz', 404, 'quote_not_found'],
    ['/api/quotes?limit=0', 400, 'invalid_argument'],
    ['/api/quotes?bogus=1', 400, 'invalid_argument'],
    ['/api/sources/nope', 404, 'source_not_found'],
    ['/api/nothing', 404, 'route_not_found'],
    ['/nothing', 404, 'route_not_found'],
  ])('%s → %i %s with a message', async (path, status, code) => {
    const res = await json(path);
    expect(res.status).toBe(status);
    const error = res.body.error as { code: string; message: string };
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('names the bad parameter and what is allowed', async () => {
    const { body } = await json('/api/quotes?limit=500&colour=red');
    expect((body.error as { message: string }).message).toMatch(
      /limit: .*100.*unknown parameter\(s\) colour/,
    );
  });

  it('lists sources and serves one with its paragraphs', async () => {
    const list = await json('/api/sources');
    expect((list.body.sources as unknown[]).length).toBe(5);
    const one = await json('/api/sources/yan-junjie-waves-2024');
    expect((one.body.paragraphs as unknown[]).length).toBeGreaterThan(50);
  });
});

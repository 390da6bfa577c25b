import { memoryStore } from '../support/store.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let app: ReturnType<typeof createApp>;
let store: EditorialStore;

beforeAll(async () => {
  store = await memoryStore();
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: 'https://yulu.example', renderVersion: engine.version },
    store: async () => store,
  });
});

describe('daily routes', () => {
  it('serve the scheduled quote for a date, as JSON, card and page', async () => {
    const id = catalog.quotes[9]!.id;
    await store.setSchedule('2027-05-04', id, { actor: 'ann', expectedVersion: 0 });
    const res = await app.request('/api/daily?date=2027-05-04');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      date: string;
      how: string;
      quote: { id: string };
      permalink: string;
      card: string;
    };
    expect(body).toMatchObject({
      date: '2027-05-04',
      how: 'scheduled',
      quote: { id },
      permalink: `https://yulu.example/q/${id}`,
    });

    const png = await app.request('/daily.png?date=2027-05-04&size=square');
    expect(png.status).toBe(302);
    const location = png.headers.get('location')!;
    expect(location).toMatch(
      new RegExp(`^/cards/${id}\\.png\\?size=square&theme=paper&script=hans&scale=1&v=`),
    );
    const card = await app.request(location);
    expect(card.headers.get('content-type')).toBe('image/png');
    expect((await app.request('/daily?date=2027-05-04')).headers.get('location')).toBe(`/q/${id}`);
  });

  it('answers today without a date, and bad dates or parameters with clear errors', async () => {
    expect((await app.request('/api/daily')).status).toBe(200);
    const bad = await app.request('/api/daily?date=2027-02-30');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /calendar date/,
    );
    expect((await app.request('/daily.png?size=huge')).status).toBe(400);
    expect((await app.request('/api/daily?when=today')).status).toBe(400);
  });
});

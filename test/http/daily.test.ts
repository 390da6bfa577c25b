import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/daily/calendar.ts';
import { DailyService } from '../../src/daily/service.ts';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { countingStore } from '../support/counting-store.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const FIRST = '2026-11-01';
const TODAY = '2026-12-01';
const clock = () => new Date(`${TODAY}T09:00:00+08:00`);
let app: ReturnType<typeof createApp>;
let store: EditorialStore;
let counter: { writes: number };

beforeAll(async () => {
  ({ store, counter } = await countingStore(clock));
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: 'https://yulu.example', renderVersion: engine.version },
    store: async () => store,
    daily: new DailyService({ library, store: async () => store, firstDay: FIRST, now: clock }),
  });
});

describe('daily routes', () => {
  it('serve the scheduled quote for a date, as JSON and card', async () => {
    const id = catalog.quotes.find((q) => q.role === 'guest')!.id;
    await store.setSchedule('2027-05-04', id, { actor: 'ann', expectedVersion: 0 });
    const res = await app.request('/api/daily?date=2027-05-04');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=300/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      date: '2027-05-04',
      how: 'scheduled',
      published: false,
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
  });

  it('never write, whatever date is asked for (the old GET ?date=0001-01-01 wrote three rows)', async () => {
    const before = counter.writes;
    for (const date of ['0001-01-01', '2026-10-31', FIRST, '2026-11-20', TODAY, '2027-02-01'])
      await app.request(`/api/daily?date=${date}`);
    await app.request('/api/daily');
    await app.request('/daily.svg?date=2026-11-20');
    expect(counter.writes).toBe(before);
    expect(await store.published('0000-01-01', '9999-12-31')).toEqual([]);
    expect(await store.audit(10)).toHaveLength(1); // the schedule write above, nothing else
  });

  it('answer dates out of range with clear errors', async () => {
    const early = await app.request('/api/daily?date=0001-01-01');
    expect(early.status).toBe(404);
    expect(await early.json()).toMatchObject({
      error: {
        code: 'daily_not_found',
        message: `the daily quote starts on ${FIRST}; there is none for 0001-01-01`,
      },
    });
    const far = await app.request(`/api/daily?date=${addDays(TODAY, 366)}`);
    expect(far.status).toBe(400);
    expect(((await far.json()) as { error: { message: string } }).error.message).toMatch(
      /more than 365 days ahead of today \(2026-12-01\); ask for 2027-12-01 or earlier/,
    );
    expect((await app.request(`/api/daily?date=${addDays(TODAY, 365)}`)).status).toBe(200);
    const bad = await app.request('/api/daily?date=2027-02-30');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /calendar date/,
    );
    expect((await app.request('/daily.png?size=huge')).status).toBe(400);
    expect((await app.request('/api/daily?when=today')).status).toBe(400);
  });
});

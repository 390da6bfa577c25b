import { env } from 'cloudflare:workers';
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/desk/migrate.ts';
import { d1Driver } from '../../src/runtime/worker/d1.ts';
import worker, { type Env } from '../../src/runtime/worker/index.ts';

const testEnv = env as unknown as Env & {
  TEST_MIGRATIONS: { name: string; queries: string[] }[];
};

beforeAll(async () => {
  await applyMigrations(
    d1Driver(testEnv.DB),
    testEnv.TEST_MIGRATIONS.map((m) => ({
      name: m.name,
      sql: m.queries.map((q) => `${q.replace(/;\s*$/, '')};`).join('\n'),
    })),
  );
});

const rows = async () =>
  (await testEnv.DB.prepare('SELECT day, quote_id FROM daily_published ORDER BY day').all())
    .results as { day: string; quote_id: string }[];
/** Rows in every table a write could touch. */
const writes = async () =>
  (
    await testEnv.DB.prepare(
      'SELECT (SELECT count(*) FROM daily_published) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM idempotency) + (SELECT count(*) FROM schedule) AS n',
    ).all()
  ).results;

describe('the daily quote on the Worker', () => {
  it('reads write nothing to D1', async () => {
    const before = await writes();
    for (const date of ['0001-01-01', '2026-11-02', '2026-11-24', '2027-01-05']) {
      const res = await worker.fetch(
        new Request(`https://yulu.test/api/daily?date=${date}`),
        testEnv,
        createExecutionContext() as never,
      );
      expect(res.status, date).toBe(date === '0001-01-01' ? 404 : 200);
    }
    expect(await writes()).toEqual(before);
  });

  it('goes out by the Cron Trigger at 00:00 Shanghai, idempotently, as previewed', async () => {
    const preview = (await (
      await worker.fetch(
        new Request('https://yulu.test/api/daily?date=2026-11-03'),
        testEnv,
        createExecutionContext() as never,
      )
    ).json()) as { quote: { id: string }; published: boolean };
    expect(preview.published).toBe(false);

    // 16:00 UTC on 2 November is 00:00 on 3 November in Shanghai.
    const run = async () => {
      const ctx = createExecutionContext();
      worker.scheduled(
        createScheduledController({
          scheduledTime: Date.parse('2026-11-02T16:00:00Z'),
          cron: '0 16 * * *',
        }),
        testEnv,
        ctx as never,
      );
      await waitOnExecutionContext(ctx);
    };
    await run();
    const published = await rows();
    expect(published.map((r) => r.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(published[2]!.quote_id).toBe(preview.quote.id);
    await run();
    expect(await rows()).toEqual(published);

    const after = (await (
      await worker.fetch(
        new Request('https://yulu.test/api/daily?date=2026-11-03'),
        testEnv,
        createExecutionContext() as never,
      )
    ).json()) as { quote: { id: string }; published: boolean };
    expect(after).toMatchObject({ published: true, quote: { id: preview.quote.id } });
  });
});

describe('ways out on the Worker', () => {
  const fetch = (path: string) =>
    worker.fetch(
      new Request(`https://yulu.test${path}`),
      testEnv,
      createExecutionContext() as never,
    );

  it('serves the feeds, oEmbed, the OpenAPI document (zod-openapi in workerd) and the sitemap', async () => {
    const atom = await fetch('/daily/feed.xml');
    expect(atom.status).toBe(200);
    expect(await atom.text()).toMatch(
      /^<\?xml[\s\S]*<entry>[\s\S]*<link rel="enclosure" type="image\/png"/,
    );
    const json = (await (await fetch('/daily/feed.json')).json()) as { items: unknown[] };
    expect(json.items.length).toBeGreaterThan(0);
    const doc = (await (await fetch('/api/openapi.json')).json()) as {
      openapi: string;
      paths: object;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/quotes/random');
    const random = await fetch('/api/quotes/random');
    expect(random.status).toBe(200);
    expect(random.headers.get('access-control-allow-origin')).toBe('*');
    const { quote } = (await random.json()) as { quote: { id: string } };
    const embed = await fetch(
      `/oembed?url=${encodeURIComponent(`${testEnv.PUBLIC_BASE_URL}/q/${quote.id}`)}`,
    );
    expect(((await embed.json()) as { type: string }).type).toBe('rich');
    expect((await fetch('/sitemap.xml')).status).toBe(200);
  });
});

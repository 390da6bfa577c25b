import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CardEngine, CardSpec } from '../../src/card/engine.ts';
import { CardCache } from '../../src/card/card-cache.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary, type ResolvedQuote } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';

/**
 * Nobody can put words in anyone's mouth: whatever a request carries, the renderer is only ever
 * asked for a catalog quote's own text, attributed to its own speaker.
 */
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const texts = new Map(catalog.quotes.map((q) => [q.id, `${q.speaker}\n${q.text}`]));
const rendered: string[] = [];
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  // A spy in front of the renderer: it records exactly what each render was asked to draw.
  const record = (id: string, resolved?: ResolvedQuote) => {
    const quote = (resolved ?? library.resolve(id)).quote;
    rendered.push(`${id}\n${quote.speaker}\n${quote.text}`);
  };
  const spy = Object.create(engine) as CardEngine;
  spy.svg = (id: string, spec: CardSpec, resolved?: ResolvedQuote) => (
    record(id, resolved),
    engine.svg(id, spec, resolved)
  );
  spy.png = (id: string, spec: CardSpec, resolved?: ResolvedQuote) => (
    record(id, resolved),
    engine.png(id, spec, resolved)
  );
  // Draft cards are on: without a valid signature they must never reach the renderer either.
  app = createApp({
    library,
    cards: { engine: spy, cache: new CardCache(0) }, // no cache: every 200 is a fresh render
    draftKeys: [{ id: 'k1', secret: 'authenticity-signing-key' }],
  });
});

describe('authenticity', () => {
  it('renders only catalog text, whatever the path and query say', async () => {
    const ids = catalog.quotes.slice(0, 4).map((q) => q.id);
    const words = fc.constantFrom(
      '我从来没说过这句话',
      '<b>fake</b>',
      'Elon Musk',
      '杨植麟说：',
      '%E6%88%91',
      '{"text":"x"}',
    );
    const request = fc.record({
      id: fc.oneof(fc.constantFrom(...ids), fc.stringMatching(/^[0-9a-z]{8}$/)),
      ext: fc.constantFrom('png', 'svg'),
      draft: fc.boolean(),
      params: fc.array(
        fc.tuple(
          fc.constantFrom(
            'text',
            'quote',
            'speaker',
            'q',
            'size',
            'theme',
            'script',
            'scale',
            'v',
            'id',
            'author',
            'kid',
            'exp',
            'sig',
          ),
          fc.oneof(
            words,
            fc.string({ maxLength: 30 }),
            fc.constantFrom('og', 'story', 'paper', 'ink', 'kai', 'hans', 'tw', 'hk', '1', '2'),
          ),
        ),
        { maxLength: 5 },
      ),
    });
    let cards = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ id, ext, draft, params }) => {
        const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const path = `/cards/${draft ? 'draft/' : ''}${id}.${ext}`;
        const res = await app.request(`${path}${query ? `?${query}` : ''}`);
        if (res.status === 200) {
          cards++;
          expect(texts.has(id)).toBe(true);
          if (ext === 'svg') expect(await res.text()).not.toMatch(/我从来没说过|fake|Elon/);
        } else if (res.status === 302) {
          // A stale `v=` goes to the quote's current card URL: same ID, canonical spec, nothing else.
          expect(res.headers.get('location')).toMatch(
            new RegExp(
              `^/cards/${id}\\.${ext}\\?size=[a-z]+&theme=[a-z]+&script=[a-z]+&scale=[123]&v=[0-9a-f]{12}$`,
            ),
          );
        } else expect([400, 403, 404]).toContain(res.status);
      }),
      { seed: 7, numRuns: 1000 },
    );
    expect(cards).toBeGreaterThan(10);
    expect(rendered.length).toBe(cards);
    for (const entry of rendered) {
      const [id, ...rest] = entry.split('\n');
      expect(rest.join('\n')).toBe(texts.get(id!));
    }
    console.log(
      `authenticity: ${rendered.length} renders, every one the catalog's own text and speaker`,
    );
  }, 120_000);
});

import fc from 'fast-check';
import { memoryStore } from '../support/store.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';

/**
 * Seeded property-based fuzzing of every route: whatever the path, query, method or body, the app
 * answers below 500, and every error carries the stable shape with a code and a message and no
 * stack trace.
 */
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  const store = await memoryStore();
  app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: 'https://yulu.example', renderVersion: engine.version },
    store: async () => store,
    editorToken: 'fuzz-editor-token-3e8a61c0f7d2',
    draftKeys: [{ id: 'k1', secret: 'fuzz-signing-key-0123456789' }],
  });
});

const ids = catalog.quotes.slice(0, 3).map((q) => q.id);
const nasty = fc.constantFrom(
  '%2F',
  '//',
  '%5C',
  '..',
  '%00',
  '%',
  '%E4%B8',
  '<script>',
  '😀',
  '語錄',
  ' ',
  '%20',
  '?',
  '#',
  ';',
  "'",
  '"',
  'a'.repeat(3000),
);
const segment = fc.oneof(
  fc.constantFrom(...ids, 'zzzzzzzz', 'api', 'cards', 'q', 'sources', 'quotes', 'healthz'),
  fc.string({ maxLength: 12 }),
  nasty,
);
const param = fc.tuple(
  fc.constantFrom(
    'size',
    'theme',
    'script',
    'scale',
    'v',
    'q',
    'speaker',
    'limit',
    'cursor',
    'minScore',
    'hl',
    'text',
    'kid',
    'exp',
    'sig',
    'x',
  ),
  fc.oneof(
    fc.constantFrom(
      'og',
      'portrait',
      'paper',
      'kai',
      'hans',
      'tw',
      '1',
      '2',
      '0',
      '-1',
      '1e9',
      'NaN',
      '',
    ),
    fc.string({ maxLength: 20 }),
    nasty,
  ),
);
const pathGen = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...ids, 'zzzzzzzz'),
      fc.constantFrom('.png', '.svg', '.gif', '', '.png.png'),
    )
    .map(([id, ext]) => `/cards/${id}${ext}`),
  fc
    .tuple(fc.constantFrom(...ids, 'zzzzzzzz'), fc.constantFrom('.png', '.svg', ''))
    .map(([id, ext]) => `/cards/draft/${id}${ext}`),
  fc.constantFrom(
    '/api/quotes',
    '/api/sources',
    `/api/quotes/${ids[0]}`,
    '/api/sources/yang-zhilin-founder-park-2024',
    '/healthz',
    '/',
    `/q/${ids[0]}`,
    '/sources/yang-zhilin-founder-park-2024',
    '/api/daily',
    '/daily.png',
    '/daily',
    '/editor',
    '/editor/login',
    '/editor/calendar',
    '/editor/audit',
    `/editor/q/${ids[0]}`,
    `/editor/q/${ids[0]}/status`,
    `/editor/q/${ids[0]}/trim`,
    `/editor/q/${ids[0]}/erratum`,
    `/editor/q/${ids[0]}/draft`,
    '/editor/schedule',
  ),
  fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
);
const request = fc.record({
  path: pathGen,
  query: fc.array(param, { maxLength: 4 }),
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
  body: fc.option(
    fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.constant('{"broken": '),
      fc.constant('a=1&b=%ZZ'),
      fc.constant('token=fuzz-editor-token-3e8a61c0f7d2'),
      fc.constant('status=approved&version=0&csrf=x'),
    ),
  ),
  // Session cookies of every shape: forged, truncated, not base64url, not even a pair.
  cookie: fc.option(
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('a.b', '.', 'x.y.z', 'eyJ9.c2ln', '%ZZ'),
    ),
  ),
  contentType: fc.constantFrom(
    'application/x-www-form-urlencoded',
    'application/json',
    'text/plain',
    'multipart/form-data; boundary=x',
    '',
  ),
});

function urlOf(path: string, query: [string, string][]): string {
  const qs = query.map(([k, v]) => `${k}=${v}`).join('&');
  return `https://yulu.test${path}${qs ? `?${qs}` : ''}`;
}

describe('every route under fuzzing', () => {
  it('never answers 5xx and always explains a 4xx', async () => {
    let tried = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query, method, body, contentType, cookie }) => {
        let url: string;
        try {
          url = new URL(urlOf(path, query)).toString();
        } catch {
          return; // not a URL any client could send
        }
        const headers: Record<string, string> = {};
        if (cookie !== null) headers.Cookie = `yulu_editor=${cookie}`;
        const init: RequestInit = { method, headers };
        if (body !== null && method !== 'GET' && method !== 'HEAD') {
          init.body = body;
          if (contentType) headers['Content-Type'] = contentType;
        }
        try {
          new Headers(headers);
        } catch {
          return; // not a header any client could send
        }
        const res = await app.request(url, init);
        tried++;
        if (res.status >= 400) rejected++;
        expect(res.status, `${method} ${url}`).toBeLessThan(500);
        if (res.status >= 400 && method !== 'HEAD') {
          const text = await res.text();
          expect(text, `${method} ${url}`).not.toMatch(/\bat .*\.ts:\d+/); // no stack traces
          if ((res.headers.get('content-type') ?? '').includes('json')) {
            const error = (JSON.parse(text) as { error: { code: string; message: string } }).error;
            expect(error.code).toMatch(/^[a-z_]+$/);
            expect(error.message.length).toBeGreaterThan(0);
          } else {
            expect(text).toMatch(/[a-z_]+/);
          }
        }
      }),
      {
        seed: Number(process.env.FUZZ_SEED ?? 20261122),
        numRuns: Number(process.env.FUZZ_RUNS ?? 10_000),
      },
    );
    console.log(
      `fuzz: ${tried} requests, ${rejected} answered 4xx with an explained error, 0 answered 5xx`,
    );
    expect(tried).toBeGreaterThan(Number(process.env.FUZZ_RUNS ?? 10_000) * 0.9);
  }, 300_000);
});

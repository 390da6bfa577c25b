/**
 * Mixed load over pages, API and cards at 50 connections on a real loopback server (the Node
 * runtime as `npm start` builds it). Runs in `npm run test:hardening` (LOAD_SECONDS, default 30);
 * `npm test` runs a 5-second version.
 */
import { serve, type ServerType } from '@hono/node-server';
import autocannon from 'autocannon';
import type { AddressInfo } from 'node:net';
import { memoryStore } from '../support/store.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let server: ServerType;
let base: string;

beforeAll(async () => {
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  const store = await memoryStore();
  const app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: 'https://yulu.example', renderVersion: engine.version },
    store: async () => store,
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('mixed load', () => {
  it(
    `serves pages, API and cards at 50 connections for ${SECONDS} s with no errors`,
    async () => {
      const ids = catalog.quotes.slice(0, 40).map((q) => q.id);
      const sizes = ['og', 'square', 'portrait'];
      let n = 0;
      const paths = (): string => {
        const id = ids[n % ids.length]!;
        const pick = n++ % 6;
        if (pick === 0) return `/q/${id}`;
        if (pick === 1) return `/api/quotes/${id}`;
        if (pick === 2) return `/api/quotes?limit=20&speaker=${encodeURIComponent('杨植麟')}`;
        if (pick === 3) return `/sources/${catalog.quotes[n % ids.length]!.source}`;
        if (pick === 4) return '/api/daily';
        return `/cards/${id}.png?size=${sizes[n % sizes.length]}`;
      };
      const result = await autocannon({
        url: base,
        connections: 50,
        duration: SECONDS,
        requests: [{ setupRequest: (request) => ({ ...request, path: paths() }) }],
      });
      console.log(
        `mixed load: ${result.requests.total} requests in ${SECONDS} s (${result.requests.average.toFixed(0)} req/s), ` +
          `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`,
      );
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(result.requests.total).toBeGreaterThan(SECONDS * 50);
    },
    (SECONDS + 60) * 1000,
  );
});

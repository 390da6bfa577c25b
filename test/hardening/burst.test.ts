import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardCache } from '../../src/card/card-cache.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';

/** 500 concurrent requests for one uncached card, over a real loopback socket. */
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const cache = new CardCache();
let server: ServerType;
let base: string;

beforeAll(async () => {
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  const app = createApp({ library, cards: { engine, cache } });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a burst on one uncached card', () => {
  it('answers all 500 with identical bytes from a single render', async () => {
    const url = `${base}/cards/${catalog.quotes[77]!.id}.png?size=story&theme=kai&script=hk`;
    const started = performance.now();
    const responses = await Promise.all(Array.from({ length: 500 }, () => fetch(url)));
    const bodies = await Promise.all(
      responses.map(async (r) => Buffer.from(await r.arrayBuffer())),
    );
    const ms = performance.now() - started;
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(bodies.every((b) => b.equals(bodies[0]!))).toBe(true);
    expect(cache.stats.renders).toBe(1);
    console.log(
      `burst: 500 concurrent requests, 500 × 200, identical bytes, ${cache.stats.renders} render, ${cache.stats.joined} joined the render in flight, ${ms.toFixed(0)} ms`,
    );
  }, 60_000);
});

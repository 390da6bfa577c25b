import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { decodePng } from '../support/png.ts';

/** The Node runtime over a real loopback socket, as `npm start` serves it. */
const { catalog, corpus } = loadArtifacts();
const id = catalog.quotes[3]!.id;
let server: ServerType;
let base: string;

beforeAll(async () => {
  const library = new QuoteLibrary(catalog, corpus);
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  const app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: 'https://yulu.example', renderVersion: engine.version },
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the Node server over loopback', () => {
  it('serves the same card, headers and errors as the Worker', async () => {
    const res = await fetch(`${base}/cards/${id}.png?size=portrait&theme=ink&script=tw`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([1080, 1350]);
    const etag = res.headers.get('etag')!;
    expect(
      (
        await fetch(`${base}/cards/${id}.png?size=portrait&theme=ink&script=tw`, {
          headers: { 'If-None-Match': etag },
        })
      ).status,
    ).toBe(304);
    const bad = await fetch(`${base}/cards/${id}.png?size=huge`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_argument');
    const api = await fetch(`${base}/api/quotes/${id}`);
    expect(api.status).toBe(200);
  });
});

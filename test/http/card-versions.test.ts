import { beforeAll, describe, expect, it } from 'vitest';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { memoryStore } from '../support/store.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const transcribed = catalog.quotes.find(
  (q) => q.flags.includes('machine-transcript') && q.role === 'guest',
)!;
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

const ogImage = async (id: string) => {
  const html = await (await app.request(`/q/${id}`)).text();
  const match = /<meta property="og:image" content="https:\/\/yulu\.example([^"]+)"/.exec(html);
  return match![1]!.replaceAll('&amp;', '&');
};

describe('content-versioned card URLs', () => {
  it('an erratum changes the og:image URL, and the old URL never serves the new bytes as immutable', async () => {
    const before = await ogImage(transcribed.id);
    const first = await app.request(before);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/immutable/);
    const oldBytes = new Uint8Array(await first.arrayBuffer());

    await store.setErratum(
      transcribed.id,
      { corrected: `${transcribed.text.slice(0, -1)}。`.replace(/^./, '我'), reason: 'mis-heard' },
      { actor: 'ann', expectedVersion: 0 },
    );
    const after = await ogImage(transcribed.id);
    expect(after).not.toBe(before);
    expect(after.replace(/&v=.*/, '')).toBe(before.replace(/&v=.*/, ''));

    const old = await app.request(before);
    expect(old.status).toBe(302);
    expect(old.headers.get('location')).toBe(after);
    expect(old.headers.get('cache-control')).not.toMatch(/immutable/);

    const fresh = await app.request(after);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toMatch(/immutable/);
    const newBytes = new Uint8Array(await fresh.arrayBuffer());
    expect(Buffer.from(newBytes).equals(Buffer.from(oldBytes))).toBe(false);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { CardCache, type CardBytes, type CardStore } from '../../src/card/card-cache.ts';
import { layeredStore, r2Key } from '../../src/runtime/worker/r2-store.ts';

function mapStore(): CardStore & { map: Map<string, CardBytes> } {
  const map = new Map<string, CardBytes>();
  return { map, get: async (k) => map.get(k) ?? null, put: async (k, v) => void map.set(k, v) };
}

const card = (n: number): CardBytes => ({ body: new Uint8Array([n]), contentType: 'image/png' });

describe('the Worker card store: Cache API in front of R2', () => {
  it('draws a card once; a data centre whose cache lost it refills from R2 instead of redrawing', async () => {
    const r2 = mapStore();
    const colo1 = mapStore();
    let renders = 0;
    const render = async () => card(++renders);
    const key = 'v1/abcdefgh.png?size=og#"etag"';
    await new CardCache(1024, layeredStore(colo1, r2)).get(key, render);
    expect(renders).toBe(1);
    expect(r2.map.size).toBe(1);
    // Another data centre (empty cache, fresh isolate): served from R2, copied into its cache.
    const colo2 = mapStore();
    const served = await new CardCache(1024, layeredStore(colo2, r2)).get(key, render);
    expect(renders).toBe(1);
    expect(served.body).toEqual(new Uint8Array([1]));
    expect(colo2.map.get(key)?.body).toEqual(new Uint8Array([1]));
  });

  it('reads a failing store as a miss, and makes object names path-safe', async () => {
    const broken: CardStore = {
      get: async () => {
        throw new Error('R2 down');
      },
      put: async () => {
        throw new Error('R2 down');
      },
    };
    const store = layeredStore(mapStore(), broken);
    expect(await store.get('k')).toBeNull();
    await expect(store.put('k', card(1))).resolves.toBeUndefined();
    expect(r2Key('v1/ab.png?size=og&theme=ink#"x y"')).toBe(
      'cards/v1/ab.png%3fsize=og&theme=ink%23%22x%20y%22',
    );
  });
});

import type { CardBytes, CardStore } from '../../card/card-cache.ts';

/**
 * Rendered cards in R2: the persistent store behind the Cache API. Keys carry the render version
 * and the quote's ETag (text, flags, spec), so an object never goes stale: each variant is drawn
 * once per content version, not once per data centre and eviction.
 */
export function r2Store(bucket: R2Bucket): CardStore {
  return {
    async get(key) {
      const object = await bucket.get(r2Key(key));
      if (!object) return null;
      return {
        body: new Uint8Array(await object.arrayBuffer()),
        contentType: object.httpMetadata?.contentType ?? 'application/octet-stream',
      };
    },
    async put(key, card: CardBytes) {
      await bucket.put(r2Key(key), card.body, { httpMetadata: { contentType: card.contentType } });
    },
  };
}

/** Object names: `cards/` + the cache key, its query and ETag made path-safe. */
export function r2Key(key: string): string {
  return `cards/${key.replace(/[^0-9A-Za-z._/=&-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
}

/**
 * Two stores in order: a hit in the second is copied into the first (the data centre's cache is
 * refilled from R2); a new card is written to both. Either failing reads as a miss.
 */
export function layeredStore(near: CardStore, far: CardStore): CardStore {
  return {
    async get(key) {
      const hit = await near.get(key).catch(() => null);
      if (hit) return hit;
      const stored = await far.get(key).catch(() => null);
      if (stored) await near.put(key, stored).catch(() => undefined);
      return stored;
    },
    async put(key, card) {
      await Promise.all([
        near.put(key, card).catch(() => undefined),
        far.put(key, card).catch(() => undefined),
      ]);
    },
  };
}

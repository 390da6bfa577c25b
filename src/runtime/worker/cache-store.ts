import type { CardBytes, CardStore } from '../../card/card-cache.ts';

/** Rendered cards in the Cloudflare Cache API, shared by the isolates of a data centre. */
export const cacheApiStore: CardStore = {
  async get(key) {
    const response = await caches.default.match(cacheUrl(key));
    if (!response) return null;
    return {
      body: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    };
  },
  async put(key, card: CardBytes) {
    await caches.default.put(
      cacheUrl(key),
      new Response(card.body, {
        headers: {
          'content-type': card.contentType,
          'cache-control': 'public, max-age=31536000, immutable',
        },
      }),
    );
  },
};

/** Keys already hold the render version, so entries never go stale; the host is internal. */
function cacheUrl(key: string): string {
  return `https://cards.yulu.internal/${encodeURIComponent(key)}`;
}

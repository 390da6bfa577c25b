import type { CardBytes, CardStore } from '../../card/card-cache.ts';

/** The Workers runtime's default cache (`caches.default`, which the web-standard lib lacks). */
const cardCache = (): WorkerCache => (caches as unknown as { default: WorkerCache }).default;

/** Rendered cards in the Cloudflare Cache API, shared by the isolates of a data centre. */
export const cacheApiStore: CardStore = {
  async get(key) {
    const response = await cardCache().match(cacheUrl(key));
    if (!response) return null;
    return {
      body: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    };
  },
  async put(key, card: CardBytes) {
    await cardCache().put(
      cacheUrl(key),
      // Card bytes are never backed by a SharedArrayBuffer.
      new Response(card.body as Uint8Array<ArrayBuffer>, {
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

/**
 * Rendered cards, remembered: an in-memory LRU bounded by bytes, plus de-duplication of renders in
 * flight (N concurrent requests for one uncached card render it once per process or isolate). An
 * optional shared store (the Worker's Cache API) sits behind the memory.
 */
export interface CardBytes {
  body: Uint8Array;
  contentType: string;
}

/** A shared cache beyond this process (Cloudflare's Cache API); misses return null. */
export interface CardStore {
  get(key: string): Promise<CardBytes | null>;
  put(key: string, card: CardBytes): Promise<void>;
}

export interface CardCacheStats {
  renders: number;
  memoryHits: number;
  storeHits: number;
  joined: number;
  bytes: number;
  entries: number;
}

export class CardCache {
  private readonly memory = new Map<string, CardBytes>();
  private readonly inFlight = new Map<string, Promise<CardBytes>>();
  private bytes = 0;
  readonly stats: CardCacheStats = {
    renders: 0,
    memoryHits: 0,
    storeHits: 0,
    joined: 0,
    bytes: 0,
    entries: 0,
  };

  constructor(
    private readonly maxBytes: number = 64 * 1024 * 1024,
    private readonly store?: CardStore,
  ) {}

  /** The card for `key`, rendering it with `render` only if no cache has it and no render is running. */
  async get(key: string, render: () => Promise<CardBytes>): Promise<CardBytes> {
    const cached = this.memory.get(key);
    if (cached) {
      this.stats.memoryHits++;
      // Refresh recency: Map iteration order is insertion order.
      this.memory.delete(key);
      this.memory.set(key, cached);
      return cached;
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.stats.joined++;
      return running;
    }
    const task = this.load(key, render).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, task);
    return task;
  }

  private async load(key: string, render: () => Promise<CardBytes>): Promise<CardBytes> {
    const stored = this.store ? await this.store.get(key).catch(() => null) : null;
    if (stored) {
      this.stats.storeHits++;
      this.remember(key, stored);
      return stored;
    }
    const card = await render();
    this.stats.renders++;
    this.remember(key, card);
    if (this.store) await this.store.put(key, card).catch(() => undefined);
    return card;
  }

  private remember(key: string, card: CardBytes): void {
    if (card.body.length > this.maxBytes) return;
    this.memory.set(key, card);
    this.bytes += card.body.length;
    for (const [oldest, value] of this.memory) {
      if (this.bytes <= this.maxBytes) break;
      this.memory.delete(oldest);
      this.bytes -= value.body.length;
    }
    this.stats.bytes = this.bytes;
    this.stats.entries = this.memory.size;
  }
}

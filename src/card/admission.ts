/**
 * Admission control for uncached renders (runtime-free). A render costs tens of milliseconds of
 * CPU and, for the tall sizes at scale 2, a 33 MB pixmap; nothing may start one without passing
 * here. Two independent bounds:
 *
 * - `RenderGate`: at most `concurrency` renders at once and at most `queue` waiting; beyond that
 *   the answer is an immediate 503 `overloaded` with Retry-After, never an ever-growing backlog.
 * - `RateLimiter`: a per-client budget of uncached renders (a token bucket in memory on Node,
 *   Cloudflare's Rate Limiting binding on the Worker); over it, 429 `rate_limited` + Retry-After.
 *
 * Cached cards and joins onto a render already in flight pass neither: only a real render is
 * admitted (see card-cache.ts, which calls the render function only on a miss).
 */
import { YuluError } from '../errors.ts';

export interface GateStats {
  running: number;
  waiting: number;
  /** Weight (pixel units, see renderCost) being drawn now. */
  weight: number;
  refused: number;
}

/**
 * How long a render may wait for its turn. Without it the gate refuses as soon as `queue` renders
 * wait; with it, a render also waits only when its turn is expected within `maxMs` (the weight
 * ahead of it × the measured milliseconds per weight unit ÷ concurrency) and is refused with 503
 * when it has waited `maxMs` after all. A burst then waits a moment instead of being refused and
 * retried at once — refusals cost the event loop as much as they save — while the wait, and so
 * the latency of every admitted render, stays bounded.
 */
export interface GateWait {
  /** The longest a render waits for its turn. */
  maxMs: number;
  /** Milliseconds one weight unit (an OG card) takes until renders have been measured. */
  initialMsPerUnit?: number;
  now?: () => number;
}

interface Waiter {
  weight: number;
  start: () => void;
  refuse: (error: YuluError) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * A counting semaphore with a weight budget and a bounded FIFO wait queue. At most `concurrency`
 * tasks run, their weights together at most `budget` (a task heavier than the budget runs alone),
 * at most `queue` wait (and, with `wait`, only as long as GateWait allows); beyond that `run`
 * throws 503 `overloaded` with Retry-After. Weights are pixel areas, so memory in flight is
 * bounded, not just the number of renders: a story card at scale 2 weighs as much as eleven OG
 * cards.
 */
export class RenderGate {
  private running = 0;
  private weight = 0;
  private readonly waiting: Waiter[] = [];
  /** Measured service time per weight unit (moving average), for the expected wait. */
  private msPerUnit: number;
  private readonly now: () => number;
  readonly stats: GateStats = { running: 0, waiting: 0, weight: 0, refused: 0 };

  constructor(
    readonly concurrency: number,
    readonly queue: number,
    readonly budget: number = Infinity,
    /** Seconds a refused client is told to wait (at least; an expected wait may say more). */
    private readonly retryAfter = 2,
    private readonly wait?: GateWait,
  ) {
    if (!(concurrency >= 1))
      throw new RangeError('a render gate needs a concurrency of at least 1');
    this.msPerUnit = wait?.initialMsPerUnit ?? 25;
    this.now = wait?.now ?? (() => Date.now());
  }

  /** Milliseconds a render of `weight` arriving now is expected to wait for its turn. */
  expectedWaitMs(weight = 1): number {
    const ahead = this.waiting.reduce((sum, w) => sum + w.weight, 0) + weight;
    return (ahead * this.msPerUnit) / this.concurrency;
  }

  async run<T>(task: () => Promise<T>, weight = 1): Promise<T> {
    const w = Math.min(Math.max(weight, 0), this.budget);
    if (this.waiting.length || !this.fits(w)) await this.queueFor(w);
    else this.take(w);
    const started = this.now();
    try {
      return await task();
    } finally {
      this.measure((this.now() - started) / Math.max(w, 1));
      this.running--;
      this.weight -= w;
      this.admitWaiting();
    }
  }

  /** FIFO: the head waits until it fits, so a heavy render is never starved by light ones. */
  private admitWaiting(): void {
    for (let head = this.waiting[0]; head && this.fits(head.weight); head = this.waiting[0]) {
      this.waiting.shift();
      if (head.timer !== undefined) clearTimeout(head.timer);
      this.take(head.weight);
      head.start();
    }
    this.sync();
  }

  private queueFor(weight: number): Promise<void> {
    const expected = this.wait ? this.expectedWaitMs(weight) : 0;
    if (this.waiting.length >= this.queue || (this.wait && expected > this.wait.maxMs)) {
      this.stats.refused++;
      throw overloaded(Math.max(this.retryAfter, Math.ceil(expected / 1000)));
    }
    return new Promise<void>((start, refuse) => {
      const waiter: Waiter = { weight, start, refuse };
      if (this.wait)
        waiter.timer = setTimeout(() => {
          // Waited as long as a render may: refused, and its place given up.
          const at = this.waiting.indexOf(waiter);
          if (at < 0) return;
          this.waiting.splice(at, 1);
          this.stats.refused++;
          this.admitWaiting(); // a render behind it may fit now
          waiter.refuse(overloaded(this.retryAfter));
        }, this.wait.maxMs);
      this.waiting.push(waiter);
      this.sync();
    });
  }

  private measure(msPerUnit: number): void {
    if (Number.isFinite(msPerUnit) && msPerUnit >= 0)
      this.msPerUnit = 0.8 * this.msPerUnit + 0.2 * msPerUnit;
  }

  private fits(weight: number): boolean {
    return this.running < this.concurrency && this.weight + weight <= this.budget;
  }

  private take(weight: number): void {
    this.running++;
    this.weight += weight;
    this.sync();
  }

  private sync(): void {
    this.stats.running = this.running;
    this.stats.waiting = this.waiting.length;
    this.stats.weight = this.weight;
  }
}

export function overloaded(retryAfter: number): YuluError {
  return new YuluError(
    'overloaded',
    `too many cards are being drawn right now; try again in ${retryAfter} s (cards already drawn are still served)`,
    { retryAfter },
  );
}

/** Whether one more uncached render is allowed for `client`; `retryAfter` in seconds when not. */
export interface RateLimiter {
  /** `cost`: tokens this render spends (see renderCost: a big card costs more than an OG one). */
  take(client: string, cost?: number): Promise<{ ok: true } | { ok: false; retryAfter: number }>;
}

export interface TokenBucketOptions {
  /** Tokens added per second (sustained renders per second per client). */
  rate: number;
  /** Bucket size (a burst a client may spend at once). */
  burst: number;
  /** Clients remembered at once; the least recently seen are forgotten (they get a full bucket). */
  maxClients?: number;
  now?: () => number;
}

/** An in-memory token bucket per client, bounded in the number of clients it remembers. */
export class TokenBucketLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    this.maxClients = options.maxClients ?? 10_000;
    this.now = options.now ?? (() => Date.now());
  }

  async take(client: string, cost = 1): Promise<{ ok: true } | { ok: false; retryAfter: number }> {
    return this.takeNow(client, cost);
  }

  takeNow(client: string, cost = 1): { ok: true } | { ok: false; retryAfter: number } {
    const { rate, burst } = this.options;
    const at = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: burst, at };
    bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * rate);
    bucket.at = at;
    // Re-insert: Map order is recency order, so the first key is the least recently seen.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    const need = Math.min(cost, burst); // a render dearer than the whole bucket waits for a full one
    if (bucket.tokens >= need) {
      bucket.tokens -= need;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((need - bucket.tokens) / rate)) };
  }
}

/** Cloudflare's Rate Limiting binding (`[[ratelimits]]` in wrangler.toml), as far as we use it. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * The Worker's limiter: the binding counts per key across Cloudflare's edge; its period is the
 * Retry-After. A binding that throws lets the request through (it is a guard, not a dependency).
 */
export function bindingLimiter(binding: RateLimitBinding, periodSeconds: number): RateLimiter {
  return {
    async take(client) {
      try {
        const { success } = await binding.limit({ key: `render:${client}` });
        return success ? { ok: true } : { ok: false, retryAfter: periodSeconds };
      } catch {
        return { ok: true };
      }
    },
  };
}

/** Throws 429 `rate_limited` when `client` has spent its budget of uncached renders. */
export async function admitClient(
  limiter: RateLimiter | undefined,
  client: string,
  cost = 1,
): Promise<void> {
  if (!limiter) return;
  const verdict = await limiter.take(client, cost);
  if (!verdict.ok)
    throw new YuluError(
      'rate_limited',
      `too many new cards drawn for this client; try again in ${verdict.retryAfter} s (cards already drawn are not limited)`,
      { retryAfter: verdict.retryAfter },
    );
}

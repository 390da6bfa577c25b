import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  admitClient,
  bindingLimiter,
  RenderGate,
  TokenBucketLimiter,
  type RateLimitBinding,
} from '../../src/card/admission.ts';
import { renderCost } from '../../src/card/card-renderer.ts';
import { YuluError } from '../../src/errors.ts';

const spec = (size: string, scale: 1 | 2) => ({
  size,
  theme: 'paper',
  script: 'hans' as const,
  scale,
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('RenderGate', () => {
  it('runs at most `concurrency` at once, queues `queue`, refuses the rest with 503 + Retry-After', async () => {
    const gate = new RenderGate(2, 3);
    const release = deferred();
    let peak = 0;
    let running = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await release.promise;
      running--;
      return 'drawn';
    };
    const admitted = Array.from({ length: 5 }, () => gate.run(task));
    const refused = await gate.run(task).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(YuluError);
    expect((refused as YuluError).status).toBe(503);
    expect((refused as YuluError).code).toBe('overloaded');
    expect((refused as YuluError).retryAfter).toBeGreaterThanOrEqual(1);
    expect(gate.stats).toMatchObject({ running: 2, waiting: 3, refused: 1 });
    release.resolve();
    expect(await Promise.all(admitted)).toEqual(Array(5).fill('drawn'));
    expect(peak).toBe(2);
    expect(gate.stats).toMatchObject({ running: 0, waiting: 0, weight: 0 });
  });

  it('bounds the weight in flight: a story card at scale 2 is drawn alone under a budget of 12', async () => {
    const gate = new RenderGate(4, 10, 12);
    const story = renderCost({ id: 'x', spec: spec('story', 2), format: 'png' });
    const og = renderCost({ id: 'x', spec: spec('og', 1), format: 'png' });
    expect(story).toBe(11);
    expect(og).toBe(1);
    const release = deferred();
    let weight = 0;
    let peak = 0;
    const task = (w: number) => async () => {
      weight += w;
      peak = Math.max(peak, weight);
      await release.promise;
      weight -= w;
    };
    const all = [
      gate.run(task(story), story),
      gate.run(task(story), story),
      gate.run(task(og), og),
      gate.run(task(og), og),
    ];
    await Promise.resolve();
    // FIFO: the second story waits, and the OG cards behind it wait too (no starvation).
    expect(gate.stats).toMatchObject({ running: 1, waiting: 3, weight: 11 });
    release.resolve();
    await Promise.all(all);
    expect(peak).toBeLessThanOrEqual(12);
  });
});

describe('RenderGate with a bounded wait', () => {
  afterEach(() => vi.useRealTimers());

  it('queues a render only while its turn is expected within maxMs, by the measured service time', async () => {
    let now = 0;
    const gate = new RenderGate(1, 100, Infinity, 2, {
      maxMs: 100,
      initialMsPerUnit: 10,
      now: () => now,
    });
    const release = deferred();
    const task = async () => {
      await release.promise;
      now += 50; // each render takes 50 ms
      return 'drawn';
    };
    const running = gate.run(task);
    // 10 ms a render, one at a time: ten renders fit in 100 ms of waiting, the eleventh does not.
    const waiting = Array.from({ length: 10 }, () => gate.run(task));
    expect(gate.expectedWaitMs()).toBe(110);
    const refused = await gate.run(task).catch((e: unknown) => e);
    expect((refused as YuluError).status).toBe(503);
    expect((refused as YuluError).retryAfter).toBeGreaterThanOrEqual(2);
    expect(gate.stats).toMatchObject({ running: 1, waiting: 10, refused: 1 });
    // Renders took 50 ms each: the estimate learns that they are slower than assumed.
    release.resolve();
    expect(await Promise.all([running, ...waiting])).toEqual(Array(11).fill('drawn'));
    expect(gate.expectedWaitMs()).toBeGreaterThan(40);
  });

  it('refuses a render that waited maxMs after all, leaving nothing behind', async () => {
    vi.useFakeTimers();
    const gate = new RenderGate(1, 10, 12, 2, { maxMs: 1_000, initialMsPerUnit: 1 });
    const release = deferred();
    const task = async () => {
      await release.promise;
      return 'drawn';
    };
    const first = gate.run(task);
    const second = gate.run(task).catch((e: unknown) => e);
    await Promise.resolve();
    expect(gate.stats).toMatchObject({ running: 1, waiting: 1 });
    await vi.advanceTimersByTimeAsync(999);
    expect(gate.stats).toMatchObject({ running: 1, waiting: 1 });
    await vi.advanceTimersByTimeAsync(1);
    const refused = (await second) as YuluError;
    expect(refused.code).toBe('overloaded');
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(gate.stats).toMatchObject({ running: 1, waiting: 0, refused: 1 });
    release.resolve();
    expect(await first).toBe('drawn');
    expect(gate.stats).toMatchObject({ running: 0, waiting: 0, weight: 0 });
  });

  it('starts the next render when the head of the queue gives up', async () => {
    vi.useFakeTimers();
    const gate = new RenderGate(2, 10, 12, 2, { maxMs: 1_000, initialMsPerUnit: 1 });
    const release = deferred();
    const task = async () => {
      await release.promise;
      return 'drawn';
    };
    const story = gate.run(task, 11);
    const secondStory = gate.run(task, 11).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    const og = gate.run(task, 1); // arrives later: its own deadline is 500 ms after the story's
    await vi.advanceTimersByTimeAsync(500);
    expect(((await secondStory) as YuluError).code).toBe('overloaded');
    // With the second story gone the OG card fits beside the first one (11 + 1 ≤ 12) and runs.
    expect(gate.stats).toMatchObject({ running: 2, waiting: 0, weight: 12 });
    release.resolve();
    expect(await Promise.all([story, og])).toEqual(['drawn', 'drawn']);
  });
});

describe('per-client rate limits', () => {
  it('a token bucket refuses a client over its budget with a Retry-After, others unaffected', async () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ rate: 2, burst: 4, now: () => now });
    for (let i = 0; i < 4; i++) await admitClient(limiter, 'a');
    const refused = await admitClient(limiter, 'a').catch((e: unknown) => e);
    expect((refused as YuluError).status).toBe(429);
    expect((refused as YuluError).code).toBe('rate_limited');
    expect((refused as YuluError).retryAfter).toBe(1);
    await admitClient(limiter, 'b');
    now += 500; // one token back
    await admitClient(limiter, 'a');
    // A story card at scale 2 costs more than what is left.
    expect(limiter.takeNow('a', 11)).toEqual({ ok: false, retryAfter: 2 });
  });

  it('remembers a bounded number of clients', () => {
    const limiter = new TokenBucketLimiter({ rate: 1, burst: 1, maxClients: 3, now: () => 0 });
    for (const c of ['a', 'b', 'c', 'd']) expect(limiter.takeNow(c).ok).toBe(true);
    // 'a' was forgotten (least recently seen) and starts with a full bucket again; 'd' was not.
    expect(limiter.takeNow('a').ok).toBe(true);
    expect(limiter.takeNow('d').ok).toBe(false);
  });

  it("uses Cloudflare's Rate Limiting binding per client key, and lets requests through when it throws", async () => {
    const seen: string[] = [];
    const fake: RateLimitBinding = {
      async limit({ key }) {
        seen.push(key);
        return { success: seen.filter((k) => k === key).length <= 2 };
      },
    };
    const limiter = bindingLimiter(fake, 10);
    await admitClient(limiter, '203.0.113.9');
    await admitClient(limiter, '203.0.113.9');
    const refused = await admitClient(limiter, '203.0.113.9').catch((e: unknown) => e);
    expect((refused as YuluError).status).toBe(429);
    expect((refused as YuluError).retryAfter).toBe(10);
    await admitClient(limiter, '198.51.100.1');
    expect(seen).toContain('render:198.51.100.1');
    const broken = bindingLimiter(
      {
        limit: async () => {
          throw new Error('binding unavailable');
        },
      },
      10,
    );
    await expect(admitClient(broken, 'x')).resolves.toBeUndefined();
  });
});

import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { WatchdogInput, WatchdogMessage, WatchdogMode } from './watchdog-worker.ts';

/**
 * The render watchdog: every quote × size × theme × script is laid out and drawn (see the modes
 * below) in worker threads that the test kills if a render makes no progress within HANG_MS or
 * a thread's heap passes its limit. Each render must finish within RENDER_MS, the process must
 * stay under RSS_MIB, and adversarial text (unbroken Latin, URLs, emoji, rare ideographs,
 * invisible and right-to-left characters, walls of punctuation) is either drawn or refused with
 * a stable code — never a hang, a crash or tofu.
 *
 * WATCHDOG=sample (npm test): every 10th quote. WATCHDOG=matrix (npm run test:hardening): every
 * quote × size × theme × script as SVG, every quote × size as PNG with the 16 theme × script
 * pairs rotating. WATCHDOG=full: every combination as PNG (≈ 47,000 cards; minutes).
 */
const MODE = (process.env.WATCHDOG ?? 'sample') as WatchdogMode;
const RENDER_MS = 2_000;
const HANG_MS = 15_000;
const HEAP_LIMIT_MIB = 768;
const RSS_MIB = 1_536;
const SHARDS = 2;

const ADVERSARIAL: Record<string, string> = {
  'unbroken Latin': 'A'.repeat(300),
  'long URL': `https://example.com/${'x'.repeat(150)}`,
  'Latin words': 'Scaling laws are the first principle of large language models '.repeat(3),
  emoji: '我们😀觉得👍🏽很好🀄',
  'rare ideographs': '𠀀𪚥𰻞很好',
  'invisible characters': '模型\u200d\u200b\u2060很好\ufeff',
  'right to left': 'مرحبا بالعالم 模型',
  'wall of punctuation': '，。！？'.repeat(40),
  'one character': '好',
  'very long Chinese': '大模型的能力来自规模，规模来自算力与数据。'.repeat(20),
};

interface Shard {
  renders: number;
  slowest: { label: string; ms: number };
  peakHeapMiB: number;
  outcomes: Map<string, number>;
  adversarial: Map<string, Set<string>>;
}

function runShard(shard: number): Promise<Shard> {
  const input: WatchdogInput = { shard, shards: SHARDS, mode: MODE, adversarial: ADVERSARIAL };
  const worker = new Worker(new URL('./watchdog-thread.mjs', import.meta.url), {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MIB },
  });
  const result: Shard = {
    renders: 0,
    slowest: { label: '', ms: 0 },
    peakHeapMiB: 0,
    outcomes: new Map(),
    adversarial: new Map(),
  };
  return new Promise((resolve, reject) => {
    let current = 'start-up (loading fonts and the catalog)';
    let timer: ReturnType<typeof setTimeout>;
    const fail = (why: string) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(new Error(`watchdog shard ${shard}: ${why} while drawing ${current}`));
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(`no progress for ${HANG_MS} ms`), HANG_MS);
    };
    arm();
    worker.on('message', (message: WatchdogMessage) => {
      arm();
      if (message.type === 'start') current = message.label;
      else if (message.type === 'done') {
        result.renders++;
        if (message.ms > result.slowest.ms)
          result.slowest = { label: message.label, ms: message.ms };
        result.peakHeapMiB = Math.max(result.peakHeapMiB, message.heapMiB);
        result.outcomes.set(message.outcome, (result.outcomes.get(message.outcome) ?? 0) + 1);
        if (message.label.startsWith('adversarial')) {
          const name = /"(.*)"/.exec(message.label)![1]!;
          result.adversarial.set(
            name,
            (result.adversarial.get(name) ?? new Set()).add(message.outcome),
          );
        }
        if (message.ms > RENDER_MS)
          fail(`a render took ${Math.round(message.ms)} ms (bound ${RENDER_MS})`);
      } else {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve(result));
      }
    });
    worker.on('error', (error) =>
      fail(`${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`),
    );
    worker.on('exit', (code) => {
      if (code !== 0 && code !== 1) fail(`the thread exited with ${code}`);
    });
  });
}

describe(`render watchdog (${MODE})`, () => {
  it('draws every card within its time and memory bounds; adversarial text is drawn or refused', async () => {
    let peakRssMiB = 0;
    const sampler = setInterval(() => {
      peakRssMiB = Math.max(peakRssMiB, process.memoryUsage().rss / 2 ** 20);
    }, 100);
    const started = performance.now();
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) => runShard(shard)),
    ).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;

    const renders = shards.reduce((n, s) => n + s.renders, 0);
    const slowest = shards.map((s) => s.slowest).sort((a, b) => b.ms - a.ms)[0]!;
    const outcomes = new Map<string, number>();
    const adversarial = new Map<string, Set<string>>();
    for (const shard of shards) {
      for (const [k, v] of shard.outcomes) outcomes.set(k, (outcomes.get(k) ?? 0) + v);
      for (const [k, v] of shard.adversarial)
        adversarial.set(k, new Set([...(adversarial.get(k) ?? []), ...v]));
    }
    console.log(
      `watchdog (${MODE}): ${renders} renders in ${seconds.toFixed(0)} s on ${SHARDS} threads; slowest ${Math.round(slowest.ms)} ms (${slowest.label}); peak heap per thread ${Math.round(Math.max(...shards.map((s) => s.peakHeapMiB)))} MiB; peak RSS ${Math.round(peakRssMiB)} MiB; outcomes ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    for (const [name, seen] of adversarial)
      console.log(`  adversarial "${name}": ${[...seen].join(', ')}`);

    expect(peakRssMiB).toBeLessThan(RSS_MIB);
    expect(slowest.ms).toBeLessThan(RENDER_MS);
    // Every adversarial text was tried in every size, theme and script.
    expect([...adversarial.keys()].sort()).toEqual(Object.keys(ADVERSARIAL).sort());
    // Characters no card font has are refused, never drawn as tofu or silently dropped.
    for (const name of ['emoji', 'rare ideographs', 'right to left'])
      expect([...adversarial.get(name)!], name).toEqual(['quote_not_drawable']);
    // A word wider than the card cannot be set: a clear refusal, not an overflow.
    expect([...adversarial.get('unbroken Latin')!]).toEqual(['quote_does_not_fit']);
    expect(adversarial.get('one character')).toEqual(new Set(['drawn']));
    // (A catalog card that fails to draw throws in its thread and fails the test above.)
  }, 3_600_000);
});

/**
 * Throughput of the Node path: the same distinct cards shared between 1 and then 2 worker
 * processes (each one Node process, one event loop, the whole Node path). Each worker builds its
 * engine and warms up on cards outside the batch first; the clock runs from "go" to the last card.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Quote } from '../src/quotes/types.ts';
import { specOf } from './cards.ts';
import { isMain } from './child.ts';
import { loadLibrary, yuluNode } from './yulu.ts';

export interface Throughput {
  workers: number;
  cards: number;
  seconds: number;
  cardsPerSecond: number;
  /** CPU time the workers spent per card (all their threads): rises when workers contend. */
  cpuMsPerCard: number;
  /** Workers' CPU seconds ÷ wall seconds: how many cores they kept busy. */
  coresBusy: number;
}

type Message = { ready: true } | { done: true; cards: number; cpuMs: number };

function once(child: ChildProcess, want: (m: Message) => boolean): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Message) => {
      if (!want(m)) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`throughput worker exited (${code})`)));
  });
}

/** `cards` distinct OG cards (every length class), split round-robin between `workers` processes. */
export async function measureThroughput(workers: number, cards: number): Promise<Throughput> {
  const children = Array.from({ length: workers }, () =>
    fork(new URL(import.meta.url).pathname, ['worker'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  try {
    await Promise.all(children.map((c) => once(c, (m) => 'ready' in m)));
    const t0 = performance.now();
    const done = await Promise.all(
      children.map((child, w) => {
        const done = once(child, (m) => 'done' in m);
        const share: number[] = [];
        for (let i = w; i < cards; i += workers) share.push(i);
        child.send({ indices: share });
        return done;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpuMs = done.reduce((n, m) => n + ('cpuMs' in m ? m.cpuMs : 0), 0);
    return {
      workers,
      cards,
      seconds,
      cardsPerSecond: cards / seconds,
      cpuMsPerCard: cpuMs / cards,
      coresBusy: cpuMs / 1000 / seconds,
    };
  } finally {
    for (const child of children) child.kill();
  }
}

/** Batch cards are the library's first quotes; warm-up cards come from its end. */
function batchQuote(quotes: readonly Quote[], i: number): Quote {
  return quotes[i % quotes.length]!;
}

if (isMain(import.meta.url) && process.argv[2] === 'worker') {
  const library = loadLibrary();
  const yulu = await yuluNode(library);
  const spec = specOf('og');
  for (const q of library.quotes.slice(-10)) await yulu.engine.png(q.id, spec);
  process.send!({ ready: true });
  process.on('message', async (m: { indices: number[] }) => {
    const cpu0 = process.cpuUsage();
    for (const i of m.indices) await yulu.engine.png(batchQuote(library.quotes, i).id, spec);
    const cpu = process.cpuUsage(cpu0);
    process.send!({ done: true, cards: m.indices.length, cpuMs: (cpu.user + cpu.system) / 1000 });
  });
}

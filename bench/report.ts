/** bench/results/latest.md: the numbers of one run as short tables. */
import type { BreakingCost } from './breaking.ts';
import type { Bytes } from './bytes.ts';
import type { Cold } from './cold.ts';
import type { Fidelity } from './fidelity.ts';
import { PEERS, RENDERERS, YULU, type RatioRow, type RendererRow } from './compare.ts';
import type { HttpResult } from './http.ts';
import type { Memory } from './memory.ts';
import { kib, median, mib, ms } from './stats.ts';
import type { Throughput } from './throughput.ts';

export interface BenchResult {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    node: string;
    platform: string;
    stealMsDuringRun: number | null;
  };
  versions: Record<string, string>;
  method: Record<string, string | number>;
  renderers: RendererRow[];
  ratios: RatioRow[];
  ratiosOverall: RatioRow[];
  fidelity: Fidelity[];
  cold: Cold & { runs: Cold[] };
  memory: Memory;
  throughput: Throughput[];
  http: HttpResult | { error: string };
  bytes: Bytes;
  breaking: BreakingCost;
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => row(Array.from({ length: n }, () => '---'));
const x = (ratio: number) => `${ratio.toFixed(2)}×`;

export function markdown(r: BenchResult): string {
  const cases = [...new Set(r.renderers.map((x) => x.case))];
  const cell = (renderer: string, c: string) =>
    r.renderers.find((x) => x.renderer === renderer && x.case === c)!;
  const out: string[] = [];
  out.push(
    `Measured ${r.date.slice(0, 10)} on ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}` +
      (r.machine.stealMsDuringRun === null
        ? '. '
        : ` (CPU time taken by the hypervisor during the run: ${(r.machine.stealMsDuringRun / 1000).toFixed(1)} s). `) +
      `Peers: ${Object.entries(r.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    '',
    `Same cards for every renderer: theme paper, script hans, ${r.method.quotesPerCase} distinct quotes per case ` +
      `(never rendered before; warm-up on other quotes excluded), renderers interleaved per quote in rotating order. ` +
      `Milliseconds per card, median / p95 (wall clock).`,
    '',
  );

  out.push(row(['renderer', ...cases]), rule(cases.length + 1));
  for (const name of RENDERERS)
    out.push(
      row([
        name,
        ...cases.map((c) => `${cell(name, c).median.toFixed(1)} / ${cell(name, c).p95.toFixed(1)}`),
      ]),
    );

  out.push('', 'PNG size (KiB, median) and CPU time ÷ wall time (all threads of the process):', '');
  out.push(row(['renderer', ...cases, 'CPU ÷ wall']), rule(cases.length + 2));
  for (const name of RENDERERS.filter((n) => !n.startsWith('floor: raster'))) {
    const rows = r.renderers.filter((x) => x.renderer === name);
    const cpuShare = median(rows.map((x) => x.cpu / x.median));
    out.push(
      row([
        name,
        ...cases.map((c) => (cell(name, c).pngBytes / 1024).toFixed(1)),
        cpuShare.toFixed(2),
      ]),
    );
  }

  out.push(
    '',
    'Yulu ÷ peer, pair by pair on the same quote, median of the ratios (below 1: Yulu is faster; ' +
      '0.50 = half the time). Interquartile range in the last column.',
    '',
  );
  out.push(row(['Yulu ÷ peer', ...cases, 'all', 'IQR (all)']), rule(cases.length + 3));
  for (const yulu of YULU)
    for (const peer of PEERS) {
      const all = r.ratiosOverall.find((x) => x.yulu === yulu && x.peer === peer)!;
      out.push(
        row([
          `${yulu} ÷ ${peer}`,
          ...cases.map((c) =>
            x(r.ratios.find((x) => x.case === c && x.yulu === yulu && x.peer === peer)!.median),
          ),
          `**${x(all.median)}**`,
          `${x(all.p25)}–${x(all.p75)}`,
        ]),
      );
    }

  out.push(
    '',
    `Same picture? Takumi lays the tree out with its own engine. Pixels differing from Yulu's by more ` +
      `than 24/255 (first quote of each case), and in brackets those with no match within 1 px (layout, ` +
      `not anti-aliasing or sub-pixel glyph placement): ` +
      `${r.fidelity.map((f) => `${f.case} ${pct(f.differing)} (${pct(f.beyondOnePixel)})`).join(', ')}. ` +
      `baseline and @vercel/og draw Yulu's own tree with Satori + resvg.`,
  );

  out.push(
    '',
    "Yulu's stages (median ms): layout = compose + Satori → SVG; raster; PNG encode.",
    '',
  );
  out.push(row(['card', 'path', 'total', 'layout', 'raster', 'encode', 'PNG']), rule(7));
  for (const c of cases)
    for (const path of YULU) {
      const y = cell(path, c);
      out.push(
        row([
          c,
          path === 'yulu-node' ? 'Node (resvg-js, zlib)' : 'Worker (resvg-wasm, streams)',
          ms(y.median),
          ms(y.layout!),
          ms(y.raster!),
          ms(y.encode!),
          kib(y.pngBytes),
        ]),
      );
    }

  const b = r.breaking;
  out.push(
    '',
    `Phrase-aware breaking (BudouX), paired: the same ${b.cards} cards (og, square, story × ` +
      `simplified, traditional) drawn by two Node engines, with phrases and at any boundary, in ` +
      `alternating order. Per card, with phrases: ${ms(b.withPhrases.total)} (layout ` +
      `${ms(b.withPhrases.layout)}); without: ${ms(b.withoutPhrases.total)} (layout ` +
      `${ms(b.withoutPhrases.layout)}). Median extra per card: ${ms(b.extraTotal)} ` +
      `(${(b.extraShare * 100).toFixed(1)}% of the card; layout ${ms(b.extraLayout)}). Budget: 10%.`,
  );

  const byWorkers = [...new Set(r.throughput.map((t) => t.workers))].map((workers) => {
    const runs = r.throughput.filter((t) => t.workers === workers);
    return {
      workers,
      cards: runs[0]!.cards,
      runs: runs.map((t) => t.cardsPerSecond.toFixed(1)).join(', '),
      cardsPerSecond: median(runs.map((t) => t.cardsPerSecond)),
      cpuMsPerCard: median(runs.map((t) => t.cpuMsPerCard)),
      coresBusy: median(runs.map((t) => t.coresBusy)),
    };
  });
  const one = byWorkers.find((t) => t.workers === 1)!;
  out.push(
    '',
    'Throughput of the Node path (distinct OG cards shared between worker processes; 1 and 2 ' +
      'workers alternately, median of the runs):',
    '',
  );
  out.push(
    row(['workers', 'cards', 'cards/s', 'runs', 'speed-up', 'CPU ms/card', 'cores busy']),
    rule(7),
  );
  for (const t of byWorkers)
    out.push(
      row([
        t.workers,
        t.cards,
        t.cardsPerSecond.toFixed(1),
        t.runs,
        x(t.cardsPerSecond / one.cardsPerSecond),
        t.cpuMsPerCard.toFixed(1),
        t.coresBusy.toFixed(2),
      ]),
    );

  const m = r.memory;
  out.push(
    '',
    `Cold (fresh process, Node path): modules ${ms(r.cold.modules)}, engine ${ms(r.cold.startup)}, ` +
      `first card ${ms(r.cold.firstRender)}; process start → first PNG ${ms(r.cold.processToFirstCard)}.`,
    `Memory (${m.cards} OG cards in a fresh process, the catalog in turn in each theme): peak RSS ` +
      `${mib(m.peak200)} over the first 200 cards, ${mib(m.peak)} over all; settled RSS (median of ten ` +
      `readings) ${mib(m.rssReady)} ready, ${mib(m.rssAfter100)} after 100, ${mib(m.rssAfterBatch)} after ` +
      `${m.cards} (${(m.growth * 100).toFixed(1)}%); V8 heap ${mib(m.heapAfter100)} → ${mib(m.heapAfterBatch)} ` +
      `(glyph outlines parsed as new characters appear, bounded by the fonts' charset).`,
  );

  out.push('', 'Bytes:', '');
  out.push(row(['what', 'raw', 'gzip']), rule(3));
  const w = r.bytes.worker;
  if ('error' in w) out.push(row(['Yulu Worker bundle', w.error, '']));
  else
    out.push(
      row([
        `${w.name}: the whole app (Hono, catalog, corpus, OpenCC, Satori, Yoga, resvg-wasm), fonts excluded${w.ok ? '' : ' (check FAILED)'}`,
        mib2(w.rawBytes),
        `${mib2(w.gzipBytes)}${w.budgetGzipBytes ? ` (budget ${mib2(w.budgetGzipBytes)})` : ''}`,
      ]),
    );
  for (const p of r.bytes.peers) out.push(row([p.name, mib2(p.rawBytes), mib2(p.gzipBytes)]));
  const f = r.bytes.fonts;
  out.push(
    row([`fonts/ (${f.allFiles} OTF/TTF files; read per process or isolate)`, kib(f.allBytes), '']),
    row([
      `fonts of a paper/hans card (${f.paperHansFiles.join(', ')}; given to the peers)`,
      kib(f.paperHansBytes),
      '',
    ]),
  );

  out.push(
    '',
    'HTTP (`npm start` server and autocannon, each in its own fresh process, on the same cores):',
    '',
  );
  if ('error' in r.http) out.push(`HTTP section failed: ${r.http.error}`);
  else {
    const h = r.http;
    const t = h.targets;
    const yes = (ok: boolean) => (ok ? 'met' : '**missed**');
    const cpu = (l: { serverCpuUsPerRequest: number | null; clientCpuUsPerRequest: number }) =>
      `${l.serverCpuUsPerRequest === null ? '–' : l.serverCpuUsPerRequest.toFixed(0)} / ${l.clientCpuUsPerRequest.toFixed(0)}`;
    out.push(
      row(['scenario', 'conn', 'req/s', 'p50', 'p99', 'CPU µs/req server / client', 'target']),
      rule(7),
    );
    for (const c of h.cached)
      out.push(
        row([
          'cached OG card (same URL)',
          c.connections,
          c.requestsPerSecond.toFixed(0),
          `${c.p50} ms`,
          `${c.p99} ms`,
          cpu(c),
          c.connections === 1
            ? `p50 ≤ ${t.cachedP50Ms} ms: ${yes(t.cachedP50Met)} (mean ${c.meanFromRate.toFixed(2)} ms)`
            : `≥ ${t.cachedRpsAt50} req/s: ${yes(t.cachedRpsMet)}`,
        ]),
      );
    const s = h.uncachedSequential;
    out.push(
      row([
        `uncached OG, ${s.cards} distinct quotes, one at a time`,
        1,
        (1000 / s.p50).toFixed(0),
        ms(s.p50),
        ms(s.p99),
        '',
        `p50 ≤ ${t.uncachedOgP50Ms} ms: ${yes(t.uncachedP50Met)}`,
      ]),
    );
    for (const u of h.uncachedConcurrent)
      out.push(
        row([
          `uncached OG, ${u.requests} distinct quotes, concurrent`,
          u.connections,
          u.requestsPerSecond.toFixed(1),
          `${u.p50} ms`,
          `${u.p99} ms`,
          cpu(u),
          '',
        ]),
      );
    out.push(
      '',
      `Server start (spawn → listening): ${ms(h.serverStartMs)}. autocannon latencies are whole milliseconds.`,
    );
  }
  return `${out.join('\n')}\n`;
}

const pct = (n: number) => `${(n * 100).toFixed(2)}%`;
const mib2 = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

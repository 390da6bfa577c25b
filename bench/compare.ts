/**
 * Every renderer on the same cards, interleaved: for each quote of a case, every renderer draws
 * it once, in an order that rotates from quote to quote (so no renderer always runs first, or
 * always after the same neighbour). Ratios are taken pair by pair on the same quote, then the
 * median of the ratios: machine noise that hits both sides of a pair cancels.
 */
import type { CardModel } from '../src/card/compose.ts';
import type { FontBook } from '../src/card/font-book.ts';
import type { SatoriElement } from '../src/card/element.ts';
import type { QuoteLibrary } from '../src/quotes/library.ts';
import type { Quote } from '../src/quotes/types.ts';
import { cardOf, type BenchCase } from './cards.ts';
import { encodeBlank, rasterJs, rasterWasm } from './floors.ts';
import { median, quantile } from './stats.ts';
import type { StagedRender, YuluPipeline } from './yulu.ts';

/** One card in the hands of every renderer: its quote, model, element tree and Yulu's SVG. */
export interface Card {
  quote: Quote;
  model: CardModel;
  tree: SatoriElement;
  svg: string;
}

/** A peer: element tree in, PNG bytes out. */
export interface PeerRenderer {
  render(tree: SatoriElement, width: number, height: number): Promise<Uint8Array>;
}

export const RENDERERS = [
  'yulu-node',
  'yulu-worker',
  'baseline',
  'vercel-og',
  'takumi',
  'floor: raster resvg-js',
  'floor: raster resvg-wasm',
  'floor: blank PNG, zlib',
  'floor: blank PNG, streams',
] as const;
export type RendererName = (typeof RENDERERS)[number];

/** Yulu's paths, for the ratios (numerators) and the peers (denominators). */
export const YULU = ['yulu-node', 'yulu-worker'] as const;
export const PEERS = ['baseline', 'vercel-og', 'takumi'] as const;

interface Sample {
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of the whole process (every thread) during the render. */
  cpu: number;
  bytes: number;
  stages?: { layout: number; raster: number; encode: number };
}

export interface RendererRow {
  case: string;
  renderer: RendererName;
  cards: number;
  median: number;
  p95: number;
  cpu: number;
  pngBytes: number;
  /** Yulu only: median time per stage. */
  layout?: number;
  raster?: number;
  encode?: number;
}

export interface RatioRow {
  case: string;
  yulu: (typeof YULU)[number];
  peer: (typeof PEERS)[number];
  pairs: number;
  /** Median over quotes of (Yulu's time / the peer's time) on the same quote: < 1 is Yulu faster. */
  median: number;
  p25: number;
  p75: number;
}

export interface Contestants {
  library: QuoteLibrary;
  fonts: FontBook;
  yuluNode: YuluPipeline;
  yuluWorker: YuluPipeline;
  peers: Record<(typeof PEERS)[number], PeerRenderer>;
}

type Run = (card: Card, spec: BenchCase['spec']) => Promise<Omit<Sample, 'ms' | 'cpu'>>;

function runners(c: Contestants): Record<RendererName, Run> {
  const yulu =
    (pipeline: YuluPipeline): Run =>
    async (card, spec) => {
      const r: StagedRender = await pipeline.render(card.quote, spec);
      return {
        bytes: r.png.length,
        stages: { layout: r.layout, raster: r.raster, encode: r.encode },
      };
    };
  const peer =
    (p: PeerRenderer): Run =>
    async (card) => ({
      bytes: (await p.render(card.tree, card.model.width, card.model.height)).length,
    });
  return {
    'yulu-node': yulu(c.yuluNode),
    'yulu-worker': yulu(c.yuluWorker),
    baseline: peer(c.peers.baseline),
    'vercel-og': peer(c.peers['vercel-og']),
    takumi: peer(c.peers.takumi),
    'floor: raster resvg-js': async (card) => (rasterJs(card.svg, card.model.width), { bytes: 0 }),
    'floor: raster resvg-wasm': async (card) => (
      await rasterWasm(card.svg, card.model.width),
      { bytes: 0 }
    ),
    'floor: blank PNG, zlib': async (card) => ({
      bytes: (await encodeBlank(card.model.width, card.model.height, 'zlib')).bytes,
    }),
    'floor: blank PNG, streams': async (card) => ({
      bytes: (await encodeBlank(card.model.width, card.model.height, 'streams')).bytes,
    }),
  };
}

async function timed(run: Run, card: Card, spec: BenchCase['spec']): Promise<Sample> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run(card, spec);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ...result, ms, cpu: (cpu.user + cpu.system) / 1000 };
}

export async function prepareCard(c: Contestants, quote: Quote, spec: BenchCase['spec']) {
  const { model, tree } = cardOf(c.library, c.fonts, quote, spec);
  const { svg } = await c.yuluNode.engine.svg(quote.id, spec);
  return { quote, model, tree, svg };
}

/** Every renderer draws every warm-up card (never measured): JIT, wasm, font caches warm. */
export async function warmUp(c: Contestants, quotes: Quote[], specs: BenchCase['spec'][]) {
  const run = runners(c);
  for (const spec of specs)
    for (const quote of quotes) {
      const card = await prepareCard(c, quote, spec);
      for (const name of RENDERERS) await run[name](card, spec);
    }
}

export async function compare(
  c: Contestants,
  cases: BenchCase[],
  log: (line: string) => void,
): Promise<{ rows: RendererRow[]; ratios: RatioRow[]; overall: RatioRow[] }> {
  const run = runners(c);
  const rows: RendererRow[] = [];
  const ratios: RatioRow[] = [];
  const allPairs = new Map<string, number[]>();
  for (const benchCase of cases) {
    const samples = new Map<RendererName, Sample[]>(RENDERERS.map((r) => [r, []]));
    for (const [i, quote] of benchCase.quotes.entries()) {
      const card = await prepareCard(c, quote, benchCase.spec);
      const shift = i % RENDERERS.length;
      const order = [...RENDERERS.slice(shift), ...RENDERERS.slice(0, shift)];
      for (const name of order)
        samples.get(name)!.push(await timed(run[name], card, benchCase.spec));
    }
    for (const renderer of RENDERERS) {
      const s = samples.get(renderer)!;
      const ms = s.map((x) => x.ms);
      const stages = s.map((x) => x.stages).filter((x) => x !== undefined);
      rows.push({
        case: benchCase.name,
        renderer,
        cards: s.length,
        median: median(ms),
        p95: quantile(ms, 0.95),
        cpu: median(s.map((x) => x.cpu)),
        pngBytes: median(s.map((x) => x.bytes)),
        ...(stages.length
          ? {
              layout: median(stages.map((x) => x.layout)),
              raster: median(stages.map((x) => x.raster)),
              encode: median(stages.map((x) => x.encode)),
            }
          : {}),
      });
    }
    for (const yulu of YULU)
      for (const peer of PEERS) {
        const mine = samples.get(yulu)!;
        const theirs = samples.get(peer)!;
        const r = mine.map((x, i) => x.ms / theirs[i]!.ms);
        const key = `${yulu}/${peer}`;
        allPairs.set(key, [...(allPairs.get(key) ?? []), ...r]);
        ratios.push(ratioRow(benchCase.name, yulu, peer, r));
      }
    const line = (name: RendererName) => {
      const row = rows.find((x) => x.case === benchCase.name && x.renderer === name)!;
      return `${name} ${row.median.toFixed(1)}`;
    };
    log(`${benchCase.name.padEnd(16)} ${RENDERERS.slice(0, 5).map(line).join(' · ')} ms (median)`);
  }
  const overall = YULU.flatMap((yulu) =>
    PEERS.map((peer) => ratioRow('all', yulu, peer, allPairs.get(`${yulu}/${peer}`)!)),
  );
  return { rows, ratios, overall };
}

function ratioRow(
  name: string,
  yulu: (typeof YULU)[number],
  peer: (typeof PEERS)[number],
  r: number[],
): RatioRow {
  return {
    case: name,
    yulu,
    peer,
    pairs: r.length,
    median: median(r),
    p25: quantile(r, 0.25),
    p75: quantile(r, 0.75),
  };
}

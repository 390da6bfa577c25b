/**
 * The shape of src/: imports run one way (corpus → quotes → card → http → runtime, with the
 * helpers beside them) and never in a circle. ESLint keeps runtime modules (node:*, cloudflare:*,
 * @resvg/*) out of the core; this keeps the layers in order.
 */
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, specifiers, upwardImports, type Graph } from './support/imports.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** Bottom first; a file may import its own layer and the layers below it. */
const LAYERS = [
  ['errors.ts', 'text'],
  ['corpus'],
  ['quotes'],
  ['fonts'], // the font charset is drawn from the corpus and the catalog
  ['card'],
  // Editorial state (errata and drafts are checked against the card's fonts); the daily quote and
  // the share formats (daily/, share/: issue 14) read it.
  ['desk', 'daily', 'share'],
  ['http'],
  ['runtime'],
  ['cli'],
] as const;

const graph = importGraph(ROOT);

/** Cycles tolerated for now; none (the desk's rooms read their types from desk/types.ts). */
const KNOWN_CYCLES: string[] = [];

describe('the structure of src/', () => {
  it('reads every file of src/', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/card/render.ts')).toContain('src/card/compose.ts');
  });

  it('has no import cycle (but the known ones below, which only shrink)', () => {
    const found = cycles(graph).map((cycle) => cycle.join(' → '));
    expect(found.filter((cycle) => !KNOWN_CYCLES.includes(cycle))).toEqual([]);
    // A known cycle that is gone comes off the list, so it cannot come back unnoticed.
    expect(KNOWN_CYCLES.filter((cycle) => !found.includes(cycle))).toEqual([]);
  });

  it('has no import running back up the layers', () => {
    expect(upwardImports(graph, LAYERS)).toEqual([]);
  });

  it('keeps the two runtimes apart (shared adapters live directly in src/runtime/)', () => {
    const crossing = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((to) => /^src\/runtime\/(node|worker)\//.test(to))
        .filter((to) => to.split('/')[2] !== from.split('/')[2] && from.startsWith('src/runtime/'))
        .map((to) => `${from} → ${to}`),
    );
    expect(crossing).toEqual([]);
  });
});

describe('the import checks themselves', () => {
  const sample: Graph = new Map([
    ['src/corpus/a.ts', ['src/quotes/b.ts']],
    ['src/quotes/b.ts', ['src/quotes/c.ts']],
    ['src/quotes/c.ts', ['src/quotes/b.ts', 'src/corpus/a.ts']],
  ]);

  it('finds a cycle', () => {
    expect(cycles(sample)).toContainEqual([
      'src/quotes/b.ts',
      'src/quotes/c.ts',
      'src/quotes/b.ts',
    ]);
  });

  it('finds an upward import', () => {
    expect(upwardImports(sample, [['corpus'], ['quotes']])).toEqual([
      'src/corpus/a.ts → src/quotes/b.ts',
    ]);
  });

  it('reads type-only, multi-line, re-exported, side-effect and dynamic imports', () => {
    const source = [
      "import type { A } from './a.ts';",
      'import {',
      '  b,',
      '  type C,',
      "} from '../b.ts';",
      "export { d } from './d.ts';",
      "import './e.ts';",
      "const f = await import('./f.ts');",
      "const text = 'import nothing from here';",
    ].join('\n');
    expect(specifiers(source)).toEqual(['./a.ts', '../b.ts', './d.ts', './e.ts', './f.ts']);
  });
});

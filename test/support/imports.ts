/**
 * The import graph of src/: every relative import, re-export and dynamic import between .ts files,
 * type-only ones included (a cycle through a type is still a cycle to read). Used by
 * test/structure.test.ts to hold the layering and forbid cycles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export type Graph = Map<string, string[]>;

const SPECIFIERS =
  /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s*'([^']+)'/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module specifiers a source file names: imports, re-exports, side-effect and dynamic imports. */
export function specifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIERS)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** Files relative to `root` (e.g. 'src/card/render.ts') → the .ts files under `dir` they import. */
export function importGraph(root: string, dir = 'src'): Graph {
  const graph: Graph = new Map();
  for (const file of tsFiles(join(root, dir))) {
    const from = relative(root, file);
    const targets = new Set<string>();
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.') || !spec.endsWith('.ts')) continue;
      const to = normalize(join(dirname(from), spec));
      if (to.startsWith(`${dir}/`)) targets.add(to);
    }
    graph.set(from, [...targets].sort());
  }
  return graph;
}

/** Every import cycle, each as the path that closes it (a → b → … → a). */
export function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

/**
 * Imports that run against the layering: `layers` lists the parts of src/ bottom first, each a
 * list of first path segments under src/ (a file directly in src/ is its own name); a file may
 * import its own layer and those below.
 */
export function upwardImports(graph: Graph, layers: readonly (readonly string[])[]): string[] {
  const layerOf = (file: string): number => {
    const part = file.split('/')[1]!;
    const index = layers.findIndex((layer) => layer.includes(part));
    if (index < 0) throw new Error(`${file}: src/${part} is in no layer (add it to the list)`);
    return index;
  };
  const wrong: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) if (layerOf(to) > layerOf(from)) wrong.push(`${from} → ${to}`);
  }
  return wrong;
}

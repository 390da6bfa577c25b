import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusData } from '../../src/corpus/corpus-data.ts';
import { buildAliases, extendHistory, type Aliases, type History } from '../../src/quotes/aliases.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import type { Catalog, Quote } from '../../src/quotes/types.ts';
import { ALIASES_PATH, HISTORY_PATH, rebuildArtifacts } from '../../src/runtime/node/artifacts.ts';

let rebuilt: ReturnType<typeof rebuildArtifacts>;
let catalog: Catalog;
let history: History;
let aliases: Aliases;
let library: QuoteLibrary;

beforeAll(() => {
  rebuilt = rebuildArtifacts();
  catalog = JSON.parse(rebuilt.catalog) as Catalog;
  history = JSON.parse(readFileSync(HISTORY_PATH, 'utf8')) as History;
  aliases = JSON.parse(readFileSync(ALIASES_PATH, 'utf8')) as Aliases;
  library = new QuoteLibrary(catalog, JSON.parse(rebuilt.corpus) as CorpusData, aliases);
}, 120_000);

describe('retired quote IDs', () => {
  it('the committed history and aliases are what a rebuild produces (run `npm run build:catalog` if not)', () => {
    expect(readFileSync(HISTORY_PATH, 'utf8') === rebuilt.history, 'quotes/history.json is out of date').toBe(true);
    expect(readFileSync(ALIASES_PATH, 'utf8') === rebuilt.aliases, 'quotes/aliases.json is out of date').toBe(true);
  });

  it('every ID ever committed is live or has an alias; every live ID is in the history', () => {
    const live = new Set(catalog.quotes.map((q) => q.id));
    const known = new Set(history.quotes.map((e) => e.id));
    for (const q of catalog.quotes) expect(known.has(q.id), q.id).toBe(true);
    for (const e of history.quotes) {
      expect(live.has(e.id) !== Object.hasOwn(aliases.aliases, e.id), e.id).toBe(true);
    }
    // The catalog as first committed (before word-boundary spans) is in the history.
    for (const id of ['pcqazwcq', 'zm3dyx6f', 'npfzzrjs']) expect(known.has(id), id).toBe(true);
  });

  it('a successor is live, from the same source line, and repeats most of the retired words', () => {
    const byId = new Map(catalog.quotes.map((q) => [q.id, q]));
    const old = new Map(history.quotes.map((e) => [e.id, e]));
    for (const [id, alias] of Object.entries(aliases.aliases)) {
      expect(alias.reason.length, id).toBeGreaterThan(10);
      if (!alias.successor) continue;
      const successor = byId.get(alias.successor) as Quote;
      const before = old.get(id);
      expect(successor, id).toBeDefined();
      expect(successor.source).toBe(before?.source);
      expect(successor.paragraph.split('-')[0]).toBe(before?.paragraph.split('-')[0]);
    }
    // 「段时间所有人都关注 BERT…」 cut 那段 in two; its successor starts with the whole word.
    const fixed = aliases.aliases.pcqazwcq?.successor;
    expect(fixed && byId.get(fixed)?.text).toMatch(/^那段时间/u);
  });

  it('is a pure function of the history and the catalog', () => {
    expect(buildAliases(history, catalog)).toEqual(aliases);
    expect(extendHistory(history, catalog)).toEqual(history);
    // Retiring a live quote that no other quote repeats: it gets an alias to nothing, with the reason.
    const [first, ...rest] = catalog.quotes as [Quote, ...Quote[]];
    const without = { ...catalog, quotes: rest };
    const next = buildAliases(extendHistory(history, catalog), without);
    expect(next.aliases[first.id]?.successor ?? null).toBeNull();
    expect(next.aliases[first.id]?.reason).toMatch(/no longer selected/);
  });

  it('QuoteLibrary resolves a retired ID to its successor, or a 410 with the reason', () => {
    const moved = Object.entries(aliases.aliases).find(([, a]) => a.successor);
    const gone = Object.entries(aliases.aliases).find(([, a]) => !a.successor);
    expect(moved && gone).toBeTruthy();
    const [oldId, alias] = moved as [string, { successor: string }];
    expect(library.retired(oldId)?.successor).toBe(alias.successor);
    expect(library.resolve(oldId).quote.id).toBe(alias.successor);
    const [goneId] = gone as [string, unknown];
    expect(() => library.resolve(goneId)).toThrow(/withdrawn/);
    try {
      library.resolve(goneId);
    } catch (error) {
      expect((error as { code: string; status: number }).code).toBe('quote_retired');
      expect((error as { status: number }).status).toBe(410);
    }
    expect(library.retired(catalog.quotes[0]?.id as string)).toBeUndefined();
  });
});

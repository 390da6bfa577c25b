/**
 * The speaker filter folds scripts once per query and once per speaker name, never once per quote
 * (issue 15: a 14,000-character `speaker` value cost a conversion per quote, 127 ms a request).
 */
import { describe, expect, it, vi } from 'vitest';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';

const conversions = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/text/script.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/text/script.ts')>();
  return {
    ...real,
    convertScript: (...args: Parameters<typeof real.convertScript>) => {
      conversions.count++;
      return real.convertScript(...args);
    },
  };
});

const { catalog, corpus } = loadArtifacts();

describe('QuoteLibrary.filter by speaker', () => {
  it('converts the query once and each speaker name once, whatever the catalog size', () => {
    const library = new QuoteLibrary(catalog, corpus);
    const speakers = new Set(catalog.quotes.map((q) => q.speaker)).size;
    expect(catalog.quotes.length).toBeGreaterThan(10 * speakers);
    conversions.count = 0;
    const simplified = library.filter({ speaker: '李志飞' });
    expect(simplified.length).toBeGreaterThan(0);
    expect(simplified.every((q) => q.speaker === '李志飞')).toBe(true);
    expect(conversions.count).toBeLessThanOrEqual(1 + speakers);
    // Later queries only convert themselves; a traditional spelling finds the same quotes.
    conversions.count = 0;
    expect(library.filter({ speaker: '李志飛' })).toEqual(simplified);
    expect(library.filter({ speaker: '李'.repeat(14_000) })).toEqual([]);
    expect(conversions.count).toBe(2);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTE_ID_PATTERN, quoteId } from '../../src/quotes/quote-id.ts';

const key = { source: 'yang-zhilin-founder-park-2024', paragraph: 'L42', span: [4, 30] as const, text: '特别好的问题。' };

describe('quoteId', () => {
  it('is 8 URL-safe characters of Crockford base32', () => {
    expect(quoteId(key)).toMatch(QUOTE_ID_PATTERN);
  });

  it('is stable: the same key always gives the same ID', () => {
    expect(quoteId({ ...key })).toBe(quoteId(key));
  });

  it('changes with every part of the key', () => {
    const id = quoteId(key);
    expect(quoteId({ ...key, source: 'other' })).not.toBe(id);
    expect(quoteId({ ...key, paragraph: 'L43' })).not.toBe(id);
    expect(quoteId({ ...key, span: [4, 31] })).not.toBe(id);
    expect(quoteId({ ...key, span: [5, 30] })).not.toBe(id);
    expect(quoteId({ ...key, text: '特别好的问题！' })).not.toBe(id);
  });

  it('gives distinct IDs to every span of a paragraph (editor trims)', () => {
    const text = '我觉得创业公司还是要有比较明确的重点。比如我们可能就是针对生产力场景去做非常极致的优化。';
    const ids = new Set<string>();
    let spans = 0;
    for (let a = 0; a < text.length; a++)
      for (let b = a + 1; b <= text.length; b++) {
        ids.add(quoteId({ source: 's', paragraph: 'L1', span: [a, b], text: text.slice(a, b) }));
        spans++;
      }
    expect(ids.size).toBe(spans);
  });

  it('always matches the ID pattern', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), fc.nat(), fc.string(), (source, paragraph, a, b, text) => {
        expect(quoteId({ source, paragraph, span: [a, b], text })).toMatch(QUOTE_ID_PATTERN);
      }),
    );
  });
});

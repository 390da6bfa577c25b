import { describe, expect, it } from 'vitest';
import type { CorpusData } from '../../src/corpus/corpus-data.ts';
import {
  ASCII,
  buildCharset,
  charsetFor,
  CJK_PUNCTUATION,
  formatCharset,
  type CharsetSources,
} from '../../src/fonts/charset.ts';
import type { Catalog } from '../../src/quotes/types.ts';

type Doc = CorpusData['documents'][number];

function doc(slug: string, script: 'hans' | 'hant', texts: string[], person: string): Doc {
  return {
    meta: {
      slug,
      script,
      title: `对话${person}`,
      publication: '极客公园',
      people: [{ name: person, aliases: [], role: 'guest', title: '创始人', company: '月之暗面' }],
    },
    paragraphs: texts.map((text) => ({ text })),
  } as unknown as Doc;
}

const sources: CharsetSources = {
  corpus: {
    documents: [
      doc('a', 'hans', ['这是一个测试', '里面的线', '损坏\ue266的段落'], '杨植麟'),
      doc('b', 'hant', ['這裡沒有問題'], '王小川'),
    ],
  },
  catalog: {
    quotes: [{ source: 'b', text: '著名的裡程碑', speaker: '王小川' }] as unknown as Catalog['quotes'],
  },
  uiFiles: ["const BRAND = '语录 · YULU'; // ASCII only here: abc\n", '{"label": "纸张"}'],
};

describe('buildCharset', () => {
  const charset = buildCharset(sources);
  const has = (set: string, chars: string) => [...chars].every((c) => set.includes(c));

  it('converts every text into every display script', () => {
    expect(has(charset.full.hans, '这测试')).toBe(true);
    expect(has(charset.full.hant, '這測試')).toBe(true); // from a simplified source
    expect(has(charset.full.hans, '这里没问题')).toBe(true); // from a traditional source
    expect(has(charset.full.tw, '裡線')).toBe(true); // Taiwan forms
    expect(has(charset.full.hk, '裏線')).toBe(true); // Hong Kong forms
    expect(has(charset.full.hans, '著名里程碑')).toBe(true); // catalog quote
  });

  it('keeps metadata and UI text in the meta scope, paragraphs out of it', () => {
    for (const script of ['hans', 'hant', 'tw', 'hk'] as const) {
      const meta = charset.meta[script];
      expect(has(meta, ASCII + CJK_PUNCTUATION), script).toBe(true);
      expect(has(charset.full[script], meta), script).toBe(true);
      expect(meta.includes('测') || meta.includes('測'), script).toBe(false);
    }
    expect(has(charset.meta.hans, '杨植麟王小川极客公园月之暗面创始人对话语录纸张')).toBe(true);
    expect(has(charset.meta.hant, '楊植麟極客公園對話語錄紙張')).toBe(true);
  });

  it('skips what no font draws, silently for line breaks', () => {
    expect(charset.skipped).toBe('\ue266');
    expect(charset.all.includes('\ue266')).toBe(false);
    expect(charset.all.includes('\n')).toBe(false);
    expect(charset.all.includes(' ')).toBe(true);
  });

  it('is sorted, unique and deterministic', () => {
    const points = [...charset.all].map((c) => c.codePointAt(0)!);
    expect(points).toEqual([...new Set(points)].sort((a, b) => a - b));
    expect(buildCharset(sources)).toEqual(charset);
    const union = charsetFor(charset, ['hans', 'hant', 'tw', 'hk'], 'full');
    expect(union).toBe(charset.all);
    expect(charsetFor(charset, ['hant', 'tw'], 'meta').length).toBeLessThan(union.length);
  });

  it('formats one character per line with its code point', () => {
    expect(formatCharset(' 中\u{20000}')).toBe('U+0020\t \nU+4E2D\t中\nU+20000\t\u{20000}\n');
  });
});

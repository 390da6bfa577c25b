import { describe, expect, it } from 'vitest';
import type { CorpusData } from '../../src/corpus/corpus-data.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { trimLeading, WordBreaks } from '../../src/quotes/words.ts';

const trimmed = (text: string) => text.slice(trimLeading(new WordBreaks(text), 0, text.length));

describe('leading connectives are trimmed as whole words', () => {
  it('drops connectives and interjections that are words of their own', () => {
    expect(trimmed('所以我们要做通用人工智能。')).toBe('我们要做通用人工智能。');
    expect(trimmed('但是我觉得这是一个长期的事情。')).toBe('我觉得这是一个长期的事情。');
    expect(trimmed('对，其实我觉得这是一个长期的事情。')).toBe('我觉得这是一个长期的事情。');
    expect(trimmed('那我们就做一个最好的产品。')).toBe('我们就做一个最好的产品。');
    expect(trimmed('那，我们就做一个最好的产品。')).toBe('我们就做一个最好的产品。');
  });

  it('never cuts a word: 但是 is not 但, 那个/那段/那时/那是 are not the conjunction 那', () => {
    for (const text of [
      '那个时候开始想一定要做通用人工智能。',
      '那個時候開始想一定要做通用人工智能。',
      '那段时间所有人都关注 BERT。',
      '那时候我们还很小。',
      '那是一个很重要的阶段。',
      '但是 2012 年到现在是很重要的阶段。',
    ]) {
      expect(trimmed(text), text).toBe(text);
    }
  });
});

/** Independent of the code under test: the runtime's segmenter plus the demonstrative rule. */
function cutsAWord(text: string, offset: number): boolean {
  if (offset === 0 || offset === text.length) return false;
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const { index, segment } of segmenter.segment(text)) {
    if (index < offset && offset < index + segment.length) return true;
  }
  // 那|段, 那|个, 這|時: the segmenter splits these, a reader does not.
  return /[那这這]$/u.test(text.slice(0, offset)) && /^[个個段时時些种種样樣边邊天年次位会會么麼]/u.test(text.slice(offset));
}

describe('the whole catalog', () => {
  const { catalog, corpus } = loadArtifacts();
  const paragraphs = new Map(
    (corpus as CorpusData).documents.flatMap((d) => d.paragraphs.map((p) => [`${d.meta.slug}/${p.id}`, p.text] as const)),
  );

  it('has no span that starts or ends inside a word', () => {
    const bad: string[] = [];
    for (const q of catalog.quotes) {
      const text = paragraphs.get(`${q.source}/${q.paragraph}`) as string;
      if (cutsAWord(text, q.span[0]) || cutsAWord(text, q.span[1])) bad.push(`${q.id} ${q.text}`);
    }
    expect(bad).toEqual([]);
  });

  it('the check itself catches a cut word', () => {
    expect(cutsAWord('但是我觉得', 1)).toBe(true);
    expect(cutsAWord('那段时间', 1)).toBe(true);
    expect(cutsAWord('但是我觉得', 2)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  foldPunctuationWidth,
  spaceHanAndLatin,
} from '../../../src/corpus/normalize/punctuation.ts';

describe('foldPunctuationWidth', () => {
  it.each([
    ['生产力的需求,可能都没有', '生产力的需求，可能都没有'],
    ['张鹏 :所以我很好奇', '张鹏：所以我很好奇'],
    ['今年就可以做到吗?', '今年就可以做到吗？'],
    ['做好Kimi这一个产品; 然后', '做好Kimi这一个产品；然后'],
    ['PMF(Product Market Fit),然后', 'PMF（Product Market Fit），然后'],
    ['heterogeneous(异质性),就是', 'heterogeneous（异质性），就是'],
    ['被称为 " 中国版 ChatGPT" 的免费', '被称为“中国版 ChatGPT”的免费'],
    ['个性化的 —— 怎么让', '个性化的——怎么让'],
    ['Hello, 大家好', 'Hello，大家好'],
  ])('%s → %s', (input, expected) => {
    expect(foldPunctuationWidth(input).text).toBe(expected);
  });

  it.each([
    '2024-06-24 11:40:48',
    'AGI:AI',
    '1,000',
    'o1-mini and o1-preview, both',
    'He said "hi" (twice).',
  ])('leaves non-Chinese context alone: %s', (input) => {
    expect(foldPunctuationWidth(input)).toEqual({ text: input, changes: 0 });
  });

  it('leaves an odd number of ASCII quotes unpaired rather than guess', () => {
    expect(foldPunctuationWidth('他说 " 你好').text).toBe('他说 " 你好');
  });
});

describe('spaceHanAndLatin', () => {
  it.each([
    ['AI和人之间', 'AI 和人之间'],
    ['做好Kimi这一个产品', '做好 Kimi 这一个产品'],
    ['AI 空间很大', 'AI 空间很大'],
    ['6月14日', '6月14日'],
  ])('%s → %s', (input, expected) => {
    expect(spaceHanAndLatin(input).text).toBe(expected);
  });
});

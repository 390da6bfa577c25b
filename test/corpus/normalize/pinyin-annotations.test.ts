import { describe, expect, it } from 'vitest';
import { stripPinyinAnnotations } from '../../../src/corpus/normalize/pinyin-annotations.ts';

describe('stripPinyinAnnotations', () => {
  it.each([
    ['對(duì)話', '對話'],
    ['市場(chǎng)信息', '市場信息'],
    ['創(chuàng)業(yè)者', '創業者'],
    ['長(zhǎng)期最優(yōu)解', '長期最優解'],
  ])('strips the reading in %s', (input, expected) => {
    expect(stripPinyinAnnotations(input).text).toBe(expected);
  });

  it.each([
    '比亞迪(002594)王傳福',
    '殺手應用(Killer App)',
    'MOE(混合-多專家模型)',
    '公司(中國公司)',
    'PMF(Product Market Fit)',
    '模型(moe)',
    'Kimi (duì) 不是漢字之後',
  ])('keeps real parentheses: %s', (input) => {
    expect(stripPinyinAnnotations(input)).toEqual({ text: input, changes: 0 });
  });

  it('counts what it strips', () => {
    expect(stripPinyinAnnotations('對(duì)話和對(duì)話').changes).toBe(2);
  });
});

/**
 * The compact OpenCC converter (src/text/opencc.ts) must write exactly what opencc-js writes: it
 * reuses opencc-js's dictionaries and only stores them differently. Compared over every raw
 * source line of the corpus in every direction Yulu converts, plus inputs that exercise the
 * corners of the algorithm (ideographic description sequences, astral characters, CJK
 * compatibility ideographs, the empty string).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { compactConverter } from '../../src/text/opencc.ts';

const SOURCES = new URL('../../quotes/sources/', import.meta.url).pathname;
const lines = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(`${SOURCES}${f}`, 'utf8').split('\n'))
  .filter((line) => line.trim());

const CORNERS = [
  '',
  '⿰亻尔好',
  '⿱⿰木木火是⿳',
  '𠮷野家的乾隆皇帝',
  '豈更車賈 一了百了',
  '頭髮 头发 發展 发展 後來 后来 皇后 裡面 里面',
  '我们在台湾和香港用内存和软件，打印机在网络上',
  'OpenAI 的 GPT-4 在 2023 年',
];

describe('compact OpenCC converter', () => {
  for (const [from, to] of [
    ['cn', 't'],
    ['cn', 'tw'],
    ['cn', 'hk'],
    ['t', 'cn'],
    ['t', 'tw'],
    ['t', 'hk'],
  ] as const) {
    it(`${from} → ${to} equals opencc-js on ${lines.length} corpus lines`, () => {
      const reference = OpenCC.Converter({ from, to });
      const compact = compactConverter(from, to);
      const differing = [...CORNERS, ...lines].filter((s) => compact(s) !== reference(s));
      expect(differing.slice(0, 3)).toEqual([]);
      // The corpus exercises the dictionaries: conversion changes something.
      expect(lines.some((s) => compact(s) !== s)).toBe(true);
    });
  }
});

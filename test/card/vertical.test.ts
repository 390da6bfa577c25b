import { describe, expect, it } from 'vitest';
import { placeColumns, verticalCells, verticalMeasure } from '../../src/card/typeset/vertical.ts';

/** Latin half an em a letter, everything else one em. */
const measure = (text: string) =>
  [...text].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);

describe('vertical cells (竖排)', () => {
  it('turns punctuation and brackets into vertical forms, dashes and ellipses too', () => {
    const cells = verticalCells('「好，是——」…。', measure);
    expect(cells.map((c) => c.text).join('')).toBe('﹁好︐是︱︱﹂︙︒');
    expect(cells.every((c) => c.kind === 'upright' && c.advance === 1)).toBe(true);
  });

  it('sets numbers of two digits upright (纵中横), turns longer numbers and Latin words', () => {
    const cells = verticalCells('是 10 的 2024 年 GPT-4o', measure);
    expect(cells.map((c) => [c.kind, c.text])).toEqual([
      ['upright', '是'],
      ['tcy', '10'],
      ['upright', '的'],
      ['space', ' '],
      ['rotated', '2024'],
      ['space', ' '],
      ['upright', '年'],
      ['space', ' '],
      ['rotated', 'GPT-4o'],
    ]);
    // Measured with every space, so a column is never longer than the breaker thought.
    expect(verticalMeasure(measure)('是 10 的')).toBe(4);
    expect(verticalMeasure(measure)('GPT-4o')).toBe(3);
  });

  it('places columns right to left, cells top to bottom with the justification gap', () => {
    const lines = [
      { text: '我们会从', width: 4 },
      { text: '这些方面', width: 4 },
    ];
    const columns = placeColumns(lines, [2, 0], measure, 100, 170);
    expect(columns.map((c) => c.x)).toEqual([205, 35]);
    expect(columns[0]!.cells.map((c) => c.y)).toEqual([0, 102, 204, 306]);
    expect(columns[1]!.cells.map((c) => c.y)).toEqual([0, 100, 200, 300]);
  });
});

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
      { text: '我们会从', width: 4, stretch: { chars: 3, spaces: 0, spaceWidth: 0 } },
      { text: '这些方面', width: 4, stretch: { chars: 3, spaces: 0, spaceWidth: 0 } },
    ];
    const columns = placeColumns(lines, [2, 0], measure, 100, 170);
    expect(columns.map((c) => c.x)).toEqual([205, 35]);
    expect(columns[0]!.cells.map((c) => c.y)).toEqual([0, 102, 204, 306]);
    expect(columns[1]!.cells.map((c) => c.y)).toEqual([0, 100, 200, 300]);
  });
});

describe('the opening mark in vertical cards', () => {
  it('hangs above the first column (ぶら下げ): every column starts at the same top', async () => {
    const { composeCard } = await import('../../src/card/compose.ts');
    const { cardSize, cardTheme } = await import('../../src/card/templates.ts');
    const { QuoteLibrary } = await import('../../src/quotes/library.ts');
    const { loadArtifacts } = await import('../../src/runtime/node/artifacts.ts');
    const { loadFonts } = await import('../../src/runtime/node/cards.ts');
    const { catalog, corpus, aliases } = loadArtifacts();
    const library = new QuoteLibrary(catalog, corpus, aliases);
    const fonts = loadFonts();
    for (const [id, size, script] of [
      ['5q0kgh93', 'xiaohongshu', 'hans'],
      ['b05fj85q', 'story', 'tw'],
      ['3yh7j11v', 'square', 'tw'],
    ] as const) {
      const model = composeCard(
        library.resolve(id),
        {
          size: cardSize(size),
          theme: cardTheme('paper'),
          script,
          layout: 'vertical',
          permalink: `https://yulu.example/q/${id}`,
        },
        fonts,
      );
      const block = model.quote.vertical!;
      expect(block.hanging, id).toBe('\uFE41'); // ﹁ for “ and 「 alike
      // The mark is not a cell of any column, and the first column starts where the others do.
      for (const column of block.columns) {
        expect(column.cells[0]!.y, id).toBe(0);
        expect(column.cells[0]!.text, id).not.toBe(block.hanging);
      }
      expect(model.quote.fitted.lines[0]!.text.startsWith(model.quote.open), id).toBe(false);
      // Its em above the block lies inside the box, or in the gap and header row above it (the
      // brand is at the left, the first column at the right), never in the card's margin.
      expect(model.quote.top + model.gap + model.brand.size * 1.4, id).toBeGreaterThanOrEqual(
        model.quote.fitted.fontSize,
      );
    }
  }, 120_000);
});

import type { Line } from './break-lines.ts';
import type { Measure } from './units.ts';

/**
 * Vertical setting (竖排) for cards. Satori has no `writing-mode`, so Yulu places every glyph:
 * a column is a list of cells drawn top to bottom, columns run right to left. Lines are broken by
 * the same units and rules as horizontal text (kinsoku, phrases), measured along the column.
 *
 * A cell is one of:
 * - `upright`: a Chinese character, or punctuation replaced by its vertical presentation form
 *   (U+FE10–FE19, U+FE30–FE4F: the subsets keep them, having no `vert` feature), 1 em;
 * - `tcy` (纵中横, tate-chu-yoko): a number of one or two digits set upright across the column, 1 em;
 * - `rotated`: a Latin word, or a longer number, turned 90° clockwise; as long as it is wide;
 * - `space`: a space beside a turned word (others are dropped).
 */
export const VERTICAL_FORMS: Readonly<Record<string, string>> = {
  '，': '\uFE10',
  '、': '\uFE11',
  '。': '\uFE12',
  '：': '\uFE13',
  '；': '\uFE14',
  '！': '\uFE15',
  '？': '\uFE16',
  '…': '\uFE19',
  '—': '\uFE31',
  '–': '\uFE32',
  '（': '\uFE35',
  '(': '\uFE35',
  ')': '\uFE36',
  '）': '\uFE36',
  '〔': '\uFE39',
  '〕': '\uFE3A',
  '【': '\uFE3B',
  '】': '\uFE3C',
  '《': '\uFE3D',
  '》': '\uFE3E',
  '〈': '\uFE3F',
  '〉': '\uFE40',
  // Corner brackets for every script: quotation marks turned, as vertical Chinese sets them.
  '「': '\uFE41',
  '」': '\uFE42',
  '『': '\uFE43',
  '』': '\uFE44',
  '“': '\uFE41',
  '”': '\uFE42',
  '‘': '\uFE43',
  '’': '\uFE44',
};

export type CellKind = 'upright' | 'tcy' | 'rotated' | 'space';

export interface Cell {
  kind: CellKind;
  /** What is drawn: the vertical form for punctuation, the text itself otherwise. */
  text: string;
  /** Length along the column, in em. */
  advance: number;
}

/** A Latin word or number with its joiners (`GPT-4o`, `3.5`, `don’t`). */
const LATIN = /[A-Za-z0-9](?:[A-Za-z0-9'’._+\-/%&]*[A-Za-z0-9%])?/y;

/**
 * The cells of `text` in column order; `measure` is the font's horizontal advance in em. With
 * `keepSpaces` every space is a cell (what the line breaker measures, unit by unit, so a column
 * is never longer than measured); drawn, a space not beside a turned word is dropped.
 */
export function verticalCells(text: string, measure: Measure, keepSpaces = false): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  while (i < text.length) {
    LATIN.lastIndex = i;
    const latin = LATIN.exec(text);
    if (latin) {
      const run = latin[0];
      const tcy = /^\d{1,2}$/.test(run);
      cells.push(
        tcy
          ? { kind: 'tcy', text: run, advance: 1 }
          : { kind: 'rotated', text: run, advance: measure(run) },
      );
      i += run.length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) as number);
    i += char.length;
    if (char === ' ') cells.push({ kind: 'space', text: ' ', advance: measure(' ') });
    else cells.push({ kind: 'upright', text: VERTICAL_FORMS[char] ?? char, advance: 1 });
  }
  // A space stays where it touches a turned word (`做 auto-regressive 的`); between upright cells
  // (`是 10 的`) the column's own rhythm already separates them and a blank reads as a hole.
  if (keepSpaces) return cells;
  return cells.filter(
    (cell, k) =>
      cell.kind !== 'space' || cells[k - 1]?.kind === 'rotated' || cells[k + 1]?.kind === 'rotated',
  );
}

/** The length of `text` along a column, in em: what the line breaker measures in vertical. */
export function verticalMeasure(measure: Measure): Measure {
  return (text) => verticalCells(text, measure, true).reduce((sum, cell) => sum + cell.advance, 0);
}

export interface PlacedCell extends Cell {
  /** Offset from the column's top, px. */
  y: number;
}

export interface Column {
  /** Left edge of the column, px from the quote block's left. */
  x: number;
  cells: PlacedCell[];
  /** The laid-out line the column sets (its text in reading order). */
  line: Line;
}

/**
 * Places lines as columns, the first at the right: each column `pitch` px wide, cells from the
 * top, `spacing[i]` px added after every cell of column i but its last (justification).
 */
export function placeColumns(
  lines: readonly Line[],
  spacing: readonly number[],
  measure: Measure,
  fontSize: number,
  pitch: number,
): Column[] {
  const count = lines.length;
  return lines.map((line, i) => {
    let y = 0;
    const gap = spacing[i] ?? 0;
    const cells = verticalCells(line.text, measure).map((cell) => {
      const placed = { ...cell, y };
      y += cell.advance * fontSize + gap;
      return placed;
    });
    return { x: (count - 1 - i) * pitch + (pitch - fontSize) / 2, cells, line };
  });
}

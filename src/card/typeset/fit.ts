import { YuluError } from '../../errors.ts';
import { breakLines, greedy, type Line } from './break-lines.ts';
import { trackedCount } from './tracking.ts';
import { toUnits, type Measure } from './units.ts';

export interface FitOptions {
  /** The box the text must fit, in px. */
  width: number;
  height: number;
  /** Largest and smallest font size tried, in px; below `minSize` the text is an error. */
  maxSize: number;
  minSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
}

export interface FittedText {
  fontSize: number;
  lineHeight: number;
  lines: Line[];
  /** Per line, extra letter spacing (px) that justifies it to the measure; 0 for the last line. */
  letterSpacing: number[];
  /** The measure used, in px. */
  measure: number;
}

/** Quotes of up to this many lines are balanced (equal lines); longer ones fill and justify. */
const BALANCE_UP_TO = 3;

/**
 * Sets `text` as large as it fits: tries sizes from `maxSize` down in 2 px steps and keeps the
 * first whose lines, broken by the Chinese rules in units.ts and break-lines.ts, fit the box.
 * Text that does not fit at `minSize` is a `quote_does_not_fit` error, never an overflow.
 */
export function fitText(text: string, measure: Measure, options: FitOptions): FittedText {
  const units = toUnits(text, measure);
  for (let size = options.maxSize; size >= options.minSize; size -= 2) {
    const measureEm = options.width / size;
    const balance = greedy(units, measureEm).length <= BALANCE_UP_TO;
    const lines = breakLines(units, measureEm, { balance });
    if (!lines) continue;
    if (lines.length * size * options.lineHeight > options.height + 1e-6) continue;
    const letterSpacing = lines.map((line, i) =>
      balance || i === lines.length - 1 ? 0 : justification(line, measureEm) * size,
    );
    return {
      fontSize: size,
      lineHeight: options.lineHeight,
      lines,
      letterSpacing,
      measure: options.width,
    };
  }
  throw new YuluError(
    'quote_does_not_fit',
    `the quote (${[...text].length} characters) does not fit this card even at ${options.minSize}px; choose a taller size such as portrait or story`,
  );
}

/** Letter spacing (em) that stretches a full line to the measure; none when the gap is large. */
function justification(line: Line, measureEm: number): number {
  // Satori spaces after every character, the last included; inside Latin words the tree turns
  // the spacing off (tracking.ts), so only the other characters count as gaps.
  const gaps = trackedCount(line.text);
  const slack = measureEm - line.width;
  if (gaps <= 0 || slack <= 0 || slack > 1.2) return 0;
  // A line of a few long Latin words would open holes between them: leave it ragged.
  if (slack / gaps > 0.25) return 0;
  return slack / gaps;
}

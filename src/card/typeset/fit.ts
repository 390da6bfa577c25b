import { YuluError } from '../../errors.ts';
import { greedyCount, scoredBreak, type Line } from './break-lines.ts';
import type { Segmenter } from './phrases.ts';
import { justify } from './tracking.ts';
import { toUnits, type Measure, type Unit } from './units.ts';

export interface FitOptions {
  /** The box the text must fit, in px. */
  width: number;
  height: number;
  /** Largest and smallest font size tried, in px; below `minSize` the text is an error. */
  maxSize: number;
  minSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Phrase boundaries (phrases.ts); without it any boundary between units is a good break. */
  segmenter?: Segmenter;
  /** Columns of a vertical card (compose.ts justifies them itself). */
  vertical?: boolean;
}

export interface FittedText {
  fontSize: number;
  lineHeight: number;
  lines: Line[];
  /**
   * Per line, the spacing (px) justification adds after each stretchable character (tracking.ts
   * spacingKinds); 0 for the last line and for ragged ones. Vertical: between a column's cells.
   */
  letterSpacing: number[];
  /** Per line, the px added to each of its spaces (horizontal only; absent: none). */
  spaceSpacing?: number[];
  /** The measure used, in px. */
  measure: number;
  /** Whether the lines were balanced (a short quote) rather than filled and justified. */
  balanced: boolean;
}

/** Quotes of up to this many lines are balanced (equal lines); longer ones fill and justify. */
const BALANCE_UP_TO = 3;
/** Badness below one ragged line (break-lines.ts COST.ragged): the setting is accepted. */
const GOOD_ENOUGH = 30;
/**
 * How far below the largest fitting size the quote may shrink to set without ragged lines: a
 * fraction of it, and at most this many 2 px steps (each step is a full breaking; the bench
 * keeps the layout stage's cost in check).
 */
const SHRINK_FOR_QUALITY = 0.85;
const QUALITY_STEPS = 4;

/**
 * Sets `text` as large as it fits: tries sizes from `maxSize` down in 2 px steps and keeps the
 * first whose lines, broken by the Chinese rules in units.ts and break-lines.ts, fit the box.
 * Text that does not fit at `minSize` is a `quote_does_not_fit` error, never an overflow.
 */
export function fitText(text: string, measure: Measure, options: FitOptions): FittedText {
  const units = toUnits(text, measure, options.segmenter);
  // Phrases kept whole wherever that fits; only text that fits no other way breaks inside short
  // phrases. From the largest size that fits, a size down to SHRINK_FOR_QUALITY of it that sets
  // without ragged lines wins; if none does, the least bad (the larger on a tie).
  for (const phrases of [true, false]) {
    let best: { fitted: FittedText; badness: number } | null = null;
    let first = options.maxSize;
    for (let size = options.maxSize; size >= options.minSize; size -= 2) {
      if (
        best &&
        (size < best.fitted.fontSize * SHRINK_FOR_QUALITY || size < first - 2 * QUALITY_STEPS)
      )
        break;
      const tried = tryFit(units, size, phrases, options);
      if (!tried) continue;
      if (!best) {
        best = tried;
        first = size;
      } else if (tried.badness < best.badness) best = tried;
      if (best.badness < GOOD_ENOUGH) break;
    }
    if (best) return best.fitted;
  }
  throw new YuluError(
    'quote_does_not_fit',
    `the quote (${[...text].length} characters) does not fit this card even at ${options.minSize}px; choose a taller size such as portrait or story`,
  );
}

function tryFit(
  units: Unit[],
  size: number,
  phrases: boolean,
  options: FitOptions,
): { fitted: FittedText; badness: number } | null {
  const measureEm = options.width / size;
  const balance = greedyCount(units, measureEm) <= BALANCE_UP_TO;
  const maxLines = Math.floor((options.height + 1e-6) / (size * options.lineHeight));
  const scored = scoredBreak(units, measureEm, {
    balance,
    maxLines,
    phrases,
    vertical: options.vertical ?? false,
  });
  if (!scored) return null;
  const { lines } = scored;
  if (lines.length * size * options.lineHeight > options.height + 1e-6) return null;
  const justified = lines.map((line, i) =>
    balance || i === lines.length - 1 ? null : justify(measureEm - line.width, line.stretch),
  );
  const letterSpacing = justified.map((j) => (j ? j.char * size : 0));
  const spaceSpacing = justified.map((j) => (j ? j.space * size : 0));
  return {
    fitted: {
      fontSize: size,
      lineHeight: options.lineHeight,
      lines,
      letterSpacing,
      spaceSpacing,
      measure: options.width,
      balanced: balance,
    },
    badness: scored.badness,
  };
}

import { justify, MAX_SPACING, spacingKinds, type Stretch } from './tracking.ts';
import type { Unit } from './units.ts';

export interface Line {
  text: string;
  /** Width in em of the visible text (trailing space excluded). */
  width: number;
  /** What justification may stretch (tracking.ts). */
  stretch: Stretch;
}

/** Lines as [start, end) ranges of unit indices. */
type Ranges = [number, number][];

/** Greedy first-fit: as many units per line as fit in `width` em; a unit wider than a line stands alone. */
function greedyRanges(units: readonly Unit[], width: number): Ranges {
  const ranges: Ranges = [];
  let start = -1;
  let used = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    if (unit.space) continue;
    if (start < 0) {
      start = i;
      used = unit.width;
      continue;
    }
    const space = (units[i - 1] as Unit).space ? (units[i - 1] as Unit).width : 0;
    if (used + space + unit.width > width + 1e-9) {
      ranges.push([start, i]);
      start = i;
      used = unit.width;
    } else {
      used += space + unit.width;
    }
  }
  if (start >= 0) ranges.push([start, units.length]);
  return ranges;
}

function toLines(units: readonly Unit[], ranges: Ranges): Line[] {
  return ranges.map(([start, end]) => {
    let last = end;
    while (last > start && (units[last - 1] as Unit).space) last--;
    const slice = units.slice(start, last);
    const text = slice.map((u) => u.text).join('');
    const kinds = spacingKinds(text);
    return {
      text,
      width: slice.reduce((w, u) => w + u.width, 0),
      stretch: {
        chars: kinds.filter((k) => k === 'char').length,
        spaces: kinds.filter((k) => k === 'space').length,
        spaceWidth: slice.reduce((w, u) => w + (u.space ? u.width : 0), 0),
      },
    };
  });
}

/** How many lines greedy first-fit needs: the fewest any breaking can have. */
export function greedyCount(units: readonly Unit[], width: number): number {
  return greedyRanges(units, width).length;
}

export function greedy(units: readonly Unit[], width: number): Line[] {
  return toLines(units, greedyRanges(units, width));
}

/** A last line holding a single character (plus punctuation) when there are other lines. */
export function hasOrphan(lines: readonly Line[]): boolean {
  const last = lines.at(-1);
  if (!last || lines.length < 2) return false;
  return [...last.text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length <= 1;
}

export interface BreakOptions {
  /** Equalise line lengths (short quotes) instead of filling lines (long quotes). */
  balance: boolean;
  /** Most lines the box holds at this size; more is no solution. */
  maxLines?: number;
  /**
   * Keep phrases whole (units' `phraseStart`), breaking inside one only when it is wider than the
   * line. Off: every unit boundary is as good as another (the fallback for text that cannot fit).
   */
  phrases?: boolean;
  /**
   * Vertical columns: every gap between cells stretches alike (`justifiable`, as compose.ts
   * spaces them); horizontal lines stretch spaces first, then characters (`justify`).
   */
  vertical?: boolean;
}

/** Costs, in em² of slack or its equivalent. An extra line outweighs any slack; orphans more. */
const COST = {
  line: 400,
  insidePhrase: 1000,
  orphan: 5000,
  /** A full line that justification would space out too far is set ragged: avoided if possible. */
  ragged: 40,
  /** A last line of a single word or character group: worth two ragged lines to avoid. */
  widow: 80,
};

/**
 * Whether a column of `gaps` gaps between cells may be stretched by `slack` em (vertical cards:
 * every gap alike, at most MAX_SPACING). Horizontal lines are justified by `justify` (spaces
 * first, then characters; tracking.ts). A line that cannot be is set ragged instead, and the
 * breaker looks for other breaks or another size first.
 */
export function justifiable(slack: number, gaps: number): boolean {
  return gaps > 0 && slack > 0 && slack <= 1.2 && slack / gaps <= MAX_SPACING;
}

/**
 * Breaks units into lines no wider than `width` em, choosing the breaks of least total cost
 * (dynamic programming over break points, after Knuth–Plass): never inside a phrase shorter than
 * the line, no single character alone on the last line, then — fill mode (long quotes) — full
 * lines that justify without spacing out, or — balanced mode (short quotes) — lines of nearly
 * equal length; the fewest lines first. Returns null when some unit is wider than the line (an
 * unbreakable word that does not fit at this size) or no breaking fits in `maxLines`.
 */
export function breakLines(
  units: readonly Unit[],
  width: number,
  options: BreakOptions,
): Line[] | null {
  return scoredBreak(units, width, options)?.lines ?? null;
}

/** A breaking and its badness: the cost of its breaks and lines, less the cost of their count. */
export interface ScoredLines {
  lines: Line[];
  badness: number;
}

/** `breakLines` with the badness of what it chose, so fit.ts can prefer a size that sets well. */
export function scoredBreak(
  units: readonly Unit[],
  width: number,
  options: BreakOptions,
): ScoredLines | null {
  if (units.some((u) => !u.space && u.width > width + 1e-9)) return null;
  const n = units.length;
  const first = units.findIndex((u) => !u.space);
  if (first < 0) return { lines: [], badness: 0 };
  const minLines = greedyRanges(units, width).length;
  const maxLines = Math.min(options.maxLines ?? Infinity, minLines + 2);
  if (minLines > maxLines) return null;
  const sums = prefixSums(units);
  const visibleEnd = visibleEnds(units);
  const penalty = breakPenalties(units, width, options.phrases ?? true, sums.widthAt);
  const setting: Setting = { units, width, options, first, sums, visibleEnd, penalty };

  const total = at(sums.widthAt, visibleEnd[n] as number) - at(sums.widthAt, first);

  let best: { cost: number; badness: number; ranges: Ranges } | null = null;
  for (let k = minLines; k <= maxLines; k++) {
    // Every line costs COST.line: more lines cannot beat what is already found.
    if (best && best.cost <= COST.line * k) break;
    const { finalCost, from } = cheapestIn(setting, k, lineCostFor(setting, total / k));
    if (!Number.isFinite(finalCost)) continue;
    const withLines = finalCost + COST.line * k;
    if (best && best.cost <= withLines) continue;
    best = { cost: withLines, badness: finalCost, ranges: rangesFrom(from, k, n) };
  }
  return best ? { lines: toLines(units, best.ranges), badness: best.badness } : null;
}

/** Prefix sums over the units: entry i sums units [0, i). */
interface PrefixSums {
  widthAt: Float64Array;
  /** Character gaps (a unit before a space gives its last one to the space). */
  gapsAt: Float64Array;
  charsAt: Float64Array;
  spacesAt: Float64Array;
  spaceWidthAt: Float64Array;
  lettersAt: Float64Array;
}

function prefixSums(units: readonly Unit[]): PrefixSums {
  const n = units.length;
  const widthAt = new Float64Array(n + 1);
  const gapsAt = new Float64Array(n + 1);
  const charsAt = new Float64Array(n + 1);
  const spacesAt = new Float64Array(n + 1);
  const spaceWidthAt = new Float64Array(n + 1);
  const lettersAt = new Float64Array(n + 1);
  units.forEach((u, i) => {
    widthAt[i + 1] = (widthAt[i] as number) + u.width;
    gapsAt[i + 1] = (gapsAt[i] as number) + u.gaps;
    const beforeSpace = units[i + 1]?.space === true;
    charsAt[i + 1] = (charsAt[i] as number) + (u.space ? 0 : u.gaps - (beforeSpace ? 1 : 0));
    spacesAt[i + 1] = (spacesAt[i] as number) + (u.space ? 1 : 0);
    spaceWidthAt[i + 1] = (spaceWidthAt[i] as number) + (u.space ? u.width : 0);
    lettersAt[i + 1] = (lettersAt[i] as number) + u.letters;
  });
  return { widthAt, gapsAt, charsAt, spacesAt, spaceWidthAt, lettersAt };
}

/** visibleEnd[b]: a line ending before unit b ends after its last non-space unit. */
function visibleEnds(units: readonly Unit[]): Int32Array {
  const n = units.length;
  const visibleEnd = new Int32Array(n + 1);
  for (let b = 0; b <= n; b++) {
    let e = b;
    while (e > 0 && (units[e - 1] as Unit).space) e--;
    visibleEnd[b] = e;
  }
  return visibleEnd;
}

/** What every count of lines is set against: the units, the measure and the tables over them. */
interface Setting {
  units: readonly Unit[];
  width: number;
  options: BreakOptions;
  /** The first non-space unit: where the first line starts. */
  first: number;
  sums: PrefixSums;
  visibleEnd: Int32Array;
  penalty: Float64Array;
}

type LineCost = (a: number, b: number, last: boolean) => number;

/** The cost of a line of units [a, b) when the lines are to be `target` em long (balanced). */
function lineCostFor(setting: Setting, target: number): LineCost {
  const { units, width, options, visibleEnd } = setting;
  const { widthAt, gapsAt, charsAt, spacesAt, spaceWidthAt } = setting.sums;
  return (a, b, last) => {
    const e = visibleEnd[b] as number;
    const w = at(widthAt, e) - at(widthAt, a);
    if (options.balance) {
      const d = target - w;
      return last && d > 0 ? 0.5 * d * d : d * d;
    }
    if (last) {
      const short = width * 0.3 - w;
      return short > 0 ? 2 * short * short : 0;
    }
    const slack = width - w;
    if (slack <= 1e-9) return 0;
    if (options.vertical)
      return slack * slack + (justifiable(slack, at(gapsAt, e) - at(gapsAt, a)) ? 0 : COST.ragged);
    // The line's last character takes no spacing (unless a space follows it: counted above).
    const stretch = {
      chars: at(charsAt, e) - at(charsAt, a) - (units[e]?.space ? 0 : 1),
      spaces: at(spacesAt, e) - at(spacesAt, a),
      spaceWidth: at(spaceWidthAt, e) - at(spaceWidthAt, a),
    };
    return slack * slack + (justify(slack, stretch) ? 0 : COST.ragged);
  };
}

/**
 * The least cost of setting all units in exactly `k` lines (Infinity when none fits) and, per
 * line count j and break b, where the line ending at b starts.
 */
function cheapestIn(
  setting: Setting,
  k: number,
  lineCost: LineCost,
): { finalCost: number; from: Int32Array[] } {
  const { units, width, first, visibleEnd, penalty } = setting;
  const { widthAt, lettersAt } = setting.sums;
  const n = units.length;
  // cost[j][b]: least cost of setting units [first, b) in j lines, b a line start (or n).
  const cost: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let j = 0; j <= k; j++) {
    cost.push(new Float64Array(n + 1).fill(Infinity));
    from.push(new Int32Array(n + 1).fill(-1));
  }
  (cost[0] as Float64Array)[first] = 0;
  for (let j = 1; j <= k; j++) {
    const previous = cost[j - 1] as Float64Array;
    const current = cost[j] as Float64Array;
    const back = from[j] as Int32Array;
    for (let b = first + 1; b <= n; b++) {
      if (b < n && !(Number.isFinite(penalty[b] as number) && j < k)) continue;
      if (b === n && j !== k) continue;
      const last = b === n;
      for (let a = b - 1; a >= first; a--) {
        if ((widthAt[visibleEnd[b] as number] as number) - (widthAt[a] as number) > width + 1e-9)
          break;
        const before = previous[a] as number;
        if (!Number.isFinite(before)) continue;
        let c = before + lineCost(a, b, last) + (last ? 0 : (penalty[b] as number));
        if (last && k > 1) {
          const letters = at(lettersAt, visibleEnd[b] as number) - at(lettersAt, a);
          if (letters <= 1) c += COST.orphan;
          // A last line of one word (`length。”`) reads as a fragment.
          else if (visibleEnd[b] === a + 1) c += COST.widow;
        }
        if (c < (current[b] as number)) {
          current[b] = c;
          back[b] = a;
        }
      }
    }
  }
  return { finalCost: (cost[k] as Float64Array)[n] as number, from };
}

/** The k lines that `cheapestIn` chose, walked back from the end. */
function rangesFrom(from: Int32Array[], k: number, n: number): Ranges {
  const ranges: Ranges = [];
  let b = n;
  for (let j = k; j >= 1; j--) {
    const a = (from[j] as Int32Array)[b] as number;
    ranges.unshift([a, b]);
    b = a;
  }
  return ranges;
}

/**
 * Per unit index b, the cost of a line break before unit b: 0 between phrases (or at a space),
 * `insidePhrase` inside a phrase wider than the line, Infinity inside a shorter phrase, before a
 * space or a unit a space precedes only as glue. Without phrase rules every boundary costs 0.
 */
function breakPenalties(
  units: readonly Unit[],
  width: number,
  phrases: boolean,
  widthAt: Float64Array,
): Float64Array {
  const n = units.length;
  const penalty = new Float64Array(n + 1).fill(Infinity);
  const boundary = (b: number) => {
    const unit = units[b] as Unit;
    const before = units[b - 1] as Unit;
    return !phrases || unit.phraseStart || before.space;
  };
  let start = 0;
  for (let b = 1; b <= n; b++) {
    if (b < n && ((units[b] as Unit).space || !boundary(b))) continue;
    // Units [start, b) are one phrase (spaces aside): breaks inside it cost by its width.
    const wide = (widthAt[b] as number) - (widthAt[start] as number) > width + 1e-9;
    for (let i = start + 1; i < b; i++)
      if (!(units[i] as Unit).space && !(units[i - 1] as Unit).space)
        penalty[i] = wide ? COST.insidePhrase : Infinity;
    if (b < n) penalty[b] = 0;
    start = b;
  }
  return penalty;
}

/** A typed-array element known to be in range. */
function at(array: Float64Array, i: number): number {
  return array[i] as number;
}

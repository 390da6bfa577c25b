import type { Unit } from './units.ts';

export interface Line {
  text: string;
  /** Width in em of the visible text (trailing space excluded). */
  width: number;
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
    return {
      text: slice.map((u) => u.text).join(''),
      width: slice.reduce((w, u) => w + u.width, 0),
    };
  });
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
}

/**
 * Breaks units into lines no wider than `width` em. Balanced mode uses the narrowest measure that
 * keeps the greedy line count, so lines come out nearly equal; fill mode keeps full lines. Either
 * way a last line of one character gets a second one from the line above. Returns null when some
 * unit is wider than the line (an unbreakable word that does not fit at this size).
 */
export function breakLines(
  units: readonly Unit[],
  width: number,
  options: BreakOptions,
): Line[] | null {
  if (units.some((u) => !u.space && u.width > width + 1e-9)) return null;
  let ranges = greedyRanges(units, width);
  if (options.balance && ranges.length > 1)
    ranges = greedyRanges(units, narrowestKeeping(units, width, ranges.length));
  return toLines(units, pullDownOrphan(units, ranges, width));
}

/**
 * When the last line is one character, ends the line above one unit earlier (skipping spaces),
 * which is always allowed (units already carry the no-break rules) if the last line still fits.
 */
function pullDownOrphan(units: readonly Unit[], ranges: Ranges, width: number): Ranges {
  if (!hasOrphan(toLines(units, ranges)) || ranges.length < 2) return ranges;
  const fixed = ranges.map((r) => [...r] as [number, number]);
  const previous = fixed[fixed.length - 2] as [number, number];
  const last = fixed[fixed.length - 1] as [number, number];
  let cut = previous[1] - 1;
  while (cut > previous[0] && (units[cut] as Unit).space) cut--;
  if (cut <= previous[0]) return ranges; // the line above is a single unit: nothing to give
  previous[1] = cut;
  last[0] = cut;
  const lastLine = toLines(units, [last])[0] as Line;
  return lastLine.width <= width + 1e-9 ? fixed : ranges;
}

/**
 * The smallest measure in (0.3·width, width] whose greedy breaking needs at most `count` lines:
 * binary search, since the line count only grows as the measure narrows.
 */
function narrowestKeeping(units: readonly Unit[], width: number, count: number): number {
  let lo = width * 0.3;
  let hi = width;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    const fits = units.every((u) => u.space || u.width <= mid);
    if (fits && greedyRanges(units, mid).length <= count) hi = mid;
    else lo = mid;
  }
  return hi;
}

import type { Unit } from './units.ts';

export interface Line {
  text: string;
  /** Width in em of the visible text (trailing space excluded). */
  width: number;
}

/** Greedy first-fit: as many units per line as fit in `width` em; a unit wider than a line stands alone. */
export function greedy(units: readonly Unit[], width: number): Line[] {
  const lines: Line[] = [];
  let text = '';
  let used = 0;
  let pendingSpace: Unit | null = null;
  const push = () => {
    if (text) lines.push({ text, width: used });
    text = '';
    used = 0;
    pendingSpace = null;
  };
  for (const unit of units) {
    if (unit.space) {
      if (text) pendingSpace = unit;
      continue;
    }
    const spaceWidth: number = pendingSpace ? (pendingSpace as Unit).width : 0;
    if (text && used + spaceWidth + unit.width > width + 1e-9) push();
    if (text && pendingSpace) {
      text += ' ';
      used += spaceWidth;
    }
    pendingSpace = null;
    text += unit.text;
    used += unit.width;
  }
  push();
  return lines;
}

/** Han characters on a line, the unit of "an orphan". */
function hanCount(text: string): number {
  let n = 0;
  for (const c of text) if (/\p{Script=Han}/u.test(c)) n++;
  return n;
}

/** A last line holding a single character (plus punctuation) when there are other lines. */
export function hasOrphan(lines: readonly Line[]): boolean {
  const last = lines.at(-1);
  if (!last || lines.length < 2) return false;
  const visible = [...last.text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
  return hanCount(last.text) <= 1 && visible <= 1;
}

export interface BreakOptions {
  /** Equalise line lengths (short quotes) instead of filling lines (long quotes). */
  balance: boolean;
}

/**
 * Breaks units into lines no wider than `width` em. Balanced mode finds the narrowest measure
 * that keeps the greedy line count, so lines come out nearly equal; fill mode keeps full lines but
 * narrows the measure until the last line is not an orphan. Returns null when some unit is wider
 * than the line (an unbreakable word that does not fit at this size).
 */
export function breakLines(
  units: readonly Unit[],
  width: number,
  options: BreakOptions,
): Line[] | null {
  if (units.some((u) => !u.space && u.width > width + 1e-9)) return null;
  const lines = greedy(units, width);
  if (lines.length < 2) return lines;
  if (options.balance) return greedy(units, narrowestKeeping(units, width, lines.length));
  if (!hasOrphan(lines)) return lines;
  // Narrow the measure a little at a time until a second character joins the last line.
  for (let measure = width - 0.25; measure > width * 0.75; measure -= 0.25) {
    const narrower = greedy(units, measure);
    if (narrower.length > lines.length) break;
    if (!hasOrphan(narrower)) return narrower;
  }
  // No narrower measure with the same count helps: one more line, balanced.
  return greedy(units, narrowestKeeping(units, width, lines.length + 1));
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
    if (fits && greedy(units, mid).length <= count) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Chinese line-breaking units (after JIS X 4051 / W3C clreq, simplified for cards): every Han
 * character is its own unit, a Latin word or number is one unit, spaces are breakable glue, and
 * punctuation is glued to its neighbour so that no line can start with closing punctuation or end
 * with opening punctuation. Dashes and ellipses are never split.
 */
import type { Segmenter } from './phrases.ts';
import { trackedCount } from './tracking.ts';

const LETTER = /[\p{L}\p{N}]/u;

export const NO_LINE_START = new Set([
  ...'，。、；：？！」』）》〉】〕〗”’…—～·%‰℃',
  ...',.;:?!)]}>',
]);
/** Clause punctuation after which a line may always break (not `·` inside a name, not `%`). */
const BREAK_AFTER = new Set([...'，。、；：？！」』）》〉】〕〗”’…—～', ...',;:?!)]}>']);
export const NO_LINE_END = new Set([...'「『（《〈【〔〖“‘', ...'([{<']);

export interface Unit {
  text: string;
  /** Advance width in em. */
  width: number;
  /** True for breakable spaces: dropped at line ends, never start a line. */
  space: boolean;
  /**
   * Whether a line may break before this unit without splitting a phrase: at a phrase boundary
   * (phrases.ts), after a space or before one. Without a segmenter every unit starts a phrase.
   */
  phraseStart: boolean;
  /** Characters that take justification spacing after them (tracking.ts), and letters/digits. */
  gaps: number;
  letters: number;
}

/** Width of a string in em at 1 em; supplied by the font in use. */
export type Measure = (text: string) => number;

const WORD_CHAR = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}'’&_+\-./@#%]/u;

/**
 * Measure words and units that stay with the number before them (`100亿`, `3.5倍`, `2024年`), and
 * prefixes that stay with the number after them (`第3`): a number is never split from its unit.
 */
const NUMBER_UNIT = new Set([
  ...'个年月日号亿万千百倍岁元块次天周分秒米度家位名款条项种轮层步张台篇句期届%‰℃',
]);
const NUMBER_PREFIX = new Set([...'第约近超']);
const NUMBER = /^\p{Nd}(?:[\p{Nd}.,\-–~]*\p{Nd})?$/u;

export function toUnits(text: string, measure: Measure, segmenter?: Segmenter): Unit[] {
  const glued = glueMarks(keepNumbersWhole(splitWords(text)));
  const boundaries = segmenter?.(text);
  const units: Unit[] = [];
  let offset = 0;
  for (const [i, t] of glued.entries()) {
    const space = t === ' ';
    const chars = [...t];
    const phraseStart =
      boundaries && i > 0 && !space && glued[i - 1] !== ' '
        ? startsPhrase(glued[i - 1] as string, chars, offset, boundaries)
        : true;
    let letters = 0;
    for (const c of chars) if (LETTER.test(c)) letters++;
    const gaps = space ? 1 : trackedCount(t);
    units.push({ text: t, width: measure(t), space, phraseStart, gaps, letters });
    offset += chars.length;
  }
  return units;
}

/** Words of WORD_CHAR run together, every other character alone. */
function splitWords(text: string): string[] {
  const raw: string[] = [];
  let word = '';
  const flush = () => {
    if (word) raw.push(word);
    word = '';
  };
  for (const char of text) {
    if (WORD_CHAR.test(char) && !(NO_LINE_START.has(char) && word === '')) {
      word += char;
      continue;
    }
    flush();
    raw.push(char);
  }
  flush();
  return raw;
}

/** A number keeps its unit and its ordinal prefix (joins pieces of `raw` in place). */
function keepNumbersWhole(raw: string[]): string[] {
  for (let i = raw.length - 1; i > 0; i--) {
    const piece = raw[i] as string;
    const before = raw[i - 1] as string;
    if (
      (NUMBER.test(before) && NUMBER_UNIT.has(piece)) ||
      (NUMBER_PREFIX.has(before) && /^\p{Nd}/u.test(piece))
    ) {
      raw.splice(i - 1, 2, before + piece);
    }
  }
  return raw;
}

/** Glue: closing punctuation to the unit before, opening punctuation to the unit after. */
function glueMarks(raw: readonly string[]): string[] {
  const glued: string[] = [];
  let pendingOpen = '';
  for (const piece of raw) {
    const first = [...piece][0] as string;
    if (piece === ' ') {
      glued.push(pendingOpen + piece);
      pendingOpen = '';
    } else if (NO_LINE_END.has(first) && [...piece].length === 1) {
      pendingOpen += piece;
    } else if (
      NO_LINE_START.has(first) &&
      glued.length > 0 &&
      pendingOpen === '' &&
      glued.at(-1) !== ' '
    ) {
      glued[glued.length - 1] += piece;
    } else {
      glued.push(pendingOpen + piece);
      pendingOpen = '';
    }
  }
  if (pendingOpen) {
    if (glued.length > 0) glued[glued.length - 1] += pendingOpen;
    else glued.push(pendingOpen);
  }
  return glued;
}

/**
 * Whether a unit of `chars` at character `offset`, after the unit `previous`, starts a phrase.
 * Punctuation glued across a boundary moves it by its own length: `方式，|这` is the boundary
 * after `，`, `说|「我们` the one before `「`.
 */
function startsPhrase(
  previous: string,
  chars: readonly string[],
  offset: number,
  boundaries: ReturnType<Segmenter>,
): boolean {
  const before = [...previous];
  let trailing = 0;
  while (
    trailing < before.length &&
    NO_LINE_START.has(before[before.length - 1 - trailing] as string)
  )
    trailing++;
  let leading = 0;
  while (leading < chars.length && NO_LINE_END.has(chars[leading] as string)) leading++;
  let phraseStart = BREAK_AFTER.has(before[before.length - 1] as string) || leading > 0;
  for (let b = offset - trailing; !phraseStart && b <= offset + leading; b++)
    phraseStart = boundaries.has(b);
  return phraseStart;
}

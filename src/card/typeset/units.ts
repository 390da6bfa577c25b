/**
 * Chinese line-breaking units (after JIS X 4051 / W3C clreq, simplified for cards): every Han
 * character is its own unit, a Latin word or number is one unit, spaces are breakable glue, and
 * punctuation is glued to its neighbour so that no line can start with closing punctuation or end
 * with opening punctuation. Dashes and ellipses are never split.
 */
export const NO_LINE_START = new Set([
  ...'，。、；：？！」』）》〉】〕〗”’…—～·%‰℃',
  ...',.;:?!)]}>',
]);
export const NO_LINE_END = new Set([...'「『（《〈【〔〖“‘', ...'([{<']);

export interface Unit {
  text: string;
  /** Advance width in em. */
  width: number;
  /** True for breakable spaces: dropped at line ends, never start a line. */
  space: boolean;
}

/** Width of a string in em at 1 em; supplied by the font in use. */
export type Measure = (text: string) => number;

const WORD_CHAR = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}'’&_+\-./@#%]/u;

export function toUnits(text: string, measure: Measure): Unit[] {
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

  // Glue: closing punctuation to the unit before, opening punctuation to the unit after.
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
  return glued.map((t) => ({ text: t, width: measure(t), space: t === ' ' }));
}

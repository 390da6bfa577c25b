import { HAN_CHAR, isChineseContext } from '../../text/cjk.ts';

/**
 * The captures width-folded Chinese punctuation to ASCII (`生产力的需求,可能`) while 。、「」
 * stayed full-width. In Chinese context these are restored to their full-width forms.
 */
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
};

/** Full-width punctuation that never takes a space on either side in Chinese typesetting. */
const SPACE_FREE_PUNCT = '，。、；：？！（）「」『』《》〈〉【】“”‘’—…';
const SPACES_AROUND_PUNCT = new RegExp(` *([${SPACE_FREE_PUNCT}]+) *`, 'gu');

function neighbour(text: string, from: number, step: 1 | -1): string | undefined {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const ch = text[i];
    if (ch !== ' ') return ch;
  }
  return undefined;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** `, : ; ? !` next to Chinese become full-width; between two digits (11:40, 1,000) they stay. */
function foldMarks(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const wide = FULL_WIDTH[ch];
    if (wide !== undefined) {
      const before = neighbour(text, i - 1, -1);
      const after = neighbour(text, i + 1, 1);
      const betweenDigits = isDigit(text[i - 1]) && isDigit(text[i + 1]);
      if (!betweenDigits && (isChineseContext(before) || isChineseContext(after))) {
        out += wide;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

const HAN = new RegExp(`[${HAN_CHAR}]`, 'u');

/** A parenthesis pair is Chinese when it holds Han text or touches Chinese on either side. */
function foldParentheses(text: string): string {
  return text.replace(/\(([^()]*)\)/g, (match, inner: string, offset: number) => {
    const before = neighbour(text, offset - 1, -1);
    const after = neighbour(text, offset + match.length, 1);
    if (HAN.test(inner) || isChineseContext(before) || isChineseContext(after))
      return `（${inner.trim()}）`;
    return match;
  });
}

/** ASCII double quotes, paired in order, become “…” when they hold or touch Chinese (001: `" 宕机 "`). */
function foldDoubleQuotes(text: string): string {
  const count = text.split('"').length - 1;
  if (count === 0 || count % 2 !== 0) return text;
  return text.replace(/"([^"]*)"/g, (match, inner: string, offset: number) => {
    const before = neighbour(text, offset - 1, -1);
    const after = neighbour(text, offset + match.length, 1);
    if (HAN.test(inner) || isChineseContext(before) || isChineseContext(after))
      return `“${inner.trim()}”`;
    return match;
  });
}

const countAsciiMarks = (text: string) => text.replace(/[^,:;?!()"]/g, '').length;

export function foldPunctuationWidth(text: string): { text: string; changes: number } {
  const out = foldDoubleQuotes(foldParentheses(foldMarks(text))).replace(SPACES_AROUND_PUNCT, '$1');
  return { text: out, changes: countAsciiMarks(text) - countAsciiMarks(out) };
}

const HAN_THEN_LATIN = new RegExp(`([${HAN_CHAR}])([A-Za-z])`, 'gu');
const LATIN_THEN_HAN = new RegExp(`([A-Za-z])([${HAN_CHAR}])`, 'gu');

/**
 * One space between Han and Latin words (AI和人 → AI 和人), as Chinese style guides ask; the
 * captures mix both forms, and a card must not. Digits are left as written (6月14日).
 */
export function spaceHanAndLatin(text: string): { text: string; changes: number } {
  let changes = 0;
  const count = (_: string, a: string, b: string) => {
    changes++;
    return `${a} ${b}`;
  };
  const out = text.replace(HAN_THEN_LATIN, count).replace(LATIN_THEN_HAN, count);
  return { text: out, changes };
}

/**
 * An ASCII full stop after a Latin word that ends a Chinese sentence (读读 PHD. 我…, 就去 google.)
 * is the recogniser's or the page's: it becomes 。. Only after a Latin word of two letters or more
 * in a paragraph with Chinese before it, and only before Chinese or the end: abbreviations inside
 * Latin text (e.g. Character.ai), decimals and list numbers (1. 從做人) are left alone.
 */
export function foldLatinFullStops(text: string): { text: string; changes: number } {
  let changes = 0;
  const out = text.replace(
    /(?<=[A-Za-z]{2})\. *(?=[\p{Script=Han}「“（]|$)/gu,
    (match: string, offset: number) => {
      if (!HAN.test(text.slice(0, offset))) return match;
      changes++;
      return '。';
    },
  );
  return { text: out, changes };
}

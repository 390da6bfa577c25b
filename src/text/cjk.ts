/**
 * Character classes for Chinese text. Han ideographs are matched by Unicode script so that
 * extension blocks count too; CJK punctuation covers the full-width forms Chinese typesetting uses.
 */
export const HAN = /\p{Script=Han}/u;
export const HAN_CHAR = '\\p{Script=Han}';

/** Full-width and CJK punctuation that sits in Chinese text (U+3000 block, full-width forms, curly quotes, dashes, ellipsis). */
export const CJK_PUNCT_CHARS = '，。、；：？！（）「」『』《》〈〉【】“”‘’—…·～';
export const CJK_PUNCT = new RegExp(`[${CJK_PUNCT_CHARS}]`);

/** Han or CJK punctuation: the context in which ASCII punctuation should be full-width. */
export function isChineseContext(char: string | undefined): boolean {
  return char !== undefined && (HAN.test(char) || CJK_PUNCT.test(char));
}

/** Private-Use Area: never legitimate in this corpus; their presence means byte damage. */
export const PRIVATE_USE = /[\uE000-\uF8FF]/u;

/** Counts Han characters: the unit of quote length ("12–100 Chinese characters"). */
export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

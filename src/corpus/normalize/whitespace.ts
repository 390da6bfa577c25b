import { HAN_CHAR } from '../../text/cjk.ts';

/**
 * NBSP, ideographic and other exotic spaces become plain spaces; runs collapse to one; ends trim.
 * Web captures carry NBSPs from HTML `&nbsp;` and padding spaces from inline markup.
 */
export function normalizeSpaces(text: string): { text: string; changes: number } {
  const out = text
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return { text: out, changes: out === text ? 0 : 1 };
}

const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN_CHAR}]) +(?=[${HAN_CHAR}])`, 'gu');
/** Single capital letters spelled out by the recogniser: "C E O", "A G I", "P H D". */
const SPELLED_LETTERS = /\b[A-Z](?: [A-Z])+\b/g;

/**
 * A speech recogniser separates every word with a space ("好多 人都 这么 跟 我 说话").
 * Chinese is written without word spaces, so spaces between Han characters go; spaces between
 * Latin words stay ("public university avenue"); spelled-out capitals are joined (C E O → CEO).
 */
export function joinTranscriptSpacing(text: string): { text: string; changes: number } {
  let changes = 0;
  const out = text
    .replace(SPELLED_LETTERS, (m) => {
      changes++;
      return m.replace(/ /g, '');
    })
    .replace(SPACE_BETWEEN_HAN, () => {
      changes++;
      return '';
    });
  return { text: out, changes };
}

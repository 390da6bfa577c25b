/**
 * Text an editor types for a card (an erratum, a draft). A card draws one paragraph: line breaks
 * would stack lines the typesetter never measured (issue 15: 60 newlines drew the quote over the
 * header), and control or bidi-override characters draw nothing or reorder what they follow.
 * `cleanCardText` collapses line breaks (and the blanks around them) to one space, or to nothing
 * between two Chinese characters or next to full-width punctuation, and refuses control characters; `assertCardText` is the
 * store's check that nothing else slipped in.
 */
import { YuluError } from '../errors.ts';

// C0 and C1 controls except tab, line feed and carriage return; bidi embeddings, overrides and
// isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const BREAK = /[ \t\u3000]*(?:\r\n|[\r\n\u2028\u2029\u0085])[\s\u3000]*/gu;
const HAN = /\p{Script=Han}/u;
const WIDE_PUNCTUATION =
  /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026]/u;

export function cleanCardText(text: string): string {
  const control = CONTROL.exec(text);
  if (control)
    throw new YuluError(
      'invalid_argument',
      `the text holds a control character (U+${control[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}); type only the words that belong on the card`,
    );
  return text
    .replace(/\t/g, ' ')
    .replace(BREAK, (_match, offset: number, whole: string) => {
      const before = whole.slice(0, offset).at(-1) ?? '';
      const after = whole.slice(offset + _match.length).at(0) ?? '';
      const tight =
        (HAN.test(before) && HAN.test(after)) ||
        WIDE_PUNCTUATION.test(before) ||
        WIDE_PUNCTUATION.test(after);
      return tight ? '' : ' ';
    })
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Refuses text that `cleanCardText` would change: line breaks, tabs, control characters. */
export function assertCardText(text: string, what: string): void {
  if (CONTROL.test(text) || /[\r\n\t\u2028\u2029\u0085]/u.test(text))
    throw new YuluError(
      'invalid_argument',
      `${what} must be one line without control characters (line breaks collapse to one space)`,
    );
}

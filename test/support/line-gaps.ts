import type { CardModel } from '../../src/card/compose.ts';
import { spacingKinds } from '../../src/card/typeset/tracking.ts';

/**
 * The gaps a horizontal quote line is drawn with, from the card model as tree.ts draws it: after
 * each character the spacing its kind gets (tracking.ts spacingKinds), a space counting whole
 * (its own advance plus what justification adds). In em of the quote's font size.
 */
export interface LineGaps {
  /** The widest gap justification opens after a character (not at a space). */
  char: number;
  /** The widest space, its own width included. */
  space: number;
  /** Character gaps on the line (what `justify` divides the slack by). */
  chars: number;
  /** Whether the line has a Latin word. */
  latin: boolean;
  /** Drawn width of the line in px, glyphs and spacing. */
  drawn: number;
}

export function lineGaps(model: CardModel, i: number): LineGaps {
  const { fitted, typeface } = model.quote;
  const line = fitted.lines[i]!;
  const size = fitted.fontSize;
  const charPx = fitted.letterSpacing[i] ?? 0;
  const spacePx = fitted.spaceSpacing?.[i] ?? 0;
  const spaceAdvance = typeface.measure(' ') * size;
  let char = 0;
  let space = 0;
  let chars = 0;
  let added = 0;
  for (const kind of spacingKinds(line.text)) {
    if (kind === 'char') {
      chars++;
      char = Math.max(char, charPx);
      added += charPx;
    } else if (kind === 'space') {
      space = Math.max(space, spaceAdvance + spacePx);
      added += spacePx;
    }
  }
  return {
    char: char / size,
    space: space / size,
    chars,
    latin: /[A-Za-z]{2}/.test(line.text),
    drawn: line.width * size + added,
  };
}

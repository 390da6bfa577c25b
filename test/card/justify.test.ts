import { beforeAll, describe, expect, it } from 'vitest';
import { composeCard } from '../../src/card/compose.ts';
import type { FontBook } from '../../src/card/font-book.ts';
import { CARD_SIZES, CARD_THEMES, cardSize, cardTheme } from '../../src/card/templates.ts';
import {
  justify,
  MAX_SPACING,
  SPACE_MAX,
  spacingCap,
  spacingKinds,
} from '../../src/card/typeset/tracking.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { loadFonts } from '../../src/runtime/node/cards.ts';
import { DISPLAY_SCRIPTS } from '../../src/text/script.ts';
import { lineGaps } from '../support/line-gaps.ts';

let library: QuoteLibrary;
let fonts: FontBook;
beforeAll(() => {
  const { catalog, corpus, aliases } = loadArtifacts();
  library = new QuoteLibrary(catalog, corpus, aliases);
  fonts = loadFonts();
});

describe('justify', () => {
  it('stretches spaces first (to ⅜ em), then characters, within the caps', () => {
    // Slack the spaces can take alone: characters untouched.
    expect(justify(0.1, { chars: 10, spaces: 2, spaceWidth: 0.5 })).toEqual({
      char: 0,
      space: 0.05,
    });
    // Spaces full (2 × ⅜ − 0.5 = 0.25 em), the rest over ten characters.
    const both = justify(0.75, { chars: 10, spaces: 2, spaceWidth: 0.5 })!;
    expect(both.space).toBeCloseTo(0.125);
    expect(both.char).toBeCloseTo(0.05);
    // Few gaps: four may take a sixteenth each, two a thirty-second; more is ragged.
    expect(spacingCap(4)).toBe(1 / 16);
    expect(spacingCap(2)).toBe(1 / 32);
    expect(justify(0.3, { chars: 4, spaces: 0, spaceWidth: 0 })).toBeNull();
    expect(justify(0.24, { chars: 4, spaces: 0, spaceWidth: 0 })).toEqual({ char: 0.06, space: 0 });
    expect(justify(0.1, { chars: 2, spaces: 0, spaceWidth: 0 })).toBeNull();
    // Many gaps: up to an eighth.
    expect(justify(1, { chars: 8, spaces: 0, spaceWidth: 0 })!.char).toBe(MAX_SPACING);
    expect(justify(1.01, { chars: 8, spaces: 0, spaceWidth: 0 })).toBeNull();
  });

  it('gives a word space one helping: no spacing before a space, nor after the last character', () => {
    expect(spacingKinds('也有 scaling law，它肯定').join(' ')).toBe(
      [
        'char', // 也
        'none', // 有, before a space
        'space',
        ...Array(7).fill('none'), // scaling
        'space',
        'none',
        'none',
        'char', // law
        'char', // ，
        'char',
        'char',
        'none', // 定, the last
      ].join(' '),
    );
  });
});

describe('few-gap Latin lines at large sizes', () => {
  /**
   * The widest gap justification opens after a character, measured on every justified line with
   * a Latin word, for the Latin pinned quote (golden latin-*) and the long one with
   * `context length` (issue 17: `b05fj85q` story ink tw), in every size, script and face.
   */
  it('opens less after a character the fewer gaps a line has (a sixteenth of an em for four)', () => {
    const widest: { gap: number; where: string }[] = [];
    let latinLines = 0;
    for (const id of ['zfssr8wy', 'b05fj85q'])
      for (const size of CARD_SIZES)
        for (const script of DISPLAY_SCRIPTS)
          for (const theme of CARD_THEMES) {
            const model = composeCard(
              library.resolve(id),
              { size, theme, script, permalink: `https://yulu.example/q/${id}` },
              fonts,
            );
            model.quote.fitted.lines.forEach((line, i) => {
              const gaps = lineGaps(model, i);
              if (!gaps.latin || model.quote.fitted.letterSpacing[i] === 0) return;
              latinLines++;
              const cap = spacingCap(gaps.chars);
              widest.push({
                gap: gaps.char / cap,
                where: `${id} ${size.name} ${theme.name} ${script} line ${i + 1} │${line.text}│ ${gaps.char.toFixed(3)} em over ${gaps.chars} gaps, spaces ${gaps.space.toFixed(3)} em`,
              });
              expect(gaps.char, widest.at(-1)!.where).toBeLessThanOrEqual(cap + 1e-9);
              expect(gaps.space, widest.at(-1)!.where).toBeLessThanOrEqual(SPACE_MAX + 1e-9);
              expect(gaps.drawn).toBeLessThanOrEqual(model.quote.fitted.measure + 0.5);
            });
          }
    expect(latinLines).toBeGreaterThan(20);
  });

  it('sets the golden latin story (yulu, simplified) with no character gap wider than 1/16 em', () => {
    const model = composeCard(
      library.resolve('zfssr8wy'),
      {
        size: cardSize('story'),
        theme: cardTheme('yulu'),
        script: 'hans',
        permalink: 'https://yulu.example/q/zfssr8wy',
      },
      fonts,
    );
    const gaps = model.quote.fitted.lines.map((_, i) => lineGaps(model, i));
    // Before: 5.3–5.4 px at 74 px (0.072 em) after every character of four of its lines.
    expect(Math.max(...gaps.map((g) => g.char))).toBeLessThanOrEqual(1 / 16);
  });
});

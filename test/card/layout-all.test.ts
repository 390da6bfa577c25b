import { beforeAll, describe, expect, it } from 'vitest';
import {
  composeCard,
  PREVIEW_MIN_PX,
  VERTICAL_SIZES,
  type CardLayout,
  type CardModel,
} from '../../src/card/compose.ts';
import type { FontBook } from '../../src/card/font-book.ts';
import { CARD_SIZES, CARD_THEMES } from '../../src/card/templates.ts';
import { hasOrphan } from '../../src/card/typeset/break-lines.ts';
import { SPACE_MAX, spacingCap } from '../../src/card/typeset/tracking.ts';
import { NO_LINE_END, NO_LINE_START } from '../../src/card/typeset/units.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { loadFonts } from '../../src/runtime/node/cards.ts';
import { DISPLAY_SCRIPTS } from '../../src/text/script.ts';
import { lineGaps } from '../support/line-gaps.ts';
import { phraseProblems } from '../support/phrase-check.ts';

let library: QuoteLibrary;
let fonts: FontBook;

beforeAll(() => {
  const { catalog, corpus } = loadArtifacts();
  library = new QuoteLibrary(catalog, corpus);
  fonts = loadFonts();
});

/** Vertical (竖排) where the size offers it. */
const layouts = (size: string): CardLayout[] =>
  VERTICAL_SIZES.includes(size) ? ['horizontal', 'vertical'] : ['horizontal'];

/** One theme per face: themes that share a face set text identically. */
const themesByFace = () => [...new Map(CARD_THEMES.map((t) => [t.face, t])).values()];

function problems(model: CardModel): string[] {
  const found: string[] = [];
  const { fitted, typeface } = model.quote;
  for (const [i, line] of fitted.lines.entries()) {
    const chars = [...line.text];
    if (NO_LINE_START.has(chars[0]!)) found.push(`line ${i + 1} starts with ${chars[0]}`);
    if (NO_LINE_END.has(chars.at(-1)!)) found.push(`line ${i + 1} ends with ${chars.at(-1)}`);
    // Drawn length: the glyphs plus the justification after every tracked character (in
    // vertical, between the column's cells).
    const column = model.quote.vertical?.columns[i];
    const drawn = column
      ? Math.max(0, ...column.cells.map((c) => c.y + c.advance * fitted.fontSize))
      : lineGaps(model, i).drawn;
    if (drawn > fitted.measure + 0.5) found.push(`line ${i + 1} overflows`);
    if (!column) {
      // Justification never spaces a line out (tracking.ts justify): an eighth of an em after a
      // character, less on a line of few gaps, a space at most ⅜ em.
      const gaps = lineGaps(model, i);
      if (gaps.char > spacingCap(gaps.chars) + 1e-6)
        found.push(`line ${i + 1} spaced out: ${gaps.char.toFixed(3)} em after a character`);
      if (gaps.space > Math.max(SPACE_MAX, typeface.measure(' ')) + 1e-6)
        found.push(`line ${i + 1} has a ${gaps.space.toFixed(3)} em space`);
    }
    if (column)
      for (const cell of column.cells)
        for (const c of cell.text)
          if (c !== ' ' && !typeface.covers(c))
            found.push(`no glyph for ${c} (vertical form) in ${typeface.family}`);
    for (const c of chars)
      if (!typeface.covers(c)) found.push(`no glyph for ${c} in ${typeface.family}`);
  }
  if (hasOrphan(fitted.lines)) found.push('orphan on the last line');
  const block = model.quote.vertical;
  if (block) {
    // Columns side by side inside the quote's box, right to left from the first.
    const boxWidth = model.width - 2 * model.padding.x;
    if (block.left + block.width > boxWidth + 0.5) found.push('columns overflow the card');
    const xs = block.columns.map((c) => c.x);
    if (xs.some((x, i) => i > 0 && x >= xs[i - 1]!)) found.push('columns not right to left');
    if (block.columns.length !== fitted.lines.length) found.push('a line without its column');
  }
  // Small print readable at the size's preview width (compose.ts PREVIEW_MIN_PX).
  const size = CARD_SIZES.find((s) => s.width === model.width && s.height === model.height)!;
  const atPreview = (px: number) => px * (size.previewWidth / size.width);
  const small: [string, number, number][] = [
    ['speaker', model.speaker.size, PREVIEW_MIN_PX.speaker],
    ['brand', model.brand.size, PREVIEW_MIN_PX.brand],
    ['source', model.source.size, PREVIEW_MIN_PX.meta],
    ...(model.credit.text
      ? [['credit', model.credit.size, PREVIEW_MIN_PX.meta] as [string, number, number]]
      : []),
  ];
  for (const [what, px, min] of small)
    if (atPreview(px) < min - 0.01)
      found.push(`${what} is ${atPreview(px).toFixed(1)} px at preview width (minimum ${min})`);
  // Marks: simplified “ ‘, traditional 「 『, whatever the source used.
  const foreign = model.script === 'hans' ? /[「」『』]/u : /[“”‘]|’(?![A-Za-z])/u;
  if (foreign.test(model.quote.text)) found.push(`mixed quotation marks in ${model.quote.text}`);
  const metaText = [
    model.credit.text,
    model.source.text,
    model.link.text,
    model.note?.text ?? '',
  ].join('');
  for (const c of metaText)
    if (c !== ' ' && !model.meta.covers(c)) found.push(`no glyph for ${c} in ${model.meta.family}`);
  for (const c of model.speaker.name + model.brand.text)
    if (c !== ' ' && !model.metaBold.covers(c))
      found.push(`no glyph for ${c} in ${model.metaBold.family}`);
  return found;
}

describe('every quote on every card', () => {
  it('lays out in every size, script, face and layout: kinsoku, no orphans, no overflow, no tofu; breaks between phrases', () => {
    let cards = 0;
    let lineBreaks = 0;
    let inside = 0;
    const long: string[] = [];
    const failures: string[] = [];
    for (const quote of library.quotes) {
      const resolved = library.resolve(quote.id);
      for (const size of CARD_SIZES) {
        for (const script of DISPLAY_SCRIPTS) {
          for (const [theme, layout] of themesByFace().flatMap((t) =>
            layouts(size.name).map((l) => [t, l] as const),
          )) {
            const options = {
              size,
              theme,
              script,
              layout,
              permalink: `https://yulu.example/q/${quote.id}`,
            };
            try {
              const model = composeCard(resolved, options, fonts);
              const tag = `${quote.id} ${size.name} ${script} ${theme.face} ${layout}`;
              for (const p of problems(model)) failures.push(`${tag}: ${p}`);
              const phrasing = phraseProblems(model);
              failures.push(...phrasing.failures.map((f) => `${tag}: ${f}`));
              long.push(...phrasing.long.map((f) => `${tag}: ${f}`));
              inside += phrasing.inside;
              lineBreaks += model.quote.fitted.lines.length - 1;
              expect(model.quote.fitted.fontSize).toBeGreaterThanOrEqual(size.minQuoteSize);
            } catch (error) {
              failures.push(
                `${quote.id} ${size.name} ${script} ${theme.face}: ${(error as Error).message}`,
              );
            }
            cards++;
          }
        }
      }
    }
    // The report the issue asks for: breaks inside a BudouX phrase, each listed when allowed.
    console.log(
      `${cards} cards, ${lineBreaks} line breaks, ${inside} inside a BudouX phrase, ${long.length} of them in phrases wider than the line${long.length ? ':\n  ' + long.join('\n  ') : ''}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(inside).toBe(long.length);
    expect(cards).toBe(
      library.quotes.length *
        CARD_SIZES.reduce((n, s) => n + layouts(s.name).length, 0) *
        DISPLAY_SCRIPTS.length *
        themesByFace().length,
    );
  }, 900_000);
});

describe('metadata separators', () => {
  it('space a narrow middle dot and leave a full-width one to its own bearings', () => {
    const quote = library.quotes.find((q) => q.flags.includes('machine-transcript'))!;
    const resolved = library.resolve(quote.id);
    for (const theme of CARD_THEMES) {
      const model = composeCard(
        resolved,
        { size: CARD_SIZES[0]!, theme, script: 'hk', permalink: 'https://yulu.example/q/x' },
        fonts,
      );
      const fullWidth = model.meta.measure('·') >= 0.75;
      for (const text of [model.credit.text, model.source.text])
        expect(text.includes(' · '), `${theme.name}: ${text}`).toBe(!fullWidth);
      expect(model.brand.text, theme.name).toBe(
        model.metaBold.measure('·') >= 0.75 ? '語錄·YULU' : '語錄 · YULU',
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import { composeCard, VERTICAL_SIZES, type CardModel } from '../../src/card/compose.ts';
import type { SatoriChild, SatoriElement } from '../../src/card/element.ts';
import type { FontBook } from '../../src/card/font-book.ts';
import { CARD_SIZES, CARD_THEMES } from '../../src/card/templates.ts';
import { cardTree, type CardLayer } from '../../src/card/tree.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { loadFonts } from '../../src/runtime/node/cards.ts';

/*
 * The layout check on what is drawn: compose.ts reserves the header row, the footer's columns and
 * the quote's box; tree.ts draws into them with the shared geometry (geometry.ts). Here the
 * drawn element tree is measured (line heights × font sizes, rules, margins) and held against
 * the model, for the shortest, longest and two middle quotes on every size, face and layout, in a
 * simplified and a traditional script (test/card/layout-all.test.ts checks the lines of all).
 */

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const fonts: FontBook = loadFonts();

const children = (e: SatoriElement): SatoriElement[] => {
  const c = e.props.children;
  return (Array.isArray(c) ? c : c === undefined ? [] : [c]).filter(
    (x): x is SatoriElement => typeof x !== 'string',
  );
};
const text = (c: SatoriChild | SatoriChild[] | undefined): string =>
  c === undefined
    ? ''
    : typeof c === 'string'
      ? c
      : Array.isArray(c)
        ? c.map(text).join('')
        : text(c.props.children);
const style = (e: SatoriElement) => e.props.style as Record<string, number | string>;
const num = (e: SatoriElement, key: string) => Number(style(e)[key] ?? 0);
/** The height a row of text takes as drawn: its font size × line height. */
const rowHeight = (e: SatoriElement) => num(e, 'fontSize') * num(e, 'lineHeight');

/** What the tree draws, measured from its elements. */
function drawn(model: CardModel, layer: CardLayer = 'all') {
  const [header, quote, footer] = children(cardTree(model, layer)) as [
    SatoriElement,
    SatoriElement,
    SatoriElement,
  ];
  const [left, right] = children(footer) as [SatoriElement, SatoriElement];
  const leftRows = children(left);
  const rightRows = children(right);
  return {
    header: num(header, 'height'),
    headerRows: children(header).map(rowHeight),
    quote,
    footerLeft: leftRows.length
      ? leftRows.reduce(
          (sum, row, i) =>
            sum + (i === 0 ? num(row, 'height') + num(row, 'marginBottom') : rowHeight(row)),
          0,
        )
      : num(left, 'height'),
    footerRight: rightRows.length
      ? num(rightRows[0]!, 'height') + num(rightRows[1]!, 'marginTop') + rowHeight(rightRows[1]!)
      : num(right, 'height'),
  };
}

describe('the card tree draws what the model measured', () => {
  it('header, quote lines and footer columns, on every size, face and layout', () => {
    const quotes = library.quotes;
    const sample = [...quotes]
      .sort((a, b) => a.text.length - b.text.length)
      .filter((_, i, all) => i % Math.ceil(all.length / 3) === 0 || i === all.length - 1);
    const faces = [...new Map(CARD_THEMES.map((t) => [t.face, t])).values()];
    let checked = 0;
    for (const quote of sample)
      for (const size of CARD_SIZES)
        for (const theme of faces)
          for (const script of ['hans', 'hant'] as const)
            for (const layout of VERTICAL_SIZES.includes(size.name)
              ? (['horizontal', 'vertical'] as const)
              : (['horizontal'] as const)) {
              const tag = `${quote.id} ${size.name} ${theme.face} ${script} ${layout}`;
              const model = composeCard(
                library.resolve(quote.id),
                { size, theme, script, layout, permalink: `https://yulu.example/q/${quote.id}` },
                fonts,
              );
              const all = drawn(model);
              // The header row holds what is drawn in it.
              expect(all.header, tag).toBe(model.headerHeight);
              for (const row of all.headerRows) expect(row, tag).toBeLessThanOrEqual(all.header);
              // The footer's columns, as drawn, are as tall as compose reserved.
              expect(all.footerLeft, tag).toBeCloseTo(model.footer.left, 6);
              expect(all.footerRight, tag).toBeCloseTo(model.footer.right, 6);
              // Both layers keep the same geometry: the part a layer leaves out is an empty box of its size.
              expect(drawn(model, 'quote').footerLeft, tag).toBeCloseTo(model.footer.left, 6);
              expect(drawn(model, 'byline').footerRight, tag).toBeCloseTo(model.footer.right, 6);
              // The quote, as drawn, fits the box between header and footer.
              const box = {
                width: model.width - 2 * model.padding.x,
                height:
                  model.height -
                  2 * model.padding.y -
                  model.headerHeight -
                  Math.max(model.footer.left, model.footer.right) -
                  2 * model.gap,
              };
              expect(style(all.quote).margin, tag).toBe(`${model.gap}px 0`);
              const block = children(all.quote)[0]!;
              if (model.quote.vertical) {
                expect(num(block, 'top') + num(block, 'height'), tag).toBeLessThanOrEqual(
                  box.height + 0.5,
                );
                expect(num(block, 'left') + num(block, 'width'), tag).toBeLessThanOrEqual(
                  box.width + 0.5,
                );
              } else {
                const lines = children(block).slice(1); // after the hanging opening mark
                expect(
                  lines.map((l) => text(l.props.children)),
                  tag,
                ).toEqual(model.quote.fitted.lines.map((l) => l.text));
                for (const line of lines) expect(style(line).whiteSpace, tag).toBe('pre');
                const height = lines.reduce((sum, l) => sum + num(l, 'height'), 0);
                expect(num(all.quote, 'paddingTop') + height, tag).toBeLessThanOrEqual(
                  box.height + 0.5,
                );
              }
              checked++;
            }
    expect(checked).toBeGreaterThan(100);
  });
});

import type { CardModel } from './compose.ts';
import { h, type SatoriChild, type SatoriElement } from './element.ts';
import type { Typeface } from './font-book.ts';
import { cardUnit, LINE_HEIGHT, SPACING } from './geometry.ts';
import { QR_PLACEHOLDER_FILL } from './qr.ts';
import { compressedAt } from './typeset/compress.ts';
import { spacingKinds, type SpacingKind } from './typeset/tracking.ts';
import type { PlacedCell } from './typeset/vertical.ts';

/**
 * Which parts of the card a tree draws. A card is drawn in two layers with identical geometry:
 * `quote` (background, the quote, the link and QR code: different for every quote) and `byline`
 * (brand, speaker, credit, source, note: the same for every quote of a speaker in a document,
 * size, theme and script, so render.ts draws it once and reuses it). `all` draws everything.
 */
export type CardLayer = 'all' | 'quote' | 'byline';

/**
 * The card as a Satori element tree. Every quote line is its own non-wrapping row: the lines were
 * broken by Yulu's Chinese rules (typeset/), and Satori only draws them. A part a layer does not
 * draw is an empty box of the same size, so both layers lay out alike.
 */
export function cardTree(model: CardModel, layer: CardLayer = 'all'): SatoriElement {
  const { theme, padding } = model;
  const quote = layer !== 'byline';
  const byline = layer !== 'quote';
  return h(
    'div',
    {
      width: model.width,
      height: model.height,
      display: 'flex',
      flexDirection: 'column',
      ...(quote ? { backgroundColor: theme.background } : {}),
      color: theme.text,
      padding: `${padding.y}px ${padding.x}px`,
      fontFamily: model.meta.family,
    },
    [
      header(model, quote, byline),
      quote
        ? quoteBlock(model)
        : h('div', { display: 'flex', flexGrow: 1, margin: `${model.gap}px 0` }),
      footer(model, quote, byline),
      ...(byline && model.draftBand ? [draftBand(model)] : []),
    ],
    { lang: model.lang },
  );
}

/** A draft's band: full width across the top edge, in the accent colour, above the brand. */
function draftBand(model: CardModel): SatoriElement {
  const band = model.draftBand as NonNullable<CardModel['draftBand']>;
  return h(
    'div',
    {
      position: 'absolute',
      top: 0,
      left: 0,
      width: model.width,
      height: band.height,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      backgroundColor: model.theme.accent,
      color: model.theme.background,
      fontSize: band.size,
      letterSpacing: band.size * 0.2,
      fontFamily: model.metaBold.family,
      fontWeight: model.metaBold.weight,
    },
    band.text,
  );
}

/**
 * The top row: the brand (byline layer) and, on a card without a QR code, the link printed large
 * at the right (quote layer), so the byline below has the full width.
 */
function header(model: CardModel, quote: boolean, byline: boolean): SatoriElement {
  const { brand, theme, link } = model;
  const brandText = h(
    'div',
    {
      display: 'flex',
      fontSize: brand.size,
      lineHeight: LINE_HEIGHT.header,
      color: theme.accent,
      letterSpacing: brand.size * 0.12,
      fontFamily: model.metaBold.family,
      fontWeight: model.metaBold.weight,
    },
    byline ? brand.text : '',
  );
  const linkText =
    quote && link.qrSize === 0
      ? [
          h(
            'div',
            {
              display: 'flex',
              fontSize: link.size,
              lineHeight: LINE_HEIGHT.header,
              color: theme.muted,
              letterSpacing: link.size * 0.02,
            },
            link.text,
          ),
        ]
      : [];
  return h(
    'div',
    {
      display: 'flex',
      flexDirection: 'row',
      justifyContent: 'space-between',
      alignItems: 'center',
      height: model.headerHeight,
    },
    [brandText, ...linkText],
  );
}

/**
 * Vertical quote (竖排): every cell absolutely placed in its column, columns right to left
 * (typeset/vertical.ts). Upright cells and 纵中横 numbers are centred in an em square; Latin is
 * drawn horizontally in a box turned 90° clockwise about its centre. The opening mark is accented
 * and hangs in the em above the first column, so every column starts at the same top.
 */
function verticalQuoteBlock(model: CardModel): SatoriElement {
  const { quote, theme, gap } = model;
  const block = quote.vertical as NonNullable<CardModel['quote']['vertical']>;
  const size = quote.fitted.fontSize;
  const cells: SatoriElement[] = [];
  const first = block.columns[0];
  if (first) cells.push(hangingMark(block.hanging, first.x, size, theme.accent));
  block.columns.forEach((column) => {
    column.cells.forEach((cell) => {
      const drawn = verticalCell(cell, column.x, size, quote.typeface);
      if (drawn) cells.push(drawn);
    });
  });
  return h(
    'div',
    { display: 'flex', flexGrow: 1, margin: `${gap}px 0`, position: 'relative' },
    h(
      'div',
      {
        display: 'flex',
        position: 'absolute',
        left: block.left,
        top: quote.top,
        width: block.width,
        height: block.height,
        fontFamily: quote.typeface.family,
        fontWeight: quote.typeface.weight,
        fontSize: size,
        color: theme.text,
      },
      cells,
    ),
  );
}

/** The accented opening mark, centred in the em above the column at `x`. */
function hangingMark(mark: string, x: number, size: number, color: string): SatoriElement {
  return h(
    'div',
    {
      position: 'absolute',
      left: x,
      top: -size,
      width: size,
      height: size,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      lineHeight: 1,
      color,
    },
    mark,
  );
}

/**
 * One cell of the column at `x`: a space is not drawn; Latin is turned 90° about its centre;
 * upright cells and 纵中横 numbers (shrunk to fit the em) are centred in an em square.
 */
function verticalCell(
  cell: PlacedCell,
  x: number,
  size: number,
  typeface: Typeface,
): SatoriElement | null {
  if (cell.kind === 'space') return null;
  const length = cell.advance * size;
  if (cell.kind === 'rotated')
    return h(
      'div',
      {
        position: 'absolute',
        left: x + (size - length) / 2,
        top: cell.y + (length - size) / 2,
        width: length,
        height: size,
        display: 'flex',
        alignItems: 'center',
        whiteSpace: 'pre',
        transform: 'rotate(90deg)',
        lineHeight: 1,
      },
      cell.text,
    );
  const fontSize =
    cell.kind === 'tcy' ? Math.min(size, (size * 0.92) / typeface.measure(cell.text)) : size;
  return h(
    'div',
    {
      position: 'absolute',
      left: x,
      top: cell.y,
      width: size,
      height: size,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      fontSize,
      lineHeight: 1,
    },
    cell.text,
  );
}

function quoteBlock(model: CardModel): SatoriElement {
  const { quote, theme, gap } = model;
  if (quote.vertical) return verticalQuoteBlock(model);
  const { fitted } = quote;
  const lines = fitted.lines.map((line, i) =>
    h(
      'div',
      {
        display: 'flex',
        whiteSpace: 'pre',
        height: fitted.fontSize * fitted.lineHeight,
        alignItems: 'center',
        letterSpacing: fitted.letterSpacing[i] ?? 0,
      },
      lineContent(line.text, quote.compress, {
        char: fitted.letterSpacing[i] ?? 0,
        space: fitted.spaceSpacing?.[i] ?? 0,
      }),
    ),
  );
  const openMark = h(
    'div',
    {
      position: 'absolute',
      left: -quote.openWidth,
      top: 0,
      height: fitted.fontSize * fitted.lineHeight,
      display: 'flex',
      alignItems: 'center',
      color: theme.accent,
    },
    quote.open,
  );
  return h(
    'div',
    {
      display: 'flex',
      flexGrow: 1,
      flexDirection: 'column',
      justifyContent: 'flex-start',
      paddingTop: quote.top,
      margin: `${gap}px 0`,
    },
    h(
      'div',
      {
        display: 'flex',
        flexDirection: 'column',
        position: 'relative',
        fontFamily: quote.typeface.family,
        fontWeight: quote.typeface.weight,
        fontSize: fitted.fontSize,
        color: theme.text,
      },
      [openMark, ...lines],
    ),
  );
}

/**
 * A quote line's children: compressed punctuation gives up half its width (simplified), and on a
 * justified line each character takes the spacing its kind asks for (tracking.ts spacingKinds):
 * the line's spacing after a character, more after a space, none inside a Latin word, before a
 * space or after the last character.
 */
function lineContent(
  text: string,
  compress: boolean,
  spacing: { char: number; space: number },
): SatoriChild[] | string {
  const chars = [...text];
  const justified = spacing.char > 0 || spacing.space > 0;
  const compressed = compress ? chars.map((_, i) => compressedAt(chars, i)) : [];
  if (!justified && !compressed.some(Boolean)) return text;
  const kinds: SpacingKind[] = justified ? spacingKinds(text) : chars.map(() => 'char');
  const spans: SatoriChild[] = [];
  let run = '';
  const close = (kind: SpacingKind, squeezed: boolean) => {
    if (!run) return;
    spans.push(
      h(
        'span',
        {
          ...(kind === 'none' ? { letterSpacing: 0 } : {}),
          ...(kind === 'space' ? { letterSpacing: spacing.space } : {}),
          ...(squeezed ? { marginRight: '-0.5em' } : {}),
        },
        run,
      ),
    );
    run = '';
  };
  chars.forEach((c, i) => {
    const kind = kinds[i] as SpacingKind;
    run += c;
    const next = kinds[i + 1];
    if (compressed[i] || next !== kind || i === chars.length - 1)
      close(kind, compressed[i] === true);
  });
  return spans;
}

/**
 * The bottom row: the byline column (accent rule, speaker, credit, source, note) and the QR code
 * with its label, in the heights compose.ts reserved for them (geometry.ts footerHeights).
 */
function footer(model: CardModel, quote: boolean, byline: boolean): SatoriElement {
  return h(
    'div',
    { display: 'flex', flexDirection: 'row', alignItems: 'flex-end', borderTop: 'none' },
    [bylineColumn(model, byline), qrColumn(model, quote)],
  );
}

/** A metadata row: never wraps (compose.ts split or shrank it to fit). */
function metaRow(
  text: string,
  size: number,
  extra: Record<string, string | number> = {},
): SatoriElement {
  return h(
    'div',
    {
      display: 'flex',
      whiteSpace: 'nowrap',
      fontSize: size,
      lineHeight: LINE_HEIGHT.meta,
      ...extra,
    },
    text,
  );
}

function bylineColumn(model: CardModel, byline: boolean): SatoriElement {
  const { theme, speaker, credit, source, note } = model;
  const u = cardUnit(model);
  const box = {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'flex-end',
    flexGrow: 1,
    flexShrink: 1,
  };
  if (!byline) return h('div', { ...box, height: model.footer.left });
  const muted = { color: theme.muted };
  return h('div', box, [
    h('div', {
      display: 'flex',
      width: SPACING.ruleWidth * u,
      height: SPACING.ruleHeight * u,
      backgroundColor: theme.accent,
      marginBottom: SPACING.ruleBelow * u,
    }),
    metaRow(speaker.name, speaker.size, {
      lineHeight: LINE_HEIGHT.speaker,
      fontFamily: model.metaBold.family,
      fontWeight: model.metaBold.weight,
      color: theme.text,
    }),
    ...(credit.text ? credit.rows.map((text) => metaRow(text, credit.size, muted)) : []),
    ...source.rows.map((text) => metaRow(text, source.size, muted)),
    ...(note
      ? [metaRow(note.text, note.size, { ...muted, lineHeight: LINE_HEIGHT.note, opacity: 0.85 })]
      : []),
  ]);
}

function qrColumn(model: CardModel, quote: boolean): SatoriElement {
  const { theme, link } = model;
  const u = cardUnit(model);
  const box = {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    marginLeft: SPACING.qrMargin * u,
  };
  if (!link.label) return h('div', { display: 'flex' });
  if (!quote) return h('div', { ...box, height: model.footer.right, width: link.qrSize });
  return h('div', box, [
    // The QR code's box; render.ts draws the code itself into it (see qr.ts).
    h('div', {
      display: 'flex',
      width: link.qrSize,
      height: link.qrSize,
      backgroundColor: QR_PLACEHOLDER_FILL,
    }),
    h(
      'div',
      {
        display: 'flex',
        marginTop: SPACING.qrLabelGap * u,
        fontSize: link.label.size,
        lineHeight: LINE_HEIGHT.qrLabel,
        color: theme.muted,
        letterSpacing: link.label.size * 0.1,
      },
      link.label.text,
    ),
  ]);
}

/** Dark modules on a light tile whatever the theme: many scanners cannot read inverted codes. */
export function qrColours(model: CardModel): { dark: string; light: string } {
  const { theme } = model;
  return isDark(theme.background)
    ? { dark: theme.background, light: theme.text }
    : { dark: theme.text, light: theme.background };
}

/** Relative luminance below one half: a dark background. */
function isDark(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export type { SatoriElement };

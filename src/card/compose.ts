import { YuluError } from '../errors.ts';
import type { QuoteFlag } from '../quotes/types.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import { convertScript, type DisplayScript } from '../text/script.ts';
import { DISPLAY_SCRIPTS, nestQuotes, SCRIPTS } from '../text/scripts.ts';
import type { FontBook, Typeface } from './font-book.ts';
import { cardUnit, footerHeights, LINE_HEIGHT, SPACING } from './geometry.ts';
import { QR_QUIET_MODULES, qrModules, type QrCache } from './qr.ts';
import {
  CARD_LAYOUTS,
  VERTICAL_SIZES,
  type CardLayout,
  type CardSize,
  type CardTheme,
} from './templates.ts';
import { withCompression } from './typeset/compress.ts';
import { fitText, type FittedText } from './typeset/fit.ts';
import { justifiable } from './typeset/break-lines.ts';
import { phraseSegmenter } from './typeset/phrases.ts';
import type { Measure } from './typeset/units.ts';
import { placeColumns, verticalCells, verticalMeasure, type Column } from './typeset/vertical.ts';

export interface CardOptions {
  size: CardSize;
  theme: CardTheme;
  script: DisplayScript;
  /** Absolute URL of the quote's permalink page (what the QR code and the printed link lead to). */
  permalink: string;
  /** `vertical` sets the quote in columns (竖排); only for the sizes in VERTICAL_SIZES. */
  layout?: CardLayout;
  /**
   * Break between BudouX phrases (default). `false` breaks at any legal boundary, as cards did
   * before phrases: only the bench sets it, to measure what phrase breaking costs, paired. No
   * URL reaches it.
   */
  phrases?: boolean;
}

export { CARD_LAYOUTS, VERTICAL_SIZES, type CardLayout };
/** Column pitch of vertical text, in em: wider than horizontal leading, as vertical books set it. */
export const VERTICAL_COLUMN_PITCH = 1.7;

/**
 * Everything a card shows, measured and laid out, before it becomes an element tree. Tests read
 * this to check the typesetting rules on the actual lines.
 */
export interface CardModel {
  width: number;
  height: number;
  theme: CardTheme;
  script: DisplayScript;
  lang: string;
  padding: { x: number; y: number };
  layout: CardLayout;
  quote: {
    /** The text as set: converted to the script, marks nested, closing mark appended. */
    text: string;
    open: string;
    close: string;
    typeface: Typeface;
    fitted: FittedText;
    /** Width of the opening mark in px: it hangs in the margin so the lines stay flush. */
    openWidth: number;
    /** Adjacent punctuation is compressed (simplified only; see typeset/compress.ts). */
    compress: boolean;
    /** Space above the lines inside the quote's box (px): see OPTICAL_CENTRE. */
    top: number;
    /**
     * Vertical layout: the columns with every cell placed (typeset/vertical.ts), the block's size
     * and its offset in the quote's box. `fitted.lines` are the columns' text, first column
     * first, and `fitted.letterSpacing` the px added between cells of each column.
     */
    vertical: {
      /** The opening mark's vertical form, drawn in the em above the first column's top. */
      hanging: string;
      columns: Column[];
      pitch: number;
      left: number;
      width: number;
      height: number;
    } | null;
  };
  brand: { text: string; size: number };
  speaker: { name: string; size: number };
  /** Each metadata line and the rows it is drawn in (one, or split at a ` · ` separator). */
  credit: { text: string; size: number; rows: string[] };
  source: { text: string; size: number; rows: string[] };
  note: { text: string; size: number } | null;
  /** A draft's band across the top of the card (草稿预览 · 未发布), so no one mistakes it. */
  draftBand: { text: string; size: number; height: number } | null;
  /**
   * The permalink: a QR code (`qrSize` px with its quiet zone, 0 for none) and its label where
   * the card can hold a code that scans at preview width, else the link printed large.
   */
  link: {
    url: string;
    text: string;
    size: number;
    qrSize: number;
    label: { text: string; size: number } | null;
  };
  /** Height (px) of the top row: the brand, and the link where there is no QR code. */
  headerHeight: number;
  /** Heights (px) of the footer's columns, as laid out: the byline and the QR code with its link. */
  footer: { left: number; right: number };
  gap: number;
  meta: Typeface;
  metaBold: Typeface;
}

/** UI strings, written in simplified Chinese and converted like the quote. */
const NOTES: Partial<Record<QuoteFlag, string>> = {
  'machine-transcript': '据播客机器转写',
  edited: '经编辑校订',
  draft: '草稿预览 · 未发布',
};
const BRAND = '语录 · YULU';
const DRAFT_BAND = '草稿预览 · 未发布 · 请勿转发';
const QR_LABEL = '扫码读原文';

/**
 * The smallest sizes (CSS px, as seen at the size's preview width) of the card's small print.
 * Previews are seen on phones at 2–3 device pixels per CSS px: at 10 px a Chinese character of 10
 * to 15 strokes gets 20–30 device pixels, the least at which 月/用, 兼/廉 stay apart; the speaker, who
 * the card is about, gets 12 (WeChat's own smallest caption size); a printed link is read
 * character by character to be typed, so 11.
 */
export const PREVIEW_MIN_PX = { speaker: 12, meta: 10, brand: 10, link: 11, label: 10 } as const;
/**
 * QR modules must be at least this many CSS px at preview width: jsQR read codes downscaled (area
 * averaging) to 1.67 px per module every time and below 1.5 only now and then; 2 leaves a margin
 * for a phone camera (test/card/qr.test.ts keeps the measurement).
 */
export const QR_MODULE_PREVIEW_PX = 2;
/** A QR code may take at most this share of the card's short side; larger, the card omits it. */
const QR_MAX_SHARE = 0.25;

/** The QR code's side (px, quiet zone included) and label, or null where it would not fit. */
function qrLayout(
  url: string,
  size: CardSize,
  label: string,
  labelSize: number,
  qrCodes?: QrCache,
): { size: number; label: { text: string; size: number } } | null {
  const modules = qrModules(url, qrCodes).modules + 2 * QR_QUIET_MODULES;
  const side = Math.ceil(modules * QR_MODULE_PREVIEW_PX * (size.width / size.previewWidth));
  if (side > QR_MAX_SHARE * Math.min(size.width, size.height)) return null;
  return { size: side, label: { text: label, size: labelSize } };
}

/**
 * Every piece of fixed text a card can show besides the quote and the source metadata, so the
 * font build can include its characters (digits, 年月日 and 约 come from formatDate).
 */
export const CARD_UI_TEXT: readonly string[] = [
  BRAND,
  DRAFT_BAND,
  QR_LABEL,
  ...Object.values(NOTES),
  '年月日约 · 0123456789',
  ...DISPLAY_SCRIPTS.map((script) => SCRIPTS[script].marks.outer.join('')),
];

export const QUOTE_LINE_HEIGHT = 1.55;
/**
 * Where the quote sits in the space between brand and byline: its free space is split 42 : 58,
 * so the block's centre is a little above the geometric one (the optical centre). Set large, a
 * short quote then reads as the card's subject, not as a caption floating in the middle.
 */
const OPTICAL_CENTRE = 0.42;

/**
 * Quote + size + theme + script → everything the card shows, measured and placed: the small print
 * and the frame it leaves (header row, footer columns, gaps), then the quote's text, fitted into
 * the box between them and placed at the optical centre.
 * `qrCodes`: the engine's QR cache (render-caches.ts); without it the code is encoded afresh.
 */
export function composeCard(
  resolved: ResolvedQuote,
  options: CardOptions,
  fonts: FontBook,
  qrCodes?: QrCache,
): CardModel {
  const { size, theme, script } = options;
  const { width, height } = size;
  const faces = {
    meta: fonts.typeface(theme.face, script, 400),
    metaBold: fonts.typeface(theme.face, script, 700),
    quote: fonts.typeface(theme.face, script, theme.quoteWeight),
  };
  const print = smallPrint(resolved, options, faces, qrCodes);
  const frame = cardFrame(print, size, faces.meta);
  const layout = options.layout ?? 'horizontal';
  const vertical = layout === 'vertical';
  const text = quoteText(resolved, options, vertical, faces.quote);
  const box = {
    width: width - 2 * frame.padding.x,
    height:
      height -
      2 * frame.padding.y -
      frame.headerHeight -
      Math.max(frame.footer.left, frame.footer.right) -
      2 * frame.gap,
  };
  const set = setQuote(text, vertical, box, size, script, faces.quote, frame.gap, options.phrases);

  return {
    width,
    height,
    theme,
    script,
    lang: SCRIPTS[script].cardLang,
    padding: frame.padding,
    layout,
    quote: { ...text, typeface: faces.quote, ...set },
    brand: print.brand,
    speaker: print.speaker,
    credit: print.credit,
    source: print.source,
    note: print.note,
    draftBand: print.draftBand,
    link: print.link,
    headerHeight: frame.headerHeight,
    footer: frame.footer,
    gap: frame.gap,
    meta: faces.meta,
    metaBold: faces.metaBold,
  };
}

type Faces = Record<'meta' | 'metaBold' | 'quote', Typeface>;
type SmallPrint = Pick<
  CardModel,
  'brand' | 'speaker' | 'credit' | 'source' | 'note' | 'draftBand' | 'link'
> & { qr: ReturnType<typeof qrLayout>; padding: CardModel['padding'] };

/** Brand, speaker, credit, source, note, draft band and permalink: text and sizes. */
function smallPrint(
  resolved: ResolvedQuote,
  options: CardOptions,
  faces: Faces,
  qrCodes: QrCache | undefined,
): SmallPrint {
  const { quote, document } = resolved;
  const { size, script } = options;
  const { width, height } = size;
  const u = cardUnit(size);
  const padding = { x: Math.round(width * 0.075), y: Math.round(Math.max(height * 0.06, 6 * u)) };
  const ui = (text: string, face: Typeface = faces.meta) =>
    separators(convertScript(text, 'hans', script), face);
  // Small print is sized for the card shown at its preview width (see PREVIEW_MIN_PX).
  const atPreview = (px: number) => Math.ceil(px * (width / size.previewWidth));

  const person = document.meta.people.find((p) => p.name === quote.speaker);
  const speaker = {
    name: ui(quote.speaker),
    size: Math.max(atPreview(PREVIEW_MIN_PX.speaker), Math.round(4 * u)),
  };
  const metaSize = Math.max(atPreview(PREVIEW_MIN_PX.meta), Math.round(2.6 * u));
  const credit = {
    text: person ? ui(`${person.company} · ${person.title}`) : '',
    size: metaSize,
    rows: [] as string[],
  };
  const source = {
    text: ui(`${document.meta.publication} · ${formatDate(document.meta)}`),
    size: metaSize,
    rows: [] as string[],
  };
  const noteText = quote.flags
    .map((f) => NOTES[f])
    .filter((n): n is string => n !== undefined)
    .join(' · ');
  const note = noteText ? { text: ui(noteText), size: metaSize } : null;
  const draftBand = quote.flags.includes('draft')
    ? {
        text: ui(DRAFT_BAND, faces.metaBold),
        size: metaSize,
        height: Math.max(Math.round(metaSize * 1.8), Math.round(padding.y * 0.8)),
      }
    : null;
  const brand = {
    text: ui(BRAND, faces.metaBold),
    size: Math.max(atPreview(PREVIEW_MIN_PX.brand), Math.round(2.3 * u)),
  };
  const qr = qrLayout(
    options.permalink,
    size,
    ui(QR_LABEL),
    atPreview(PREVIEW_MIN_PX.label),
    qrCodes,
  );
  const link = {
    url: options.permalink,
    text: options.permalink.replace(/^https?:\/\//, ''),
    // Printed large where it replaces the QR code, as a small caption under the code otherwise.
    size: atPreview(qr ? PREVIEW_MIN_PX.meta : PREVIEW_MIN_PX.link),
    qrSize: qr?.size ?? 0,
    label: qr?.label ?? null,
  };
  return { padding, brand, speaker, credit, source, note, draftBand, qr, link };
}

/**
 * The frame around the quote: the header row, the footer's columns (metadata rows split to fit
 * beside the QR code) and the gaps, in the geometry tree.ts draws (geometry.ts).
 */
function cardFrame(
  print: SmallPrint,
  size: CardSize,
  meta: Typeface,
): Pick<CardModel, 'padding' | 'headerHeight' | 'footer' | 'gap'> {
  const { padding, qr, link, brand } = print;
  const u = cardUnit(size);
  // Metadata lines never wrap by themselves: a line too long for the column beside the QR code
  // is split at its last separator that fits (publication / date), and only then set smaller.
  // Without a QR code the link sits in the header row, and the byline has the full width.
  const column = size.width - 2 * padding.x - (qr ? link.qrSize + SPACING.qrMargin * u : 0);
  metaRows(print.credit, meta, column);
  metaRows(print.source, meta, column);
  return {
    padding,
    headerHeight: Math.max(brand.size, qr ? 0 : link.size) * LINE_HEIGHT.header,
    footer: footerHeights({ ...print, qr }, u),
    gap: Math.round(SPACING.gap * u),
  };
}

/**
 * The quote as set: converted to the script, marks nested, the closing mark appended (vertical
 * text also carries the opening one in its columns). Refuses a layout the size does not offer
 * and text the quote face cannot draw.
 */
function quoteText(
  resolved: ResolvedQuote,
  options: CardOptions,
  vertical: boolean,
  face: Typeface,
): { text: string; open: string; close: string } {
  const { quote, document } = resolved;
  const { size, script } = options;
  const [open, close] = SCRIPTS[script].marks.outer;
  if (vertical && !VERTICAL_SIZES.includes(size.name))
    throw new YuluError(
      'invalid_argument',
      `layout=vertical is for ${VERTICAL_SIZES.join(', ')} cards, not ${size.name}`,
    );
  const body = nestQuotes(convertScript(quote.text, document.meta.script, script), script);
  // The opening mark hangs outside the text block (ぶら下げ): left of the first line, or above the
  // first column (turned: ﹁), so every line or column starts at the same edge. The closing mark
  // is set with the text.
  const text = body + close;
  // No tofu, ever: the last line of defence behind the catalog's coverage test and the desk's
  // check of errata. Text the quote face cannot draw is refused, not drawn as boxes or gaps.
  const drawn = vertical
    ? verticalCells(open + text, face.measure)
        .map((c) => c.text)
        .join('')
    : text;
  const undrawable = [...new Set(drawn)].filter((c) => !/\s/u.test(c) && !face.covers(c));
  if (undrawable.length)
    throw new YuluError(
      'quote_not_drawable',
      `quote ${quote.id} has characters the ${face.family} font cannot draw: ${undrawable
        .slice(0, 8)
        .map(
          (c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
        )
        .join(', ')}`,
    );
  return { text, open, close };
}

/** The quote fitted into `box` (typeset/fit.ts) and placed in it at the optical centre. */
function setQuote(
  { text, open }: { text: string; open: string },
  vertical: boolean,
  box: { width: number; height: number },
  size: CardSize,
  script: DisplayScript,
  face: Typeface,
  gap: number,
  phrases = true,
): Pick<CardModel['quote'], 'fitted' | 'openWidth' | 'compress' | 'top' | 'vertical'> {
  const compress = SCRIPTS[script].compressPunctuation && !vertical;
  const breaking = phrases
    ? { segmenter: phraseSegmenter(script === 'hans' ? 'hans' : 'hant') }
    : {};
  const sizes = { maxSize: size.maxQuoteSize, minSize: size.minQuoteSize };
  const fitted = vertical
    ? fitText(text, verticalMeasure(face.measure), {
        ...breaking,
        // Columns: the line is the box's height, lines stack across its width.
        width: box.height,
        height: box.width,
        ...sizes,
        lineHeight: VERTICAL_COLUMN_PITCH,
        vertical: true,
      })
    : fitText(text, compress ? withCompression(face.measure) : face.measure, {
        ...breaking,
        width: box.width,
        height: box.height,
        ...sizes,
        lineHeight: QUOTE_LINE_HEIGHT,
      });
  if (vertical)
    return { fitted, openWidth: 0, compress, ...placeVertical(fitted, box, face, open, gap) };
  const free = box.height - fitted.lines.length * fitted.fontSize * fitted.lineHeight;
  return {
    fitted,
    openWidth: face.measure(open) * fitted.fontSize,
    compress,
    top: Math.max(0, Math.floor(free * OPTICAL_CENTRE)),
    vertical: null,
  };
}

/**
 * Vertical text: columns justified and placed cell by cell, the block centred across the box, the
 * opening mark hanging (turned) in the em above the first column.
 */
function placeVertical(
  fitted: FittedText,
  box: { width: number; height: number },
  face: Typeface,
  open: string,
  gap: number,
): Pick<CardModel['quote'], 'top' | 'vertical'> {
  const pitch = fitted.fontSize * VERTICAL_COLUMN_PITCH;
  fitted.letterSpacing = verticalSpacing(fitted, face.measure);
  delete fitted.spaceSpacing; // columns space their cells alike
  const columns = placeColumns(
    fitted.lines,
    fitted.letterSpacing,
    face.measure,
    fitted.fontSize,
    pitch,
  );
  const blockWidth = columns.length * pitch;
  const blockHeight = Math.max(
    ...columns.map((c) => {
      const last = c.cells.at(-1);
      return last ? last.y + last.advance * fitted.fontSize : 0;
    }),
  );
  // The hanging mark takes the em above the block: inside the box where there is room, else in
  // the gap above it.
  const free = Math.max(0, box.height - blockHeight);
  return {
    top: Math.max(
      Math.floor(free * OPTICAL_CENTRE),
      Math.min(free, Math.ceil(fitted.fontSize - gap)),
    ),
    vertical: {
      hanging: verticalCells(open, face.measure)[0]?.text ?? open,
      columns,
      pitch,
      left: Math.max(0, Math.floor((box.width - blockWidth) / 2)),
      width: blockWidth,
      height: blockHeight,
    },
  };
}

/**
 * Justification of full columns (every column but the last of a long quote): the slack shared
 * between the cells, in px, within the same limit as horizontal lines (justifiable). Balanced
 * quotes (whose last line fitText leaves unspaced and the others too) keep their natural length.
 */
function verticalSpacing(fitted: FittedText, measure: Measure): number[] {
  const measureEm = fitted.measure / fitted.fontSize;
  return fitted.lines.map((line, i) => {
    if (fitted.balanced || i === fitted.lines.length - 1) return 0;
    const gaps = verticalCells(line.text, measure).length - 1;
    const slack = measureEm - line.width;
    return justifiable(slack, gaps) ? (slack / gaps) * fitted.fontSize : 0;
  });
}

/**
 * Fills `line.rows`: the whole line if it fits `width` at its size; else split after the last
 * separator (` · ` or `·`) whose first part fits, each part on its row; else the whole line set
 * smaller (fitLineSize). Returns the rows.
 */
function metaRows(
  line: { text: string; size: number; rows: string[] },
  face: Typeface,
  width: number,
): string[] {
  line.rows = [line.text];
  if (!line.text || face.measure(line.text) * line.size <= width) return line.rows;
  const separator = line.text.includes(' · ') ? ' · ' : '·';
  const parts = line.text.split(separator);
  for (let cut = parts.length - 1; cut > 0; cut--) {
    const rows = [parts.slice(0, cut).join(separator), parts.slice(cut).join(separator)];
    if (rows.every((row) => face.measure(row) * line.size <= width)) {
      line.rows = rows;
      return rows;
    }
  }
  line.size = fitLineSize(line.text, face, width, line.size);
  return line.rows;
}

/** The largest size ≤ `size` (down to 70% of it) at which `text` fits `width` px on one line. */
function fitLineSize(text: string, face: Typeface, width: number, size: number): number {
  const em = face.measure(text);
  if (em * size <= width) return size;
  return Math.max(Math.floor(width / em), Math.round(size * 0.7));
}

/** `2024年7月19日`; an estimated date shows only its year, marked as approximate. */
function formatDate(meta: { date: string; dateIsEstimate: boolean }): string {
  const [y, m, d] = meta.date.split('-').map(Number) as [number, number, number];
  return meta.dateIsEstimate ? `约${y}年` : `${y}年${m}月${d}日`;
}

/**
 * ` · ` separates metadata. Where the font draws the middle dot full-width (Noto Sans CJK does, in
 * every region), its own side bearings already space it, and the spaces would leave wide gaps.
 */
function separators(text: string, face: Typeface): string {
  return face.measure('·') >= 0.75 ? text.replaceAll(' · ', '·') : text;
}

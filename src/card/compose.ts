import { YuluError } from '../errors.ts';
import type { QuoteFlag } from '../quotes/types.ts';
import type { ResolvedQuote } from '../quotes/library.ts';
import { convertScript, type DisplayScript } from '../text/script.ts';
import { DISPLAY_SCRIPTS, nestQuotes, SCRIPTS } from '../text/scripts.ts';
import type { FontBook, Typeface } from './font-book.ts';
import type { CardSize, CardTheme } from './templates.ts';
import { withCompression } from './typeset/compress.ts';
import { fitText, type FittedText } from './typeset/fit.ts';

export interface CardOptions {
  size: CardSize;
  theme: CardTheme;
  script: DisplayScript;
  /** Absolute URL of the quote's permalink page (what the QR code and the printed link lead to). */
  permalink: string;
}

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
  quote: {
    open: string;
    close: string;
    typeface: Typeface;
    fitted: FittedText;
    /** Width of the opening mark in px: it hangs in the margin so the lines stay flush. */
    openWidth: number;
    /** Adjacent punctuation is compressed (simplified only; see typeset/compress.ts). */
    compress: boolean;
  };
  brand: { text: string; size: number };
  speaker: { name: string; size: number };
  credit: { text: string; size: number };
  source: { text: string; size: number };
  note: { text: string; size: number } | null;
  link: { url: string; text: string; size: number; qrSize: number };
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

/**
 * Every piece of fixed text a card can show besides the quote and the source metadata, so the
 * font build can include its characters (digits, 年月日 and 约 come from formatDate).
 */
export const CARD_UI_TEXT: readonly string[] = [
  BRAND,
  ...Object.values(NOTES),
  '年月日约 · 0123456789',
  ...DISPLAY_SCRIPTS.map((script) => SCRIPTS[script].marks.outer.join('')),
];

export const QUOTE_LINE_HEIGHT = 1.55;

export function composeCard(
  resolved: ResolvedQuote,
  options: CardOptions,
  fonts: FontBook,
): CardModel {
  const { quote, document } = resolved;
  const { size, theme, script } = options;
  const { width, height } = size;
  const u = Math.min(width, height) / 100;

  const padding = { x: Math.round(width * 0.075), y: Math.round(Math.max(height * 0.075, 8 * u)) };
  const meta = fonts.typeface(theme.face, script, 400);
  const metaBold = fonts.typeface(theme.face, script, 700);
  const quoteFace = fonts.typeface(theme.face, script, theme.quoteWeight);
  const ui = (text: string, face: Typeface = meta) =>
    separators(convertScript(text, 'hans', script), face);

  const person = document.meta.people.find((p) => p.name === quote.speaker);
  const speaker = { name: ui(quote.speaker), size: Math.round(4 * u) };
  const metaSize = Math.round(2.6 * u);
  const credit = {
    text: person ? ui(`${person.company} · ${person.title}`) : '',
    size: metaSize,
  };
  const source = {
    text: ui(`${document.meta.publication} · ${formatDate(document.meta)}`),
    size: metaSize,
  };
  const noteText = quote.flags
    .map((f) => NOTES[f])
    .filter((n): n is string => n !== undefined)
    .join(' · ');
  const note = noteText ? { text: ui(noteText), size: Math.round(2.2 * u) } : null;
  const brand = { text: ui(BRAND, metaBold), size: Math.max(14, Math.round(2.3 * u)) };
  const link = {
    url: options.permalink,
    text: options.permalink.replace(/^https?:\/\//, ''),
    size: Math.max(12, Math.round(1.9 * u)),
    qrSize: Math.round(14 * u),
  };
  const gap = Math.round(5 * u);

  // Metadata lines never wrap: a line too long for the column beside the QR code is set smaller.
  const linkWidth = (meta.measure(link.text) + 0.02 * [...link.text].length) * link.size;
  const column = width - 2 * padding.x - Math.max(link.qrSize, linkWidth) - 3 * u;
  for (const line of [credit, source]) line.size = fitLineSize(line.text, meta, column, line.size);
  const footerHeights = {
    left:
      0.6 * u + // accent rule
      1.2 * u +
      speaker.size * 1.3 +
      (credit.text ? credit.size * 1.5 : 0) +
      source.size * 1.5 +
      (note ? note.size * 1.6 : 0),
    right: link.qrSize + 0.8 * u + link.size * 1.4,
  };

  const footer = Math.max(footerHeights.left, footerHeights.right);
  const header = brand.size * 1.4;

  const [open, close] = SCRIPTS[script].marks.outer;
  const text = nestQuotes(convertScript(quote.text, document.meta.script, script), script) + close;
  // No tofu, ever: the last line of defence behind the catalog's coverage test and the desk's
  // check of errata. Text the quote face cannot draw is refused, not drawn as boxes or gaps.
  const undrawable = [...new Set(text)].filter((c) => !/\s/u.test(c) && !quoteFace.covers(c));
  if (undrawable.length)
    throw new YuluError(
      'quote_not_drawable',
      `quote ${quote.id} has characters the ${quoteFace.family} font cannot draw: ${undrawable
        .slice(0, 8)
        .map(
          (c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
        )
        .join(', ')}`,
    );
  const box = {
    width: width - 2 * padding.x,
    height: height - 2 * padding.y - header - footer - 2 * gap,
  };
  const compress = SCRIPTS[script].compressPunctuation;
  const fitted = fitText(text, compress ? withCompression(quoteFace.measure) : quoteFace.measure, {
    width: box.width,
    height: box.height,
    maxSize: size.maxQuoteSize,
    minSize: size.minQuoteSize,
    lineHeight: QUOTE_LINE_HEIGHT,
  });
  const openWidth = quoteFace.measure(open) * fitted.fontSize;

  return {
    width,
    height,
    theme,
    script,
    lang: SCRIPTS[script].cardLang,
    padding,
    quote: { open, close, typeface: quoteFace, fitted, openWidth, compress },
    brand,
    speaker,
    credit,
    source,
    note,
    link,
    footer: footerHeights,
    gap,
    meta,
    metaBold,
  };
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

/**
 * The card's geometry, read by compose.ts (which reserves space: the header row, the footer's
 * columns, the gaps) and by tree.ts (which draws into it). One set of numbers, so what compose
 * measures is what the tree draws; test/card/tree.test.ts checks the drawn tree against the model.
 */

/** The card's unit: 1% of its short side. Rules, gaps and margins scale with it. */
export function cardUnit(size: { width: number; height: number }): number {
  return Math.min(size.width, size.height) / 100;
}

/** Line heights (× font size) of everything but the quote (whose leading compose.ts fits). */
export const LINE_HEIGHT = {
  /** The top row: the brand, and the link where the card has no QR code. */
  header: 1.4,
  speaker: 1.3,
  /** Credit and source rows. */
  meta: 1.5,
  note: 1.6,
  /** 扫码读原文 under the QR code. */
  qrLabel: 1.4,
} as const;

/** Lengths in card units (cardUnit). */
export const SPACING = {
  /** The accent rule above the speaker: its width, its height and the space below it. */
  ruleWidth: 6,
  ruleHeight: 0.6,
  ruleBelow: 1.2,
  /** Between the byline column and the QR code's column. */
  qrMargin: 3,
  /** Between the QR code and its label. */
  qrLabelGap: 0.8,
  /** Above and below the quote's box (rounded to whole px). */
  gap: 4,
} as const;

/** The footer's columns as the tree draws them: the byline's rows and the QR code with its label. */
export interface FooterParts {
  speaker: { size: number };
  credit: { text: string; size: number; rows: readonly string[] };
  source: { size: number; rows: readonly string[] };
  note: { size: number } | null;
  qr: { size: number; label: { size: number } } | null;
}

/** Heights (px) of the footer's two columns for `parts` on a card of unit `u`. */
export function footerHeights(parts: FooterParts, u: number): { left: number; right: number } {
  const { speaker, credit, source, note, qr } = parts;
  return {
    left:
      SPACING.ruleHeight * u +
      SPACING.ruleBelow * u +
      speaker.size * LINE_HEIGHT.speaker +
      (credit.text ? credit.size * LINE_HEIGHT.meta * credit.rows.length : 0) +
      source.size * LINE_HEIGHT.meta * source.rows.length +
      (note ? note.size * LINE_HEIGHT.note : 0),
    right: qr ? qr.size + SPACING.qrLabelGap * u + qr.label.size * LINE_HEIGHT.qrLabel : 0,
  };
}

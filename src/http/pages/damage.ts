import type { Paragraph } from '../../corpus/types.ts';
import { html, type Html } from '../html/markup.ts';
import type { Words } from '../html/words.ts';

/*
 * Text the corpus could not repair is never shown as it stands (private-use characters, byte
 * garbage): the reading view shows a marked gap in its place, and the damaged characters only on
 * request, with every character a font cannot draw written as its code (U+E4C6), so even the raw
 * view shows no boxes.
 */

/** A damaged stretch of a paragraph's `text`: [start, end) UTF-16 offsets. */
export type DamagedRange = readonly [start: number, end: number];

/**
 * A paragraph that may say exactly where it is damaged (finer than its flag): the corpus's
 * `gaps`, each a GAP_MARK in `text` with the damaged characters as captured (src/corpus/types.ts).
 */
export type MaybeDamaged = Pick<Paragraph, 'text' | 'flags' | 'gaps'>;

/**
 * Where a paragraph's text is damaged: the corpus's own ranges when it gives them (`gaps`),
 * else the whole text when the paragraph is flagged `unrepaired-mojibake` (the corpus knows the
 * paragraph is damaged, not where: nothing is guessed), else nowhere. Ranges come back sorted,
 * clipped to the text and merged where they touch.
 */
export function damagedRanges(p: MaybeDamaged): DamagedRange[] {
  const given: readonly DamagedRange[] = p.gaps
    ? p.gaps.map((g) => [g.start, g.end] as const)
    : p.flags.includes('unrepaired-mojibake')
      ? [[0, p.text.length] as const]
      : [];
  const ranges = given
    .map(([a, b]) => [Math.max(0, a), Math.min(p.text.length, b)] as const)
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Characters no font draws: controls, format, private use, surrogates, unassigned. */
const UNDRAWABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}]/gu;

/** The characters as captured, each one a font cannot draw written as U+XXXX. */
export function rawCharacters(text: string): string {
  return text.replace(
    UNDRAWABLE,
    (c) => ` U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} `,
  );
}

/**
 * The raw capture the reading view offers for a paragraph (behind a details element): the line
 * as captured when a byte repair changed it or damage was left; undefined otherwise. The web
 * fonts are cut for these characters too (src/runtime/node/web-font-sources.ts).
 */
export function rawShown(
  p: Pick<Paragraph, 'raw' | 'text' | 'flags' | 'repairs'>,
): string | undefined {
  if (p.raw === p.text) return undefined;
  return p.repairs['gbk-mojibake'] || p.flags.includes('unrepaired-mojibake') ? p.raw : undefined;
}

/** The gap shown where text is damaged. */
export const gapMark = (w: Words): Html =>
  html`<span class="gap" lang="${w.lang}">${w.source.damaged}</span>`;

/**
 * `text` with each damaged range replaced by the gap mark. `offset` is where `text` starts in
 * the paragraph the ranges index (for a piece of a paragraph, e.g. around a highlighted quote).
 */
export function textWithGaps(
  w: Words,
  text: string,
  ranges: readonly DamagedRange[],
  offset = 0,
): Html {
  const parts: (Html | string)[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    const start = Math.max(0, a - offset);
    const end = Math.min(text.length, b - offset);
    if (end <= start || end <= at) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(gapMark(w));
    at = end;
  }
  parts.push(text.slice(at));
  return html`${parts}`;
}

/**
 * The damaged characters on request: one details element listing each damaged stretch as
 * captured (the whole raw line when the corpus flags the paragraph without saying where).
 */
export function damageDetails(
  w: Words,
  p: MaybeDamaged & Pick<Paragraph, 'raw'>,
  lang: string,
): Html | '' {
  const ranges = damagedRanges(p);
  if (!ranges.length) return '';
  const stretches = p.gaps ? p.gaps.map((g) => g.raw) : [p.raw];
  return html`<details class="damage small"><summary>${w.source.damagedRaw}</summary>
<p class="muted">${w.source.damagedNote}</p>${stretches.map(
    (s) => html`<p class="raw"><code lang="${lang}">${rawCharacters(s)}</code></p>`,
  )}</details>`;
}

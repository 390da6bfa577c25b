import type { Measure } from './units.ts';

/**
 * Punctuation compression for simplified Chinese (clreq §3.1.6): two full-width punctuation marks
 * in a row leave a visible hole, so the first gives up half its width — `。”`, `，“`, `）。`. Only
 * marks whose glyph sits in the left half of the em box in mainland fonts are trimmed. Traditional
 * and Hong Kong forms centre their punctuation, so they are not compressed.
 */
const LEFT_HALF = new Set([...'，。、；：”’」』）》〉】']);
const FULL_WIDTH_PUNCT = new Set([...'，。、；：？！”’」』）》〉】“‘「『（《〈【']);

/** Whether the character at `i` is set half-width because punctuation follows it. */
export function compressedAt(chars: readonly string[], i: number): boolean {
  return LEFT_HALF.has(chars[i] as string) && FULL_WIDTH_PUNCT.has(chars[i + 1] as string);
}

/** A measure that accounts for compression inside the measured string. */
export function withCompression(measure: Measure): Measure {
  return (text) => {
    const chars = [...text];
    let width = measure(text);
    for (let i = 0; i < chars.length - 1; i++)
      if (compressedAt(chars, i)) width -= 0.5 * measure(chars[i] as string);
    return width;
  };
}

/** A line split into runs, each marking whether its last character is compressed. */
export function compressionRuns(line: string): { text: string; compressed: boolean }[] {
  const chars = [...line];
  const runs: { text: string; compressed: boolean }[] = [];
  let current = '';
  chars.forEach((c, i) => {
    current += c;
    if (compressedAt(chars, i)) {
      runs.push({ text: current, compressed: true });
      current = '';
    }
  });
  if (current) runs.push({ text: current, compressed: false });
  return runs;
}

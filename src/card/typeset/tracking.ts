/**
 * Which characters justification may space out. Satori adds a line's letter spacing after every
 * character; spread over Latin letters it tracks words out (`s c a l i n g`). So a Latin word or
 * number (letters, digits and the joiners inside them, as in `GPT-4o` or `3.5`) takes spacing only
 * after its last character, and behaves as one unit among the Chinese characters, as in clreq's
 * justification of mixed text. A two-em dash —— or ellipsis …… is one mark drawn as two glyphs:
 * spaced out it would fall apart into `— —`, so it is untracked inside as well.
 */
const LATIN_RUN = /[A-Za-z0-9](?:[A-Za-z0-9'’._+\-/%&]*[A-Za-z0-9])?|—{2,}|…{2,}/g;

export interface TrackingRun {
  text: string;
  /** Whether letter spacing applies after each of its characters. */
  tracked: boolean;
}

/** `text` as alternating runs: untracked = a Latin run without its last character. */
export function trackingRuns(text: string): TrackingRun[] {
  const runs: TrackingRun[] = [];
  let tracked = '';
  let at = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (match[0].length < 2) continue;
    tracked += text.slice(at, match.index);
    if (tracked) runs.push({ text: tracked, tracked: true });
    runs.push({ text: match[0].slice(0, -1), tracked: false });
    tracked = match[0].slice(-1);
    at = match.index + match[0].length;
  }
  tracked += text.slice(at);
  if (tracked) runs.push({ text: tracked, tracked: true });
  return runs;
}

/** How many characters of `text` take justification spacing after them. */
export function trackedCount(text: string): number {
  return trackingRuns(text)
    .filter((run) => run.tracked)
    .reduce((n, run) => n + [...run.text].length, 0);
}

/**
 * How a justified line is stretched (JIS X 4051 §4.9, clreq §3.8, simplified for cards): first
 * its spaces — between words, and between Han and Latin — up to 3/8 em each, then the gaps
 * after its characters. A Latin word takes spacing only after its last letter (above), a
 * character before a space takes none (the space stretches instead, so a word space never gets
 * two helpings), and neither does the line's last character (Satori draws spacing after it too,
 * which would leave the right edge short of the measure).
 */
export type SpacingKind = 'char' | 'space' | 'none';

/** Per character of a line (code points), what justification adds after it. */
export function spacingKinds(line: string): SpacingKind[] {
  const kinds: SpacingKind[] = [];
  for (const run of trackingRuns(line))
    for (const c of run.text) kinds.push(c === ' ' ? 'space' : run.tracked ? 'char' : 'none');
  const chars = [...line];
  kinds.forEach((kind, i) => {
    if (kind === 'char' && (i === kinds.length - 1 || chars[i + 1] === ' ')) kinds[i] = 'none';
  });
  return kinds;
}

/** What a line can stretch: gaps after characters, spaces, and the spaces' own width in em. */
export interface Stretch {
  chars: number;
  spaces: number;
  spaceWidth: number;
}

/** Em added after each stretchable character and after each space of a justified line. */
export interface Justification {
  char: number;
  space: number;
}

/** A space (its own width included) stretches to at most 3/8 em (JIS X 4051 allows ½; between
 * Latin words that already reads as a hole on a card). */
export const SPACE_MAX = 0.375;
/**
 * The most justification may add after a character, in em. Beyond an eighth of an em Chinese
 * text reads as spaced out (`在 做`).
 */
export const MAX_SPACING = 0.125;
/**
 * A line with few character gaps (Latin words, spaces, punctuation take the rest of its width)
 * shows every stretched gap against the tight words beside it (`技 術 都 是 在 提 升 context`):
 * below FEW_GAPS gaps the cap shrinks with their number (four gaps: a sixteenth of an em, two: a
 * thirty-second), and a line that would need more is set ragged (break-lines.ts then prefers
 * other breaks or sizes).
 */
export const FEW_GAPS = 8;

/** The most justification may add after each of `chars` character gaps, in em. */
export function spacingCap(chars: number): number {
  return MAX_SPACING * Math.min(1, chars / FEW_GAPS);
}

/**
 * How a line with `slack` em to spare is justified, or null when it cannot be without spacing
 * out (it is then set ragged): spaces first up to SPACE_MAX, the rest over the character gaps,
 * within `spacingCap` (an eighth of an em, less on a line of few gaps).
 */
export function justify(slack: number, stretch: Stretch): Justification | null {
  if (!(slack > 1e-9) || slack > 1.2) return null;
  const spaceRoom = Math.max(0, SPACE_MAX * stretch.spaces - stretch.spaceWidth);
  const toSpaces = Math.min(slack, spaceRoom);
  const rest = slack - toSpaces;
  const space = stretch.spaces ? toSpaces / stretch.spaces : 0;
  if (rest <= 1e-9) return { char: 0, space };
  if (!stretch.chars) return null;
  const char = rest / stretch.chars;
  return char <= spacingCap(stretch.chars) + 1e-12 ? { char, space } : null;
}

/** The stretch of a laid-out line; `spaceWidth` is the width of one space in em. */
export function lineStretch(line: string, spaceWidth: number): Stretch {
  let chars = 0;
  let spaces = 0;
  for (const kind of spacingKinds(line))
    if (kind === 'char') chars++;
    else if (kind === 'space') spaces++;
  return { chars, spaces, spaceWidth: spaces * spaceWidth };
}

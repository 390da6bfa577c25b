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

/** A stretch of the raw source that becomes one paragraph, before any interpretation. */
export interface RawSegment {
  /** 1-based inclusive raw line range. */
  lines: [number, number];
  raw: string;
}

/**
 * Splits a source into paragraphs: every non-blank line is one. The captures put one paragraph
 * per line (blank lines between are optional), and link lists put one title per line.
 */
export function segmentLines(source: string): RawSegment[] {
  const segments: RawSegment[] = [];
  source.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    segments.push({ lines: [index + 1, index + 1], raw: line.replace(/\r$/, '') });
  });
  return segments;
}

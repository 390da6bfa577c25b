/**
 * Chinese sentence segmentation. A sentence ends at 。！？ or an ellipsis, together with any
 * closing quote marks or brackets right after it (「…。」 ends after 」). A terminator inside an
 * open 「…」 or “…” does not end the sentence unless the quote closes right after it.
 */
const TERMINATORS = new Set(['。', '！', '？', '…', '!', '?']);
const CLOSERS = new Set(['」', '』', '”', '’', '）', '》']);
const OPENERS: Record<string, string> = { '「': '」', '『': '』', '“': '”', '（': '）', '《': '》' };

/** [start, end) offsets of the sentences in text.slice(from, to). Pure. */
export function sentenceSpans(text: string, from = 0, to = text.length): [number, number][] {
  const spans: [number, number][] = [];
  const open: string[] = [];
  let start = from;
  let i = from;
  while (i < to) {
    const ch = text[i] as string;
    const closer = OPENERS[ch];
    if (closer) open.push(closer);
    else if (open.at(-1) === ch) open.pop();

    if (TERMINATORS.has(ch)) {
      let end = i + 1;
      while (end < to && TERMINATORS.has(text[end] as string)) end++;
      while (end < to && CLOSERS.has(text[end] as string)) {
        if (open.at(-1) === text[end]) open.pop();
        end++;
      }
      if (open.length === 0) {
        pushTrimmed(text, spans, start, end);
        start = end;
      }
      i = end;
      continue;
    }
    i++;
  }
  pushTrimmed(text, spans, start, to);
  return spans;
}

function pushTrimmed(text: string, spans: [number, number][], start: number, end: number): void {
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (end > start) spans.push([start, end]);
}

/**
 * Where a card's line breaks fall relative to BudouX's phrases (test/card/layout-all.test.ts runs
 * it over the catalog). A break inside a phrase that fits on a line is a failure; inside a phrase
 * wider than the line it is allowed and listed. A split ——, ……, Latin word or number with its unit
 * is always a failure.
 */
import type { CardModel } from '../../src/card/compose.ts';
import { phrases } from '../../src/card/typeset/phrases.ts';

const CLOSING = new Set([...'，。、；：？！」』）》〉】”’…—～,.;:?!)]}>']);
const OPENING = new Set([...'「『（《〈【“‘([{<']);
const BREAK_AFTER = new Set([...'，。、；：？！」』）》〉】〕〗”’…—～,;:?!)]}>']);
const UNIT = /^[个年月日号亿万千百倍岁元块次天周分秒米度%]/u;

interface Break {
  /** Code-point offset in the set text where the next line starts. */
  at: number;
  before: string;
  after: string;
  atSpace: boolean;
}

/** The line breaks of a card, located in the text as set (spaces dropped at breaks counted). */
function breaks(model: CardModel): Break[] {
  const text = [...model.quote.text];
  const found: Break[] = [];
  let at = 0;
  const lines = model.quote.fitted.lines;
  lines.forEach((line, i) => {
    at += [...line.text].length;
    let atSpace = false;
    while (text[at] === ' ') {
      at++;
      atSpace = true;
    }
    if (i < lines.length - 1)
      found.push({ at, before: line.text, after: lines[i + 1]!.text, atSpace });
  });
  return found;
}

export function phraseProblems(model: CardModel): {
  failures: string[];
  long: string[];
  inside: number;
} {
  const failures: string[] = [];
  const long: string[] = [];
  let inside = 0;
  const script = model.script === 'hans' ? 'hans' : 'hant';
  const chunks = phrases(model.quote.text, script);
  const boundaries = new Set<number>();
  let offset = 0;
  const spans: [number, number, string][] = [];
  for (const chunk of chunks) {
    const end = offset + [...chunk].length;
    spans.push([offset, end, chunk]);
    boundaries.add(end);
    offset = end;
  }
  const { fitted, typeface } = model.quote;
  for (const b of breaks(model)) {
    const last = [...b.before].at(-1)!;
    const first = [...b.after][0]!;
    const where = `${b.before}|${b.after}`;
    if (last === '—' && first === '—') failures.push(`split —— at ${where}`);
    if (last === '…' && first === '…') failures.push(`split …… at ${where}`);
    if (!b.atSpace && /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first))
      failures.push(`split Latin word or number at ${where}`);
    if (!b.atSpace && /\p{Nd}/u.test(last) && UNIT.test(b.after))
      failures.push(`number split from its unit at ${where}`);
    if (b.atSpace || BREAK_AFTER.has(last) || OPENING.has(first)) continue;
    // Glued punctuation moves a boundary by its own length.
    const before = [...b.before];
    let trailing = 0;
    while (trailing < before.length && CLOSING.has(before[before.length - 1 - trailing]!))
      trailing++;
    const after = [...b.after];
    let leading = 0;
    while (leading < after.length && OPENING.has(after[leading]!)) leading++;
    let ok = false;
    for (let o = b.at - trailing; o <= b.at + leading; o++) ok ||= boundaries.has(o);
    if (ok) continue;
    inside++;
    const span = spans.find(([s, e]) => s < b.at && b.at < e)!;
    const width = typeface.measure(span[2]) * fitted.fontSize;
    if (width > fitted.measure)
      long.push(`${span[2]} (${Math.round(width)} px > ${fitted.measure} px) at ${where}`);
    else failures.push(`inside the phrase ${span[2]} at ${where}`);
  }
  return { failures, long, inside };
}

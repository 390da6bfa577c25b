import { pinyin } from 'pinyin-pro';
import type { CharBigramModel } from '../../text/char-model.ts';
import { decodeGbkPair, decodeGbkStrict, encodeGbkChar } from '../../text/gbk.ts';

/**
 * Repairs 004's GBK byte-shift mojibake by re-encoding the damaged run and decoding it realigned.
 *
 * How the damage arose (see docs/CORPUS.md): the page's GBK bytes were read one byte off, a
 * pinyin annotator inserted `(reading)` after a character of that misaligned view, and the result
 * was decoded aligned again. So the display shows, after an intact character P:
 *
 *   `?` + `reading)`  the lead byte L of the next real character swallowed together with `(`;
 *                     `reading` is the reading of the misaligned character (P's trail byte, L)
 *   g1 g2 …           misaligned characters, each (trail of one real character, lead of the
 *                     next); Private-Use where that pair lands in a user-defined area; letters
 *                     that landed on full-width forms were later folded to ASCII
 *   an end            where alignment returns: a single ASCII byte (a real trail byte), a pair
 *                     whose trail byte is ASCII, or a last real byte t that was lost — swallowed
 *                     by a `?` before a real annotation `?reading)`, dropped before `(reading)`,
 *                     or dropped before ASCII punctuation.
 *
 * The unknown bytes (L, t) are enumerated: readings pin them where present; otherwise the corpus's
 * own character model chooses, and only when one choice is clearly better. Every candidate is
 * verified by re-encoding the repair and replaying the misaligned decoding, which must reproduce
 * the damaged text exactly. A run with no verified, unambiguous repair is reported unrepaired and
 * left as it is, so the paragraph gets flagged and never reaches a card.
 */
export interface MojibakeRun {
  /** UTF-16 offsets of the damaged run in the input (from the `?` to where alignment returns). */
  start: number;
  end: number;
  garbage: string;
  /** The realigned text, or null when no repair could be verified with certainty. */
  repaired: string | null;
  reason: string;
}

export interface MojibakeRepair {
  text: string;
  runs: MojibakeRun[];
}

/** Longest misaligned run considered, in characters (the longest in 004 is under 20). */
const MAX_RUN = 40;
/** A repair must read this much more likely (natural log) than the damaged text… */
const MIN_GAIN = 8;
/** …and than the runner-up repair, when a byte had to be chosen by the model. */
const MIN_MARGIN = Math.log(50);
/** Per-character gain (natural log) at which text after a run end is judged still misaligned. */
const MISALIGNED_GAIN_PER_CHAR = 2;

const READING = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}(?=\))/u;
const PRIVATE_USE = /[\uE000-\uF8FF]/u;

interface Candidate {
  /** Index of the first misaligned character shown, and of the first character after the run. */
  first: number;
  end: number;
  repaired: string;
  /** Repaired characters without any restored annotation (what the model scores). */
  chars: string;
  chosenByModel: boolean;
}

/**
 * `gapMark`, when given, replaces each unrepaired run in the returned text (the paragraph then
 * shows a marked gap instead of garbage); without it unrepaired runs are left as they are.
 */
export function repairGbkMojibake(
  text: string,
  model: CharBigramModel,
  gapMark?: string,
): MojibakeRepair {
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const c of chars) {
    offsets.push(offset);
    offset += c.length;
  }
  offsets.push(offset);

  /** Runs found so far, in character indices. */
  const found: { from: number; end: number; repaired: string | null; reason: string }[] = [];
  const covered = (k: number) => found.some((r) => r.from <= k && k < r.end);
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] !== '?') continue;
    const attempt = repairRunAt(chars, i, model);
    if (attempt === null) continue;
    found.push({ from: i, ...attempt });
    i = attempt.end - 1;
  }
  // Runs that lost their `?` marker, found by their shape (a stray letter between characters).
  for (let k = 1; k < chars.length - 1; k++) {
    if (covered(k) || !isStrayByte(chars, k)) continue;
    const attempt = repairUnmarkedRunAt(chars, k, model);
    if (found.some((r) => r.from < attempt.end && attempt.from < r.end)) continue;
    found.push(attempt);
    k = attempt.end - 1;
  }
  chars.forEach((c, k) => {
    if (PRIVATE_USE.test(c) && !covered(k)) {
      found.push({
        from: k,
        end: k + 1,
        repaired: null,
        reason: 'Private-Use character outside any realignable run',
      });
    }
  });
  found.sort((a, b) => a.from - b.from);

  let out = '';
  let copied = 0;
  const runs: MojibakeRun[] = found.map((r) => {
    const replacement = r.repaired ?? gapMark;
    if (replacement !== undefined) {
      out += chars.slice(copied, r.from).join('') + replacement;
      copied = r.end;
    }
    return {
      start: offsets[r.from] as number,
      end: offsets[r.end] as number,
      garbage: chars.slice(r.from, r.end).join(''),
      repaired: r.repaired,
      reason: r.reason,
    };
  });
  out += chars.slice(copied).join('');
  return { text: out, runs };
}

/**
 * A lower-case letter wedged, without spaces, between two characters that GBK
 * writes in two bytes (縣城 shown as `乜h城`): a real byte of a character read as ASCII by a
 * misaligned decoder. Chinese speech never puts a lone letter there; an ASR transcript's spelled
 * letters are space-separated and are not matched.
 */
function isStrayByte(chars: string[], k: number): boolean {
  if (!/^[a-z]$/.test(chars[k] as string)) return false;
  const wide = (c: string | undefined) =>
    c !== undefined && /\p{Script=Han}/u.test(c) && encodeGbkChar(c)?.length === 2;
  return wide(chars[k - 1]) && wide(chars[k + 1]);
}

/** How far before a stray byte an unmarked run may start, in characters. */
const UNMARKED_LOOKBACK = 3;

/**
 * Byte-shift replay for a run that lost its `?` marker (004: `經(jīng);乜h城` for 經常回縣城). The
 * run holds the stray byte at `k`; it starts at most UNMARKED_LOOKBACK characters before it and
 * lost the lead byte of its first real character, which is enumerated. Each candidate is
 * re-encoded and replayed misaligned (it must reproduce the shown characters exactly, full-width
 * letters folded), must decode to Chinese characters only (no letter, no punctuation: a realigned
 * 。 is as likely to the model as a character and never certain), must leave the text after it
 * aligned, must read better than the damage and must join its neighbours as the corpus writes
 * them (below). Otherwise the run is reported unrepaired: from its earliest possible start to
 * the stray byte.
 */
function repairUnmarkedRunAt(
  chars: string[],
  k: number,
  model: CharBigramModel,
): { from: number; end: number; repaired: string | null; reason: string } {
  let earliest = k;
  while (
    earliest > Math.max(0, k - UNMARKED_LOOKBACK) &&
    byteChoices([chars[earliest - 1] as string]).length > 0
  )
    earliest--;
  const unrepaired = {
    from: earliest,
    end: k + 1,
    repaired: null,
    reason: 'a stray byte without a `?` marker; no realignment reads clearly better',
  };
  const candidates: Candidate[] = [];
  for (let from = earliest; from <= k; from++) {
    for (let end = k + 1; end <= Math.min(chars.length, k + 1 + UNMARKED_LOOKBACK); end++) {
      const run = chars.slice(from, end);
      if (run.some((c) => !encodable(c) || c === '?' || c === '(' || c === ')')) break;
      for (const lead of range(0x81, 0xfe))
        for (const shifted of byteChoices(run))
          candidates.push(...endingsAt(chars, from, end, lead, shifted, true));
    }
  }
  const verified = candidates.filter(
    (c) =>
      /^\p{Script=Han}+$/u.test(c.chars) &&
      replays(c, chars, 0, null) &&
      !stillMisaligned(chars, c.end, model),
  );
  if (verified.length === 0) return unrepaired;
  // What the model reads before the run: the last two characters, a reading annotation skipped
  // (經(jīng);乜h城 is judged as 經…).
  const before = chars
    .slice(Math.max(0, earliest - 12), earliest)
    .join('')
    .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)$/u, '');
  const left = [...before].slice(-2).join('');
  const windowEnd = Math.min(chars.length, Math.max(...verified.map((c) => c.end)) + 2);
  const readings = new Map<string, { c: Candidate; s: number }>();
  for (const c of verified) {
    const text =
      left +
      chars.slice(earliest, c.first).join('') +
      c.chars +
      chars.slice(c.end, windowEnd).join('');
    if (!readings.has(text)) readings.set(text, { c, s: model.logProbability(text) });
  }
  // The lost lead makes the first character, so the model alone rarely tells it with a margin
  // (常回縣 and 模回縣 differ by one bigram). The corpus pins it instead: the realigned characters
  // must join their neighbours as pairs the corpus itself writes (經常, 縣城), and no other
  // realignment may do so as well, unless the model prefers the best by MIN_MARGIN.
  const leftOf = (c: Candidate) =>
    c.first > earliest ? (chars[c.first - 1] as string) : ([...left].pop() ?? '');
  const joins = (c: Candidate) =>
    model.pairCount(leftOf(c), [...c.chars][0] as string) > 0 &&
    model.pairCount([...c.chars].pop() as string, chars[c.end] ?? '') > 0;
  const ranked = [...readings.values()]
    .filter((r) => joins(r.c))
    .sort((a, b) => b.s - a.s || a.c.end - b.c.end);
  const best = ranked[0];
  const asIs = model.logProbability(left + chars.slice(earliest, windowEnd).join(''));
  if (best === undefined || best.s <= asIs) return unrepaired;
  const runnerUp = ranked[1];
  if (runnerUp && best.s - runnerUp.s < MIN_MARGIN)
    return { ...unrepaired, reason: `ambiguous: “${best.c.chars}” or “${runnerUp.c.chars}”` };
  return {
    from: best.c.first,
    end: best.c.end,
    repaired: best.c.repaired,
    reason: 'realigned without a marker; the lost lead byte pinned by the pairs the corpus writes',
  };
}

interface RunAttempt {
  end: number;
  repaired: string | null;
  reason: string;
}

/**
 * Tries to read a damaged run starting at the `?` at index `q`. Returns null when this `?` is
 * just a question mark (no damage evident and no repair more plausible than the text as it is).
 */
function repairRunAt(chars: string[], q: number, model: CharBigramModel): RunAttempt | null {
  const previous = encodeGbkChar(chars[q - 1] as string);
  if (previous === null || previous.length !== 2) return null;
  const p1 = previous[1];

  const startReading = readingAt(chars, q + 1);
  const first = startReading === null ? q + 1 : q + 1 + [...startReading].length + 1;
  const leads = range(0x81, 0xfe).filter((lead) => {
    if (startReading === null) return true;
    const shifted = decodeGbkPair(p1, lead);
    return shifted !== null && readingsOf(shifted).has(startReading);
  });
  const certainDamage = startReading !== null;
  // Without a reading, a `?` is a question mark unless a misaligned character or a digit follows.
  const next = chars[q + 1] ?? '';
  const digitNext = /^[0-9]$/.test(next);
  if (!certainDamage && !digitNext && encodeGbkChar(next)?.length !== 2) return null;
  const damaged = certainDamage || digitNext;
  if (leads.length === 0) {
    return certainDamage
      ? { end: first, repaired: null, reason: `no byte gives a character read “${startReading}”` }
      : null;
  }

  const { candidates, lostAscii } = runCandidates(chars, q, first, startReading, p1, leads);
  const verified = candidates.filter(
    (c) => replays(c, chars, p1, startReading) && !stillMisaligned(chars, c.end, model),
  );
  if (verified.length === 0) {
    if (damaged || lostAscii) {
      const end = lostAscii ? runEndAtLostAscii(chars, first) : first;
      return { end, repaired: null, reason: 'no realignment decodes to clean, aligned text' };
    }
    return null;
  }
  return bestRealignment(chars, q, verified, damaged, model);
}

/**
 * Every realignment of the run after the `?` at `q` (the lead byte one of `leads`), and whether
 * the run ends at a `?` that took an ASCII character with it.
 */
function runCandidates(
  chars: string[],
  q: number,
  first: number,
  startReading: string | null,
  p1: number,
  leads: number[],
): { candidates: Candidate[]; lostAscii: boolean } {
  // Where the misaligned characters begin: after the `?reading)` marker; or, for a bare `?`,
  // either after it (the `?` stood for a first misaligned pair that is no GBK character, hence
  // the `?`) or at it (a byte went missing, and the `?` was a folded full-width ？).
  const starts = startReading === null ? [first, q] : [first];
  const leadsFrom = (from: number) =>
    startReading === null && from === first
      ? leads.filter((lead) => decodeGbkPair(p1, lead) === null)
      : leads;
  const candidates: Candidate[] = [];
  let lostAscii = false;
  for (const from of starts) {
    for (let end = from; end <= Math.min(chars.length, from + MAX_RUN); end++) {
      if (end > from && !encodable(chars[end - 1] as string)) break;
      if (end - 1 > from && chars[end - 1] === '?') break;
      const possible = leadsFrom(from);
      for (const lead of possible) {
        for (const shifted of byteChoices(chars.slice(from, end))) {
          candidates.push(...endingsAt(chars, from, end, lead, shifted, possible.length > 1));
        }
      }
      // `?` before a digit or ASCII punctuation: a lost byte took an ASCII character with it.
      if (end > from && chars[end] === '?' && /^[\x20-\x3f]$/.test(chars[end + 1] ?? '')) {
        lostAscii = true;
        break;
      }
      if (candidates.length > 5000) break;
    }
  }
  return { candidates, lostAscii };
}

/**
 * The verified realignment that reads best in its neighbourhood, if it reads better than the text
 * as it is by MIN_GAIN and, where the model chose a byte, better than the next by MIN_MARGIN.
 */
function bestRealignment(
  chars: string[],
  q: number,
  verified: Candidate[],
  damaged: boolean,
  model: CharBigramModel,
): RunAttempt | null {
  // Rank by how the whole neighbourhood reads; candidates that yield the same text are one.
  const windowEnd = Math.min(chars.length, Math.max(...verified.map((c) => c.end)) + 2);
  const left = chars.slice(Math.max(0, q - 2), q).join('');
  const readings = new Map<string, { c: Candidate; s: number }>();
  for (const c of verified) {
    const text = left + c.chars + chars.slice(c.end, windowEnd).join('');
    const kept = readings.get(text);
    if (!kept || c.end < kept.c.end || (kept.c.chosenByModel && !c.chosenByModel))
      readings.set(text, { c, s: model.logProbability(text) });
  }
  const ranked = [...readings.values()].sort((a, b) => b.s - a.s || a.c.end - b.c.end);
  const best = ranked[0] as { c: Candidate; s: number };
  const runnerUp = ranked[1];
  const asIs = model.logProbability(left + chars.slice(q, windowEnd).join(''));
  if (best.s - asIs < MIN_GAIN) {
    return damaged
      ? { end: best.c.end, repaired: null, reason: 'no realignment reads better than the damage' }
      : null;
  }
  if (
    runnerUp &&
    best.s - runnerUp.s < MIN_MARGIN &&
    (best.c.chosenByModel || runnerUp.c.chosenByModel)
  ) {
    return {
      end: best.c.end,
      repaired: null,
      reason: `ambiguous: “${best.c.chars}” or “${runnerUp.c.chars}”`,
    };
  }
  const how = best.c.chosenByModel ? 'realigned; a lost byte chosen by context' : 'realigned';
  return { end: best.c.end, repaired: best.c.repaired, reason: how };
}

/** Where an unrepairable run that lost an ASCII character ends: just after that `?`. */
function runEndAtLostAscii(chars: string[], first: number): number {
  for (let k = first; k < chars.length; k++) if (chars[k] === '?') return k + 1;
  return chars.length;
}

/**
 * True when the text after a supposed end of the run still reads better realigned than as shown:
 * the misalignment goes on, so the run cannot end there (an ASCII letter there was a folded
 * full-width form, not a real byte).
 */
function stillMisaligned(chars: string[], end: number, model: CharBigramModel): boolean {
  const bytes: number[] = [];
  const shown: string[] = [];
  for (let k = end; k < chars.length && shown.length < 8; k++) {
    const b = encodeGbkChar(chars[k] as string);
    if (b === null || b.length !== 2) break;
    bytes.push(...b);
    shown.push(chars[k] as string);
  }
  if (shown.length < 3) return false;
  const realigned = decodeGbkStrict(bytes.slice(1, -1));
  if (realigned === null || !clean(realigned)) return false;
  const perChar = (text: string) => model.logProbability(text) / [...text].length;
  return perChar(realigned) - perChar(shown.join('')) > MISALIGNED_GAIN_PER_CHAR;
}

/** The candidate ways a run ending before `chars[end]` can return to alignment. */
function endingsAt(
  chars: string[],
  first: number,
  end: number,
  lead: number,
  shifted: number[],
  leadByModel: boolean,
): Candidate[] {
  const found: Candidate[] = [];
  const realPrefix = [lead, ...shifted];

  // Alignment returned by itself: an ASCII byte in the run was a real trail byte or character.
  const exact = decodeGbkStrict(realPrefix);
  if (exact !== null && clean(exact)) {
    found.push({ first, end, repaired: exact, chars: exact, chosenByModel: leadByModel });
  }

  // The last real byte was lost in front of a real annotation: `?reading)` or `(reading)`.
  const swallowed = chars[end] === '?' ? readingAt(chars, end + 1) : null;
  const dropped = chars[end] === '(' ? readingAt(chars, end + 1) : null;
  const reading = swallowed ?? dropped;
  if (reading !== null) {
    const matches = range(0x80, 0xfe)
      .map((t) => decodeGbkStrict([...realPrefix, t]))
      .filter((real): real is string => real !== null && clean(real))
      .filter((real) => readingsOf([...real].pop() as string).has(reading));
    for (const real of matches) {
      found.push({
        first,
        end: end + 1 + [...reading].length + 1,
        repaired: `${real}(${reading})`,
        chars: real,
        chosenByModel: leadByModel || matches.length > 1,
      });
    }
  }

  // The last real byte was dropped before ASCII punctuation or the end of the paragraph.
  const next = chars[end];
  if (next === undefined || (next.charCodeAt(0) < 0x40 && next !== '(' && next !== '?')) {
    for (const t of range(0x80, 0xfe)) {
      const real = decodeGbkStrict([...realPrefix, t]);
      if (real !== null && clean(real)) {
        found.push({ first, end, repaired: real, chars: real, chosenByModel: true });
      }
    }
  }
  return found;
}

/**
 * Verification: re-encode the repair, replay the misaligned decoding from P's trail byte, and
 * require it to reproduce exactly the damaged characters between the markers.
 */
function replays(c: Candidate, chars: string[], p1: number, startReading: string | null): boolean {
  const bytes: number[] = [];
  for (const ch of c.chars) {
    const b = encodeGbkChar(ch);
    if (b === null) return false;
    bytes.push(...b);
  }
  const [lead, ...rest] = bytes;
  if (lead === undefined) return false;
  const shiftedFirst = decodeGbkPair(p1, lead);
  if (
    startReading !== null &&
    (shiftedFirst === null || !readingsOf(shiftedFirst).has(startReading))
  )
    return false;

  // Replay: the misaligned reader consumes `rest` pairwise; an ASCII byte stands alone.
  const shown: string[] = [];
  let k = 0;
  while (k < rest.length) {
    const b = rest[k] as number;
    if (b < 0x80) {
      shown.push(String.fromCharCode(b));
      k += 1;
      continue;
    }
    const trail = rest[k + 1];
    if (trail === undefined) break; // the lost last byte
    const pair = decodeGbkPair(b, trail);
    if (pair === null) return false;
    shown.push(pair);
    k += 2;
  }
  const lostLast = k < rest.length;
  const garbage = chars.slice(c.first, c.end);
  const expected = lostLast ? garbageBeforeEnding(garbage) : garbage;
  if (shown.length !== expected.length) return false;
  return shown.every((s, n) => s === expected[n] || fold(s) === expected[n]);
}

/** Drops a trailing real annotation (`?reading)` / `(reading)`) from the damaged characters. */
function garbageBeforeEnding(garbage: string[]): string[] {
  const text = garbage.join('');
  const m = /[?(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)$/u.exec(text);
  return m ? [...text.slice(0, m.index)] : garbage;
}

/** Full-width ASCII forms, as the host site later folded them. */
function fold(char: string): string {
  const code = char.codePointAt(0) as number;
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char;
}

/** Byte readings of the misaligned characters: a folded ASCII letter may have been full-width. */
function byteChoices(units: string[]): number[][] {
  let choices: number[][] = [[]];
  units.forEach((unit, n) => {
    const code = unit.codePointAt(0) as number;
    const options: number[][] = [];
    if (code < 0x80) {
      if (code >= 0x21 && code <= 0x7e && unit !== '(' && unit !== ')' && (unit !== '?' || n === 0))
        options.push([0xa3, code + 0x80]);
      if (n === units.length - 1 && code >= 0x40) options.push([code]);
    } else {
      const b = encodeGbkChar(unit);
      if (b !== null && b.length === 2) options.push([...b]);
    }
    choices = choices.flatMap((prefix) => options.map((o) => [...prefix, ...o]));
  });
  return choices.slice(0, 64);
}

function encodable(char: string): boolean {
  const b = encodeGbkChar(char);
  return b !== null && (b.length === 2 || /[!-~]/.test(char));
}

/** A realignment must be ordinary text: no Private-Use, controls or replacement characters. */
function clean(text: string): boolean {
  return !/[\uE000-\uF8FF\uFFFD\p{Cc}€]/u.test(text);
}

function readingAt(chars: string[], at: number): string | null {
  const m = READING.exec(chars.slice(at, at + 9).join(''));
  return m ? m[0] : null;
}

const readingCache = new Map<string, Set<string>>();

/** Every pinyin reading (tone-marked) of one character. */
function readingsOf(char: string): Set<string> {
  let readings = readingCache.get(char);
  if (!readings) {
    const list = pinyin(char, { multiple: true, type: 'array' });
    readings = new Set(list.map((r) => r.normalize('NFC')));
    readingCache.set(char, readings);
  }
  return readings;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let b = from; b <= to; b++) if (b !== 0x7f) out.push(b);
  return out;
}

/**
 * OpenCC conversion with opencc-js's own dictionaries and algorithm, in a fraction of its memory.
 *
 * opencc-js builds one trie of `Map` objects per dictionary group per converter: the 49,238
 * phrases of STPhrases are built five times over for s2t, s2tw and s2hk (segmentation and
 * conversion), ~100 MiB of heap in every isolate or thread that converts (each render thread of
 * the Node pool has its own). Here each dictionary is parsed once per isolate into one flat map
 * (phrase → replacement, and a set of phrase prefixes) shared by every converter, and
 * longest-prefix matching walks as far as a phrase could go: 4 MiB of heap for the three display
 * conversions against opencc-js's 100 MiB, at about the same speed.
 *
 * Contract: the output is exactly opencc-js's `Converter({ from, to })` output for every input
 * (test/text/opencc.test.ts compares both over the whole corpus). A locale pair without a preset
 * config falls back to opencc-js itself.
 */
import * as OpenCC from 'opencc-js';

/**
 * One dictionary: every phrase and its replacement, and every proper prefix of a phrase (so a
 * longest-match walk stops as soon as no longer phrase can start with what it has read).
 */
interface Dictionary {
  entries: Map<string, string>;
  prefixes: Set<string>;
  firsts: Set<number>;
}

/**
 * Dictionaries in priority order: the longest match wins, and among equals the first dictionary.
 * `firsts`: the first code unit of every phrase, so most characters are passed over at once.
 */
interface Group {
  dicts: readonly Dictionary[];
  firsts: Set<number>;
}

interface Match {
  end: number;
  value: string;
}

const parsed = new Map<string, Dictionary>();

/** A dictionary in opencc-js's serialised form (`source replacement|…`), parsed once per isolate. */
function dictionary(serialised: unknown): Dictionary {
  if (typeof serialised !== 'string')
    throw new TypeError('opencc-js preset dictionaries are expected to be serialised strings');
  let found = parsed.get(serialised);
  if (!found) {
    found = { entries: new Map(), prefixes: new Set(), firsts: new Set() };
    for (const line of serialised.split('|')) {
      const space = line.indexOf(' ');
      if (space <= 0) throw new TypeError(`invalid opencc-js dictionary entry "${line}"`);
      const phrase = line.slice(0, space);
      const next = line.indexOf(' ', space + 1);
      // Later entries of one dictionary replace earlier ones, as opencc-js's trie does.
      found.entries.set(phrase, line.slice(space + 1, next < 0 ? undefined : next));
      found.firsts.add(phrase.charCodeAt(0));
      for (let length = 1; length < phrase.length; length++)
        found.prefixes.add(phrase.slice(0, length));
    }
    parsed.set(serialised, found);
  }
  return found;
}

function group(dictionaries: readonly unknown[]): Group {
  const dicts = dictionaries.map(dictionary);
  return { dicts, firsts: new Set(dicts.flatMap((d) => [...d.firsts])) };
}

/** The longest phrase of the group that starts at `i`, with its replacement. */
function matchPrefix(group: Group, s: string, i: number): Match | undefined {
  if (!group.firsts.has(s.charCodeAt(i))) return undefined;
  let match: Match | undefined;
  for (let end = i + 1; end <= s.length; end++) {
    const key = s.slice(i, end);
    let longer = false;
    let found = false;
    for (const d of group.dicts) {
      // Among phrases of equal length the first dictionary wins.
      const value: string | undefined = found ? undefined : d.entries.get(key);
      if (value !== undefined) [match, found] = [{ end, value }, true];
      longer ||= d.prefixes.has(key);
    }
    if (!longer) break;
  }
  return match;
}

/** Splits `s` into matched phrases and the runs between them (opencc-js `Trie.segment`). */
function segment(group: Group, s: string): string[] {
  return scan(group, s, (match, i) => s.slice(i, match.end));
}

/** Replaces every longest match (opencc-js `Trie.convert`). */
function convertWith(group: Group, s: string): string {
  return scan(group, s, (match) => match.value).join('');
}

/**
 * Walks `s` taking the longest match at each position: every match becomes `matched(match, i)`,
 * the unmatched runs between matches are kept as they are.
 */
function scan(group: Group, s: string, matched: (match: Match, i: number) => string): string[] {
  const out: string[] = [];
  let unmatched: number | null = null;
  for (let i = 0; i < s.length;) {
    const match = matchPrefix(group, s, i);
    if (match) {
      if (unmatched !== null) out.push(s.slice(unmatched, i));
      unmatched = null;
      out.push(matched(match, i));
      i = match.end;
    } else {
      unmatched ??= i;
      i += unmatchedLength(s, i);
    }
  }
  if (unmatched !== null) out.push(s.slice(unmatched));
  return out;
}

function codePointLength(s: string, i: number): number {
  return (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** The end of an ideographic description sequence starting at `i`, or 0 (kept whole, unconverted). */
function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i) ?? 0);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i);
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    end = idsEnd(s, end) || end + codePointLength(s, end);
  }
  return end;
}

function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}

interface PresetConfig {
  normalizationChain?: readonly (readonly unknown[])[];
  segmentation?: unknown;
  conversionChain: readonly (readonly unknown[])[];
}

/** opencc-js's name for the preset of a locale pair. */
function configName(from: string, to: string): string {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') return from === 'hkp' ? 'hk2sp' : from === 'twp' ? 'tw2sp' : `${from}2s`;
  return `${from}2${to}`;
}

/** A converter from `from` to `to` (opencc-js locale names: cn, t, tw, hk, …). */
export function compactConverter(from: string, to: string): (text: string) => string {
  const configs = OpenCC.Locale.configs as unknown as Record<string, PresetConfig | undefined>;
  const config = configs[configName(from, to)];
  if (!config) return OpenCC.Converter({ from, to } as never);
  const normalize = (config.normalizationChain ?? []).map(group);
  const segmentation = config.segmentation
    ? group(Array.isArray(config.segmentation) ? config.segmentation : [config.segmentation])
    : undefined;
  const chain = config.conversionChain.map(group);
  return (text) => {
    const normal = normalize.reduce((s, g) => convertWith(g, s), text);
    const segments = segmentation ? segment(segmentation, normal) : [normal];
    return chain.reduce((parts, g) => parts.map((part) => convertWith(g, part)), segments).join('');
  };
}

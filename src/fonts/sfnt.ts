/**
 * A small reader of static OpenType/TrueType fonts (SFNT: CFF `OTTO` or TrueType outlines): enough
 * to know which characters a font covers, how wide they are and how tall a line is. Runtime-free
 * (a Uint8Array or ArrayBuffer in, in Node and workerd alike). Reads the table directory, `head`
 * (units per em), `maxp` (glyph count), `hhea` and `OS/2` (vertical metrics), `hmtx` (advances)
 * and `cmap` (formats 4 and 12, plus 0 and 6 for completeness). No outlines, no layout: the card
 * fonts carry no GSUB/GPOS, so a string's width is the sum of its characters' advances.
 */
export interface ParsedFont {
  unitsPerEm: number;
  /** Glyphs in the font, .notdef included (`maxp.numGlyphs`). */
  glyphCount: number;
  /** `hhea` ascender, in font units (positive, above the baseline). Satori/opentype.js use these. */
  ascender: number;
  /** `hhea` descender, in font units (negative, below the baseline). */
  descender: number;
  /** `hhea` line gap, in font units. */
  lineGap: number;
  /** `OS/2` typographic and Windows metrics, when the font has an `OS/2` table. */
  os2: FontOs2Metrics | null;
  /** Table tags in directory order. */
  tables: readonly string[];
  /** Whether the cmap maps the code point to a glyph other than .notdef. */
  hasGlyph(codePoint: number): boolean;
  /** Glyph id of the code point; 0 (.notdef) when the font lacks it. */
  glyphId(codePoint: number): number;
  /** Advance width in font units; the .notdef advance for characters the font lacks. Cached. */
  advance(codePoint: number): number;
  /** Every code point the cmap maps to a glyph other than .notdef, ascending. */
  codePoints(): number[];
}

export interface FontOs2Metrics {
  typoAscender: number;
  typoDescender: number;
  typoLineGap: number;
  winAscent: number;
  winDescent: number;
  /** fsSelection bit 7: layout should use the typo metrics rather than hhea/win. */
  useTypoMetrics: boolean;
}

/** A malformed or unsupported font file. */
export class FontParseError extends Error {
  override name = 'FontParseError';
}

const SFNT_VERSIONS = new Map<number, string>([
  [0x00010000, 'TrueType'],
  [0x4f54544f, 'CFF'], // 'OTTO'
  [0x74727565, 'TrueType'], // 'true' (old Apple)
]);
const UNSUPPORTED = new Map<number, string>([
  [0x774f4632, 'WOFF2'], // 'wOF2'
  [0x774f4646, 'WOFF'], // 'wOFF'
  [0x74746366, 'a TrueType collection (TTC); pick one face first'], // 'ttcf'
]);

/** A cmap as sorted, non-overlapping ranges [start, end] mapping to glyph ids. */
interface CmapRanges {
  starts: Uint32Array;
  ends: Uint32Array;
  /** Glyph id of code point `codePoint`, which lies in range `index`. */
  lookup: (index: number, codePoint: number) => number;
}

export function parseFont(data: ArrayBuffer | Uint8Array): ParsedFont {
  const view = sfntView(data);
  const tables = readTableDirectory(view);
  const table = (tag: string) => {
    const found = tables.get(tag);
    if (!found) throw new FontParseError(`font has no ${tag} table`);
    return found.offset;
  };

  const head = table('head');
  const unitsPerEm = view.getUint16(head + 18);
  const glyphCount = view.getUint16(table('maxp') + 4);
  const hhea = table('hhea');
  const ascender = view.getInt16(hhea + 4);
  const descender = view.getInt16(hhea + 6);
  const lineGap = view.getInt16(hhea + 8);
  const metricsCount = view.getUint16(hhea + 34);
  if (metricsCount === 0) throw new FontParseError('hhea.numberOfHMetrics is 0');
  const hmtx = table('hmtx');
  const os2 = readOs2(view, tables.get('OS/2'));

  const cmap = readCmap(view, table('cmap'));
  const glyphId = (cp: number): number => {
    const glyph = cmapGlyph(cmap, cp);
    return glyph < glyphCount ? glyph : 0;
  };
  const advanceOfGlyph = (glyph: number) =>
    view.getUint16(hmtx + Math.min(glyph, metricsCount - 1) * 4);

  const advances = new Map<number, number>();
  return {
    unitsPerEm,
    glyphCount,
    ascender,
    descender,
    lineGap,
    os2,
    tables: [...tables.keys()],
    glyphId,
    hasGlyph: (cp) => glyphId(cp) !== 0,
    advance(cp) {
      let width = advances.get(cp);
      if (width === undefined) {
        width = advanceOfGlyph(glyphId(cp));
        advances.set(cp, width);
      }
      return width;
    },
    codePoints: () => cmapCodePoints(cmap, glyphCount),
  };
}

/** A view of the font's bytes, once its signature says it is a static SFNT font. */
function sfntView(data: ArrayBuffer | Uint8Array): DataView {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength < 12) throw new FontParseError('not a font: too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  const unsupported = UNSUPPORTED.get(version);
  if (unsupported) throw new FontParseError(`unsupported font format: ${unsupported}`);
  if (!SFNT_VERSIONS.has(version))
    throw new FontParseError(`not an OpenType font (version 0x${version.toString(16)})`);
  return view;
}

/** The table directory: each tag's offset and length, in directory order, all inside the file. */
function readTableDirectory(view: DataView): Map<string, { offset: number; length: number }> {
  const numTables = view.getUint16(4);
  if (12 + numTables * 16 > view.byteLength) throw new FontParseError('truncated table directory');
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > view.byteLength)
      throw new FontParseError(`table ${tag} lies outside the file`);
    tables.set(tag, { offset, length });
  }
  return tables;
}

/** The `OS/2` metrics, when the table is there and long enough to hold them (version 0 with them). */
function readOs2(
  view: DataView,
  os2Table: { offset: number; length: number } | undefined,
): FontOs2Metrics | null {
  if (!os2Table || os2Table.length < 78) return null;
  const at = os2Table.offset;
  return {
    typoAscender: view.getInt16(at + 68),
    typoDescender: view.getInt16(at + 70),
    typoLineGap: view.getInt16(at + 72),
    winAscent: view.getUint16(at + 74),
    winDescent: view.getUint16(at + 76),
    useTypoMetrics: (view.getUint16(at + 62) & 0x80) !== 0,
  };
}

/** The glyph the cmap maps `cp` to (0 when none), before the glyph-count check. */
function cmapGlyph(cmap: CmapRanges, cp: number): number {
  // Binary search for the last range starting at or before cp.
  let lo = 0;
  let hi = cmap.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((cmap.starts[mid] as number) <= cp) lo = mid + 1;
    else hi = mid - 1;
  }
  if (hi < 0 || cp > (cmap.ends[hi] as number)) return 0;
  return cmap.lookup(hi, cp);
}

/** Every code point the cmap maps to a glyph other than .notdef and below `glyphCount`, ascending. */
function cmapCodePoints(cmap: CmapRanges, glyphCount: number): number[] {
  const found: number[] = [];
  for (let i = 0; i < cmap.starts.length; i++) {
    const end = cmap.ends[i] as number;
    for (let cp = cmap.starts[i] as number; cp <= end; cp++) {
      const glyph = cmap.lookup(i, cp);
      if (glyph !== 0 && glyph < glyphCount) found.push(cp);
    }
  }
  return found;
}

/** Picks the best Unicode subtable: full-repertoire (format 12 / 3-10 / 0-4,0-6) over BMP-only. */
function readCmap(view: DataView, cmap: number): CmapRanges {
  const count = view.getUint16(cmap + 2);
  let best = -1;
  let bestRank = -1;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 4 + i * 8 + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const offset = cmap + view.getUint32(cmap + 4 + i * 8 + 4);
    const format = view.getUint16(offset);
    const rank = format === 12 ? 3 : format === 4 ? 2 : format === 6 || format === 0 ? 1 : -1;
    if (rank > bestRank) {
      best = offset;
      bestRank = rank;
    }
  }
  if (best < 0) throw new FontParseError('font has no Unicode cmap subtable (format 0, 4, 6 or 12)');
  switch (view.getUint16(best)) {
    case 12:
      return format12(view, best);
    case 4:
      return format4(view, best);
    case 6:
      return format6(view, best);
    default:
      return format0(view, best);
  }
}

function format12(view: DataView, at: number): CmapRanges {
  const groups = view.getUint32(at + 12);
  const starts = new Uint32Array(groups);
  const ends = new Uint32Array(groups);
  const firstGlyph = new Uint32Array(groups);
  for (let g = 0; g < groups; g++) {
    const record = at + 16 + g * 12;
    starts[g] = view.getUint32(record);
    ends[g] = view.getUint32(record + 4);
    firstGlyph[g] = view.getUint32(record + 8);
  }
  return {
    starts,
    ends,
    lookup: (i, cp) => (firstGlyph[i] as number) + cp - (starts[i] as number),
  };
}

function format4(view: DataView, at: number): CmapRanges {
  const segments = view.getUint16(at + 6) / 2;
  const endsAt = at + 14;
  const startsAt = endsAt + segments * 2 + 2;
  const deltasAt = startsAt + segments * 2;
  const rangesAt = deltasAt + segments * 2;
  const starts = new Uint32Array(segments);
  const ends = new Uint32Array(segments);
  for (let s = 0; s < segments; s++) {
    starts[s] = view.getUint16(startsAt + s * 2);
    // The final 0xFFFF segment maps nothing.
    ends[s] = starts[s] === 0xffff ? 0xfffe : view.getUint16(endsAt + s * 2);
  }
  return {
    starts,
    ends,
    lookup(s, cp) {
      const delta = view.getInt16(deltasAt + s * 2);
      const rangeOffset = view.getUint16(rangesAt + s * 2);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const raw = view.getUint16(rangesAt + s * 2 + rangeOffset + (cp - (starts[s] as number)) * 2);
      return raw === 0 ? 0 : (raw + delta) & 0xffff;
    },
  };
}

function format6(view: DataView, at: number): CmapRanges {
  const first = view.getUint16(at + 6);
  const entries = view.getUint16(at + 8);
  return {
    starts: Uint32Array.of(first),
    ends: Uint32Array.of(first + entries - 1),
    lookup: (_, cp) => view.getUint16(at + 10 + (cp - first) * 2),
  };
}

function format0(view: DataView, at: number): CmapRanges {
  return {
    starts: Uint32Array.of(0),
    ends: Uint32Array.of(255),
    lookup: (_, cp) => view.getUint8(at + 6 + cp),
  };
}

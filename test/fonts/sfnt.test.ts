import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FontParseError, parseFont } from '../../src/fonts/sfnt.ts';

const DIR = new URL('../../fonts/', import.meta.url).pathname;
const cp = (c: string) => c.codePointAt(0)!;

describe('parseFont on the shipped fonts', () => {
  // Expected values read from the same files with fontTools (hhea, OS/2, hmtx).
  const sans = parseFont(readFileSync(`${DIR}NotoSansSC-Bold.otf`));
  const serif = parseFont(readFileSync(`${DIR}NotoSerifTC-SemiBold.otf`));
  const kai = parseFont(readFileSync(`${DIR}YuluWenKai-Regular.ttf`));

  it('reads units per em and vertical metrics', () => {
    expect([sans.unitsPerEm, sans.ascender, sans.descender, sans.lineGap]).toEqual([
      1000, 1160, -288, 0,
    ]);
    expect([serif.ascender, serif.descender]).toEqual([1151, -286]);
    expect([kai.unitsPerEm, kai.ascender, kai.descender]).toEqual([1000, 928, -256]);
    expect(sans.os2).toEqual({
      typoAscender: 880,
      typoDescender: -120,
      typoLineGap: 0,
      winAscent: 1160,
      winDescent: 288,
      useTypoMetrics: false,
    });
  });

  it('measures Han full width and Latin proportionally (CFF and TrueType)', () => {
    for (const font of [sans, serif, kai]) {
      expect(font.advance(cp('中'))).toBe(font.unitsPerEm);
      expect(font.advance(cp('，'))).toBe(font.unitsPerEm);
      expect(font.advance(cp('i'))).toBeLessThan(font.advance(cp('W')));
    }
    expect([sans.advance(cp('i')), sans.advance(cp('W')), sans.advance(cp(' '))]).toEqual([
      304, 915, 227,
    ]);
    expect([kai.advance(cp('i')), kai.advance(cp('W')), kai.advance(cp(' '))]).toEqual([
      263, 880, 350,
    ]);
  });

  it('knows what it lacks: private use, unlisted Han, astral planes', () => {
    for (const font of [sans, serif, kai]) {
      expect(font.hasGlyph(cp('中'))).toBe(true);
      expect(font.hasGlyph(0xe000)).toBe(false);
      expect(font.hasGlyph(0x20000)).toBe(false);
      expect(font.glyphId(0xe000)).toBe(0);
      // A missing character measures as .notdef.
      expect(font.advance(0xe000)).toBe(font.advance(0xe001));
    }
    expect(sans.hasGlyph(cp('龘'))).toBe(false);
  });

  it('lists its code points, each with a glyph', () => {
    const points = sans.codePoints();
    expect(points.length).toBeGreaterThan(1000);
    expect(points).toEqual([...points].sort((a, b) => a - b));
    expect(points.every((p) => sans.hasGlyph(p))).toBe(true);
    expect(sans.tables).toContain('CFF ');
    expect(kai.tables).toContain('glyf');
  });
});

describe('parseFont on synthetic fonts', () => {
  it('reads a format 4 cmap: idDelta and glyphIdArray segments', () => {
    const font = parseFont(buildFont({ format4: true, format12: false }));
    expect(font.glyphId(cp('A'))).toBe(1);
    expect(font.glyphId(cp('中'))).toBe(2);
    expect(font.hasGlyph(0x20000)).toBe(false);
    expect(font.hasGlyph(cp('B'))).toBe(false);
    expect(font.codePoints()).toEqual([cp('A'), cp('中')]);
  });

  it('prefers a format 12 cmap and reaches beyond the BMP', () => {
    const font = parseFont(buildFont({ format4: true, format12: true }));
    expect(font.glyphId(0x20000)).toBe(3);
    expect(font.glyphId(0x20001)).toBe(4);
    expect(font.codePoints()).toEqual([cp('A'), cp('中'), 0x20000, 0x20001]);
  });

  it('takes the last advance for glyphs past numberOfHMetrics, and caches', () => {
    const font = parseFont(buildFont({ format4: false, format12: true }));
    expect(font.advance(cp('A'))).toBe(600);
    expect(font.advance(cp('中'))).toBe(1000);
    expect(font.advance(0x20001)).toBe(1000); // glyph 4, past the 3 long metrics
    expect(font.advance(cp('B'))).toBe(500); // .notdef
    expect(font.advance(cp('A'))).toBe(600);
    expect([font.ascender, font.descender, font.lineGap, font.glyphCount]).toEqual([
      880, -120, 10, 5,
    ]);
    expect(font.os2?.useTypoMetrics).toBe(true);
  });

  it('rejects what Satori cannot use, with a reason', () => {
    const tagged = (tag: string) => {
      const bytes = new Uint8Array(64);
      bytes.set([...tag].map(cp));
      return bytes;
    };
    expect(() => parseFont(tagged('wOF2'))).toThrow(/WOFF2/);
    expect(() => parseFont(tagged('wOFF'))).toThrow(/WOFF/);
    expect(() => parseFont(tagged('ttcf'))).toThrow(/collection/);
    expect(() => parseFont(new Uint8Array(64))).toThrow(FontParseError);
    expect(() => parseFont(new Uint8Array(4))).toThrow(/too short/);
    const noCmap = buildFont({ format4: false, format12: false });
    expect(() => parseFont(noCmap)).toThrow(/cmap/);
  });
});

/**
 * A minimal TrueType-flavoured SFNT: glyphs .notdef, A, 中, U+20000, U+20001; advances 500, 600,
 * 1000 with numberOfHMetrics 3; cmap subtables as asked (format 4 cannot hold the astral pair).
 */
function buildFont(cmaps: { format4: boolean; format12: boolean }): Uint8Array {
  const head = bytes(54, (v) => v.setUint16(18, 1000));
  const maxp = bytes(6, (v) => {
    v.setUint32(0, 0x00005000);
    v.setUint16(4, 5);
  });
  const hhea = bytes(36, (v) => {
    v.setInt16(4, 880);
    v.setInt16(6, -120);
    v.setInt16(8, 10);
    v.setUint16(34, 3);
  });
  const hmtx = bytes(3 * 4 + 2 * 2, (v) => [500, 600, 1000].forEach((w, i) => v.setUint16(i * 4, w)));
  const os2 = bytes(78, (v) => {
    v.setUint16(62, 0x80);
    v.setInt16(68, 880);
    v.setInt16(70, -120);
  });

  const subtables: { platform: number; encoding: number; data: Uint8Array }[] = [];
  if (cmaps.format4) {
    // Segments: A (idDelta), 中 (glyphIdArray), 0xFFFF terminator.
    const seg = 3;
    const data = bytes(16 + seg * 8 + 2, (v) => {
      v.setUint16(0, 4);
      v.setUint16(2, 16 + seg * 8 + 2);
      v.setUint16(6, seg * 2);
      const ends = 14;
      const starts = ends + seg * 2 + 2;
      const deltas = starts + seg * 2;
      const ranges = deltas + seg * 2;
      [0x41, 0x4e2d, 0xffff].forEach((c, i) => {
        v.setUint16(ends + i * 2, c);
        v.setUint16(starts + i * 2, c);
      });
      v.setInt16(deltas, 1 - 0x41);
      v.setInt16(deltas + 4, 1);
      v.setUint16(ranges + 2, (seg - 1) * 2); // → glyphIdArray[0]
      v.setUint16(ranges + seg * 2, 2); // glyphIdArray[0] = glyph 2
    });
    subtables.push({ platform: 3, encoding: 1, data });
  }
  if (cmaps.format12) {
    const groups = [
      [0x41, 0x41, 1],
      [0x4e2d, 0x4e2d, 2],
      [0x20000, 0x20001, 3],
    ];
    const data = bytes(16 + groups.length * 12, (v) => {
      v.setUint16(0, 12);
      v.setUint32(4, 16 + groups.length * 12);
      v.setUint32(12, groups.length);
      groups.forEach(([start, end, glyph], i) => {
        v.setUint32(16 + i * 12, start!);
        v.setUint32(20 + i * 12, end!);
        v.setUint32(24 + i * 12, glyph!);
      });
    });
    subtables.push({ platform: 3, encoding: 10, data });
  }
  // A Mac Roman subtable the parser must skip.
  subtables.push({ platform: 1, encoding: 0, data: bytes(262, (v) => v.setUint16(2, 262)) });
  let offset = 4 + subtables.length * 8;
  const cmap = concat([
    bytes(4 + subtables.length * 8, (v) => {
      v.setUint16(2, subtables.length);
      subtables.forEach((t, i) => {
        v.setUint16(4 + i * 8, t.platform);
        v.setUint16(6 + i * 8, t.encoding);
        v.setUint32(8 + i * 8, offset);
        offset += t.data.length;
      });
    }),
    ...subtables.map((t) => t.data),
  ]);

  const tables: [string, Uint8Array][] = [
    ['OS/2', os2],
    ['cmap', cmap],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['maxp', maxp],
  ];
  const directory = bytes(12 + tables.length * 16, (v) => {
    v.setUint32(0, 0x00010000);
    v.setUint16(4, tables.length);
  });
  const body: Uint8Array[] = [];
  let at = directory.length;
  const dir = new DataView(directory.buffer);
  tables.forEach(([tag, data], i) => {
    const record = 12 + i * 16;
    [...tag].forEach((c, k) => dir.setUint8(record + k, cp(c)));
    dir.setUint32(record + 8, at);
    dir.setUint32(record + 12, data.length);
    const padded = new Uint8Array(Math.ceil(data.length / 4) * 4);
    padded.set(data);
    body.push(padded);
    at += padded.length;
  });
  return concat([directory, ...body]);
}

function bytes(length: number, fill: (view: DataView) => void): Uint8Array {
  const out = new Uint8Array(length);
  fill(new DataView(out.buffer));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

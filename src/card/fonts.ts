import { YuluError } from '../errors.ts';
import type { FontManifest, FontManifestEntry } from '../fonts/fonts.ts';
import { parseFont, type ParsedFont } from '../fonts/sfnt.ts';
import { contentHash } from '../text/hash.ts';
import type { DisplayScript } from '../text/script.ts';
import type { Face, FontBook, FontWeight, SatoriFont, Typeface } from './font-book.ts';

/**
 * Builds the FontBook from the manifest and the font bytes a runtime loaded (files on Node,
 * assets on the Worker). Each font is parsed once here; the same ArrayBuffers go to Satori on
 * every render, which lets Satori keep its own parse cached.
 */
export function createFontBook(
  manifest: FontManifest,
  data: ReadonlyMap<string, ArrayBuffer>,
): FontBook {
  const loaded = manifest.fonts.map((entry) => {
    const bytes = data.get(entry.file);
    if (!bytes)
      throw new YuluError(
        'render_failed',
        `font ${entry.file} listed in fonts/manifest.json was not loaded`,
        { status: 503 },
      );
    let parsed: ParsedFont;
    try {
      parsed = parseFont(bytes);
    } catch (cause) {
      throw new YuluError(
        'render_failed',
        `font ${entry.file} is corrupt: ${(cause as Error).message}`,
        { status: 503, cause },
      );
    }
    if (parsed.glyphCount !== entry.glyphs)
      throw new YuluError(
        'render_failed',
        `font ${entry.file} does not match fonts/manifest.json (${parsed.glyphCount} glyphs, expected ${entry.glyphs})`,
        { status: 503 },
      );
    return { entry, bytes, parsed };
  });

  const satoriFonts: SatoriFont[] = loaded.map(({ entry, bytes }) => ({
    name: entry.family,
    data: bytes,
    weight: entry.weight,
    style: 'normal',
  }));

  const typefaces = new Map<string, Typeface>();
  const typeface = (face: Face, script: DisplayScript, weight: FontWeight): Typeface => {
    // Bold requests take the face's quote weight (SemiBold serif, Bold sans); regular the rest.
    const role = weight >= 600 ? 'text' : 'meta';
    const key = `${face}/${script}/${role}`;
    let found = typefaces.get(key);
    if (!found) {
      // A face may have one font for every script and role (WenKai): prefer the exact match.
      const serving = loaded.filter(
        ({ entry }) => entry.face === face && entry.scripts.includes(script),
      );
      const font = serving.find(({ entry }) => entry.role === role) ?? serving[0];
      if (!font)
        throw new YuluError(
          'render_failed',
          `no ${role} font for ${face} ${script} in fonts/manifest.json`,
          { status: 503 },
        );
      found = toTypeface(font.entry, font.parsed);
      typefaces.set(key, found);
    }
    return found;
  };

  return {
    satoriFonts,
    typeface,
    version: fontsVersion(manifest),
  };
}

function toTypeface(entry: FontManifestEntry, font: ParsedFont): Typeface {
  const em = font.unitsPerEm;
  return {
    family: entry.family,
    weight: entry.weight,
    measure: (text) => {
      let width = 0;
      for (const c of text) width += font.advance(c.codePointAt(0) as number);
      return width / em;
    },
    covers: (char) => font.hasGlyph(char.codePointAt(0) as number),
  };
}

/** A fingerprint of the font files, known from the manifest alone (no font needs loading). */
export function fontsVersion(manifest: FontManifest): string {
  return contentHash(manifest.fonts.map((f) => f.sha256).join(','));
}

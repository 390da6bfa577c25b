import manifest from '../../../fonts/web/manifest.json' with { type: 'json' };
import type { WebFontManifest } from '../../fonts/web-fonts.ts';

/*
 * The pages' own fonts (fonts/web/, npm run fonts:web), served from the origin under URLs that
 * carry the file's hash, so they can be cached forever and a page reads the same in a browser
 * without any CJK font installed.
 */

export const WEB_FONTS = manifest as WebFontManifest;

/** `v=` of a web font: the first 12 hex digits of its SHA-256. */
export const fontVersion = (sha256: string) => sha256.slice(0, 12);

/** A web font's immutable URL path. */
export function webFontHref(file: string): string {
  const font = WEB_FONTS.fonts.find((f) => f.file === file);
  return `/fonts/web/${file}${font ? `?v=${fontVersion(font.sha256)}` : ''}`;
}

/** @font-face rules for every web font; a page only downloads the family its text uses. */
export function fontFaces(): string {
  return WEB_FONTS.fonts
    .map(
      (f) =>
        `@font-face{font-family:"${f.family}";src:url("${webFontHref(f.file)}") format("woff2");font-weight:100 900;font-display:swap}`,
    )
    .join('\n');
}

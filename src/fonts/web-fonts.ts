import type { DisplayScript } from '../text/script.ts';
import { buildCharset, charsetFor, type CharsetSources } from './charset.ts';
import type { FontScript } from './fonts.ts';

/**
 * The pages' web fonts (fonts/web/, `npm run fonts:web`): one Noto Sans face per glyph-form
 * locale, each holding every character a page in its scripts can show.
 */
export const WEB_FONT_SCRIPTS: readonly { script: FontScript; family: string; scripts: DisplayScript[] }[] = [
  { script: 'sc', family: 'Yulu Sans SC', scripts: ['hans'] },
  { script: 'tc', family: 'Yulu Sans TC', scripts: ['hant', 'tw'] },
  { script: 'hk', family: 'Yulu Sans HK', scripts: ['hk'] },
];

export interface WebFontManifest {
  /** SHA-256 of the characters each font was cut for (joined by newlines, in WEB_FONT_SCRIPTS order). */
  charsetSha256: string;
  fonts: {
    file: string;
    family: string;
    scripts: DisplayScript[];
    sha256: string;
    bytes: number;
    characters: number;
  }[];
}

/** Every character a page in `scripts` can show: the card charset's full scope over the pages' text. */
export function webCharset(sources: CharsetSources, scripts: readonly DisplayScript[]): string {
  return charsetFor(buildCharset(sources), scripts, 'full');
}

/** The web font for a display script. */
export function webFontFor(manifest: WebFontManifest, script: DisplayScript) {
  return manifest.fonts.find((f) => f.scripts.includes(script));
}

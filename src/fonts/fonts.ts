import {
  DISPLAY_SCRIPTS,
  SCRIPTS as SCRIPT_FACTS,
  type DisplayScript,
  type FontScript,
} from '../text/scripts.ts';
import type { CharsetScope } from './charset.ts';

/**
 * The card fonts: which faces exist, what they are for and where they come from. `npm run fonts`
 * subsets each from its Debian package into fonts/ and writes fonts/manifest.json; runtimes load
 * the files the manifest lists. Glyph forms follow the script: mainland forms (SC) for simplified,
 * Taiwan forms (TC) for traditional and Taiwan, Hong Kong forms (HK) for Hong Kong.
 */
export type { FontScript } from '../text/scripts.ts';
/** `kai` is LXGW WenKai (one face for every script; it lacks some traditional characters). */
export type Face = 'serif' | 'sans' | 'kai';
/** `text` faces set the quote (and bold meta lines); `meta` faces the regular meta lines. */
export type FontRole = 'text' | 'meta';
export type FontWeight = 400 | 600 | 700;

/** The glyph forms each display script is drawn in (src/text/scripts.ts). */
export const FONT_SCRIPT = Object.fromEntries(
  DISPLAY_SCRIPTS.map((script) => [script, SCRIPT_FACTS[script].font]),
) as Record<DisplayScript, FontScript>;

export interface FontSpec {
  /** File name under fonts/. */
  file: string;
  /** Family name to register with Satori (and written into the font's name table). */
  family: string;
  face: Face;
  /** Glyph-form locale of the face; `all` for a face that serves every script with one form. */
  script: FontScript | 'all';
  /** Display scripts the font serves. */
  scripts: DisplayScript[];
  weight: FontWeight;
  style: 'normal';
  role: FontRole;
  /** Which characters the file holds: `full` every character a card can show in its scripts,
   * `meta` the metadata and UI text only (src/fonts/charset.ts). */
  charset: CharsetScope;
  source: {
    /** Debian package that ships the source file. */
    package: string;
    path: string;
    /** Face index inside a TTC (0 for a plain font file). */
    faceIndex: number;
    /** Expected family name (name ID 1) of that face, checked by the build. */
    family: string;
  };
  /** Names written into the subset instead of the source's, for fonts whose OFL licence reserves
   * the original name for unmodified versions (LXGW WenKai reserves "LXGW" and "霞鹜"). */
  rename?: { family: string; postscript: string };
}

const NOTO = '/usr/share/fonts/opentype/noto';
const WENKAI = '/usr/share/fonts/truetype/lxgw-wenkai';
/** Face index of each script inside Debian's Noto CJK collections (JP 0, KR 1, SC 2, TC 3, HK 4;
 * the Sans collections then hold Sans Mono JP…HK at 5–9). The build checks the names. */
const TTC_INDEX: Record<FontScript, number> = { sc: 2, tc: 3, hk: 4 };
const SCRIPT_NAME: Record<FontScript, string> = { sc: 'SC', tc: 'TC', hk: 'HK' };
/** The display scripts a font of each glyph form serves: the inverse of FONT_SCRIPT. */
const serves = (font: FontScript): DisplayScript[] =>
  DISPLAY_SCRIPTS.filter((script) => SCRIPT_FACTS[script].font === font);
const STYLE: Record<FontWeight, string> = { 400: 'Regular', 600: 'SemiBold', 700: 'Bold' };

/**
 * Regular Noto faces only set the speaker's title, the source and the link (src/card/compose.ts
 * sets every quote in the text face), so they hold the `meta` charset: 30 KB instead of 350 KB
 * each. Switch to `full` if a theme ever sets a quote in a regular weight.
 */
const NOTO_REGULAR_CHARSET: CharsetScope = 'meta';

function noto(face: 'serif' | 'sans', script: FontScript, weight: FontWeight): FontSpec {
  const kind = face === 'serif' ? 'Serif' : 'Sans';
  const family = `Noto ${kind} ${SCRIPT_NAME[script]}`;
  const style = STYLE[weight];
  return {
    file: `Noto${kind}${SCRIPT_NAME[script]}-${style}.otf`,
    family,
    face,
    script,
    scripts: serves(script),
    weight,
    style: 'normal',
    role: weight === 400 ? 'meta' : 'text',
    charset: weight === 400 ? NOTO_REGULAR_CHARSET : 'full',
    source: {
      package: weight === 600 ? 'fonts-noto-cjk-extra' : 'fonts-noto-cjk',
      path: `${NOTO}/Noto${kind}CJK-${style}.ttc`,
      faceIndex: TTC_INDEX[script],
      family: `Noto ${kind} CJK ${SCRIPT_NAME[script]}${weight === 600 ? ' SemiBold' : ''}`,
    },
  };
}

/** WenKai has one weight in Yulu: the `kai` theme sets quote and metadata in it. */
function wenkai(weight: 400): FontSpec {
  const style = STYLE[weight];
  return {
    file: `YuluWenKai-${style}.ttf`,
    family: 'Yulu WenKai',
    face: 'kai',
    script: 'all',
    scripts: [...DISPLAY_SCRIPTS],
    weight,
    style: 'normal',
    role: 'text',
    charset: 'full',
    source: {
      package: 'fonts-lxgw-wenkai',
      path: `${WENKAI}/LXGWWenKai-${style}.ttf`,
      faceIndex: 0,
      family: 'LXGW WenKai',
    },
    rename: { family: 'Yulu WenKai', postscript: `YuluWenKai-${style}` },
  };
}

const SCRIPTS: FontScript[] = ['sc', 'tc', 'hk'];

export const FONT_SPECS: readonly FontSpec[] = [
  ...SCRIPTS.flatMap((script) => [
    noto('serif', script, 600),
    noto('serif', script, 400),
    noto('sans', script, 700),
    noto('sans', script, 400),
  ]),
  wenkai(400),
];

/** fonts/manifest.json: the specs as built, with what a runtime and a reviewer need to know. */
export interface FontManifestEntry extends FontSpec {
  bytes: number;
  sha256: string;
  glyphs: number;
  /** How many characters of its charset (scope × scripts) the font was cut for. */
  chars: number;
  /** Characters of its charset the font lacks (the renderer falls back to Noto for these). */
  missing: string[];
}
export interface FontManifest {
  version: 1;
  /** SHA-256 of fonts/charset.txt the fonts were cut for. */
  charsetSha256: string;
  fonts: FontManifestEntry[];
}

import type { DisplayScript } from '../text/script.ts';
import type { Face } from '../fonts/fonts.ts';
import type { Measure } from './typeset/units.ts';

export type { Face };

export type FontWeight = 400 | 600 | 700;

/** A font as Satori takes it. `data` is the same object on every render: Satori caches parsed
 * fonts by identity (with full CJK fonts a fresh copy costs a re-parse of 150–200 ms; with these
 * subsets the bench measured no difference, but there is no reason to pay it). */
export interface SatoriFont {
  name: string;
  data: ArrayBuffer;
  weight: FontWeight;
  style: 'normal';
}

export interface Typeface {
  /** Family name as registered with Satori. */
  family: string;
  weight: FontWeight;
  /** Advance width of a string in em, from the font's own metrics. */
  measure: Measure;
  /** Whether the font has a glyph for the character (no tofu). */
  covers: (char: string) => boolean;
}

/** The fonts a card can use, parsed once per process or isolate. */
export interface FontBook {
  typeface(face: Face, script: DisplayScript, weight: FontWeight): Typeface;
  /** Every font, for Satori's `fonts` option (the same array, hence the same objects, each time). */
  readonly satoriFonts: readonly SatoriFont[];
  /** Changes when any font file changes: part of the render version (ETags, cache keys). */
  readonly version: string;
}
